import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../functions/store/client';
import { groupInput, testApp } from '../support/api';
import { freshDb } from '../support/db';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

async function setup() {
  const t = testApp(db);
  const owner = await t.signedUp();
  const create = async (over: Record<string, unknown> = {}) => {
    const res = await owner.post('/api/groups', groupInput(over));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.groupId as string;
  };
  return { t, owner, create };
}

describe('creating and editing groups', () => {
  it('makes the creator the owner and shows the group with policies and a size band', async () => {
    const { owner, create } = await setup();
    const id = await create({ alias: 'Sam K.' });
    const res = await owner.get(`/api/groups/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Tuesday Anxiety Circle',
      moderationPolicy: 'active',
      tone: 'listening',
      sizeBand: 'Under 10 members',
      membership: { role: 'owner', status: 'active', alias: 'Sam K.' },
    });
  });

  it.each([
    [{ timezone: 'Mars/Olympus' }, 'body.timezone'],
    [{ focus: [] }, 'body.focus'],
    [{ focus: ['anxiety', 'anxiety'] }, 'body.focus'],
    [{ focus: ['astrology'] }, 'body.focus.0'],
    [{ name: 'x'.repeat(81) }, 'body.name'],
    [{ name: 'two\nlines' }, 'body.name'],
    [{ guidelines: 'too short' }, 'body.guidelines'],
    [{ visibility: 'secret' }, 'body.visibility'],
    [{ description: 'd'.repeat(2001) }, 'body.description'],
  ])('refuses %j with a field error', async (over, path) => {
    const { owner } = await setup();
    const res = await owner.post('/api/groups', groupInput(over));
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(path);
  });

  it('requires sign-in to create', async () => {
    const { t } = await setup();
    expect((await t.person().post('/api/groups', groupInput())).status).toBe(401);
  });

  it('lets only owners edit, and the directory follows the edit', async () => {
    const { t, owner, create } = await setup();
    const id = await create({ name: 'Zebra Crossing Peer Group', focus: ['grief'] });
    const member = await t.signedUp();
    await member.post(`/api/groups/${id}/members`, { acceptGuidelines: true });
    expect((await member.patch(`/api/groups/${id}`, { name: 'Hijacked' })).status).toBe(403);
    const res = await owner.patch(`/api/groups/${id}`, { name: 'Zebra Grief Circle', focus: ['loneliness'] });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Zebra Grief Circle');
    const grief = await t.person().get('/api/groups?focus=grief&q=zebra');
    expect(grief.body.items).toHaveLength(0);
    const lonely = await t.person().get('/api/groups?focus=loneliness&q=zebra');
    expect(lonely.body.items.map((g: { name: string }) => g.name)).toEqual(['Zebra Grief Circle']);
    expect((await owner.patch(`/api/groups/${id}`, {})).status).toBe(400);
  });
});

describe('the directory', () => {
  it('lists public groups only, searches text and filters by focus, tone and moderation, paged', async () => {
    const { t, create } = await setup();
    const ids = [];
    for (let i = 0; i < 7; i++) {
      ids.push(
        await create({
          name: `Quokka Walkers ${i}`,
          focus: i % 2 ? ['grief'] : ['anxiety'],
          tone: i < 3 ? 'social' : 'practical',
        }),
      );
    }
    await create({ name: 'Quokka Hidden Circle', visibility: 'private', joinPolicy: 'invite' });
    const visitor = t.person();
    const all = await visitor.get('/api/groups?q=quokka&limit=50');
    expect(all.body.items).toHaveLength(7);
    expect(all.body.items.map((g: { name: string }) => g.name)).not.toContain('Quokka Hidden Circle');
    expect(all.body.items[0]).not.toHaveProperty('members');
    expect(all.body.items[0]).not.toHaveProperty('memberCount');

    const grief = await visitor.get('/api/groups?q=QUOKKA&focus=grief');
    expect(grief.body.items).toHaveLength(3);
    const social = await visitor.get('/api/groups?q=quokka&tone=social&moderationPolicy=active');
    expect(social.body.items).toHaveLength(3);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { groupId: string }[]; nextCursor: string | null } } = await visitor.get(
        `/api/groups?q=quokka&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.items.map((g) => g.groupId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...ids].sort());
  });

  it('refuses a forged cursor and bad filters with 400', async () => {
    const { t } = await setup();
    const forged = Buffer.from(
      JSON.stringify({ pk: 'USER#x', sk: 'USER', gsi1pk: 'SESSIONS#x', gsi1sk: 'x' }),
    ).toString('base64url');
    expect((await t.person().get(`/api/groups?cursor=${forged}`)).status).toBe(400);
    expect((await t.person().get('/api/groups?cursor=!!!')).status).toBe(400);
    expect((await t.person().get('/api/groups?focus=nope')).status).toBe(400);
    expect((await t.person().get('/api/groups?limit=500')).status).toBe(400);
  });
});

