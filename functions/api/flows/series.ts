/**
 * Changing or cancelling a whole series, and ending one early: core plans the change
 * (core/series-edit.ts); this writes it, tells each meetup's people and moves the duties with it.
 * @module
 */
import { conflict, HearthError, invalid } from '../../core/errors';
import { NEW_DATES_REASON } from '../../core/series';
import type { SeriesChange } from '../../core/series-edit';
import { planSeriesEdit } from '../../core/series-edit';
import { iso } from '../../core/time';
import { occurrenceIdFor } from '../../store/ids';
import type { GroupRecord } from '../../store/repos/group-records';
import type { MeetupRecord } from '../../store/repos/meetup-records';
import { meetupsRepo } from '../../store/repos/meetups';
import { rosterRepo } from '../../store/repos/roster';
import { SETTLE_MS } from '../../store/settle';
import type { Ctx } from '../context';
import { meetupView } from '../views/meetups';
import { cancelAndTell, changeAndTell, occurrenceItem, scheduleMoved, warningsFor } from './meetup-changes';

/**
 * Finishes a change to the series a crash left half-done, once no request can still be making
 * it; the series as it is after. A change that can no longer be made as it was (its dates have
 * passed, a duty it drops was taken since) stays as far as it got, and is no longer unfinished.
 */
export async function finishSeries(c: Ctx, group: GroupRecord, meetup: MeetupRecord): Promise<MeetupRecord> {
  const { now } = c.var.services;
  const meetups = c.var.services.repo(meetupsRepo);
  const left = meetup.unfinished;
  // A change still running must not be made twice at once (both would write its new meetups);
  // cancelling twice at once is harmless (each meetup is cancelled, and told, once).
  if (!left || (left.cancel === undefined && now() - left.at < SETTLE_MS)) return meetup;
  if (left.cancel !== undefined) await cancelSeries(c, meetup, left.cancel, now());
  else {
    try {
      await changeSeries(c, group, meetup, left.change as SeriesChange);
    } catch (e) {
      if (!(e instanceof HearthError)) throw e;
      await meetups.changeFinished(meetup.meetupId, left.at);
    }
  }
  return (await meetups.getMeetup(meetup.meetupId)) ?? meetup;
}

/** Applies `body` to the series and its upcoming occurrences, as core plans it; what changed. */
export async function changeSeries(c: Ctx, group: GroupRecord, meetup: MeetupRecord, body: SeriesChange) {
  const { now } = c.var.services;
  const meetups = c.var.services.repo(meetupsRepo);
  const at = now();
  const ids = Array.from({ length: meetup.occurrenceCount }, (_, i) => occurrenceIdFor(meetup.meetupId, i));
  const all = await meetups.getOccurrences(ids);
  const plan = planSeriesEdit(meetup, body, all, group.timezone, at);
  if ('problems' in plan) throw invalid('Some fields need another look', plan.problems);
  if ('refused' in plan) throw conflict(plan.refused);
  const { replan } = plan;
  const updated = await meetups.updateMeetup(meetup.meetupId, meetup.version, {
    unfinished: { at, change: body },
    ...plan.series,
    updatedAt: iso(at),
  });
  if (!updated) throw conflict('The series was being changed by someone else; please try again');
  const byId = new Map(all.map((o) => [o.occurrenceId, o]));
  let changed = 0;
  let skipped = 0;
  for (const { occurrenceId, set } of plan.changes) {
    // Null: capacity below who is already going, or cancelled meanwhile.
    if (await changeAndTell(c, byId.get(occurrenceId)!, set, at)) changed++;
    else skipped++;
  }
  if (body.staffing) {
    const rosters = c.var.services.repo(rosterRepo);
    for (const id of plan.restaff) await rosters.setStaffing(id, body.staffing);
  }
  let cancelled = 0;
  if (replan) {
    await meetups.addOccurrences(replan.create.map((p) => occurrenceItem(updated, p, group.timezone, at)));
    for (const id of replan.cancel) {
      if (await cancelAndTell(c, id, NEW_DATES_REASON, at)) cancelled++;
    }
  }
  await scheduleMoved(c, meetup.groupId);
  await meetups.changeFinished(meetup.meetupId, at);
  return {
    meetup: meetupView(updated),
    updated: changed,
    skipped,
    added: replan ? replan.create.length : 0,
    cancelled,
    warnings: replan ? warningsFor(replan.create, group.timezone) : [],
  };
}

/** Cancels the series' upcoming occurrences (the series item says it is cancelled). */
export async function cancelSeries(c: Ctx, meetup: MeetupRecord, reason: string, at: number) {
  const meetups = c.var.services.repo(meetupsRepo);
  const ids = Array.from({ length: meetup.occurrenceCount }, (_, i) => occurrenceIdFor(meetup.meetupId, i));
  for (const o of await meetups.getOccurrences(ids)) {
    if (o.status === 'scheduled' && o.startAt > at) await cancelAndTell(c, o.occurrenceId, reason, at);
  }
  await scheduleMoved(c, meetup.groupId);
  await meetups.changeFinished(meetup.meetupId, meetup.unfinished?.at ?? at);
}
