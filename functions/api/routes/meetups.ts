/**
 * Scheduling and changing meetups (owners and facilitators), the group schedule, one occurrence,
 * and attendance. The schedule of a public group is public (without addresses or links); a
 * private group's is 404 to outsiders.
 * @module
 */
import type { Hono } from 'hono';
import { conflict, forbidden, invalid, notFound } from '../../core/errors';
import {
  adjustmentWarning,
  canSchedule,
  emptyLedger,
  localStart,
  meetsOf,
  modesOf,
  movedWindow,
  NEW_DATES_REASON,
  type PlannedOccurrence,
  planOccurrences,
  replanSeries,
  rsvpWindowOf,
  rsvpWindowProblems,
  shapeProblems,
} from '../../core/meetups';
import { owedByChange } from '../../core/owed';
import { formatRule } from '../../core/recurrence';
import { defaultStaffing, type RosterRole } from '../../core/roster';
import { GroupParams } from '../../core/schemas/groups';
import {
  AttendanceRequest,
  AttendanceView,
  CancelRequest,
  CreatedMeetup,
  CreateMeetupRequest,
  MeetupParams,
  MeetupView,
  OccurrenceParams,
  OccurrenceView,
  SchedulePage,
  ScheduleQuery,
  UpdatedSeries,
  UpdateMeetupRequest,
  UpdateOccurrenceRequest,
} from '../../core/schemas/meetups';
import { formatLocal, parseLocal, resolveLocal } from '../../core/time';
import { occurrenceIdFor, scopedId } from '../../store/ids';
import {
  type MeetupRecord,
  type MeetupsRepo,
  type OccurrenceItem,
  type OccurrenceRecord,
  readOccurrence,
} from '../../store/repos/meetups';
import { rosterRepo } from '../../store/repos/roster';
import { type AppEnv, type Ctx, requireAuth } from '../context';
import { scheduleChanged } from '../feed-stamps';
import { defineRoute, type Registry } from '../route';
import { loadGroup, loadGroupInside } from './groups';
import { iso, loadOccurrence, meetupView, NOT_FOUND, tellOwed, view, withOccurrence } from './meetup-views';
import { dutiesFollow } from './roster';

