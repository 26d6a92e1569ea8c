/**
 * Telling members in the app about a meetup or a duty.
 * @module
 */
import { type NoticeWords, notice } from '../../core/i18n/notices';
import type { GroupRecord } from '../../store/repos/group-records';
import type { OccurrenceRecord } from '../../store/repos/meetup-records';
import type { NotificationRecord } from '../../store/repos/notifications';
import { notificationsRepo } from '../../store/repos/notifications';
import type { Ctx } from '../context';

/** A meetup's start, to be said as its own zone's clock reads it. */
export const startOf = (o: { startAt: number; timezone: string }) => ({ at: o.startAt, zone: o.timezone });

export async function notify(
  c: Ctx,
  o: OccurrenceRecord,
  userIds: string[],
  kind: NotificationRecord['kind'],
  words: NoticeWords,
  at: number,
): Promise<void> {
  if (!userIds.length) return;
  await c.var.services.repo(notificationsRepo).notify(
    userIds.map((userId) => ({
      userId,
      kind,
      notice: words,
      occurrenceId: o.occurrenceId,
      groupId: o.groupId,
    })),
    at,
  );
}

export async function notifyPeople(
  c: Ctx,
  userIds: string[],
  o: { occurrenceId: string; groupId: string },
  words: NoticeWords,
  page?: NotificationRecord['page'],
  /** What on that page it is about (a cover request: the link goes to it). */
  ref?: string,
) {
  if (!userIds.length) return;
  await c.var.services.repo(notificationsRepo).notify(
    userIds.map((userId) => ({
      userId,
      kind: 'roster' as const,
      notice: words,
      occurrenceId: o.occurrenceId,
      groupId: o.groupId,
      ...(page ? { page } : {}),
      ...(ref ? { ref } : {}),
    })),
    c.var.services.now(),
  );
}

/**
 * A meetup scheduled: those who asked to hear of the group's new meetups are told (not whoever
 * scheduled it), with its first date as the group's clock reads it.
 */
export async function announceMeetup(
  c: Ctx,
  group: Pick<GroupRecord, 'groupId' | 'name' | 'timezone' | 'meetupNews'>,
  first: { occurrenceId: string; title: string; startAt: number },
  repeats: boolean,
  by: string,
): Promise<void> {
  const to = [...(group.meetupNews ?? [])].filter((u) => u !== by);
  if (!to.length) return;
  const words = notice('newMeetup', {
    group: group.name,
    title: first.title,
    when: { at: first.startAt, zone: group.timezone },
    zone: { zoneName: group.timezone },
    repeats: repeats ? 'yes' : 'no',
  });
  await c.var.services.repo(notificationsRepo).notify(
    to.map((userId) => ({
      userId,
      kind: 'new_meetup' as const,
      notice: words,
      occurrenceId: first.occurrenceId,
      groupId: group.groupId,
    })),
    c.var.services.now(),
  );
}
