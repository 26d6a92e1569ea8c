/**
 * Every resource route × every relation to a group's directory (no session, stranger, a removed
 * facilitator, a moderator who left, pending,
 * member, facilitator, moderator, owner, a verified professional who is a member, a platform
 * admin who is not), for a public and a private group; and the global directory's routes for a
 * member, a professional and an admin. Each answer is what the relation allows, and a refused
 * call writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../functions/store/client';
import { freshDb } from '../support/db';
import { cell, groupWithEveryone, snapshot } from '../support/matrix';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

const WHO = [
  'anonymous',
  'stranger',
  'removed',
  'left',
  'pending',
  'member',
  'facilitator',
  'moderator',
  'owner',
  'professional',
  'admin',
] as const;
type Who = (typeof WHO)[number];
const MEMBERS: Who[] = ['member', 'facilitator', 'moderator', 'owner', 'professional'];
const OUTSIDE: Who[] = ['stranger', 'removed', 'left', 'admin'];

const listing = {
  title: 'Matrix listing',
  description: 'For the matrix.',
  category: 'peer_group',
  url: 'https://matrix.example/',
  languages: ['en'],
  cost: 'free',
  region: 'online',
};

/** What each route answers: who may, and how the others are refused. */
type Rule = { auth: 'optional' | 'required'; may: Who[]; pending: number; outsider: 'read' | 'hidden' };

function expected(rule: Rule, who: Who, visibility: 'public' | 'private'): 'ok' | number {
  if (rule.may.includes(who)) return 'ok';
  if (who === 'anonymous' && rule.auth === 'required') return 401;
  if (who === 'pending') return rule.pending;
  if (OUTSIDE.includes(who) || who === 'anonymous') {
    if (visibility === 'private') return 404;
    return rule.outsider === 'hidden' ? 404 : 403;
  }
  return rule.outsider === 'hidden' && !MEMBERS.includes(who) ? 404 : 403;
}

