/**
 * Every roster route × no session, stranger, removed, left, pending, member, facilitator, moderator, owner, in a
 * public and a private group: each answer is what the role allows, and a refused call writes
 * nothing (the table, sessions aside, is the same before and after).
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

const WHO = RELATIONS;
type Who = Relation;
/** Who a route is for. */
type Audience = 'organisers' | 'owners' | 'facilitators' | 'holder' | 'anyone';
const ALLOWED: Record<Audience, Who[]> = {
  organisers: ['facilitator', 'moderator', 'owner'],
  owners: ['owner'],
  facilitators: ['facilitator', 'owner'],
  holder: ['facilitator'],
  anyone: ['stranger', 'pending', 'member', 'facilitator', 'moderator', 'owner'],
};

function expected(relation: Who, visibility: 'public' | 'private', audience: Audience): 'ok' | number {
  const who = asStranger(relation);
  if (who === 'anonymous') return 401;
  if (ALLOWED[audience].includes(who)) return 'ok';
  if (audience === 'holder')
    return who === 'stranger' && visibility === 'private'
      ? 404
      : who === 'stranger' || who === 'pending'
        ? 403
        : 404;
  if (who === 'stranger' && visibility === 'private') return 404;
  return 403;
}

async function world(visibility: 'public' | 'private') {
  const { owner, groupId, join, everyone } = await groupWithEveryone(db, visibility);
  const facilitator = await join('facilitator');
  await owner.call('PUT', `/api/groups/${groupId}/facilitators/${facilitator.userId}`, {
    trainedOn: '2026-01-01',
  });
  const occurrenceId = await onlineMeetup(owner, groupId);
  // The facilitator holds the lead: their assignment is the one others try to touch.
  await owner.call('PUT', `/api/occurrences/${occurrenceId}/roster/lead`, { userId: facilitator.userId });
  return {
    groupId,
    occurrenceId,
    facilitatorId: facilitator.userId,
    people: await everyone({ facilitator }),
  };
}

type World = Awaited<ReturnType<typeof world>>;
const ROUTES: [Audience, string, (w: World) => [string, string, unknown?]][] = [
  [
    'organisers',
    'read the roster',
    (w) => ['GET', `/api/groups/${w.groupId}/roster?from=2027-03-01&to=2027-03-31`],
  ],
  ['organisers', 'list facilitators', (w) => ['GET', `/api/groups/${w.groupId}/facilitators`]],
  ['organisers', 'list cover requests', (w) => ['GET', `/api/groups/${w.groupId}/cover-requests`]],
  [
    'owners',
    'preview auto-fill',
    (w) => ['POST', `/api/groups/${w.groupId}/roster/autofill`, { from: '2027-03-01', to: '2027-03-31' }],
  ],
  [
    'owners',
    'give a duty by hand',
    (w) => ['PUT', `/api/occurrences/${w.occurrenceId}/roster/lead`, { userId: w.facilitatorId }],
  ],
  [
    'owners',
    'record training',
    (w) => ['PUT', `/api/groups/${w.groupId}/facilitators/${w.facilitatorId}`, { active: true }],
  ],
  [
    'facilitators',
    'set own availability',
    (w) => ['PUT', `/api/groups/${w.groupId}/facilitators/me/availability`, { weekly: [], away: [] }],
  ],
  [
    'holder',
    'confirm the facilitator’s duty',
    (w) => ['POST', `/api/assignments/${w.occurrenceId}.lead/confirm`],
  ],
  ['anyone', 'my duties', () => ['GET', '/api/me/duties']],
];

describe('the roster authorisation matrix', () => {
  for (const visibility of ['public', 'private'] as const) {
    it(`answers every roster route as each role may, in a ${visibility} group`, async () => {
      const w = await world(visibility);
      const rows: string[] = [];
      for (const who of WHO) {
        for (const [audience, name, route] of ROUTES) {
          const [method, path, body] = route(w);
          const want = expected(who, visibility, audience);
          rows.push(
            await cell(db, `${visibility} ${who} ${name}`, want, () =>
              w.people[who].call(method, path, body),
            ),
          );
        }
      }
      expect(rows.filter((r) => r.includes('expected'))).toEqual([]);
    });
  }
});
