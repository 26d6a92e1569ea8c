/**
 * What a member leaves in a group's schedule when they go (they leave, or are removed) or stop
 * facilitating: the places they hold pass to the next in line (who are told), and their duties go
 * back to the roster (the owners are told). Loaded on use, so the group routes stay free of the
 * meetups context.
 * @module
 */
import { FEED_AHEAD_MS } from '../../core/feeds';
import { groupNewsRepo } from '../../store/repos/group-news';
import type { GroupRecord } from '../../store/repos/group-records';
import { meetupsRepo } from '../../store/repos/meetups';
import { RsvpClosed } from '../../store/repos/rsvp-ledger';
import type { Ctx } from '../context';
import { releaseDuties } from './duties';
import { changeRsvp } from './rsvps';

export async function leaveSchedule(
  c: Ctx,
  group: Pick<GroupRecord, 'groupId' | 'owners'>,
  userId: string,
  what: { places: boolean },
): Promise<{ withdrawn: number; released: number }> {
  const { now } = c.var.services;
  const meetups = c.var.services.repo(meetupsRepo);
  const at = now();
  let withdrawn = 0;
  if (what.places) {
    // Gone from the group: no longer told of its new meetups.
    await c.var.services.repo(groupNewsRepo).unfollow(group.groupId, userId);
    const ids = await meetups.listAllScheduleIds(group.groupId, { from: at, to: at + FEED_AHEAD_MS });
    for (const occurrence of await meetups.getOccurrences(
      Object.keys(await meetups.ticketsIn(ids, userId)),
    )) {
      try {
        await changeRsvp(c, userId, occurrence, null, { at, answer: () => null }, () =>
          meetups.cancelRsvp(occurrence.occurrenceId, userId, at, occurrence),
        );
        withdrawn++;
      } catch (e) {
        if (!(e instanceof RsvpClosed)) throw e; // started meanwhile: it stays as it was
      }
    }
  }
  return { withdrawn, released: await releaseDuties(c, group, userId) };
}