describe('joining', () => {
  it('requires accepting the guidelines, then an open group makes you a member with your alias', async () => {
    const { t, owner, create } = await setup();
    const id = await create();
    const p = await t.signedUp();
    const refused = await p.post(`/api/groups/${id}/members`, { alias: 'Robin' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0].path).toBe('body.acceptGuidelines');
    const joined = await p.post(`/api/groups/${id}/members`, { acceptGuidelines: true, alias: 'Robin' });
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ status: 'active', role: 'member', alias: 'Robin' });
    const again = await p.post(`/api/groups/${id}/members`, { acceptGuidelines: true });
    expect(again.status).toBe(200);
    const members = await owner.get(`/api/groups/${id}/members`);
    const names = members.body.items.map((m: { displayName: string }) => m.displayName);
    expect(names).toContain('Robin');
    expect(names).not.toContain(p.handle);
  });

  it('keeps aliases unique within a group', async () => {
    const { t, create } = await setup();
    const id = await create();
    const a = await t.signedUp();
    const b = await t.signedUp();
    expect(
      (await a.post(`/api/groups/${id}/members`, { acceptGuidelines: true, alias: 'Robin' })).status,
    ).toBe(201);
    const clash = await b.post(`/api/groups/${id}/members`, { acceptGuidelines: true, alias: 'robin' });
    expect(clash.status).toBe(409);
    expect((await b.get(`/api/groups/${id}`)).body.membership).toBeNull();
  });

  it('holds approval-group requests as pending until a moderator approves; declining removes them', async () => {
    const { t, owner, create } = await setup();
    const id = await create({ joinPolicy: 'approval' });
    const mod = await t.signedUp();
    await mod.post(`/api/groups/${id}/members`, { acceptGuidelines: true });
    await owner.post(`/api/groups/${id}/members/${mod.userId}`, {});
    expect((await mod.get(`/api/groups/${id}`)).body.membership.status).toBe('pending');
    await owner.patch(`/api/groups/${id}/members/${mod.userId}`, { status: 'active' });
    await owner.patch(`/api/groups/${id}/members/${mod.userId}`, { role: 'moderator' });

    const a = await t.signedUp();
    const b = await t.signedUp();
    expect((await a.post(`/api/groups/${id}/members`, { acceptGuidelines: true })).body.status).toBe(
      'pending',
    );
    await b.post(`/api/groups/${id}/members`, { acceptGuidelines: true });
    expect((await a.get(`/api/groups/${id}/members`)).status).toBe(403);
    const pending = await mod.get(`/api/groups/${id}/members?status=pending`);
    expect(pending.body.items.map((m: { userId: string }) => m.userId).sort()).toEqual(
      [a.userId, b.userId].sort(),
    );
    expect((await mod.patch(`/api/groups/${id}/members/${a.userId}`, { status: 'active' })).body.status).toBe(
      'active',
    );
    expect((await mod.patch(`/api/groups/${id}/members/${b.userId}`, { status: 'removed' })).status).toBe(
      200,
    );
    expect((await a.get(`/api/groups/${id}`)).body.membership.status).toBe('active');
    expect((await b.get(`/api/groups/${id}`)).body.membership).toBeNull();
    expect((await mod.patch(`/api/groups/${id}/members/${a.userId}`, { role: 'moderator' })).status).toBe(
      403,
    );
  });

  it('admits to an invite-only group only with a live invite link', async () => {
    const { t, owner, create } = await setup();
    const id = await create({ joinPolicy: 'invite' });
    const p = await t.signedUp();
    expect((await p.post(`/api/groups/${id}/members`, { acceptGuidelines: true })).status).toBe(403);
    const invite = await owner.post(`/api/groups/${id}/invites`, { expiresInHours: 2 });
    expect(invite.status).toBe(201);
    expect(invite.body.url).toMatch(new RegExp(`/groups/${id}#invite=[A-Za-z0-9_-]{43}$`));
    const joined = await p.post(`/api/groups/${id}/members`, {
      acceptGuidelines: true,
      invite: invite.body.token,
    });
    expect(joined.status).toBe(201);

    const late = await t.signedUp();
    t.advance(3 * 3600_000);
    expect(
      (await late.post(`/api/groups/${id}/members`, { acceptGuidelines: true, invite: invite.body.token }))
        .status,
    ).toBe(403);

    const second = await owner.post(`/api/groups/${id}/invites`, {});
    expect((await owner.del(`/api/groups/${id}/invites/${second.body.inviteId}`)).status).toBe(200);
    expect(
      (await late.post(`/api/groups/${id}/members`, { acceptGuidelines: true, invite: second.body.token }))
        .status,
    ).toBe(403);
    const list = await owner.get(`/api/groups/${id}/invites`);
    expect(
      list.body.items.find((i: { inviteId: string }) => i.inviteId === second.body.inviteId).revoked,
    ).toBe(true);
    expect(JSON.stringify(list.body)).not.toContain(second.body.token);
  });
});

