import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crisisLines } from '../../functions/jobs/crisis-lines';
import type { Db } from '../../functions/store/client';
import { groupInput, testApp } from '../support/api';
import { freshDb } from '../support/db';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

let n = 0;
/** An app with a platform admin, and a verified professional. */
async function setup() {
  const admin = `admin-${++n}`;
  const t = testApp(db, { admins: [admin] });
  const root = await t.signedUp(admin);
  const pro = await t.signedUp();
  await pro.post('/api/me/professional-application', {
    licenceType: 'Clinical psychologist',
    licenceNumber: 'PYL12345',
    jurisdiction: 'UK, HCPC',
  });
  await root.post(`/api/admin/professionals/${pro.userId}/verify`, { verified: true });
  return { t, admin: root, pro };
}

const listing = (over: Record<string, unknown> = {}) => ({
  title: 'Harbour Talking Therapies',
  description: 'Free NHS talking therapies for anxiety and depression; refer yourself.',
  category: 'professional_service',
  url: 'https://talking.example/harbour',
  phone: '0113 496 0000',
  languages: ['en'],
  cost: 'free',
  region: { country: 'GB', subdivision: 'Leeds' },
  ...over,
});

const titles = (res: { body: { items: { title: string }[] } }) => res.body.items.map((r) => r.title);

describe('crisis lines', () => {
  it('are seeded in the global directory, each with its source, per region, once', async () => {
    const { t } = await setup();
    await crisisLines.run({ db, now: t.now() });
    await crisisLines.run({ db, now: t.now() }); // a second run adds nothing
    const visitor = t.person();
    const gb = await visitor.get('/api/resources?category=crisis_line&region=GB');
    expect(titles(gb)).toEqual(['Samaritans (United Kingdom)', 'Shout (United Kingdom)']);
    expect(gb.body.items[0]).toMatchObject({
      phone: '116 123',
      source: expect.stringMatching(/^https:\/\//),
    });
    for (const [region, name] of [
      ['US', '988 Suicide & Crisis Lifeline (United States)'],
      ['CA', '9-8-8 Suicide Crisis Helpline (Canada)'],
      ['IE', 'Samaritans (Ireland)'],
      ['AU', 'Lifeline (Australia)'],
    ]) {
      expect(titles(await visitor.get(`/api/resources?category=crisis_line&region=${region}`))).toContain(
        name,
      );
    }
  });
});

describe('the directory', () => {
  it('lets admins keep the global directory and refuses bad listings with field errors, writing nothing', async () => {
    const { t, admin } = await setup();
    const someone = await t.signedUp();
    expect((await someone.post('/api/resources', listing())).status).toBe(403);
    const made = await admin.post('/api/resources', listing());
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ addedBy: admin.handle, verified: null, needsReview: false });
    for (const [bad, path] of [
      [{ url: 'javascript:alert(1)' }, 'body.url'],
      [{ url: 'ftp://files.example/x' }, 'body.url'],
      [{ phone: 'call me maybe' }, 'body.phone'],
      [{ region: { country: 'XX' } }, 'body.region'],
      [{ category: 'miracle_cure' }, 'body.category'],
      [{ title: 'x'.repeat(141) }, 'body.title'],
      [{ languages: ['klingon'] }, 'body.languages.0'],
    ] as const) {
      const res = await admin.post('/api/resources', listing({ title: `Bad ${path}`, ...bad }));
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path).join(' ')).toContain(
        path.split('.')[1],
      );
    }
    const everything = await t.person().get('/api/resources?q=bad');
    expect(everything.body.items).toEqual([]);
  });

  it('filters by text, category, region, cost and language, and pages', async () => {
    const { t, admin } = await setup();
    const unique = `zq${n}`;
    const add = (over: Record<string, unknown>) =>
      admin.post('/api/resources', listing({ tags: [unique], ...over }));
    await add({
      title: 'Alder Anxiety App',
      category: 'app',
      region: 'online',
      cost: 'paid',
      languages: ['en', 'cy'],
    });
    await add({
      title: 'Birch Peer Circle',
      category: 'peer_group',
      region: { country: 'IE' },
      cost: 'free',
    });
    await add({ title: 'Cedar Counselling', cost: 'low', languages: ['en', 'pl'] });
    await add({
      title: 'Damson Workbook',
      category: 'self_help',
      region: 'online',
      cost: 'low',
      url: 'https://read.example/d',
      phone: undefined,
    });
    const v = t.person();
    const q = (query: string) => v.get(`/api/resources?q=${unique}&${query}`).then(titles);
    expect(await q('')).toEqual([
      'Alder Anxiety App',
      'Birch Peer Circle',
      'Cedar Counselling',
      'Damson Workbook',
    ]);
    expect(await q('category=app')).toEqual(['Alder Anxiety App']);
    expect(await q('region=IE')).toEqual(['Birch Peer Circle']);
    expect(await q('region=online')).toEqual(['Alder Anxiety App', 'Damson Workbook']);
    expect(await q('cost=low')).toEqual(['Cedar Counselling', 'Damson Workbook']);
    expect(await q('lang=cy')).toEqual(['Alder Anxiety App']);
    expect(await q('lang=pl&cost=low')).toEqual(['Cedar Counselling']);
    expect(await v.get(`/api/resources?q=workbook%20${unique}`).then(titles)).toEqual(['Damson Workbook']);
    const first = await v.get(`/api/resources?q=${unique}&limit=3`);
    expect(titles(first)).toHaveLength(3);
    const next = await v.get(`/api/resources?q=${unique}&limit=3&cursor=${first.body.nextCursor}`);
    expect(titles(next)).toEqual(['Damson Workbook']);
    expect((await v.get('/api/resources?region=XX')).status).toBe(400);
    expect((await v.get('/api/resources?cursor=forged')).status).toBe(400);
  });

  it('keeps a group’s directory to its members; owners, moderators and professionals add to it', async () => {
    const { t, pro } = await setup();
    const owner = await t.signedUp();
    const groupId = (
      await owner.post('/api/groups', groupInput({ visibility: 'private', joinPolicy: 'invite' }))
    ).body.groupId as string;
    const invite = (await owner.post(`/api/groups/${groupId}/invites`, {})).body.token;
    const member = await t.signedUp();
    for (const p of [member, pro])
      await p.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true, invite });
    expect(
      (await owner.post(`/api/groups/${groupId}/resources`, listing({ title: 'Group listing' }))).status,
    ).toBe(201);
    expect(
      (await pro.post(`/api/groups/${groupId}/resources`, listing({ title: 'From a professional' }))).status,
    ).toBe(201);
    expect((await member.post(`/api/groups/${groupId}/resources`, listing())).status).toBe(403);
    expect(titles(await member.get(`/api/resources?scope=${groupId}`))).toEqual([
      'From a professional',
      'Group listing',
    ]);
    expect((await (await t.signedUp()).get(`/api/resources?scope=${groupId}`)).status).toBe(404);
    // The group's own review period: two months here.
    await owner.patch(`/api/groups/${groupId}`, { resourceReviewMonths: 2 });
    const fresh = await pro.post(`/api/groups/${groupId}/resources`, listing({ title: 'Reviewed often' }));
    t.advance(65 * 86_400_000);
    for (const p of [member])
      await p.post('/api/auth/login', { handle: p.handle, passphrase: 'quiet river morning tea' });
    expect((await member.get(`/api/resources/${fresh.body.resourceId}`)).body.needsReview).toBe(true);
    expect((await t.person().get(`/api/resources?scope=${groupId}`)).status).toBe(404);
  });
});

