/**
 * Q&A sessions with a verified professional: organisers ask one of the group's verified
 * professionals, who accepts or declines; members ask questions (anonymously if they choose) and
 * support those they want answered; the professional marks them answered. An anonymous question
 * never names its author to other members or the professional; moderators see who, to act on it.
 * @module
 */
import { conflict, forbidden, notFound } from '../../core/errors';
import { can } from '../../core/groups';
import { nameOr, notice } from '../../core/i18n/notices';
import { askerShown, QUESTIONS_PER_MEMBER } from '../../core/qa';
import { Ok } from '../../core/schemas/common';
import { GroupParams } from '../../core/schemas/groups';
import { OccurrenceParams } from '../../core/schemas/meetups';
import {
  AnswerBody,
  ProfessionalList,
  QaBody,
  QaView,
  QuestionBody,
  QuestionList,
  QuestionParams,
} from '../../core/schemas/qa';
import { groupOf } from '../../store/keys';
import { notificationsRepo } from '../../store/repos/notifications';
import { qaRepo } from '../../store/repos/qa';
import { resourcesRepo } from '../../store/repos/resources';
import { loadGroup } from '../access/groups';
import { loadOccurrence, requireActiveMember } from '../access/meetups';
import type { Ctx } from '../context';
import { requireAuth } from '../context';
import { startOf } from '../flows/notices';
import { type Route, route } from '../route';

const NO_QA = 'This meetup is not a Q&A';

/** The meetup, its Q&A (accepted, unless said otherwise) and the caller as an active member. */
async function loadQa(c: Ctx, occurrenceId: string, opts: { accepted?: boolean } = {}) {
  const { userId } = requireAuth(c);
  const { occurrence, member } = await loadOccurrence(c, occurrenceId);
  const active = requireActiveMember(member);
  const qa = await c.var.services.repo(qaRepo).get(occurrenceId);
  if (!qa || (opts.accepted !== false && qa.status !== 'accepted')) throw notFound(NO_QA);
  return { userId, occurrence, member: active, qa };
}

async function loadQuestion(c: Ctx, questionId: string) {
  const question = await c.var.services.repo(qaRepo).question(questionId);
  if (!question || question.hidden) throw notFound('No such question');
  return { question, ...(await loadQa(c, question.occurrenceId)) };
}