describe('privacy of private groups', () => {
  it('answers 404 to non-members for the group and everything in it, exactly as for no group', async () => {
    const { t, owner, create } = await setup();
    const id = await create({ visibility: 'private', joinPolicy: 'approval' });
    const stranger = await t.signedUp();
    const missing = 'AAAAAAAAAAAAAAAAAAAAAA';
    for (const who of [t.person(), stranger]) {
      for (const gid of [id, missing]) {
        const res = [
          await who.get(`/api/groups/${gid}`),
          await who.get(`/api/groups/${gid}/members`),
          await who.post(`/api/groups/${gid}/members`, { acceptGuidelines: true }),
          await who.post(`/api/groups/${gid}/invites`, {}),
          await who.patch(`/api/groups/${gid}`, { name: 'Taken over' }),
        ];
        const signedIn = who === stranger;
        for (const r of res) {
          expect(r.status).toBe(signedIn || r === res[0] ? 404 : 401);
        }
      }
    }
    const a = await stranger.get(`/api/groups/${id}`);
    const b = await stranger.get(`/api/groups/${missing}`);
    expect(a.body).toEqual(b.body);

    const invite = await owner.post(`/api/groups/${id}/invites`, {});
    expect((await stranger.get(`/api/groups/${id}?invite=${invite.body.token}`)).status).toBe(404);
    const preview = await stranger.call('GET', `/api/groups/${id}`, undefined, {
      'hearth-invite': invite.body.token,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.guidelines).toBeTruthy();
    const joined = await stranger.post(`/api/groups/${id}/members`, {
      acceptGuidelines: true,
      invite: invite.body.token,
    });
    expect(joined.body.status).toBe('pending');
    expect((await stranger.get(`/api/groups/${id}/members`)).status).toBe(403);
  });
});

describe('roles and leaving', () => {
  it('keeps at least one owner, and lets members leave', async () => {
    const { t, owner, create } = await setup();
    const id = await create();
    const p = await t.signedUp();
    await p.post(`/api/groups/${id}/members`, { acceptGuidelines: true });
    expect((await owner.del(`/api/groups/${id}/members/me`)).status).toBe(409);
    expect((await owner.patch(`/api/groups/${id}/members/me`, { role: 'member' })).status).toBe(409);
    expect((await owner.patch(`/api/groups/${id}/members/${p.userId}`, { status: 'removed' })).status).toBe(
      200,
    );
    await p.post(`/api/groups/${id}/members`, { acceptGuidelines: true });
    expect((await owner.patch(`/api/groups/${id}/members/${p.userId}`, { role: 'owner' })).status).toBe(200);
    expect((await owner.del(`/api/groups/${id}/members/me`)).status).toBe(200);
    expect((await p.del(`/api/groups/${id}/members/me`)).status).toBe(409);
    expect((await p.get(`/api/groups/${id}`)).body.membership.role).toBe('owner');
  });

  it('lets exactly one of two owners step down when both try at once', async () => {
    const { t, owner, create } = await setup();
    const id = await create();
    const p = await t.signedUp();
    await p.post(`/api/groups/${id}/members`, { acceptGuidelines: true });
    await owner.patch(`/api/groups/${id}/members/${p.userId}`, { role: 'owner' });
    const results = await Promise.all([
      owner.del(`/api/groups/${id}/members/me`),
      p.del(`/api/groups/${id}/members/me`),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('lists my groups with my role and status', async () => {
    const { t, create } = await setup();
    const a = await create({ name: 'Alpha Group' });
    const b = await create({ name: 'Beta Group', joinPolicy: 'approval' });
    const p = await t.signedUp();
    await p.post(`/api/groups/${a}/members`, { acceptGuidelines: true });
    await p.post(`/api/groups/${b}/members`, { acceptGuidelines: true });
    const mine = await p.get('/api/me/groups');
    expect(mine.body.items).toEqual([
      { groupId: a, name: 'Alpha Group', role: 'member', status: 'active' },
      { groupId: b, name: 'Beta Group', role: 'member', status: 'pending' },
    ]);
  });

  it('counts members into the size band', async () => {
    const { t, owner, create } = await setup();
    const id = await create();
    for (let i = 0; i < 10; i++) {
      const p = await t.signedUp();
      await p.post(`/api/groups/${id}/members`, { acceptGuidelines: true });
    }
    expect((await owner.get(`/api/groups/${id}`)).body.sizeBand).toBe('10–24 members');
  });
});
