/**
 * RSVPs, attendee lists, my upcoming meetups and my notifications. RSVPs are for active members.
 * @module
 */

import { forbidden, invalid, notFound } from '../../core/errors';
import { askedLocale } from '../../core/i18n/locales';
import { noticeText } from '../../core/i18n/notices';
import { rsvpOf } from '../../core/ledger';
import { canSeeAttendees, MY_MEETUPS_DAYS } from '../../core/meetups';
import { modesOf } from '../../core/modes';
import { notificationHref } from '../../core/notifications';
import { Ok } from '../../core/schemas/common';
import {
  AttendeeList,
  MarkedRead,
  MyMeetups,
  NotificationPage,
  NotificationParams,
  NotificationsQuery,
  OccurrenceParams,
  RsvpRequest,
  RsvpResponse,
} from '../../core/schemas/meetups';
import { forRsvp, withOccurrence } from '../../store/repos/meetup-records';
import { meetupsRepo } from '../../store/repos/meetups';
import { notificationsRepo } from '../../store/repos/notifications';
import { loadOccurrence, prefetchedFeed, requireActiveMember } from '../access/meetups';
import { requireAuth } from '../context';
import { changeRsvp } from '../flows/rsvps';
import { type Route, route } from '../route';
import { view } from '../views/meetups';

export const rsvpRoutes: Route[] = [
  route(
    {
      method: 'put',
      path: '/occurrences/{occurrenceId}/rsvp',
      tag: 'meetups',
      summary: 'RSVP going, in person or online: a place if one is free, else the waiting list',
      auth: 'required',
      params: OccurrenceParams,
      prefetch: forRsvp,
      body: RsvpRequest,
      responses: { 200: { description: 'Your RSVP', schema: RsvpResponse } },
    },
    async (c, { params, body }) => {
      const auth = requireAuth(c);
      const { now } = c.var.services;
      const meetups = c.var.services.repo(meetupsRepo);
      const { occurrence, member, viewer } = await loadOccurrence(c, params.occurrenceId);
      requireActiveMember(member);
      if (!modesOf(occurrence.mode).includes(body.attendance)) {
        const offered = occurrence.mode === 'online' ? 'online' : 'in person';
        throw invalid(`This meetup is ${offered} only`, [
          {
            path: 'body.attendance',
            message: occurrence.mode === 'online' ? 'Choose online' : 'Choose in person',
          },
        ]);
      }
      const at = now();
      const result = await changeRsvp(
        c,
        auth.userId,
        occurrence,
        body.attendance,
        { at, hasFeed: prefetchedFeed(c, auth.userId), answer: (r) => r.rsvp },
        () => meetups.rsvp(params.occurrenceId, auth.userId, body.attendance, at, occurrence),
      );
      return c.json({ rsvp: result.rsvp, occurrence: view(result.occurrence, viewer, result.rsvp) });
    },
  ),
  route(
    {
      method: 'delete',
      path: '/occurrences/{occurrenceId}/rsvp',
      tag: 'meetups',
      summary: 'Withdraw your RSVP; your place goes to the first in line',
      auth: 'required',
      params: OccurrenceParams,
      prefetch: forRsvp,
      responses: { 200: { description: 'Withdrawn', schema: RsvpResponse } },
    },
    async (c, { params }) => {
      const auth = requireAuth(c);
      const { now } = c.var.services;
      const meetups = c.var.services.repo(meetupsRepo);
      const { occurrence, viewer } = await loadOccurrence(c, params.occurrenceId);
      const at = now();
      const result = await changeRsvp(
        c,
        auth.userId,
        occurrence,
        null,
        { at, hasFeed: prefetchedFeed(c, auth.userId), answer: () => null },
        () => meetups.cancelRsvp(params.occurrenceId, auth.userId, at, occurrence),
      );
      return c.json({ rsvp: null, occurrence: view(result.occurrence, viewer, null) });
    },
  ),
  route(
    {
      method: 'get',
      path: '/occurrences/{occurrenceId}/attendees',
      tag: 'meetups',
      summary: 'Who is going and waiting (facilitators, moderators and owners)',
      auth: 'required',
      params: OccurrenceParams,
      prefetch: withOccurrence,
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
  ),
  route(
    {
      method: 'get',
      path: '/me/occurrences',
      tag: 'meetups',
      summary: `Your meetups of the next ${MY_MEETUPS_DAYS} days: going or waiting, across all your groups`,
      auth: 'required',
      responses: { 200: { description: 'Upcoming, earliest first', schema: MyMeetups } },
    },
    async (c) => {
      const auth = requireAuth(c);
      const { groups, now } = c.var.services;
      const meetups = c.var.services.repo(meetupsRepo);
      const memberships = (await groups.listMembershipsOf(auth.userId)).filter((m) => m.status === 'active');
      const from = now();
      const to = from + MY_MEETUPS_DAYS * 86_400_000;
      // Every meetup of their groups in the window, then only the lines they are in: no group
      // and no meetup is left out, however many there are.
      const ids = (
        await Promise.all(memberships.map((m) => meetups.listAllScheduleIds(m.groupId, { from, to })))
      ).flat();
      const held = await meetups.ticketsIn(ids, auth.userId);
      const mine = (await meetups.getOccurrences(Object.keys(held)))
        .filter((o) => rsvpOf(o, auth.userId))
        .sort((a, b) => a.startAt - b.startAt);
      const byGroup = new Map(memberships.map((m) => [m.groupId, m]));
      return c.json({
        items: mine.map((o) => view(o, { userId: auth.userId, member: byGroup.get(o.groupId) ?? null })),
        nextCursor: null,
        through: new Date(to).toISOString(),
      });
    },
  ),
  route(
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
      const notifications = c.var.services.repo(notificationsRepo);
      const [page, unread] = await Promise.all([
        notifications.list(auth.userId, query, c.var.services.now()),
        notifications.unreadCount(auth.userId, c.var.services.now()),
      ]);
      const locale = askedLocale(c.req.header('accept-language'));
      return c.json({
        items: page.items.map((n) => ({
          notificationId: n.notificationId,
          kind: n.kind,
          text: noticeText(n, locale),
          occurrenceId: n.occurrenceId ?? null,
          groupId: n.groupId,
          href: notificationHref(n),
          createdAt: n.createdAt,
          read: n.read,
        })),
        unread,
        nextCursor: page.nextCursor,
      });
    },
  ),
  route(
    {
      method: 'post',
      path: '/me/notifications/read',
      tag: 'notifications',
      summary: 'Mark all your unread notifications read',
      auth: 'required',
      responses: { 200: { description: 'How many were marked', schema: MarkedRead } },
    },
    async (c) => {
      const auth = requireAuth(c);
      return c.json({
        marked: await c.var.services.repo(notificationsRepo).markAllRead(auth.userId, c.var.services.now()),
      });
    },
  ),
  route(
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
      if (!(await c.var.services.repo(notificationsRepo).markRead(auth.userId, params.notificationId))) {
        throw notFound('No such notification');
      }
      return c.json({ ok: true as const });
    },
  ),
];
