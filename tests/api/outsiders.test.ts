/**
 * Once out, a stranger: on every route of the API that names a group or anything in one, a
 * facilitator the owners removed and a moderator who left get exactly the answer a stranger gets
 * (status and words), in a public and a private group, and their refused calls write nothing.
 * The role matrices (discussion, roster, resources) hold them to each route's rule; this holds
 * them to the stranger's answer everywhere, routes added later included (they come from the
 * OpenAPI document: a new route without a way to call it here fails the test).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedsApp } from '../../functions/feeds/app';
import type { Db } from '../../functions/store/client';
import { freshDb } from '../support/db';
import { groupWithEveryone, onlineMeetup, snapshot } from '../support/matrix';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

const listing = {
  title: 'Outsiders listing',
  description: 'For the outsiders test.',
  category: 'peer_group',
  url: 'https://outsiders.example/',
  languages: ['en'],
  cost: 'free',
  region: 'online',
};

async function world(visibility: 'public' | 'private') {
  const admin = `outsiders-admin-${visibility}`;
  const base = await groupWithEveryone(db, visibility, { admins: [admin] });
  const { owner, groupId: g, join } = base;
  const facilitator = await join('facilitator');
  await owner.call('PUT', `/api/groups/${g}/facilitators/${facilitator.userId}`, { trainedOn: '2026-01-01' });
  const occurrenceId = await onlineMeetup(owner, g);
  const meetupId = (await owner.get(`/api/occurrences/${occurrenceId}`)).body.meetupId as string;
  await owner.call('PUT', `/api/occurrences/${occurrenceId}/roster/lead`, { userId: facilitator.userId });
  const assignmentId = `${occurrenceId}.lead`;
  await facilitator.post(`/api/assignments/${assignmentId}/confirm`);
  const coverRequestId = (await facilitator.post(`/api/assignments/${assignmentId}/cover-requests`, {})).body
    .coverRequestId as string;
  const member = await join('member');
  const started = await member.post(`/api/groups/${g}/threads`, { title: 'Hello all', body: 'First words' });
  await owner.post(`/api/posts/${started.body.post.postId}/approve`);
  const threadId = started.body.thread.threadId as string;
  const crisis = await member.post(`/api/threads/${threadId}/posts`, { body: 'i want to end it all' });
  const postId = crisis.body.post?.postId ?? (crisis.body.postId as string);
  const requestId = (await owner.get(`/api/groups/${g}/support`)).body.items[0].requestId as string;
  const conversationId = (await member.post(`/api/groups/${g}/conversations`, { message: 'Can we talk?' }))
    .body.conversationId as string;
  const inviteId = (await owner.get(`/api/groups/${g}/invites`)).body.items[0].inviteId as string;
  const resourceId = (await owner.post(`/api/groups/${g}/resources`, listing)).body.resourceId as string;
  // A Q&A with the facilitator as the verified professional, and a member's question.
  await facilitator.post('/api/me/professional-application', {
    licenceType: 'Counsellor',
    licenceNumber: 'C1',
    jurisdiction: 'UK',
  });
  await (await base.t.signedUp(admin)).post(`/api/admin/professionals/${facilitator.userId}/verify`, {
    verified: true,
  });
  await owner.call('PUT', `/api/occurrences/${occurrenceId}/qa`, { professionalId: facilitator.userId });
  await facilitator.post(`/api/occurrences/${occurrenceId}/qa/accept`);
  await member.post(`/api/occurrences/${occurrenceId}/questions`, { body: 'A question' });
  const questionId = (await member.get(`/api/occurrences/${occurrenceId}/questions`)).body.items[0]
    .questionId as string;
  const people = await base.everyone();
  const ids: Record<string, string> = {
    questionId,
    groupId: g,
    occurrenceId,
    meetupId,
    assignmentId,
    coverRequestId,
    threadId,
    postId,
    requestId,
    conversationId,
    inviteId,
    resourceId,
    userId: member.userId,
    role: 'lead',
  };
  return { ...base, ids, people, facilitatorId: facilitator.userId };
}

/** A valid body for each route that takes one, so the answer is about who asks, not what. */
function bodyFor(method: string, path: string, w: Awaited<ReturnType<typeof world>>): unknown {
  const { ids } = w;
  const bodies: Record<string, unknown> = {
    'PATCH /api/groups/{groupId}': { description: 'A changed description for the group.' },
    'POST /api/groups/{groupId}/conversations': { message: 'Hello' },
    'PUT /api/groups/{groupId}/facilitators/me/availability': { weekly: [], away: [] },
    'PUT /api/groups/{groupId}/facilitators/{userId}': { active: true },
    'POST /api/groups/{groupId}/invites': {},
    'POST /api/groups/{groupId}/meetups': {
      title: 'Another',
      start: '2027-04-16T18:30',
      durationMinutes: 60,
      mode: 'online',
      online: { url: 'https://meet.example/o' },
      capacity: { online: 10 },
    },
    'PATCH /api/groups/{groupId}/members/{userId}': { role: 'member' },
    'POST /api/groups/{groupId}/members/{userId}/silence': { hours: 1, reason: 'Testing' },
    'POST /api/groups/{groupId}/members/{userId}/unsilence': { reason: 'Testing' },
    'POST /api/groups/{groupId}/resources': listing,
    'POST /api/groups/{groupId}/roster/autofill': { from: '2027-03-01', to: '2027-03-31' },
    'POST /api/groups/{groupId}/threads': { title: 'New one', body: 'Hi' },
    'POST /api/assignments/{assignmentId}/decline': {},
    'POST /api/conversations/{conversationId}/messages': { body: 'A message' },
    'PATCH /api/meetups/{meetupId}': { title: 'Changed title' },
    'POST /api/meetups/{meetupId}/cancel': { reason: 'Testing' },
    'PATCH /api/occurrences/{occurrenceId}': { title: 'Changed title' },
    'POST /api/occurrences/{occurrenceId}/attendance': { headcount: { online: 3 } },
    'POST /api/occurrences/{occurrenceId}/cancel': { reason: 'Testing' },
    'PUT /api/occurrences/{occurrenceId}/roster/{role}': { userId: w.facilitatorId },
    'PUT /api/occurrences/{occurrenceId}/rsvp': { attendance: 'online' },
    'PATCH /api/posts/{postId}': { body: 'Changed' },
    'POST /api/posts/{postId}/context-notes': { body: 'Some context' },
    'POST /api/posts/{postId}/hide': { reason: 'Testing' },
    'POST /api/posts/{postId}/reactions': { kind: 'support', reacted: true },
    'POST /api/posts/{postId}/reports': { reason: 'other', note: 'x' },
    'POST /api/posts/{postId}/reports/settle': { outcome: 'dismissed', reason: 'Testing' },
    'POST /api/posts/{postId}/restore': { reason: 'Testing' },
    'PATCH /api/resources/{resourceId}': { title: 'Changed title' },
    'POST /api/resources/{resourceId}/reports': { problem: 'closed' },
    'POST /api/support/{requestId}/actions': { action: 'reached_out', note: 'Testing' },
    'POST /api/support/{requestId}/close': { action: 'reached_out', note: 'Testing' },
    'POST /api/threads/{threadId}/lock': { locked: false, reason: 'Open' },
    'POST /api/threads/{threadId}/pin': { pinned: false, reason: 'Unpin' },
    'POST /api/threads/{threadId}/posts': { body: 'A reply' },
    'PUT /api/threads/{threadId}/follow': { following: true },
    'POST /api/threads/sessions': { occurrenceId: ids.occurrenceId },
    'POST /api/me/mutes': { postId: ids.postId },
    'POST /api/resource-suggestions': { ...listing, scope: ids.groupId },
    'POST /api/admin/professionals/{userId}/verify': { verified: true },
    'PUT /api/occurrences/{occurrenceId}/qa': { professionalId: w.facilitatorId },
    'POST /api/occurrences/{occurrenceId}/questions': { body: 'Another question' },
    'POST /api/questions/{questionId}/answer': { answer: 'An answer' },
  };
  return bodies[`${method} ${path}`] ?? (method === 'GET' || method === 'DELETE' ? undefined : {});
}