describe('trust', () => {
  it('suggest → a professional verifies → listed as verified; needs review after six months; problems reported', async () => {
    const { t, admin, pro } = await setup();
    const member = await t.signedUp();
    const suggested = await member.post('/api/resource-suggestions', {
      ...listing({ title: `Elm Drop-in ${n}` }),
      scope: 'global',
    });
    expect(suggested.status).toBe(201);
    expect(suggested.body.status).toBe('suggested');
    const id = suggested.body.resourceId as string;
    // Not listed yet, but in the reviewers' queue.
    expect(titles(await t.person().get(`/api/resources?q=elm`))).not.toContain(`Elm Drop-in ${n}`);
    expect((await member.get('/api/review-queue')).status).toBe(403);
    const queue = (await pro.get('/api/review-queue')).body;
    expect(queue.suggested.map((r: { resourceId: string }) => r.resourceId)).toContain(id);
    expect((await member.post(`/api/resources/${id}/verify`)).status).toBe(403);
    // Those who keep the directory can list a suggestion as it is; a professional can still verify it.
    const other = await member.post('/api/resource-suggestions', {
      ...listing({ title: `Fir Cafe ${n}` }),
      scope: 'global',
    });
    expect((await member.post(`/api/resources/${other.body.resourceId}/list`)).status).toBe(403);
    const listed = await admin.post(`/api/resources/${other.body.resourceId}/list`);
    expect(listed.body).toMatchObject({ status: 'listed', verified: null });
    expect((await admin.get('/api/me/professional')).body.admin).toBe(true);
    const verified = await pro.post(`/api/resources/${id}/verify`);
    expect(verified.body).toMatchObject({ status: 'listed', verified: { by: pro.handle, ago: 'today' } });
    expect(titles(await t.person().get(`/api/resources?q=elm`))).toContain(`Elm Drop-in ${n}`);
    // A problem report lands in the queue.
    await member.post(`/api/resources/${id}/reports`, {
      problem: 'wrong_number',
      note: 'The number rings out.',
    });
    expect((await admin.get('/api/review-queue')).body.reports[0]).toMatchObject({
      resourceId: id,
      problem: 'wrong_number',
    });
    // Seven months on, it needs review, shows it, and is in the queue.
    t.advance(7 * 30.5 * 86_400_000);
    const later = await t.person().get(`/api/resources/${id}`);
    expect(later.body).toMatchObject({ needsReview: true, verified: { ago: '7 months ago' } });
    for (const who of [admin, pro])
      await who.post('/api/auth/login', { handle: who.handle, passphrase: 'quiet river morning tea' });
    const due = (await pro.get('/api/review-queue')).body.needsReview.map(
      (r: { resourceId: string }) => r.resourceId,
    );
    expect(due).toContain(id);
    await pro.post(`/api/resources/${id}/verify`);
    expect((await t.person().get(`/api/resources/${id}`)).body.needsReview).toBe(false);
  });

  it('verifies professionals by a platform admin only, after they apply with credentials', async () => {
    const { t, admin } = await setup();
    const applicant = await t.signedUp();
    expect((await applicant.get('/api/me/professional')).body.status).toBe('none');
    expect(
      (
        await applicant.post('/api/me/professional-application', {
          licenceType: 'Counsellor',
          licenceNumber: '',
          jurisdiction: 'UK',
        })
      ).status,
    ).toBe(400);
    await applicant.post('/api/me/professional-application', {
      licenceType: 'Counsellor',
      licenceNumber: 'BACP-998',
      jurisdiction: 'UK, BACP',
      note: 'Ten years in community mental health.',
    });
    expect((await applicant.get('/api/me/professional')).body.status).toBe('pending');
    expect((await applicant.get('/api/admin/professionals')).status).toBe(403);
    const waiting = (await admin.get('/api/admin/professionals')).body.items;
    expect(waiting.find((w: { handle: string }) => w.handle === applicant.handle)).toMatchObject({
      licenceNumber: 'BACP-998',
    });
    expect(
      (await applicant.post(`/api/admin/professionals/${applicant.userId}/verify`, { verified: true }))
        .status,
    ).toBe(403);
    await admin.post(`/api/admin/professionals/${applicant.userId}/verify`, { verified: true });
    expect((await applicant.get('/api/me/professional')).body.status).toBe('verified');
    expect(
      (await admin.get('/api/admin/professionals')).body.items.map((w: { handle: string }) => w.handle),
    ).not.toContain(applicant.handle);
  });
});

