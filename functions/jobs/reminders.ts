/**
 * Every minute: the reminders that fell due since the last run, for meetups as they are now.
 * Meetups are found by their start, by key (the day index), so a moved meetup reminds at its new
 * time and a cancelled one not at all; who is going and who holds a duty are read at that moment
 * too. Each reminder is one conditional write (the in-app notice, named by the meetup, the member,
 * how long before and the start), so it is made once however often the job runs; its writer then
 * pushes it, outside the member's quiet hours.
 * @module
 */

import { notice } from '../core/i18n/notices';
import { word } from '../core/i18n/words';
import { inQuietHours, REMINDER_MINUTES, reminderAt, reminderMessage, remindersDue } from '../core/reach';
import type { RosterRole } from '../core/roster';
import { groupsRepo } from '../store/repos/groups';
import type { OccurrenceRecord } from '../store/repos/meetup-records';
import { meetupsRepo } from '../store/repos/meetups';
import { notificationsRepo } from '../store/repos/notifications';
import { type Reach, reachRepo } from '../store/repos/reach';
import { scheduleReads } from '../store/repos/schedule-reads';
import { pushToMember } from './deliver';
import type { JobContext } from './job';
import { eachLimited } from './pool';

/** Members reminded at once (each is a conditional write, then a push). */
const CONCURRENCY = 32;

/** A run that has no cursor, or was down, looks back this far: later than that, a reminder is moot. */
const LOOK_BACK = 15 * 60_000;

/** Who is reminded of an occurrence: those going, and those holding a duty at it (with the duty). */
function reminded(o: OccurrenceRecord): { userId: string; role?: RosterRole }[] {
  const duties = Object.entries(o.roster ?? {}).map(([role, slot]) => ({
    userId: slot!.userId,
    role: role as RosterRole,
  }));
  const held = new Set(duties.map((d) => d.userId));
  return [
    ...duties,
    ...Object.keys(o.going)
      .filter((u) => !held.has(u))
      .map((userId) => ({ userId })),
  ];
}

export const reminders = {
  name: 'reminders',
  async run({ db, now, vapid }: JobContext): Promise<number> {
    const reach = reachRepo(db);
    const after = Math.max((await reach.cursor('reminders')) ?? 0, now - LOOK_BACK);
    // Every meetup with some reminder due in (after, now]: for each choice, those starting that
    // much later, read by key (a minute's worth; for the day before, an hour more each side,
    // which a clock change can move it by), then kept only if a reminder is due now.
    const reads = scheduleReads(db);
    const slack = (m: number) => (m === 1440 ? 60 * 60_000 : 0);
    const found = await Promise.all(
      REMINDER_MINUTES.map((m) => reads.startsIn(after + m * 60_000 - slack(m), now + m * 60_000 + slack(m))),
    );
    const starts = [...new Map(found.flat().map((f) => [f.occurrenceId, f])).values()].filter(
      (f) => remindersDue(f.startAt, f.timezone ?? 'UTC', REMINDER_MINUTES, { after, until: now }).length,
    );
    const meetups = meetupsRepo(db);
    const groups = groupsRepo(db);
    const notes = notificationsRepo(db);
    let sent = 0;
    for (const { occurrenceId } of starts) {
      const o = await meetups.getOccurrence(occurrenceId);
      if (o?.status !== 'scheduled') continue;
      const people = reminded(o);
      const settings = await reach.many(people.map((p) => p.userId));
      const group = await groups.getGroup(o.groupId);
      if (!group) continue;
      // Members at once, a few dozen at a time: each is a write and a push, mostly waiting.
      await eachLimited(people, CONCURRENCY, async (p) => {
        const s = settings.get(p.userId) as Reach;
        // Times read on the member's clock, or the meetup's until they say where they are.
        const zone = s.zone ?? o.timezone;
        const chosen = p.role ? s.duties : s.meetups;
        for (const minutes of remindersDue(o.startAt, o.timezone, chosen, { after, until: now })) {
          const due = reminderAt(o.startAt, minutes, o.timezone);
          const made = await notes.notifyOnce(
            {
              userId: p.userId,
              kind: 'reminder',
              notice: notice(p.role ? 'reminderDuty' : 'reminder', {
                title: o.title,
                group: group.name,
                when: { at: o.startAt, zone },
                ...(p.role ? { role: { role: p.role } } : {}),
              }),
              occurrenceId: o.occurrenceId,
              groupId: o.groupId,
            },
            due,
            `remind:${o.occurrenceId}:${p.userId}:${minutes}:${o.startAt}`,
          );
          if (!made) continue;
          sent++;
          if (!vapid || !s.devices.length || inQuietHours(now, s.quiet, zone)) continue;
          const message = reminderMessage(
            {
              occurrenceId: o.occurrenceId,
              title: o.title,
              groupName: group.name,
              startAt: o.startAt,
              ...(p.role ? { duty: word(s.language, `role.${p.role}`) } : {}),
            },
            { detail: s.detail, zone, ...(s.language ? { language: s.language } : {}) },
            now,
          );
          // Until the meetup starts, and no longer: a late reminder is no use.
          await pushToMember(db, vapid, s, message, {
            ttlSeconds: Math.max(60, Math.round((o.startAt - now) / 1000)),
          });
        }
      });
    }
    await reach.advance('reminders', now);
    return sent;
  },
};