/** Routes about a group that carry it in the query or body rather than the path. */
const BY_QUERY: Record<string, string> = {
  'GET /api/resources': '?scope={groupId}',
  'GET /api/review-queue': '?scope={groupId}',
  'GET /api/groups/{groupId}/roster': '?from=2027-03-01&to=2027-03-31',
};
const BY_BODY = new Set([
  'POST /api/threads/sessions',
  'POST /api/me/mutes',
  'POST /api/resource-suggestions',
]);
/** Joining and leaving are how one becomes or stops being a member: they are the exception. */
const MEMBERSHIP = new Set(['POST /api/groups/{groupId}/members', 'DELETE /api/groups/{groupId}/members/me']);

describe('a removed facilitator and a moderator who left', () => {
  for (const visibility of ['public', 'private'] as const) {
    it(`get a stranger's answer on every route about a ${visibility} group, and write nothing when refused`, async () => {
      const w = await world(visibility);
      const feeds = createFeedsApp({ db, now: w.t.now });
      const doc = (await w.owner.get('/api/openapi.json')).body;
      const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
        ([path, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })),
      );
      const about = routes.filter(
        ({ method, path }) =>
          !MEMBERSHIP.has(`${method} ${path}`) &&
          (/\{(?!muteId|notificationId|deviceId)\w+\}/.test(path) ||
            BY_QUERY[`${method} ${path}`] ||
            BY_BODY.has(`${method} ${path}`)),
      );
      expect(about.length).toBeGreaterThan(70);
      const differences: string[] = [];
      const unplaced: string[] = [];
      const badBodies: string[] = []; // each answer must be about who asks, not what was sent
      let refusals = 0;
      for (const { method, path } of about) {
        const concrete = (path + (BY_QUERY[`${method} ${path}`] ?? '')).replace(/\{(\w+)\}/g, (_, name) => {
          if (!w.ids[name]) unplaced.push(`${method} ${path}: {${name}}`);
          return w.ids[name] ?? name;
        });
        const body = bodyFor(method, path, w);
        const answers: Record<string, { status: number; body: string }> = {};
        for (const who of ['stranger', 'removed', 'left'] as const) {
          const before = await snapshot(db);
          const res = await w.people[who].call(method, concrete, body);
          answers[who] = { status: res.status, body: res.status < 300 ? '' : JSON.stringify(res.body) };
          if (res.status >= 300) {
            refusals++;
            expect(await snapshot(db), `${who} ${method} ${concrete} writes nothing`).toEqual(before);
          }
        }
        for (const who of ['removed', 'left'] as const) {
          if (JSON.stringify(answers[who]) !== JSON.stringify(answers.stranger))
            differences.push(
              `${method} ${path}: ${who} ${answers[who]!.status} ${answers[who]!.body} ≠ stranger ${answers.stranger!.status} ${answers.stranger!.body}`,
            );
        }
        if (answers.stranger!.status === 400) badBodies.push(`${method} ${path}: ${answers.stranger!.body}`);
      }
      // The calendar file of one meetup, from the feeds function.
      const ics = await Promise.all(
        (['stranger', 'removed', 'left'] as const).map(async (who) => {
          const res = await feeds.request(`/api/occurrences/${w.ids.occurrenceId}/event.ics`, {
            headers: { cookie: w.people[who].cookie },
          });
          return `${res.status} ${res.status < 300 ? '' : await res.text()}`;
        }),
      );
      expect(new Set(ics).size, ics.join(' | ')).toBe(1);
      expect(unplaced).toEqual([]);
      expect(badBodies).toEqual([]);
      expect(differences).toEqual([]);
      expect(refusals).toBeGreaterThan(150);
    });
  }
});