describe('the resource authorisation matrix', () => {
  for (const visibility of ['public', 'private'] as const) {
    it(`answers every route of a ${visibility} group's directory as each relation may`, async () => {
      const base = await groupWithEveryone(db, visibility, { admins: [`matrix-admin-${visibility}`] });
      const people = await base.everyone();
      const professional = await base.join('member');
      await professional.post('/api/me/professional-application', {
        licenceType: 'GP',
        licenceNumber: 'G1',
        jurisdiction: 'UK',
      });
      const admin = await base.t.signedUp(`matrix-admin-${visibility}`);
      await admin.post(`/api/admin/professionals/${professional.userId}/verify`, { verified: true });
      const all = { ...people, professional, admin } as Record<Who, typeof admin>;
      const g = base.groupId;
      const fresh = async () =>
        (await base.owner.post(`/api/groups/${g}/resources`, listing)).body.resourceId as string;
      const suggestion = async () =>
        (await base.owner.post('/api/resource-suggestions', { ...listing, scope: g })).body
          .resourceId as string;
      const curators: Who[] = ['owner', 'moderator', 'professional'];
      const routes: [string, Rule, () => Promise<[string, string, unknown?]>][] = [
        [
          'search',
          { auth: 'optional', may: MEMBERS, pending: 403, outsider: 'read' },
          async () => ['GET', `/api/resources?scope=${g}`],
        ],
        [
          'read a listing',
          { auth: 'optional', may: MEMBERS, pending: 404, outsider: 'hidden' },
          async () => ['GET', `/api/resources/${await fresh()}`],
        ],
        [
          'add',
          { auth: 'required', may: curators, pending: 403, outsider: 'read' },
          async () => ['POST', `/api/groups/${g}/resources`, listing],
        ],
        [
          'change',
          { auth: 'required', may: curators, pending: 404, outsider: 'hidden' },
          async () => ['PATCH', `/api/resources/${await fresh()}`, { title: 'Changed title' }],
        ],
        [
          'remove',
          { auth: 'required', may: curators, pending: 404, outsider: 'hidden' },
          async () => ['DELETE', `/api/resources/${await fresh()}`],
        ],
        [
          'list a suggestion',
          { auth: 'required', may: curators, pending: 404, outsider: 'hidden' },
          async () => ['POST', `/api/resources/${await suggestion()}/list`],
        ],
        [
          'verify',
          { auth: 'required', may: ['professional'], pending: 404, outsider: 'hidden' },
          async () => ['POST', `/api/resources/${await fresh()}/verify`],
        ],
        [
          'report a problem',
          { auth: 'required', may: MEMBERS, pending: 404, outsider: 'hidden' },
          async () => ['POST', `/api/resources/${await fresh()}/reports`, { problem: 'closed' }],
        ],
        [
          'suggest',
          { auth: 'required', may: MEMBERS, pending: 403, outsider: 'read' },
          async () => ['POST', '/api/resource-suggestions', { ...listing, scope: g }],
        ],
        [
          'the review queue',
          { auth: 'required', may: curators, pending: 403, outsider: 'read' },
          async () => ['GET', `/api/review-queue?scope=${g}`],
        ],
      ];
      const rows: string[] = [];
      for (const who of WHO) {
        for (const [name, rule, route] of routes) {
          const [method, path, body] = await route();
          const want = expected(rule, who, visibility);
          rows.push(
            await cell(db, `${visibility} ${who} ${name}`, want, () => all[who].call(method, path, body)),
          );
        }
      }
      expect(rows.filter((r) => r.includes('expected'))).toEqual([]);
    });
  }

  it('keeps the global directory to platform admins, verifying to professionals, and the admin routes to admins', async () => {
    const base = await groupWithEveryone(db, 'public', { admins: ['matrix-admin-global'] });
    const member = await base.join('member');
    const professional = await base.t.signedUp();
    await professional.post('/api/me/professional-application', {
      licenceType: 'GP',
      licenceNumber: 'G2',
      jurisdiction: 'UK',
    });
    const admin = await base.t.signedUp('matrix-admin-global');
    const id = (await admin.post('/api/resources', listing)).body.resourceId as string;
    const checks: [{ call: typeof admin.call }, string, string, unknown, number][] = [
      [member, 'POST', '/api/resources', listing, 403],
      [professional, 'POST', '/api/resources', listing, 403],
      [member, 'PATCH', `/api/resources/${id}`, { title: 'Nope' }, 403],
      [member, 'POST', `/api/resources/${id}/verify`, undefined, 403],
      [professional, 'POST', `/api/resources/${id}/verify`, undefined, 403], // not verified yet
      [member, 'GET', '/api/review-queue', undefined, 403],
      [member, 'GET', '/api/admin/professionals', undefined, 403],
      [member, 'POST', `/api/admin/professionals/${professional.userId}/verify`, { verified: true }, 403],
      [base.t.person(), 'POST', '/api/resources', listing, 401],
    ];
    for (const [who, method, path, body, status] of checks) {
      const before = await snapshot(db);
      expect((await who.call(method, path, body)).status, `${method} ${path}`).toBe(status);
      expect(await snapshot(db)).toEqual(before);
    }
    // Declined without a reason: refused by the field (the applicant would not know what to change).
    const bare = await admin.post(`/api/admin/professionals/${professional.userId}/verify`, {
      verified: false,
    });
    expect(bare.status).toBe(400);
    expect(bare.body.error.fields).toEqual([
      {
        path: 'body.reason',
        message: 'Say why, so they know what to change before applying again',
        key: 'sayWhySoTheyKnowWhat',
      },
    ]);
    // Declined with a reason, then verified: the applicant is told each time, in their notifications.
    await admin.post(`/api/admin/professionals/${professional.userId}/verify`, {
      verified: false,
      reason: 'The register number did not match',
    });
    expect((await professional.get('/api/me/professional')).body).toMatchObject({
      status: 'declined',
      reason: 'The register number did not match',
    });
    await admin.post(`/api/admin/professionals/${professional.userId}/verify`, { verified: true });
    const told = (await professional.get('/api/me/notifications')).body.items;
    expect(told.map((n: { text: string }) => n.text)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Your application .* was declined: The register number did not match\. You may apply again\.$/,
        ),
        expect.stringMatching(/^You are now a verified professional/),
      ]),
    );
    expect(told[0]).toMatchObject({ kind: 'professional', href: '/professional' });
    expect((await professional.post(`/api/resources/${id}/verify`)).status).toBe(200);
    expect((await professional.get('/api/review-queue')).status).toBe(200);
  });
});
