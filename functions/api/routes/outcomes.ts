/**
 * How sessions help: a member's feedback on a meetup they went to (given with a one-time token,
 * kept apart from them), and what facilitators see of it and of attendance: aggregates only.
 * @module
 */
import { conflict, forbidden } from '../../core/errors';
import { FEEDBACK_DAYS, feedbackWindow, monthIn } from '../../core/outcomes';
import { figuresCsv, figuresFileName } from '../../core/outcomes-csv';
import { Ok } from '../../core/schemas/common';
import { GroupParams } from '../../core/schemas/groups';
import { OccurrenceParams } from '../../core/schemas/meetups';
import { FeedbackBody, FeedbackState, FeedbackTokenView, OutcomesView } from '../../core/schemas/outcomes';
import { iso } from '../../core/time';
import { newToken } from '../../store/ids';
import { feedbackRepo } from '../../store/repos/feedback';
import { loadGroup } from '../access/groups';
import { loadOccurrence } from '../access/meetups';
import { requireAuth } from '../context';
import { groupFigures } from '../flows/figures';
import { type Route, route } from '../route';

const feedbackUntil = (o: { endAt: number }) => o.endAt + FEEDBACK_DAYS * 86_400_000;

export const outcomeRoutes: Route[] = [
  route(
    {
      method: 'get',
      path: '/occurrences/{occurrenceId}/feedback',
      tag: 'outcomes',
      summary: 'Whether you may say how a meetup went (you were going, it has ended), and whether you have',
      auth: 'required',
      params: OccurrenceParams,
      responses: { 200: { description: 'Where you stand', schema: FeedbackState } },
    },
    async (c, { params }) => {
      const { userId } = requireAuth(c);
      const { occurrence } = await loadOccurrence(c, params.occurrenceId);
      const now = c.var.services.now();
      return c.json({
        window: feedbackWindow(occurrence, now),
        went: Object.hasOwn(occurrence.going, userId),
        answered: await c.var.services.repo(feedbackRepo).answered(occurrence.occurrenceId, userId, now),
        until: iso(feedbackUntil(occurrence)),
      });
    },
  ),
  route(
    {
      method: 'post',
      path: '/occurrences/{occurrenceId}/feedback/token',
      tag: 'outcomes',
      summary:
        'A one-time token to give feedback on a meetup you went to; the answer goes with the token alone',
      auth: 'required',
      params: OccurrenceParams,
      responses: { 201: { description: 'Your token', schema: FeedbackTokenView } },
    },
    async (c, { params }) => {
      const { userId } = requireAuth(c);
      const { occurrence, member } = await loadOccurrence(c, params.occurrenceId);
      const now = c.var.services.now();
      const window = feedbackWindow(occurrence, now);
      if (window === 'not-yet') throw conflict('Feedback opens when the meetup ends');
      if (window !== 'open') throw conflict('This meetup no longer takes feedback');
      if (member?.status !== 'active' || !Object.hasOwn(occurrence.going, userId))
        throw forbidden('Feedback is for those who were going');
      const token = newToken();
      const issued = await c.var.services.repo(feedbackRepo).issue(
        {
          occurrenceId: occurrence.occurrenceId,
          groupId: occurrence.groupId,
          userId,
          startAt: occurrence.startAt,
          month: monthIn(occurrence.startAt, occurrence.timezone),
          until: feedbackUntil(occurrence),
        },
        token,
      );
      if (!issued) throw conflict('You have already said how this meetup went');
      return c.json({ token }, 201);
    },
  ),
  route(
    {
      method: 'post',
      path: '/feedback',
      tag: 'outcomes',
      summary: 'Give feedback with a one-time token: four ratings 0–10 and a comment, kept apart from you',
      // The token alone says the answer may be given: no session is read, so none is tied to it.
      auth: 'none',
      body: FeedbackBody,
      responses: { 201: { description: 'Counted', schema: Ok } },
    },
    async (c, { body }) => {
      const { token, comment, ...ratings } = body;
      const counted = await c.var.services
        .repo(feedbackRepo)
        .answer(
          token,
          { ratings, ...(comment?.trim() ? { comment: comment.trim() } : {}) },
          c.var.services.now(),
        );
      if (counted === 'spent') throw conflict('This feedback was given already, or its time has passed');
      return c.json({ ok: true as const }, 201);
    },
  ),
  route(
    {
      method: 'get',
      path: '/groups/{groupId}/outcomes',
      tag: 'outcomes',
      summary:
        'Attendance, session feedback and wellbeing over time, as aggregates of 5 answers or more (facilitators and owners)',
      auth: 'required',
      params: GroupParams,
      responses: { 200: { description: 'The group’s figures', schema: OutcomesView } },
    },
    async (c, { params }) => {
      const { group } = await loadGroup(c, params.groupId, 'schedule', 'The figures are for facilitators');
      return c.json(await groupFigures(c, group.groupId));
    },
  ),
  route(
    {
      method: 'get',
      path: '/groups/{groupId}/outcomes.csv',
      tag: 'outcomes',
      summary:
        'The same totals as a CSV file, for research, where the group has agreed to share them (owners); never an answer or a comment',
      auth: 'required',
      params: GroupParams,
      responses: { 200: { description: 'The totals, as a CSV file (text/csv)' } },
    },
    async (c, { params }) => {
      const { group } = await loadGroup(c, params.groupId, 'edit', 'The download is for owners');
      if (!group.researchShare) throw forbidden('Your group has not agreed to share its totals for research');
      const csv = figuresCsv(await groupFigures(c, group.groupId));
      c.header('Content-Type', 'text/csv; charset=utf-8');
      const day = new Date(c.var.services.now()).toISOString().slice(0, 10);
      c.header('Content-Disposition', figuresFileName(group.name, day));
      return c.body(csv);
    },
  ),
];
