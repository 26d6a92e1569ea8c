/**
 * Loading a group for the caller: 404 for a group they may not see (a private group's
 * existence never leaks), 403 for an action their role lacks.
 * @module
 */
import { forbidden, notFound } from '../../core/errors';
import { can, canSeeGroup, canSeeInside, type GroupAction } from '../../core/groups';
import { keyOf } from '../../store/batch';
import { hashToken } from '../../store/ids';
import { keys } from '../../store/keys';
import type { InviteRecord } from '../../store/repos/group-records';
import { fromItem, type MemberRecord } from '../../store/repos/group-records';
import type { Ctx } from '../context';

export const NOT_FOUND = 'No such group, or it is private';

/**
 * Loads a group the caller may see (404 otherwise, as for a missing one) and, given an action,
 * refuses callers who may not do it (`refusal`: what to tell a non-member).
 */
export async function loadGroup(c: Ctx, groupId: string, action?: GroupAction, refusal?: string) {
  const auth = c.get('auth');
  // Read with the session when the route asked for it (its `prefetch`), else now.
  const found = c.var.prefetched;
  const gk = keyOf(keys.group(groupId));
  const { group, member } =
    auth && found.has(gk)
      ? {
          group: fromItem(found.get(gk)!),
          member: (found.get(keyOf(keys.member(groupId, auth.userId))) as MemberRecord | undefined) ?? null,
        }
      : await c.var.services.groups.getGroupWithMember(groupId, auth?.userId ?? null);
  if (!group || !canSeeGroup(group.visibility, member)) throw notFound(NOT_FOUND);
  if (action && !can(member, action)) {
    throw forbidden(member?.status === 'pending' ? 'Your request to join is waiting for approval' : refusal);
  }
  return { group, member };
}

/**
 * The group, when the caller may see what is inside it (its meetups and schedule): 404 for a
 * private group's outsiders, a request still waiting included, exactly as for no group.
 */
export async function loadGroupInside(c: Ctx, groupId: string) {
  const loaded = await loadGroup(c, groupId);
  if (!canSeeInside(loaded.group.visibility, loaded.member)) throw notFound(NOT_FOUND);
  return loaded;
}

export async function liveInvite(
  c: Ctx,
  groupId: string,
  token: string | undefined,
): Promise<InviteRecord | null> {
  if (!token) return null;
  const invite = await c.var.services.groups.getInvite(hashToken(token));
  if (!invite || invite.groupId !== groupId || invite.revoked || invite.expiresAt <= c.var.services.now())
    return null;
  return invite;
}
