/**
 * Roster gaps: meetups in the next 7 days that are understaffed or have duties nobody has
 * confirmed, found by key (the day index of every group's occurrences), never by scanning. The
 * group's owners and facilitators are told once per gap: the meetup keeps the gap it was told
 * of, and a new notice goes out only when the gap changes.
 * @module
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { notice } from '../core/i18n/notices';
import {
  defaultStaffing,
  type RosterRole,
  type Staffing,
  staffingGap,
  unconfirmedRoles,
} from '../core/roster';
import { getMany } from '../store/batch';
import { written } from '../store/conditional';
import { keys } from '../store/keys';
import { groupsRepo } from '../store/repos/groups';
import type { OccurrenceItem } from '../store/repos/meetup-records';
import { meetupsRepo } from '../store/repos/meetups';
import { notificationsRepo } from '../store/repos/notifications';
import type { Job, JobContext } from './job';

const DAY = 86_400_000;

export interface RosterGap {
  occurrenceId: string;
  groupId: string;
  open: RosterRole[];
  unconfirmed: RosterRole[];
  understaffed: boolean;
}

export const rosterGaps = {
  name: 'roster-gaps',
  async run({ db, now }: JobContext): Promise<RosterGap[]> {
    const ids = await meetupsRepo(db).startingBetween(now, now + 7 * DAY);
    const found = await getMany(
      db,
      ids.map((id) => keys.occurrence(id)),
      {
        only: [
          'occurrenceId',
          'groupId',
          'title',
          'timezone',
          'startAt',
          'status',
          'mode',
          'staffing',
          'roster',
          'gapNotice',
        ].map((f) => [f]),
      },
    );
    const gaps: RosterGap[] = [];
    const members = new Map<string, string[]>();
    for (const item of found.values()) {
      const o = item as unknown as OccurrenceItem;
      if (o.status !== 'scheduled' || o.startAt <= now || o.startAt > now + 7 * DAY) continue;
      const staffing: Staffing = o.staffing ?? defaultStaffing(o.mode);
      const roster = o.roster ?? {};
      const gap = staffingGap(staffing, roster);
      const unconfirmed = unconfirmedRoles(staffing, roster);
      if (!gap.understaffed && !unconfirmed.length) continue;
      gaps.push({
        occurrenceId: o.occurrenceId,
        groupId: o.groupId,
        open: gap.open,
        unconfirmed,
        understaffed: gap.understaffed,
      });
      const told = `${gap.open.join(',')}|${unconfirmed.join(',')}`;
      if (told === o.gapNotice) continue;
      // Not written: another run told them already.
      if (
        !(await written(
          db.doc.send(
            new UpdateCommand({
              TableName: db.table,
              Key: keys.occurrence(o.occurrenceId),
              UpdateExpression: 'SET gapNotice = :n',
              ConditionExpression: 'attribute_not_exists(gapNotice) OR gapNotice <> :n',
              ExpressionAttributeValues: { ':n': told },
            }),
          ),
        ))
      )
        continue;
      if (!members.has(o.groupId)) {
        members.set(
          o.groupId,
          (await groupsRepo(db).activeMembers(o.groupId))
            .filter((m) => m.role === 'owner' || m.role === 'facilitator')
            .map((m) => m.userId),
        );
      }
      await notificationsRepo(db).notify(
        members.get(o.groupId)!.map((userId) => ({
          userId,
          kind: 'roster' as const,
          notice: notice('rosterGap', {
            title: o.title,
            when: { at: o.startAt, zone: o.timezone },
            open: { roles: gap.open },
            unconfirmed: unconfirmed.length,
          }),
          occurrenceId: o.occurrenceId,
          groupId: o.groupId,
          page: 'roster' as const,
        })),
        now,
      );
    }
    return gaps;
  },
} satisfies Job;