export const qaRoutes: Route[] = [
  route(
    {
      method: 'get',
      path: '/groups/{groupId}/professionals',
      tag: 'outcomes',
      summary: 'The group’s verified professionals, whom organisers may ask to answer questions at a Q&A',
      auth: 'required',
      params: GroupParams,
      responses: { 200: { description: 'The verified professionals', schema: ProfessionalList } },
    },
    async (c, { params }) => {
      await loadGroup(c, params.groupId, 'schedule', 'For the group’s organisers');
      const members = await c.var.services.groups.activeMembers(params.groupId);
      const verified = await c.var.services
        .repo(resourcesRepo)
        .professionalsAmong(members.map((m) => m.userId));
      return c.json({
        items: members
          .filter((m) => verified.has(m.userId))
          .map((m) => ({ userId: m.userId, displayName: m.displayName })),
      });
    },
  ),
  route(
    {
      method: 'get',
      path: '/occurrences/{occurrenceId}/qa',
      tag: 'outcomes',
      summary: 'Whether a meetup is a Q&A, with which verified professional and their field',
      auth: 'optional',
      params: OccurrenceParams,
      responses: { 200: { description: 'The Q&A, or null', schema: QaView } },
    },
    async (c, { params }) => {
      const { member } = await loadOccurrence(c, params.occurrenceId);
      const qa = await c.var.services.repo(qaRepo).get(params.occurrenceId);
      const organiser = can(member, 'schedule');
      const viewer = c.get('auth')?.userId;
      // Until the professional accepts, only the organisers and the professional know of it.
      if (!qa || (qa.status !== 'accepted' && !organiser && qa.professionalId !== viewer))
        return c.json({ qa: null });
      const [pro, names] = await Promise.all([
        c.var.services.repo(resourcesRepo).getProfessional(qa.professionalId),
        c.var.services.groups.getDisplayNames(groupOf(params.occurrenceId), [qa.professionalId]),
      ]);
      return c.json({
        qa: {
          professional: {
            userId: qa.professionalId,
            displayName: names.get(qa.professionalId) ?? '',
            licenceType: pro?.licenceType ?? '',
            jurisdiction: pro?.jurisdiction ?? '',
          },
          status: qa.status,
          mine: qa.professionalId === viewer,
        },
      });
    },
  ),
  route(
    {
      method: 'put',
      path: '/occurrences/{occurrenceId}/qa',
      tag: 'outcomes',
      summary:
        'Make a meetup a Q&A: ask one of the group’s verified professionals to answer questions (organisers)',
      auth: 'required',
      params: OccurrenceParams,
      body: QaBody,
      responses: { 200: { description: 'Asked', schema: Ok } },
    },
    async (c, { params, body }) => {
      const { userId } = requireAuth(c);
      const { occurrence, member } = await loadOccurrence(c, params.occurrenceId);
      if (!can(member, 'schedule')) throw forbidden('For the group’s organisers');
      const [pro, them] = await Promise.all([
        c.var.services.repo(resourcesRepo).getProfessional(body.professionalId),
        c.var.services.groups.getMember(occurrence.groupId, body.professionalId),
      ]);
      if (pro?.status !== 'verified' || them?.status !== 'active')
        throw conflict('Choose one of the group’s verified professionals', [
          { path: 'body.professionalId', message: 'Not a verified professional in this group' },
        ]);
      const now = c.var.services.now();
      await c.var.services.repo(qaRepo).put({
        occurrenceId: occurrence.occurrenceId,
        professionalId: body.professionalId,
        status: 'invited',
        invitedBy: userId,
        at: now,
      });
      const group = await c.var.services.groups.getGroup(occurrence.groupId);
      await c.var.services.repo(notificationsRepo).notify(
        [
          {
            userId: body.professionalId,
            kind: 'qa',
            notice: notice('qaInvited', {
              title: occurrence.title,
              when: startOf(occurrence),
              group: group?.name ?? '',
              name: nameOr(member?.displayName, 'facilitator'),
            }),
            occurrenceId: occurrence.occurrenceId,
            groupId: occurrence.groupId,
          },
        ],
        now,
      );
      return c.json({ ok: true as const });
    },
  ),
  route(
    {
      method: 'delete',
      path: '/occurrences/{occurrenceId}/qa',
      tag: 'outcomes',
      summary: 'Withdraw the ask, or stop the meetup being a Q&A (organisers)',
      auth: 'required',
      params: OccurrenceParams,
      responses: { 200: { description: 'Withdrawn', schema: Ok } },
    },
    async (c, { params }) => {
      const { member } = await loadOccurrence(c, params.occurrenceId);
      if (!can(member, 'schedule')) throw forbidden('For the group’s organisers');
      await c.var.services.repo(qaRepo).remove(params.occurrenceId);
      return c.json({ ok: true as const });
    },
  ),
  ...(['accept', 'decline'] as const).map((decision) =>
    route(
      {
        method: 'post',
        path: `/occurrences/{occurrenceId}/qa/${decision}`,
        tag: 'outcomes',
        summary: `${decision === 'accept' ? 'Accept' : 'Decline'} answering questions at a Q&A (the professional asked)`,
        auth: 'required',
        params: OccurrenceParams,
        responses: { 200: { description: 'Decided', schema: Ok } },
      },
      async (c, { params }) => {
        const { userId, qa, member, occurrence } = await loadQa(c, params.occurrenceId, { accepted: false });
        const status = decision === 'accept' ? 'accepted' : 'declined';
        const now = c.var.services.now();
        const decided = await c.var.services.repo(qaRepo).decide(params.occurrenceId, userId, status, now);
        if (!decided) throw forbidden('For the professional asked');
        // Whoever asked them hears the answer, and what they can do next.
        await c.var.services.repo(notificationsRepo).notify(
          [
            {
              userId: qa.invitedBy,
              kind: 'qa',
              notice: notice(status === 'accepted' ? 'qaAccepted' : 'qaDeclined', {
                name: nameOr(member.displayName, 'member'),
                title: occurrence.title,
                when: startOf(occurrence),
              }),
              occurrenceId: occurrence.occurrenceId,
              groupId: occurrence.groupId,
            },
          ],
          now,
        );
        return c.json({ ok: true as const });
      },
    ),
  ),
  route(
    {
      method: 'get',
      path: '/occurrences/{occurrenceId}/questions',
      tag: 'outcomes',
      summary: 'A Q&A’s questions, most supported first; anonymous ones shown as “a member”',
      auth: 'required',
      params: OccurrenceParams,
      responses: { 200: { description: 'The questions', schema: QuestionList } },
    },
    async (c, { params }) => {
      const { userId, member, qa, occurrence } = await loadQa(c, params.occurrenceId);
      const questions = await c.var.services.repo(qaRepo).questions(params.occurrenceId);
      // The professional never learns who asked, even one who also moderates.
      const moderates = can(member, 'moderate') && qa.professionalId !== userId;
      const names = await c.var.services.groups.getDisplayNames(occurrence.groupId, [
        ...new Set(questions.map((q) => q.authorId)),
      ]);
      return c.json({
        items: questions.map((q) => {
          const shown = askerShown(q, { userId, moderates }, names.get(q.authorId));
          return {
            questionId: q.questionId,
            body: q.body,
            askedBy: shown.name,
            mine: shown.mine,
            anonymous: q.anonymous && (shown.mine || moderates),
            votes: q.votes,
            voted: q.voters.has(userId),
            answered: q.answered,
            answer: q.answer ?? null,
          };
        }),
        answers: qa.professionalId === userId,
        moderates,
      });
    },
  ),
  route(
    {
      method: 'post',
      path: '/occurrences/{occurrenceId}/questions',
      tag: 'outcomes',
      summary: 'Ask a question for the Q&A, anonymously if you choose (3 at most each)',
      auth: 'required',
      params: OccurrenceParams,
      body: QuestionBody,
      responses: { 201: { description: 'Asked', schema: Ok } },
    },
    async (c, { params, body }) => {
      const { userId, occurrence } = await loadQa(c, params.occurrenceId);
      const now = c.var.services.now();
      if (now >= occurrence.endAt) throw conflict('This Q&A has ended');
      const asked = await c.var.services.repo(qaRepo).ask({
        occurrenceId: occurrence.occurrenceId,
        authorId: userId,
        anonymous: body.anonymous,
        body: body.body,
        createdAt: now,
      });
      if (!asked) throw conflict(`You have asked ${QUESTIONS_PER_MEMBER} questions here already`);
      return c.json({ ok: true as const }, 201);
    },
  ),
  ...(['put', 'delete'] as const).map((method) =>
    route(
      {
        method,
        path: '/questions/{questionId}/vote',
        tag: 'outcomes',
        summary: method === 'put' ? 'Support a question (one vote each)' : 'Take your vote back',
        auth: 'required',
        params: QuestionParams,
        responses: { 200: { description: 'Done', schema: Ok } },
      },
      async (c, { params }) => {
        const { userId, question } = await loadQuestion(c, params.questionId);
        if (method === 'put' && question.authorId === userId)
          throw conflict('Your own question needs no support: it is asked already');
        // Voting twice, or taking back a vote not given, changes nothing.
        await c.var.services.repo(qaRepo).vote(params.questionId, userId, method === 'put');
        return c.json({ ok: true as const });
      },
    ),
  ),
  route(
    {
      method: 'post',
      path: '/questions/{questionId}/answer',
      tag: 'outcomes',
      summary: 'Mark a question answered, with a written answer if you like (the professional)',
      auth: 'required',
      params: QuestionParams,
      body: AnswerBody,
      responses: { 200: { description: 'Answered', schema: Ok } },
    },
    async (c, { params, body }) => {
      const { userId, qa, question, occurrence } = await loadQuestion(c, params.questionId);
      if (qa.professionalId !== userId) throw forbidden('For the professional answering');
      const now = c.var.services.now();
      await c.var.services.repo(qaRepo).answer(params.questionId, body.answer || undefined, now);
      // The one who asked hears of it (their own notice: it names nobody).
      if (!question.answered)
        await c.var.services.repo(notificationsRepo).notify(
          [
            {
              userId: question.authorId,
              kind: 'qa',
              notice: notice('questionAnswered', { title: occurrence.title }),
              occurrenceId: occurrence.occurrenceId,
              groupId: occurrence.groupId,
            },
          ],
          now,
          `answered:${question.questionId}`,
        );
      return c.json({ ok: true as const });
    },
  ),
  route(
    {
      method: 'post',
      path: '/questions/{questionId}/hide',
      tag: 'outcomes',
      summary: 'Take a question down (its author, or a moderator)',
      auth: 'required',
      params: QuestionParams,
      responses: { 200: { description: 'Hidden', schema: Ok } },
    },
    async (c, { params }) => {
      const { userId, question, member } = await loadQuestion(c, params.questionId);
      if (question.authorId !== userId && !can(member, 'moderate'))
        throw forbidden('For its author or a moderator');
      await c.var.services.repo(qaRepo).hide(params.questionId);
      return c.json({ ok: true as const });
    },
  ),
];
