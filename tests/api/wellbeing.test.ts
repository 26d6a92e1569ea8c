/**
 * WHO-5 check-ins through the API, against dynalite: scored 0–100, once a week however many are
 * sent at once, the member's own to see, and counted in a group's quarter only where the member
 * chose, once per member (their latest), under no name, shown only for five members or more.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../functions/store/client';
import { keys } from '../../functions/store/keys';
import { groupWithOwner, type Person, testApp } from '../support/api';
import { freshDb } from '../support/db';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

const DAY = 86_400_000;
/** Signs a person in again (a session lasts a week unused, a month at most). */
async function signInAgain(p: Person & { handle?: string }) {
  const res = await p.post('/api/auth/login', { handle: p.handle, passphrase: 'quiet river morning tea' });
  expect(res.status).toBe(200);
}

const answers = (n: number) => ({ cheerful: n, calm: n, active: n, rested: n, interested: n });

describe('wellbeing check-ins', () => {
  it('are scored 0–100, once a week however many come at once, and seen by their member alone', async () => {
    const t = testApp(db);
    const ana = await t.signedUp();
    const raced = await Promise.all(
      Array.from({ length: 8 }, () => ana.post('/api/me/wellbeing', answers(3))),
    );
    expect(raced.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = raced.filter((r) => r.status === 409);
    expect(refused).toHaveLength(7);
    expect(refused[0]!.body.error.key).toBe('youCanCheckInOnceAWeek');
    expect(raced.find((r) => r.status === 201)!.body.score).toBe(60);
    const mine = (await ana.get('/api/me/wellbeing')).body;
    expect(mine.checkIns).toEqual([{ at: new Date(t.now()).toISOString(), score: 60 }]);
    expect(Date.parse(mine.nextAt) - t.now()).toBe(7 * DAY);
    t.advance(6 * DAY);
    expect((await ana.post('/api/me/wellbeing', answers(5))).status).toBe(409);
    t.advance(DAY);
    expect((await ana.post('/api/me/wellbeing', answers(5))).body.score).toBe(100);
    expect((await ana.get('/api/me/wellbeing')).body).toMatchObject({ nextAt: expect.any(String) });
    expect((await ana.get('/api/me/wellbeing')).body.checkIns.map((c: { score: number }) => c.score)).toEqual(
      [60, 100],
    );
    // Her data download has them, with her answers.
    expect((await ana.get('/api/me/export')).body.wellbeing.checkIns).toEqual([
      expect.objectContaining({ score: 60, answers: answers(3) }),
      expect.objectContaining({ score: 100, answers: answers(5) }),
    ]);
    // Somebody else sees their own, none of hers.
    expect((await (await t.signedUp()).get('/api/me/wellbeing')).body.checkIns).toEqual([]);
    const bad = await ana.post('/api/me/wellbeing', { ...answers(6), extra: 1 });
    expect(bad.status).toBe(400);
  });

  it('count in a group only where chosen, once per member, under no name, for five or more', async () => {
    const t = testApp(db);
    const { owner, groupId, join } = await groupWithOwner(t);
    const members: (Person & { userId: string })[] = [];
    for (let i = 0; i < 5; i++) members.push((await join()) as Person & { userId: string });
    const outsider = await t.signedUp();
    const refused = await outsider.call('PUT', '/api/me/wellbeing/sharing', { groups: [groupId] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0].path).toBe('body.groups.0');
    const figures = async () => (await owner.get(`/api/groups/${groupId}/outcomes`)).body.wellbeing;
    for (const [i, m] of members.slice(0, 4).entries()) {
      expect((await m.call('PUT', '/api/me/wellbeing/sharing', { groups: [groupId] })).status).toBe(200);
      expect((await m.post('/api/me/wellbeing', answers(i))).status).toBe(201);
    }
    // The fifth checked in before sharing: sharing counts their latest.
    const fifth = members[4]!;
    expect((await fifth.post('/api/me/wellbeing', answers(5))).status).toBe(201);
    expect((await fifth.call('PUT', '/api/me/wellbeing/sharing', { groups: [groupId] })).status).toBe(200);
    // While the quarter runs nothing shows: a count seen to change would tell whose it was.
    expect(await figures()).toEqual([]);
    // A week on, the first checks in again: their range moves, still one member.
    t.advance(4 * DAY);
    for (const p of [owner, members[0]!]) expect((await p.get('/api/me/wellbeing')).status).toBe(200);
    t.advance(3 * DAY);
    expect((await members[0]!.post('/api/me/wellbeing', answers(4))).status).toBe(201);
    expect(await figures()).toEqual([]);
    // The quarter over (sessions lapsed meanwhile: they sign in again), its figures show.
    t.advance(Date.parse('2027-01-03T10:00:00Z') - t.now());
    for (const p of [owner, fifth]) await signInAgain(p);
    // Scores 80 (the first's latest), 20, 40, 60, 100.
    expect(await figures()).toEqual([
      { quarter: '2026-Q4', members: 5, bands: { '0-28': 1, '29-50': 1, '51-75': 1, '76-100': 2 } },
    ]);
    // Nothing in the group's item says whose range is whose.
    const item = await db.doc.send(
      new GetCommand({ TableName: db.table, Key: keys.wellbeingQuarter(groupId, '2026-Q4') }),
    );
    const stored = JSON.stringify(item.Item);
    for (const m of members) expect(stored).not.toContain(m.userId);
    // One stops sharing: from now on; the quarter that is over stays as it was.
    expect((await fifth.call('PUT', '/api/me/wellbeing/sharing', { groups: [] })).status).toBe(200);
    expect((await figures())[0]).toMatchObject({ members: 5 });
    expect((await fifth.get('/api/me/wellbeing')).body.sharing).toEqual([]);
  });
});
