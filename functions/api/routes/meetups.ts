/**
 * Meetups and RSVPs. Scheduling is for owners and facilitators; the schedule of a public group is
 * public (without addresses or links), a private group's is 404 to outsiders; RSVPs are for
 * active members.
 * @module
 */
import type { Hono } from 'hono';
import { conflict, forbidden, invalid, notFound } from '../../core/errors';
import { canSeeGroup, type Membership } from '../../core/groups';
import {
  adjustmentWarning,
  canSchedule,
  canSeeAttendees,
  canSeeWhere,
  modesOf,
  planOccurrences,
  rsvpOf,
  shapeProblems,
} from '../../core/meetups';
import { describeRule, formatRule, parseRule } from '../../core/recurrence';
import { Ok } from '../../core/schemas/common';
import { GroupParams } from '../../core/schemas/groups';
import {
  AttendeeList,
  CreatedMeetup,
  CreateMeetupRequest,
  NotificationPage,
  NotificationParams,
  NotificationsQuery,
  OccurrenceParams,
  OccurrenceView,
  RsvpRequest,
  RsvpResponse,
  SchedulePage,
  ScheduleQuery,
} from '../../core/schemas/meetups';
import { formatLocal, parseLocal } from '../../core/time';
import { occurrenceIdFor, scopedId } from '../../store/ids';
import { groupOf } from '../../store/keys';
import type { MemberRecord } from '../../store/repos/groups';
import {
  type MeetupRecord,
  type OccurrenceCard,
  type OccurrenceRecord,
  RsvpClosed,
} from '../../store/repos/meetups';
import { type AppEnv, type Ctx, requireAuth } from '../context';
import { defineRoute, type Registry } from '../route';
import { loadGroup } from './groups';

const NOT_FOUND = 'No such meetup, or it is in a private group';
const iso = (ms: number) => new Date(ms).toISOString();

function view(
  o: OccurrenceCard | OccurrenceRecord,
  viewer: { userId: string | null; member: Membership | null },
): OccurrenceView {
  const ledger = 'going' in o ? o : null;
  const rsvp = ledger && viewer.userId ? rsvpOf(ledger, viewer.userId) : null;
  const where = canSeeWhere(viewer.member, rsvp);
  const seats = (cap: number | undefined, going: number, waiting: number) =>
    cap ? { capacity: cap, going, waitlisted: waiting } : null;
  return {
    occurrenceId: o.occurrenceId,
    meetupId: o.meetupId,
    groupId: o.groupId,
    title: o.title,
    description: o.description,
    startLocal: o.startLocal,
    startAt: iso(o.startAt),
    endAt: iso(o.endAt),
    timezone: o.timezone,
    mode: o.mode,
    status: o.status,
    cancelReason: o.cancelReason ?? null,
    sequence: o.sequence,
    venue: o.venue
      ? {
          name: o.venue.name,
          neighbourhood: o.venue.neighbourhood ?? null,
          address: where ? o.venue.address : null,
          access: o.venue.access as NonNullable<OccurrenceView['venue']>['access'],
          accessNotes: o.venue.accessNotes ?? null,
        }
      : null,
    online: o.online
      ? { url: where ? o.online.url : null, notes: where ? (o.online.notes ?? null) : null }
      : null,
    seats: {
      inPerson: seats(o.capInPerson, o.goingInPerson, o.waitingInPerson),
      online: seats(o.capOnline, o.goingOnline, o.waitingOnline),
    },
    rsvpOpensAt: iso(o.rsvpOpensAt),
    rsvpClosesAt: iso(o.rsvpClosesAt),
    rsvp,
    recurring: o.recurring,
  };
}

function meetupView(m: MeetupRecord) {
  const start = parseLocal(m.start)!;
  let repeats: string | null = null;
  if (m.rrule) {
    // The stored rule was parsed at scheduling; describe it for people.
    const parsed = parseRule(m.rrule);
    repeats = 'rule' in parsed ? describeRule(parsed.rule, start) : null;
  }
  return {
    meetupId: m.meetupId,
    groupId: m.groupId,
    title: m.title,
    start: m.start,
    durationMinutes: m.durationMinutes,
    mode: m.mode,
    rrule: m.rrule,
    repeats,
    status: m.status,
  };
}

/** Loads an occurrence the caller may see; 404 for private groups' outsiders and for no such thing. */
async function loadOccurrence(c: Ctx, occurrenceId: string) {
  const auth = c.get('auth');
  const { meetups, groups } = c.var.services;
  const { occurrence, member } = await meetups.getOccurrenceWithMember(occurrenceId, auth?.userId ?? null);
  if (!occurrence) throw notFound(NOT_FOUND);
  if (!member) {
    const group = await groups.getGroup(groupOf(occurrenceId));
    if (!group || !canSeeGroup(group.visibility, null)) throw notFound(NOT_FOUND);
  }
  return { occurrence, member, viewer: { userId: auth?.userId ?? null, member } };
}

