/**
 * Every discussion and moderation route × every relation to a group (no session, stranger, a
 * removed facilitator, a moderator who left, pending, member, facilitator, moderator, owner), for a public and a private group: each answer
 * is what the role allows, a refusal shows nothing of the group's discussions, and a refused
 * call writes nothing (the whole table is compared before and after it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../functions/store/client';
import { freshDb } from '../support/db';
import {
  asStranger,
  cell,
  groupWithEveryone,
  onlineMeetup,
  RELATIONS,
  type Relation,
} from '../support/matrix';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

const ROLES = RELATIONS;
type Who = Relation;
/** Who a route is for: the group's active members, its moderators, its owners, or a post's author. */
type Audience = 'members' | 'moderators' | 'owners' | 'author';

const RANK: Record<Who, number> = {
  anonymous: 0,
  stranger: 0,
  removed: 0,
  left: 0,
  pending: 0,
  member: 1,
  facilitator: 1,
  moderator: 2,
  owner: 3,
};
const NEEDS: Record<Audience, number> = { members: 1, moderators: 2, owners: 3, author: 4 };

function expected(relation: Who, visibility: 'public' | 'private', audience: Audience): number | 'ok' {
  const who = asStranger(relation);
  if (who === 'anonymous') return 401;
  if (who === 'stranger' && visibility === 'private') return 404; // as if it did not exist
  if (RANK[who] === 0) return 403;
  return RANK[who] >= NEEDS[audience] ? 'ok' : 403;
}

async function world(visibility: 'public' | 'private') {
  const { owner, groupId, join, everyone } = await groupWithEveryone(db, visibility);
  const author = await join('member');
  const secret = `SECRET-${visibility}`;
  const started = await author.post(`/api/groups/${groupId}/threads`, {
    title: `${secret} title`,
    body: secret,
  });
  // The author's first post waits in an approval group: let it through.
  await owner.post(`/api/posts/${started.body.post.postId}/approve`);
  const threadId = started.body.thread.threadId as string;
  const postId = started.body.post.postId as string;
  const occurrenceId = await onlineMeetup(owner, groupId);
  const people = await everyone();
  return { groupId, threadId, postId, occurrenceId, secret, people, authorId: author.userId };
}

type World = Awaited<ReturnType<typeof world>>;
const ROUTES: [Audience, string, (w: World) => [string, string, unknown?]][] = [
  ['members', 'list threads', (w) => ['GET', `/api/groups/${w.groupId}/threads`]],
  [
    'members',
    'start a thread',
    (w) => ['POST', `/api/groups/${w.groupId}/threads`, { title: 'New one', body: 'Hi' }],
  ],
  [
    'members',
    'open a session thread',
    (w) => ['POST', '/api/threads/sessions', { occurrenceId: w.occurrenceId }],
  ],
  ['members', 'read a thread', (w) => ['GET', `/api/threads/${w.threadId}`]],
  ['members', 'read its posts', (w) => ['GET', `/api/threads/${w.threadId}/posts`]],
  ['members', 'reply', (w) => ['POST', `/api/threads/${w.threadId}/posts`, { body: 'A reply' }]],
  ['members', 'follow', (w) => ['PUT', `/api/threads/${w.threadId}/follow`, { following: true }]],
  [
    'members',
    'react',
    (w) => ['POST', `/api/posts/${w.postId}/reactions`, { kind: 'support', reacted: true }],
  ],
  ['members', 'report', (w) => ['POST', `/api/posts/${w.postId}/reports`, { reason: 'other', note: 'x' }]],
  ['members', 'mute the author', (w) => ['POST', '/api/me/mutes', { postId: w.postId }]],
  ['author', 'edit another’s post', (w) => ['PATCH', `/api/posts/${w.postId}`, { body: 'Changed' }]],
  ['author', 'delete another’s post', (w) => ['DELETE', `/api/posts/${w.postId}`]],
  ['moderators', 'read reports', (w) => ['GET', `/api/groups/${w.groupId}/reports`]],
  ['moderators', 'read waiting posts', (w) => ['GET', `/api/groups/${w.groupId}/waiting`]],
  ['moderators', 'hide', (w) => ['POST', `/api/posts/${w.postId}/hide`, { reason: 'Testing' }]],
  ['moderators', 'restore', (w) => ['POST', `/api/posts/${w.postId}/restore`, { reason: 'Testing' }]],
  ['moderators', 'approve', (w) => ['POST', `/api/posts/${w.postId}/approve`]],
  [
    'moderators',
    'lock (open)',
    (w) => ['POST', `/api/threads/${w.threadId}/lock`, { locked: false, reason: 'Open' }],
  ],
  [
    'moderators',
    'pin',
    (w) => ['POST', `/api/threads/${w.threadId}/pin`, { pinned: false, reason: 'Unpin' }],
  ],
  [
    'moderators',
    'pause a member’s posting',
    (w) => [
      'POST',
      `/api/groups/${w.groupId}/members/${w.authorId}/silence`,
      { hours: 1, reason: 'Testing' },
    ],
  ],
  [
    'moderators',
    'let them post again',
    (w) => ['POST', `/api/groups/${w.groupId}/members/${w.authorId}/unsilence`, { reason: 'Testing' }],
  ],
  ['owners', 'read the moderation log', (w) => ['GET', `/api/groups/${w.groupId}/audit`]],
];

describe('the discussion authorisation matrix', () => {
  for (const visibility of ['public', 'private'] as const) {
    it(`answers every route as each role may, in a ${visibility} group`, async () => {
      const w = await world(visibility);
      const table: string[] = [];
      for (const who of ROLES) {
        for (const [audience, name, route] of ROUTES) {
          const [method, path, body] = route(w);
          const want = expected(who, visibility, audience);
          table.push(
            await cell(
              db,
              `${visibility} ${who} ${name}`,
              want,
              () => w.people[who].call(method, path, body),
              w.secret,
            ),
          );
        }
      }
      expect(table.filter((row) => row.includes('expected'))).toEqual([]);
    });
  }
});
