/**
 * Loading a meetup's occurrence for the caller, and the reads a meetup route asks for with
 * the session (`prefetch`).
 * @module
 */
import { forbidden, notFound } from '../../core/errors';
import { canSeeInside } from '../../core/groups';
import { keyOf } from '../../store/batch';
import { groupOf, keys } from '../../store/keys';
import type { MemberRecord } from '../../store/repos/group-records';
import { occurrenceKeys, readOccurrence } from '../../store/repos/meetup-records';
import { meetupsRepo } from '../../store/repos/meetups';
import type { Ctx } from '../context';

export const NOT_FOUND = 'No such meetup, or it is in a private group';

/** Whether the RSVP routes' prefetch found the caller's calendar feed. */
export const prefetchedFeed = (c: Ctx, userId: string) => c.var.prefetched.has(keyOf(keys.feed(userId)));

/** Loads an occurrence the caller may see; 404 for private groups' outsiders and for no such thing. */
export async function loadOccurrence(c: Ctx, occurrenceId: string) {
  const auth = c.get('auth');
  const { groups } = c.var.services;
  const meetups = c.var.services.repo(meetupsRepo);
  const [ok, mk] = occurrenceKeys(occurrenceId, auth?.userId ?? '');
  const found = c.var.prefetched;
  const { occurrence, member } =
    auth && found.has(keyOf(ok))
      ? {
          occurrence: readOccurrence(found.get(keyOf(ok))!),
          member: (found.get(keyOf(mk)) as MemberRecord | undefined) ?? null,
        }
      : await meetups.getOccurrenceWithMember(occurrenceId, auth?.userId ?? null);
  if (!occurrence) throw notFound(NOT_FOUND);
  if (member?.status !== 'active') {
    const group = await groups.getGroup(groupOf(occurrenceId));
    if (!group || !canSeeInside(group.visibility, member)) throw notFound(NOT_FOUND);
  }
  return { occurrence, member, viewer: { userId: auth?.userId ?? null, member } };
}

export function requireActiveMember(member: MemberRecord | null): MemberRecord {
  if (!member) throw forbidden('Join the group to RSVP');
  if (member.status !== 'active') throw forbidden('Your request to join is waiting for approval');
  return member;
}
