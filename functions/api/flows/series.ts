/**
 * Changing or cancelling a whole series, and ending one early: each occurrence changed, its
 * people told, the duties moved with it.
 * @module
 */
import type { z } from 'zod';
import { conflict, HearthError, invalid } from '../../core/errors';
import {
  localStart,
  movedWindow,
  NEW_DATES_REASON,
  replanSeries,
  rsvpWindowOf,
  rsvpWindowProblems,
} from '../../core/meetups';
import { formatRule } from '../../core/recurrence';
import type { RosterRole } from '../../core/roster';
import type { UpdateMeetupRequest } from '../../core/schemas/meetups';
import { parseLocal, resolveLocal } from '../../core/time';
import { occurrenceIdFor } from '../../store/ids';
import type { GroupRecord } from '../../store/repos/groups';
import type { MeetupRecord } from '../../store/repos/meetups';
import { meetupsRepo } from '../../store/repos/meetups';
import { rosterRepo } from '../../store/repos/roster';
import { SETTLE_MS } from '../../store/settle';
import type { Ctx } from '../context';
import { iso, meetupView } from '../views/meetups';
import {
  cancelAndTell,
  changeAndTell,
  checkShape,
  occurrenceItem,
  scheduleMoved,
  warningsFor,
} from './meetup-changes';

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

export type SeriesChange = z.infer<typeof UpdateMeetupRequest>;

/** Applies `body` to the series and its upcoming occurrences; what changed. */
export async function changeSeries(c: Ctx, group: GroupRecord, meetup: MeetupRecord, body: SeriesChange) {
  const { now } = c.var.services;
  const meetups = c.var.services.repo(meetupsRepo);
  checkShape(meetup.mode, body);
  const rsvpRule = {
    rsvpOpensHoursBefore:
      body.rsvpOpensHoursBefore !== undefined ? body.rsvpOpensHoursBefore : meetup.rsvpOpensHoursBefore,
    rsvpClosesMinutesBefore: body.rsvpClosesMinutesBefore ?? meetup.rsvpClosesMinutesBefore,
  };
  const windowProblems = rsvpWindowProblems(rsvpRule);
  if (windowProblems.length) throw invalid('Some fields need another look', windowProblems);
  const newWindow = body.rsvpOpensHoursBefore !== undefined || body.rsvpClosesMinutesBefore !== undefined;
  const at = now();
  const { recurrence, time, ...fields } = body;
  const start = time ? `${meetup.start.slice(0, 11)}${time}` : meetup.start;
  const ids = Array.from({ length: meetup.occurrenceCount }, (_, i) => occurrenceIdFor(meetup.meetupId, i));
  // What has not started; a date an earlier change of dates dropped is free to be used again.
  const all = await meetups.getOccurrences(ids);
  const ahead = all.filter((o) => o.startAt > at && o.cancelReason !== NEW_DATES_REASON);
  const upcoming = ahead.filter((o) => o.status === 'scheduled');
  const anchor = recurrence?.start ?? start;
  const replan = recurrence
    ? replanSeries(
        {
          start: meetup.start,
          rrule: meetup.rrule,
          ruleFrom: meetup.ruleFrom ?? 0,
          occurrenceCount: meetup.occurrenceCount,
        },
        { start: anchor, rrule: recurrence.rrule },
        ahead,
        group.timezone,
        at,
        new Set(all.map((o) => o.index)),
      )
    : null;
  if (replan && 'problems' in replan) throw invalid('Some fields need another look', replan.problems);
  if (fields.staffing) {
    // A duty someone holds on an upcoming meetup cannot be dropped from under them.
    const held = upcoming.flatMap((o) =>
      Object.entries(o.roster ?? {})
        .filter(([role, slot]) => slot && !fields.staffing!.roles.includes(role as RosterRole))
        .map(([role]) => `${role} on ${localStart(o).slice(0, 10)}`),
    );
    if (held.length)
      throw conflict(`Someone holds a duty this change drops (${held.join(', ')}): take it off them first`);
  }

  const updated = await meetups.updateMeetup(meetup.meetupId, meetup.version, {
    unfinished: { at, change: body },
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    start: anchor,
    ...(replan
      ? {
          rrule: formatRule(replan.rule),
          ruleFrom: replan.ruleFrom,
          occurrenceCount: replan.occurrenceCount,
        }
      : {}),
    updatedAt: iso(at),
  });
  if (!updated) throw conflict('The series was being changed by someone else; please try again');
  let changed = 0;
  let skipped = 0;
  // New dates move nothing: what stays is already on a date of the new pattern.
  const follow = replan ? upcoming.filter((o) => replan.keep.has(o.occurrenceId)) : upcoming;
  // A one-off meetup that now repeats: what it had is part of the series from now on (a change
  // finished again finds the series repeating already, and what it had perhaps not yet marked).
  const becomesSeries = !!replan && follow.some((o) => !o.recurring);
  for (const o of follow) {
    const own = o.overrides ?? new Set<string>();
    const follows = (field: keyof typeof fields) => !own.has(field) && fields[field] !== undefined;
    let startAt = o.startAt;
    let startLocal = o.startLocal;
    if (time && !replan && !own.has('start')) {
      startLocal = `${o.startLocal.slice(0, 11)}${time}`;
      startAt = resolveLocal(parseLocal(startLocal)!, group.timezone).epochMs;
    }
    const duration = follows('durationMinutes') ? fields.durationMinutes! : (o.endAt - o.startAt) / 60_000;
    if (startAt === o.startAt && duration * 60_000 === o.endAt - o.startAt && !newWindow && !becomesSeries) {
      if (!(['title', 'description', 'venue', 'online', 'capacity'] as const).some(follows)) continue;
    }
    const result = await changeAndTell(
      c,
      o,
      {
        title: follows('title') ? fields.title : undefined,
        description: follows('description') ? fields.description : undefined,
        venue: follows('venue') ? fields.venue : undefined,
        online: follows('online') ? fields.online : undefined,
        startLocal,
        startAt,
        endAt: startAt + duration * 60_000,
        ...(newWindow
          ? rsvpWindowOf(startAt, rsvpRule, at, o.rsvpOpensAt)
          : movedWindow(o, startAt - o.startAt, at)),
        capInPerson: follows('capacity') ? fields.capacity?.inPerson : undefined,
        capOnline: follows('capacity') ? fields.capacity?.online : undefined,
        recurring: becomesSeries || undefined,
      },
      at,
    );
    if (!result) {
      skipped++; // capacity below who is already going, or cancelled meanwhile
      continue;
    }
    changed++;
  }
  if (fields.staffing) {
    const rosters = c.var.services.repo(rosterRepo);
    for (const o of upcoming) await rosters.setStaffing(o.occurrenceId, fields.staffing);
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