export function meetupRoutes(app: Hono<AppEnv>, registry: Registry): void {
  defineRoute(
    app,
    registry,
    {
      method: 'post',
      path: '/groups/{groupId}/meetups',
      tag: 'meetups',
      summary: 'Schedule a meetup, one-off or recurring (owners and facilitators)',
      auth: 'required',
      params: GroupParams,
      body: CreateMeetupRequest,
      responses: { 201: { description: 'The meetup and its occurrences', schema: CreatedMeetup } },
    },
    async (c, { params, body }) => {
      const auth = requireAuth(c);
      const { meetups, now } = c.var.services;
      const { group, member } = await loadGroup(c, params.groupId);
      if (!canSchedule(member)) throw forbidden('Only owners and facilitators schedule meetups');
      const problems = shapeProblems(body);
      if (problems.length) throw invalid('Some fields need another look', problems);
      const at = now();
      const plan = planOccurrences({ start: body.start, rrule: body.recurrence?.rrule }, group.timezone, at);
      if ('problems' in plan) throw invalid('Some fields need another look', plan.problems);

      const meetupId = scopedId(group.groupId);
      const createdAt = iso(at);
      const meetup: MeetupRecord = {
        meetupId,
        groupId: group.groupId,
        title: body.title,
        description: body.description,
        start: body.start,
        durationMinutes: body.durationMinutes,
        mode: body.mode,
        venue: body.venue,
        online: body.online,
        capacity: body.capacity,
        rsvpOpensHoursBefore: body.rsvpOpensHoursBefore,
        rsvpClosesMinutesBefore: body.rsvpClosesMinutesBefore,
        rrule: plan.rule ? formatRule(plan.rule) : null,
        staffing: body.staffing ?? defaultStaffing(body.mode),
        occurrenceCount: plan.occurrences.length,
        status: 'scheduled',
        createdBy: auth.userId,
        createdAt,
        updatedAt: createdAt,
        version: 1,
      };
      const occurrences = plan.occurrences.map((p) => occurrenceItem(meetup, p, group.timezone, at));
      await meetups.createMeetup(meetup, occurrences);
      await scheduleMoved(c, group.groupId);
      const viewer = { userId: auth.userId, member };
      return c.json(
        {
          meetup: meetupView(meetup),
          occurrences: occurrences.map((o) => view(readOccurrence(o), viewer)),
          warnings: warningsFor(plan.occurrences, group.timezone),
        },
        201,
      );
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'get',
      path: '/groups/{groupId}/occurrences',
      tag: 'meetups',
      summary: "A group's schedule between two times (default: from now, for 90 days)",
      auth: 'optional',
      params: GroupParams,
      query: ScheduleQuery,
      responses: { 200: { description: 'A page of occurrences, earliest first', schema: SchedulePage } },
    },
    async (c, { params, query }) => {
      const { meetups, now } = c.var.services;
      const { member } = await loadGroupInside(c, params.groupId);
      const from = query.from ? Date.parse(query.from) : now();
      const to = query.to ? Date.parse(query.to) : from + 90 * 86_400_000;
      if (to < from) throw invalid('"to" is before "from"', [{ path: 'query.to', message: 'Before "from"' }]);
      if (to - from > 400 * 86_400_000) {
        throw invalid('Ask for at most 400 days at a time', [
          { path: 'query.to', message: 'At most 400 days after "from"' },
        ]);
      }
      const page = await meetups.listSchedule(params.groupId, {
        from,
        to,
        limit: query.limit,
        cursor: query.cursor,
      });
      const userId = c.get('auth')?.userId ?? null;
      // Members see their own RSVP on each card: one more read, of this page's ledgers.
      const items =
        member?.status === 'active' && page.items.length
          ? await meetups.getOccurrences(page.items.map((o) => o.occurrenceId))
          : page.items;
      return c.json({ items: items.map((o) => view(o, { userId, member })), nextCursor: page.nextCursor });
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'get',
      path: '/occurrences/{occurrenceId}',
      tag: 'meetups',
      summary: 'One occurrence: times, place (address for those going), seats, your RSVP',
      auth: 'optional',
      params: OccurrenceParams,
      prefetch: withOccurrence,
      responses: { 200: { description: 'The occurrence', schema: OccurrenceView } },
    },
    async (c, { params }) => {
      const { occurrence, viewer } = await loadOccurrence(c, params.occurrenceId);
      return c.json(view(occurrence, viewer));
    },
  );

  /** An occurrence, for owners and facilitators only (`verb` says what they are refused). */
  async function loadForOrganiser(c: Ctx, occurrenceId: string, verb: string) {
    const loaded = await loadOccurrence(c, occurrenceId);
    if (!canSchedule(loaded.member)) throw forbidden(`Only owners and facilitators ${verb}`);
    return loaded;
  }

  /** The series and the caller's right to change it. */
  async function loadSeries(c: Ctx, meetupId: string) {
    const { group, member } = await loadGroup(c, meetupId.slice(0, 22));
    const meetup = await c.var.services.meetups.getMeetup(meetupId);
    if (!meetup) throw notFound(NOT_FOUND);
    if (!canSchedule(member)) throw forbidden('Only owners and facilitators change meetups');
    if (meetup.status === 'cancelled') throw conflict('This series is cancelled');
    return { group, member, meetup };
  }

  /** Venue, link and capacity must suit the meetup's mode. */
  function checkShape(
    mode: MeetupRecord['mode'],
    body: { venue?: unknown; online?: unknown; capacity?: { inPerson?: number; online?: number } },
  ) {
    const offers = modesOf(mode);
    const problems = [];
    if (body.venue && !offers.includes('in_person'))
      problems.push({ path: 'body.venue', message: 'This meetup is online only' });
    if (body.online && !offers.includes('online'))
      problems.push({ path: 'body.online', message: 'This meetup is in person only' });
    if (body.capacity?.inPerson && !offers.includes('in_person')) {
      problems.push({ path: 'body.capacity.inPerson', message: 'This meetup is online only' });
    }
    if (body.capacity?.online && !offers.includes('online')) {
      problems.push({ path: 'body.capacity.online', message: 'This meetup is in person only' });
    }
    if (problems.length) throw invalid('Some fields need another look', problems);
  }

  /** Cancels an occurrence and tells everyone with an RSVP; false when it was no longer scheduled. */
  async function cancelAndTell(c: Ctx, occurrenceId: string, reason: string, at: number): Promise<boolean> {
    const done = await c.var.services.meetups.cancelOccurrence(occurrenceId, reason, at);
    if (!done) return false;
    await dutiesFollow(c, done.occurrence);
    await tellOwed(c, done.occurrence, done.owed);
    return true;
  }

  /**
   * Changes an occurrence from `o` as read; the notices the change owes (it moved, its place or
   * link changed, a raised capacity moved people up) are recorded with it, then told. Null when
   * the write's condition failed (capacity below who is going, or cancelled meanwhile).
   */
  async function changeAndTell(
    c: Ctx,
    o: OccurrenceRecord,
    set: Parameters<MeetupsRepo['updateOccurrence']>[1],
    at: number,
    overrides?: string[],
  ) {
    const owed = owedByChange(
      o,
      { ...set, startAt: set.startAt ?? o.startAt, endAt: set.endAt ?? o.endAt },
      at,
    );
    const result = await c.var.services.meetups.updateOccurrence(o.occurrenceId, set, {
      now: at,
      overrides,
      owed,
    });
    if (!result) return null;
    const after = result.occurrence;
    if (after.startAt !== o.startAt || after.endAt !== o.endAt) await dutiesFollow(c, after);
    await tellOwed(c, after, owed);
    return result;
  }

  defineRoute(
    app,
    registry,
    {
      method: 'patch',
      path: '/occurrences/{occurrenceId}',
      tag: 'meetups',
      summary: 'Change one occurrence (move, retitle, another venue…); the series then leaves it alone',
      auth: 'required',
      params: OccurrenceParams,
      prefetch: withOccurrence,
      body: UpdateOccurrenceRequest,
      responses: { 200: { description: 'The occurrence now', schema: OccurrenceView } },
    },
    async (c, { params, body }) => {
      requireAuth(c);
      const { now } = c.var.services;
      const { occurrence: o, viewer } = await loadForOrganiser(c, params.occurrenceId, 'change meetups');
      const at = now();
      if (o.status === 'cancelled') throw conflict('This meetup is cancelled');
      if (o.startAt <= at) throw conflict('This meetup has already started');
      checkShape(o.mode, body);
      let startAt = o.startAt;
      let startLocal = o.startLocal;
      if (body.start) {
        const local = parseLocal(body.start);
        if (!local)
          throw invalid('That date or time does not exist', [
            { path: 'body.start', message: 'Does not exist' },
          ]);
        startAt = resolveLocal(local, o.timezone).epochMs;
        startLocal = body.start;
        if (startAt <= at)
          throw invalid('Choose a start in the future', [{ path: 'body.start', message: 'In the past' }]);
      }
      const duration = body.durationMinutes ?? (o.endAt - o.startAt) / 60_000;
      const result = await changeAndTell(
        c,
        o,
        {
          title: body.title,
          description: body.description,
          venue: body.venue,
          online: body.online,
          startLocal,
          startAt,
          endAt: startAt + duration * 60_000,
          ...movedWindow(o, startAt - o.startAt, at),
          capInPerson: body.capacity?.inPerson,
          capOnline: body.capacity?.online,
        },
        at,
        Object.keys(body),
      );
      if (!result) {
        throw conflict(
          body.capacity
            ? `Capacity cannot go below the ${o.goingInPerson} in person and ${o.goingOnline} online already going`
            : 'This meetup changed meanwhile; please try again',
        );
      }
      await scheduleMoved(c, o.groupId);
      return c.json(view(result.occurrence, viewer));
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'post',
      path: '/occurrences/{occurrenceId}/cancel',
      tag: 'meetups',
      summary: 'Cancel one occurrence, with a reason everyone with an RSVP is told',
      auth: 'required',
      params: OccurrenceParams,
      prefetch: withOccurrence,
      body: CancelRequest,
      responses: { 200: { description: 'Cancelled', schema: OccurrenceView } },
    },
    async (c, { params, body }) => {
      requireAuth(c);
      const { meetups, now } = c.var.services;
      const { occurrence: o, viewer } = await loadForOrganiser(c, params.occurrenceId, 'cancel meetups');
      if (o.status === 'cancelled') return c.json(view(o, viewer));
      const at = now();
      if (o.startAt <= at) throw conflict('This meetup has already started');
      // Cancelled meanwhile by someone else: they tell.
      const done = await meetups.cancelOccurrence(o.occurrenceId, body.reason, at);
      const after = done?.occurrence ?? (await meetups.getOccurrence(o.occurrenceId))!;
      await dutiesFollow(c, after);
      if (done) await tellOwed(c, after, done.owed);
      await scheduleMoved(c, o.groupId);
      return c.json(view(after, viewer));
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'get',
      path: '/meetups/{meetupId}',
      tag: 'meetups',
      summary: 'A series (or one-off meetup) as scheduled',
      auth: 'optional',
      params: MeetupParams,
      responses: { 200: { description: 'The meetup', schema: MeetupView } },
    },
    async (c, { params }) => {
      await loadGroupInside(c, params.meetupId.slice(0, 22));
      const meetup = await c.var.services.meetups.getMeetup(params.meetupId);
      if (!meetup) throw notFound(NOT_FOUND);
      return c.json(meetupView(meetup));
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'patch',
      path: '/meetups/{meetupId}',
      tag: 'meetups',
      summary: 'Change a series: its future occurrences follow, except ones changed on their own',
      auth: 'required',
      params: MeetupParams,
      body: UpdateMeetupRequest,
      responses: { 200: { description: 'How many occurrences changed', schema: UpdatedSeries } },
    },
    async (c, { params, body }) => {
      requireAuth(c);
      const { meetups, now } = c.var.services;
      const { group, meetup } = await loadSeries(c, params.meetupId);
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
      const ids = Array.from({ length: meetup.occurrenceCount }, (_, i) =>
        occurrenceIdFor(meetup.meetupId, i),
      );
      // What has not started; a date an earlier change of dates dropped is free to be used again.
      const ahead = (await meetups.getOccurrences(ids)).filter(
        (o) => o.startAt > at && o.cancelReason !== NEW_DATES_REASON,
      );
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
          throw conflict(
            `Someone holds a duty this change drops (${held.join(', ')}): take it off them first`,
          );
      }

      const updated = await meetups.updateMeetup(meetup.meetupId, meetup.version, {
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
      // A one-off meetup that now repeats: what it had is part of the series from now on.
      const becomesSeries = !!replan && !meetup.rrule;
      for (const o of follow) {
        const own = o.overrides ?? new Set<string>();
        const follows = (field: keyof typeof fields) => !own.has(field) && fields[field] !== undefined;
        let startAt = o.startAt;
        let startLocal = o.startLocal;
        if (time && !replan && !own.has('start')) {
          startLocal = `${o.startLocal.slice(0, 11)}${time}`;
          startAt = resolveLocal(parseLocal(startLocal)!, group.timezone).epochMs;
        }
        const duration = follows('durationMinutes')
          ? fields.durationMinutes!
          : (o.endAt - o.startAt) / 60_000;
        if (
          startAt === o.startAt &&
          duration * 60_000 === o.endAt - o.startAt &&
          !newWindow &&
          !becomesSeries
        ) {
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
        const rosters = rosterRepo(c.var.services.config.db);
        for (const o of upcoming) await rosters.setStaffing(o.occurrenceId, fields.staffing);
      }
      let cancelled = 0;
      if (replan) {
        await meetups.addOccurrences(
          replan.create.map((p) => occurrenceItem(updated, p, group.timezone, at)),
        );
        for (const id of replan.cancel) {
          if (await cancelAndTell(c, id, NEW_DATES_REASON, at)) cancelled++;
        }
      }
      await scheduleMoved(c, meetup.groupId);
      return c.json({
        meetup: meetupView(updated),
        updated: changed,
        skipped,
        added: replan ? replan.create.length : 0,
        cancelled,
        warnings: replan ? warningsFor(replan.create, group.timezone) : [],
      });
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'post',
      path: '/meetups/{meetupId}/cancel',
      tag: 'meetups',
      summary: 'Cancel a whole series: every future occurrence, with a reason',
      auth: 'required',
      params: MeetupParams,
      body: CancelRequest,
      responses: { 200: { description: 'The series', schema: MeetupView } },
    },
    async (c, { params, body }) => {
      requireAuth(c);
      const { meetups, now } = c.var.services;
      const { meetup } = await loadSeries(c, params.meetupId);
      const at = now();
      const updated = await meetups.updateMeetup(meetup.meetupId, meetup.version, {
        status: 'cancelled',
        cancelReason: body.reason,
        updatedAt: iso(at),
      });
      if (!updated) throw conflict('The series was being changed by someone else; please try again');
      const ids = Array.from({ length: meetup.occurrenceCount }, (_, i) =>
        occurrenceIdFor(meetup.meetupId, i),
      );
      for (const o of await meetups.getOccurrences(ids)) {
        if (o.status === 'scheduled' && o.startAt > at)
          await cancelAndTell(c, o.occurrenceId, body.reason, at);
      }
      await scheduleMoved(c, meetup.groupId);
      return c.json(meetupView(updated));
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'post',
      path: '/occurrences/{occurrenceId}/attendance',
      tag: 'meetups',
      summary:
        'Record attendance after the start: a headcount, or who checked in where the group checks people in',
      auth: 'required',
      params: OccurrenceParams,
      prefetch: withOccurrence,
      body: AttendanceRequest,
      responses: { 200: { description: 'Recorded', schema: AttendanceView } },
    },
    async (c, { params, body }) => {
      requireAuth(c);
      const { meetups, groups, now } = c.var.services;
      const { occurrence: o } = await loadForOrganiser(c, params.occurrenceId, 'record attendance');
      const at = now();
      if (at < o.startAt) throw conflict('Attendance is recorded once the meetup has started');
      if (o.status === 'cancelled') throw conflict('This meetup is cancelled');
      if (body.checkedIn) {
        const group = await groups.getGroup(o.groupId);
        if (!group?.checkIn) {
          throw invalid('This group records a headcount, not who came', [
            { path: 'body.checkedIn', message: 'Check-in is off for this group' },
          ]);
        }
        const strangers = body.checkedIn.filter((u) => !o.going[u]);
        if (strangers.length) {
          throw invalid('Only people who were going can be checked in', [
            { path: 'body.checkedIn', message: `${strangers.length} were not going` },
          ]);
        }
      }
      const attendance = {
        headcount: body.headcount
          ? { inPerson: body.headcount.inPerson ?? null, online: body.headcount.online ?? null }
          : null,
        checkedIn: [...new Set(body.checkedIn ?? [])],
        recordedAt: iso(at),
      };
      await meetups.recordAttendance(o.occurrenceId, attendance);
      return c.json({
        headcount: attendance.headcount,
        checkedIn: attendance.checkedIn.length,
        recordedAt: attendance.recordedAt,
      });
    },
  );
}

/** A new occurrence of a meetup as planned: the meetup's details and an empty ledger. */
function occurrenceItem(
  meetup: MeetupRecord,
  p: PlannedOccurrence,
  zone: string,
  at: number,
): OccurrenceItem {
  const offers = modesOf(meetup.mode);
  return {
    occurrenceId: occurrenceIdFor(meetup.meetupId, p.index),
    meetupId: meetup.meetupId,
    groupId: meetup.groupId,
    index: p.index,
    title: meetup.title,
    description: meetup.description,
    startLocal: formatLocal(p.local),
    startAt: p.startAt,
    endAt: p.startAt + meetup.durationMinutes * 60_000,
    timezone: zone,
    mode: meetup.mode,
    venue: meetup.venue,
    online: meetup.online,
    status: 'scheduled',
    cancelReason: null,
    sequence: 0,
    changedAt: at,
    ...rsvpWindowOf(p.startAt, meetup, at),
    recurring: !!meetup.rrule,
    staffing: meetup.staffing ?? defaultStaffing(meetup.mode),
    roster: {},
    ...emptyLedger(
      offers.includes('in_person') ? meetup.capacity.inPerson! : 0,
      offers.includes('online') ? meetup.capacity.online! : 0,
    ),
    version: 1,
  };
}

/** Times that fell in a clock change, and how they were placed. */
const warningsFor = (planned: PlannedOccurrence[], zone: string) =>
  planned
    .filter((p) => p.adjusted)
    .map((p) => ({
      startLocal: formatLocal(p.local),
      message: adjustmentWarning(p.adjusted!, formatLocal(p.local), zone),
    }));

/** The schedule changed: calendar feeds' validators, and how the group meets on its card. */
async function scheduleMoved(c: Ctx, groupId: string): Promise<void> {
  const version = await scheduleChanged(c, groupId);
  const { meetups, groups, now } = c.var.services;
  const at = now();
  const { items } = await meetups.listSchedule(groupId, { from: at, to: at + 400 * 86_400_000, limit: 50 });
  await groups.setMeets(groupId, version, meetsOf(items));
}
