/**
 * Scheduling and changing meetups (owners and facilitators), the group schedule, one occurrence,
 * and attendance. The schedule of a public group is public (without addresses or links); a
 * private group's is 404 to outsiders.
 * @module
 */

import { conflict, forbidden, invalid, notFound } from '../../core/errors';
import { canSchedule, movedWindow, shapeProblems } from '../../core/meetups';
import { formatRule } from '../../core/recurrence';
import { defaultStaffing } from '../../core/roster';
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
  RestoredOccurrence,
  SchedulePage,
  ScheduleQuery,
  UpdateOccurrenceRequest,
} from '../../core/schemas/meetups';
import { planOccurrences, whyNotRestore } from '../../core/series';
import { iso, parseLocal, resolveLocal } from '../../core/time';
import { scopedId } from '../../store/ids';
import { type MeetupRecord, readOccurrence, withOccurrence } from '../../store/repos/meetup-records';
import { meetupsRepo } from '../../store/repos/meetups';
import { loadGroup, loadGroupInside } from '../access/groups';
import { loadOccurrence, NOT_FOUND } from '../access/meetups';
import { type Ctx, requireAuth } from '../context';
import {
  cancelAndTell,
  changeAndTell,
  checkShape,
  occurrenceItem,
  restoreAndTell,
  scheduleMoved,
  warningsFor,
} from '../flows/meetup-changes';
import { announceMeetup } from '../flows/notices';
import { finishSeries } from '../flows/series';
import { type Route, route } from '../route';
import { meetupView, view } from '../views/meetups';

/** An occurrence, for owners and facilitators only (`verb` says what they are refused). */
async function loadForOrganiser(c: Ctx, occurrenceId: string, verb: string) {
  const loaded = await loadOccurrence(c, occurrenceId);
  if (!canSchedule(loaded.member)) throw forbidden(`Only owners and facilitators ${verb}`);
  return loaded;
}

export const meetupRoutes: Route[] = [
  route(
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
      const { now } = c.var.services;
      const meetups = c.var.services.repo(meetupsRepo);
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
      await announceMeetup(c, group, occurrences[0]!, occurrences.length > 1, auth.userId);
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
  ),
  route(
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
      const { now } = c.var.services;
      const meetups = c.var.services.repo(meetupsRepo);
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
  ),
  route(
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
  ),
  route(
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
  ),
  route(
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
      const { now } = c.var.services;
      const meetups = c.var.services.repo(meetupsRepo);
      const { occurrence: o, viewer } = await loadForOrganiser(c, params.occurrenceId, 'cancel meetups');
      if (o.status === 'cancelled') return c.json(view(o, viewer));
      const at = now();
      if (o.startAt <= at) throw conflict('This meetup has already started');
      await cancelAndTell(c, o.occurrenceId, body.reason, at);
      const after = (await meetups.getOccurrence(o.occurrenceId))!;
      await scheduleMoved(c, o.groupId);
      return c.json(view(after, viewer));
    },
  ),
  route(
    {
      method: 'post',
      path: '/occurrences/{occurrenceId}/restore',
      tag: 'meetups',
      summary:
        'Put a cancelled occurrence back on: nobody’s place or duty comes back, and everyone who had one is told',
      auth: 'required',
      params: OccurrenceParams,
      prefetch: withOccurrence,
      responses: { 200: { description: 'Back on', schema: RestoredOccurrence } },
    },
    async (c, { params }) => {
      requireAuth(c);
      const { now } = c.var.services;
      const meetups = c.var.services.repo(meetupsRepo);
      const { occurrence: o, viewer } = await loadForOrganiser(c, params.occurrenceId, 'restore meetups');
      if (o.status === 'scheduled') return c.json({ occurrence: view(o, viewer), told: 0 });
      const at = now();
      const series = await meetups.getMeetup(o.meetupId);
      const why = whyNotRestore(o, series?.status ?? 'cancelled', at);
      if (why) throw conflict(why);
      const told = await restoreAndTell(c, o, at);
      if (told === null) throw conflict('This meetup changed meanwhile; please try again');
      await scheduleMoved(c, o.groupId);
      const after = (await meetups.getOccurrence(o.occurrenceId))!;
      return c.json({ occurrence: view(after, viewer), told });
    },
  ),
  route(
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
      const { group, member } = await loadGroupInside(c, params.meetupId.slice(0, 22));
      const meetup = await c.var.services.repo(meetupsRepo).getMeetup(params.meetupId);
      if (!meetup) throw notFound(NOT_FOUND);
      // An organiser looking at a series a crash left half-changed finishes the change.
      if (meetup.unfinished && canSchedule(member))
        return c.json(meetupView(await finishSeries(c, group, meetup)));
      return c.json(meetupView(meetup));
    },
  ),
  route(
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
      const { groups, now } = c.var.services;
      const meetups = c.var.services.repo(meetupsRepo);
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
  ),
];
