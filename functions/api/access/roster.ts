/**
 * Loading a group's roster, or one duty, for those who may see it.
 * @module
 */
import { forbidden, notFound } from '../../core/errors';
import { canSeeAttendees } from '../../core/meetups';
import type { RosterRole } from '../../core/roster';
import { canStaff } from '../../core/roster';
import { groupOf } from '../../store/keys';
import { meetupsRepo } from '../../store/repos/meetups';
import { type Ctx, requireAuth } from '../context';
import { loadGroup } from './groups';

/** The group, for its organisers and moderators (owners to change it, with `owners`). */
export async function loadRoster(c: Ctx, groupId: string, owners = false) {
  const { userId } = requireAuth(c);
  const { group, member } = await loadGroup(c, groupId, 'read', 'Join the group to see its roster');
  if (owners ? !canStaff(member) : !canSeeAttendees(member))
    throw forbidden(owners ? 'Only owners staff the roster' : 'The roster is for organisers and moderators');
  return { group, member: member!, userId };
}

export const parseAssignment = (assignmentId: string) => {
  const [occurrenceId, role] = assignmentId.split('.') as [string, RosterRole];
  return { occurrenceId, role };
};

/** An assignment's meetup and slot, for the facilitator who holds it (404 for anyone else). */
export async function loadAssignment(c: Ctx, assignmentId: string) {
  const { userId } = requireAuth(c);
  const { occurrenceId, role } = parseAssignment(assignmentId);
  const { group, member } = await loadGroup(c, groupOf(occurrenceId), 'read', 'Join the group first');
  const o = await c.var.services.repo(meetupsRepo).getOccurrence(occurrenceId);
  const slot = o?.roster?.[role];
  if (!o || slot?.userId !== userId) throw notFound('No such duty of yours');
  return { group, member: member!, userId, o, role, slot };
}
