/**
 * Telling members in the app about a meetup or a duty.
 * @module
 */
import type { OccurrenceRecord } from '../../store/repos/meetup-records';
import type { NotificationRecord } from '../../store/repos/notifications';
import { notificationsRepo } from '../../store/repos/notifications';
import type { Ctx } from '../context';

export async function notify(
  c: Ctx,
  o: OccurrenceRecord,
  userIds: string[],
  kind: NotificationRecord['kind'],
  text: string,
  at: number,
): Promise<void> {
  if (!userIds.length) return;
  await c.var.services.repo(notificationsRepo).notify(
    userIds.map((userId) => ({ userId, kind, text, occurrenceId: o.occurrenceId, groupId: o.groupId })),
    at,
  );
}

export async function notifyPeople(
  c: Ctx,
  userIds: string[],
  o: { occurrenceId: string; groupId: string },
  text: string,
  page?: NotificationRecord['page'],
  /** What on that page it is about (a cover request: the link goes to it). */
  ref?: string,
) {
  if (!userIds.length) return;
  await c.var.services.repo(notificationsRepo).notify(
    userIds.map((userId) => ({
      userId,
      kind: 'roster' as const,
      text,
      occurrenceId: o.occurrenceId,
      groupId: o.groupId,
      ...(page ? { page } : {}),
      ...(ref ? { ref } : {}),
    })),
    c.var.services.now(),
  );
}