/** Tells members who moved up from a waiting list that they now have a place. */
async function notifyPromoted(c: Ctx, o: OccurrenceRecord, promoted: string[], at: number): Promise<void> {
  if (!promoted.length) return;
  await c.var.services.notifications.notify(
    promoted.map((userId) => ({
      userId,
      kind: 'promoted' as const,
      text: `A place opened up: you are now going to “${o.title}” on ${o.startLocal.replace('T', ' at ')}.`,
      occurrenceId: o.occurrenceId,
      groupId: o.groupId,
    })),
    at,
  );
}

function requireActiveMember(member: MemberRecord | null): MemberRecord {
  if (!member) throw forbidden('Join the group to RSVP');
  if (member.status !== 'active') throw forbidden('Your request to join is waiting for approval');
  return member;
}

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
        status: 'scheduled',
        createdBy: auth.userId,
        createdAt,
        updatedAt: createdAt,
        version: 1,
      };
      const offers = modesOf(body.mode);
      const occurrences: OccurrenceRecord[] = plan.occurrences.map((p) => ({
        occurrenceId: occurrenceIdFor(meetupId, p.index),
        meetupId,
        groupId: group.groupId,
        index: p.index,
        title: body.title,
        description: body.description,
        startLocal: formatLocal(p.local),
        startAt: p.startAt,
        endAt: p.startAt + body.durationMinutes * 60_000,
        timezone: group.timezone,
        mode: body.mode,
        venue: body.venue,
        online: body.online,
        status: 'scheduled',
        cancelReason: null,
        sequence: 0,
        rsvpOpensAt: body.rsvpOpensHoursBefore ? p.startAt - body.rsvpOpensHoursBefore * 3_600_000 : at,
        rsvpClosesAt: p.startAt - body.rsvpClosesMinutesBefore * 60_000,
        recurring: !!plan.rule,
        going: {},
        goingInPerson: 0,
        goingOnline: 0,
        capInPerson: offers.includes('in_person') ? body.capacity.inPerson! : 0,
        capOnline: offers.includes('online') ? body.capacity.online! : 0,
        waitInPerson: [],
        waitOnline: [],
        waitingInPerson: 0,
        waitingOnline: 0,
        version: 1,
      }));
      await meetups.createMeetup(meetup, occurrences);
      const viewer = { userId: auth.userId, member };
      return c.json(
        {
          meetup: meetupView(meetup),
          occurrences: occurrences.map((o) => view(o, viewer)),
          warnings: plan.occurrences
            .filter((p) => p.adjusted)
            .map((p) => ({
              startLocal: formatLocal(p.local),
              message: adjustmentWarning(p.adjusted!, formatLocal(p.local), group.timezone),
            })),
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
      const { member } = await loadGroup(c, params.groupId);
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
      responses: { 200: { description: 'The occurrence', schema: OccurrenceView } },
    },
    async (c, { params }) => {
      const { occurrence, viewer } = await loadOccurrence(c, params.occurrenceId);
      return c.json(view(occurrence, viewer));
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'put',
      path: '/occurrences/{occurrenceId}/rsvp',
      tag: 'meetups',
      summary: 'RSVP going, in person or online: a place if one is free, else the waiting list',
      auth: 'required',
      params: OccurrenceParams,
      body: RsvpRequest,
      responses: { 200: { description: 'Your RSVP', schema: RsvpResponse } },
    },
    async (c, { params, body }) => {
      const auth = requireAuth(c);
      const { meetups, now } = c.var.services;
      const { occurrence, member, viewer } = await loadOccurrence(c, params.occurrenceId);
      requireActiveMember(member);
      if (!modesOf(occurrence.mode).includes(body.attendance)) {
        const offered = occurrence.mode === 'online' ? 'online' : 'in person';
        throw invalid(`This meetup is ${offered} only`, [
          { path: 'body.attendance', message: `Choose ${occurrence.mode}` },
        ]);
      }
      try {
        const at = now();
        const result = await meetups.rsvp(params.occurrenceId, auth.userId, body.attendance, at, occurrence);
        await notifyPromoted(c, result.occurrence, result.promoted, at);
        return c.json({ rsvp: result.rsvp, occurrence: view(result.occurrence, viewer) });
      } catch (e) {
        if (e instanceof RsvpClosed) throw conflict(e.message);
        throw e;
      }
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'delete',
      path: '/occurrences/{occurrenceId}/rsvp',
      tag: 'meetups',
      summary: 'Withdraw your RSVP; your place goes to the first in line',
      auth: 'required',
      params: OccurrenceParams,
      responses: { 200: { description: 'Withdrawn', schema: RsvpResponse } },
    },
    async (c, { params }) => {
      const auth = requireAuth(c);
      const { meetups, now } = c.var.services;
      const { occurrence, viewer } = await loadOccurrence(c, params.occurrenceId);
      try {
        const at = now();
        const result = await meetups.cancelRsvp(params.occurrenceId, auth.userId, at, occurrence);
        await notifyPromoted(c, result.occurrence, result.promoted, at);
        return c.json({ rsvp: null, occurrence: view(result.occurrence, viewer) });
      } catch (e) {
        if (e instanceof RsvpClosed) throw conflict(e.message);
        throw e;
      }
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'get',
      path: '/occurrences/{occurrenceId}/attendees',
      tag: 'meetups',
      summary: 'Who is going and waiting (facilitators, moderators and owners)',
      auth: 'required',
      params: OccurrenceParams,
      responses: { 200: { description: 'Attendees by group alias', schema: AttendeeList } },
    },
    async (c, { params }) => {
      requireAuth(c);
      const { occurrence, member } = await loadOccurrence(c, params.occurrenceId);
      if (!canSeeAttendees(member)) throw forbidden('Attendee lists are for facilitators and moderators');
      const entries = [
        ...Object.entries(occurrence.going).map(([userId, attendance]) => ({
          userId,
          status: 'going' as const,
          attendance,
        })),
        ...(['in_person', 'online'] as const).flatMap((attendance) =>
          (attendance === 'in_person' ? occurrence.waitInPerson : occurrence.waitOnline).map((userId, i) => ({
            userId,
            status: 'waitlisted' as const,
            attendance,
            position: i + 1,
          })),
        ),
      ];
      const names = await c.var.services.groups.getDisplayNames(
        occurrence.groupId,
        entries.map((e) => e.userId),
      );
      return c.json({
        items: entries.map((e) => ({ ...e, displayName: names.get(e.userId) ?? 'Former member' })),
      });
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'get',
      path: '/me/occurrences',
      tag: 'meetups',
      summary: 'Your upcoming meetups: going or waiting, across your groups',
      auth: 'required',
      responses: { 200: { description: 'Upcoming, earliest first', schema: SchedulePage } },
    },
    async (c) => {
      const auth = requireAuth(c);
      const { groups, meetups, now } = c.var.services;
      const memberships = (await groups.listMembershipsOf(auth.userId)).filter((m) => m.status === 'active');
      const from = now();
      const to = from + 120 * 86_400_000;
      const cards = (
        await Promise.all(
          memberships.slice(0, 50).map((m) => meetups.listSchedule(m.groupId, { from, to, limit: 50 })),
        )
      ).flatMap((p) => p.items);
      cards.sort((a, b) => a.startAt - b.startAt);
      const full = await meetups.getOccurrences(cards.slice(0, 200).map((o) => o.occurrenceId));
      const byGroup = new Map(memberships.map((m) => [m.groupId, m]));
      const mine = full.filter((o) => rsvpOf(o, auth.userId));
      return c.json({
        items: mine.map((o) => view(o, { userId: auth.userId, member: byGroup.get(o.groupId) ?? null })),
        nextCursor: null,
      });
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'get',
      path: '/me/notifications',
      tag: 'notifications',
      summary: 'Your notifications, newest first, with the unread count',
      auth: 'required',
      query: NotificationsQuery,
      responses: { 200: { description: 'A page of notifications', schema: NotificationPage } },
    },
    async (c, { query }) => {
      const auth = requireAuth(c);
      const { notifications } = c.var.services;
      const [page, unread] = await Promise.all([
        notifications.list(auth.userId, query),
        notifications.unreadCount(auth.userId),
      ]);
      return c.json({
        items: page.items.map(({ notificationId, kind, text, occurrenceId, groupId, createdAt, read }) => ({
          notificationId,
          kind,
          text,
          occurrenceId,
          groupId,
          createdAt,
          read,
        })),
        unread,
        nextCursor: page.nextCursor,
      });
    },
  );

  defineRoute(
    app,
    registry,
    {
      method: 'post',
      path: '/me/notifications/{notificationId}/read',
      tag: 'notifications',
      summary: 'Mark a notification read',
      auth: 'required',
      params: NotificationParams,
      responses: { 200: { description: 'Marked', schema: Ok } },
    },
    async (c, { params }) => {
      const auth = requireAuth(c);
      if (!(await c.var.services.notifications.markRead(auth.userId, params.notificationId))) {
        throw notFound('No such notification');
      }
      return c.json({ ok: true as const });
    },
  );
}
