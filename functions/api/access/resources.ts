/**
 * Who may do what in a resource directory: whether the caller is a platform admin, and a
 * listing with what the caller may do with it.
 * @module
 */

import { normaliseHandle } from '../../core/accounts';
import { notFound } from '../../core/errors';
import { DEFAULT_REVIEW_MONTHS, type ResourceActor } from '../../core/resources';
import { scopeOfResource } from '../../store/repos/resource-records';
import { resourcesRepo } from '../../store/repos/resources';
import { type Ctx, requireAuth } from '../context';
import { loadGroup } from './groups';

/** Whether the signed-in person is a platform admin (by handle, as configured at deploy). */
export async function isAdmin(c: Ctx, userId: string): Promise<boolean> {
  const admins = c.var.services.config.admins ?? [];
  if (!admins.length) return false;
  const user = await c.var.services.accounts.getUser(userId);
  return !!user && admins.map(normaliseHandle).includes(normaliseHandle(user.handle));
}

/** A listing and what the caller may do with it. */
export const loadListing = async (c: Ctx, resourceId: string) => {
  const { userId } = requireAuth(c);
  const scope = scopeOfResource(resourceId);
  const actor = await actorIn(c, scope);
  if (scope !== 'global' && actor.member?.status !== 'active') throw notFound('No such listing');
  const r = await c.var.services.repo(resourcesRepo).get(resourceId);
  if (!r) throw notFound('No such listing');
  return { r, scope, actor, userId };
};

/**
 * What the caller may do in a directory (global, or a group's, which they must be able to see),
 * and the directory's review period.
 */
export async function actorIn(
  c: Ctx,
  scope: string,
): Promise<ResourceActor & { userId: string | null; months: number }> {
  const auth = c.get('auth');
  const userId = auth?.userId ?? null;
  const repo = c.var.services.repo(resourcesRepo);
  const [group, professional, admin] = await Promise.all([
    scope === 'global' ? null : loadGroup(c, scope),
    userId ? repo.getProfessional(userId).then((p) => p?.status === 'verified') : false,
    userId ? isAdmin(c, userId) : false,
  ]);
  return {
    userId,
    member: group?.member ?? null,
    professional,
    admin,
    months: group?.group.resourceReviewMonths ?? DEFAULT_REVIEW_MONTHS,
  };
}

export const kind = (scope: string) => (scope === 'global' ? 'global' : 'group');
