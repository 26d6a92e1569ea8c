/**
 * What a member leaves in a group's schedule when they go: their places and duties (see
 * departures.ts, loaded on use so the group routes stay free of the meetups context).
 * @module
 */
import type { GroupRecord } from '../../store/repos/group-records';
import type { Ctx } from '../context';

/** A member's places and duties in the group's schedule, given up (see departures.ts, loaded on use). */
export async function leavingSchedule(
  c: Ctx,
  group: GroupRecord,
  userId: string,
  what: { places: boolean },
): Promise<void> {
  const { leaveSchedule } = await import('../flows/departures');
  await leaveSchedule(c, group, userId, what);
}