describe('notes from professionals', () => {
  it('lets a verified professional who can see a post add a note under it, shown to everyone', async () => {
    const { t, pro } = await setup();
    const owner = await t.signedUp();
    const groupId = (await owner.post('/api/groups', groupInput())).body.groupId as string;
    const member = await t.signedUp();
    for (const p of [member, pro]) await p.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true });
    const started = await member.post(`/api/groups/${groupId}/threads`, {
      title: 'Sleep and anxiety',
      body: 'I read that skipping sleep cures anxiety. True?',
    });
    const postId = started.body.post.postId as string;
    expect((await member.post(`/api/posts/${postId}/context-notes`, { body: 'I think so' })).status).toBe(
      403,
    );
    const noted = await pro.post(`/api/posts/${postId}/context-notes`, {
      body: 'Sleep loss usually makes anxiety worse; a GP can help with sleep.',
    });
    expect(noted.status).toBe(201);
    const seen = (await owner.get(`/api/threads/${started.body.thread.threadId}/posts`)).body.items[0];
    expect(seen.contextNotes).toEqual([
      {
        by: pro.handle,
        body: 'Sleep loss usually makes anxiety worse; a GP can help with sleep.',
        at: expect.any(String),
      },
    ]);
    // A professional outside the group sees nothing to note.
    const outsider = await t.signedUp();
    await outsider.post('/api/me/professional-application', {
      licenceType: 'GP',
      licenceNumber: 'G1',
      jurisdiction: 'UK',
    });
    expect((await outsider.post(`/api/posts/${postId}/context-notes`, { body: 'Hello there' })).status).toBe(
      403,
    );
  });
});
