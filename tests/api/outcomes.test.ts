/**
 * Session feedback through the API, against dynalite: given once per member per meetup with a
 * one-time token, never stored with anything that names the member (every item in the table is
 * read to check), refused before the meetup ends, after its window and to those who were not
 * going, counted once however many answers race, and shown to facilitators only as aggregates of
 * five answers or more.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../functions/store/client';
import { groupWithOwner, type Person, testApp } from '../support/api';
import { freshDb } from '../support/db';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

const HOUR = 3_600_000;
const START = Date.parse('2026-12-01T18:30:00Z'); // Europe/London: the same wall clock

/** A group with an online meetup on 1 December that `going` members RSVP to, and the clock after it ends. */
async function ended(going: number) {
  const t = testApp(db);
  const { owner, groupId, join } = await groupWithOwner(t);
  const made = await owner.post(`/api/groups/${groupId}/meetups`, {
    title: 'Evening circle',
    start: '2026-12-01T18:30',
    durationMinutes: 60,
    mode: 'online',
    online: { url: 'https://meet.example/circle' },
    capacity: { online: 20 },
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  const occurrenceId = made.body.occurrences[0].occurrenceId as string;
  const members: Person[] = [];
  for (let i = 0; i < going; i++) {
    const m = await join();
    expect(
      (await m.call('PUT', `/api/occurrences/${occurrenceId}/rsvp`, { attendance: 'online' })).status,
    ).toBe(200);
    members.push(m);
  }
  const stranger = await join();
  const clock = {
    before: () => t.advance(START + HOUR / 2 - t.now()),
    after: () => t.advance(START + 2 * HOUR - t.now()),
    /** Past the feedback window, when the figures are final (the owner signs in again). */
    final: async () => {
      t.advance(START + 17 * 24 * HOUR - t.now());
      const again = await owner.post('/api/auth/login', {
        handle: (owner as Person & { handle: string }).handle,
        passphrase: 'quiet river morning tea',
      });
      expect(again.status).toBe(200);
    },
  };
  return { t, owner, groupId, occurrenceId, members, stranger, clock };
}

const ratings = (n: number) => ({ heard: n, mattered: n, approach: n, overall: n });

async function give(p: Person, occurrenceId: string, body: Record<string, unknown>) {
  const token = await p.post(`/api/occurrences/${occurrenceId}/feedback/token`);
  if (token.status !== 201) return token;
  return p.post('/api/feedback', { token: token.body.token, ...body });
}

/** Every item in the table, sets as arrays, sessions left out. */
async function everything(): Promise<string[]> {
  const items: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(new ScanCommand({ TableName: db.table, ExclusiveStartKey: start }));
    for (const i of out.Items ?? [])
      if (!String(i.pk).startsWith('SESSION'))
        items.push(JSON.stringify(i, (_k, v) => (v instanceof Set ? [...v] : v)));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

describe('session feedback', () => {
  it('is kept apart from the member: no item names them with what they said', async () => {
    const { occurrenceId, members, clock } = await ended(1);
    const [ana] = members as [Person & { userId: string; handle: string }];
    clock.after();
    const token = await ana.post(`/api/occurrences/${occurrenceId}/feedback/token`);
    expect(token.status).toBe(201);
    const comment = 'The quiet start helped me say something for once';
    const given = await ana.post('/api/feedback', { token: token.body.token, ...ratings(7), comment });
    expect(given.status, JSON.stringify(given.body)).toBe(201);
    const items = await everything();
    const withComment = items.filter((i) => i.includes(comment));
    expect(withComment).toHaveLength(1);
    // Where the answer is, nothing of her: not her id, handle, token, nor anything kept under her.
    expect(withComment[0]).not.toContain(ana.userId);
    expect(withComment[0]).not.toContain(ana.handle);
    expect(items.join('\n')).not.toContain(token.body.token);
    const counted = JSON.parse(withComment[0]!).counted as string[];
    expect(counted).toHaveLength(1);
    for (const item of items.filter((i) => i.includes(ana.userId) || i.includes(ana.handle))) {
      expect(item).not.toContain(counted[0]);
      expect(item).not.toContain(comment);
      expect(item).not.toMatch(/"sum_|"n":/);
    }
    // What is kept of her is that she answered.
    expect((await ana.get(`/api/occurrences/${occurrenceId}/feedback`)).body).toMatchObject({
      window: 'open',
      went: true,
      answered: true,
    });
  });

  it('is given once: the token is spent, and no new one is given', async () => {
    const { occurrenceId, members, clock } = await ended(1);
    const [ana] = members as [Person];
    clock.after();
    const token = (await ana.post(`/api/occurrences/${occurrenceId}/feedback/token`)).body.token;
    expect((await ana.post('/api/feedback', { token, ...ratings(8) })).status).toBe(201);
    const again = await ana.post('/api/feedback', { token, ...ratings(1) });
    expect(again.status).toBe(409);
    expect(again.body.error.key).toBe('feedbackSpent');
    const fresh = await ana.post(`/api/occurrences/${occurrenceId}/feedback/token`);
    expect(fresh.status).toBe(409);
    expect(fresh.body.error.key).toBe('alreadyGaveFeedback');
  });

  it('counts one answer however many race, with one token or many', async () => {
    const { occurrenceId, members, clock, owner, groupId } = await ended(5);
    clock.after();
    const [ana, ...rest] = members as [Person, ...Person[]];
    const token = (await ana.post(`/api/occurrences/${occurrenceId}/feedback/token`)).body.token;
    const raced = await Promise.all(
      Array.from({ length: 12 }, () => ana.post('/api/feedback', { token, ...ratings(10) })),
    );
    expect(raced.filter((r) => r.status === 201)).toHaveLength(1);
    expect(raced.filter((r) => r.status === 409)).toHaveLength(11);
    // Another asks for tokens many times at once and answers with each: one counts.
    const [ben] = rest as [Person];
    const tokens = await Promise.all(
      Array.from({ length: 6 }, () => ben.post(`/api/occurrences/${occurrenceId}/feedback/token`)),
    );
    const answers = await Promise.all(
      tokens
        .filter((r) => r.status === 201)
        .map((r) => ben.post('/api/feedback', { token: r.body.token, ...ratings(0) })),
    );
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    for (const m of rest.slice(1)) expect((await give(m, occurrenceId, ratings(5))).status).toBe(201);
    // While the meetup takes answers, nothing shows; once its window closes, the totals do.
    expect((await owner.get(`/api/groups/${groupId}/outcomes`)).body.feedback).toEqual({
      meetups: [],
      months: [],
    });
    await clock.final();
    const figures = (await owner.get(`/api/groups/${groupId}/outcomes`)).body;
    // 10, 0, 5, 5, 5: five answers, a mean of 5.
    expect(figures.feedback.meetups).toEqual([
      { occurrenceId, startAt: new Date(START).toISOString(), answers: 5, means: ratings(5) },
    ]);
  });

  it('is for those who were going, once the meetup has ended, for two weeks', async () => {
    const { t, occurrenceId, members, stranger, clock } = await ended(1);
    const [ana] = members as [Person];
    clock.before();
    const early = await ana.post(`/api/occurrences/${occurrenceId}/feedback/token`);
    expect([early.status, early.body.error.key]).toEqual([409, 'feedbackOpensWhenEnded']);
    clock.after();
    const notGoing = await stranger.post(`/api/occurrences/${occurrenceId}/feedback/token`);
    expect([notGoing.status, notGoing.body.error.key]).toEqual([403, 'feedbackIsForThoseGoing']);
    expect((await stranger.get(`/api/occurrences/${occurrenceId}/feedback`)).body).toMatchObject({
      went: false,
    });
    const token = (await ana.post(`/api/occurrences/${occurrenceId}/feedback/token`)).body.token;
    // Two weeks on (asking meanwhile, as a session lasts a week unused).
    for (const days of [6, 6]) {
      t.advance(days * 24 * HOUR);
      expect((await ana.get(`/api/occurrences/${occurrenceId}/feedback`)).body.window).toBe('open');
    }
    t.advance(3 * 24 * HOUR);
    const late = await ana.post('/api/feedback', { token, ...ratings(6) });
    expect([late.status, late.body.error.key]).toEqual([409, 'feedbackSpent']);
    const lateToken = await ana.post(`/api/occurrences/${occurrenceId}/feedback/token`);
    expect([lateToken.status, lateToken.body.error.key]).toEqual([409, 'noLongerTakesFeedback']);
    const bad = await ana.post('/api/feedback', { token: 'x', ...ratings(11) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(
      ['body.approach', 'body.heard', 'body.mattered', 'body.overall', 'body.token'].sort(),
    );
  });

  it('shows facilitators nothing made of fewer than five answers, and members nothing at all', async () => {
    // Four answer, in one group: final, still nothing.
    const few = await ended(4);
    few.clock.after();
    for (const m of few.members)
      expect((await give(m, few.occurrenceId, { ...ratings(9), comment: 'Kind and calm' })).status).toBe(201);
    await few.clock.final();
    const four = (await few.owner.get(`/api/groups/${few.groupId}/outcomes`)).body;
    expect(four.feedback.meetups[0]).toMatchObject({ answers: null, means: null });
    expect(four.feedback.months).toEqual([{ month: '2026-12', answers: null, means: null, comments: [] }]);
    expect(JSON.stringify(four)).not.toContain('Kind and calm');
    // Five, in another: shown.
    const { occurrenceId, members, clock, owner, groupId } = await ended(5);
    clock.after();
    for (const m of members.slice(0, 4))
      expect((await give(m, occurrenceId, { ...ratings(9), comment: 'Kind and calm' })).status).toBe(201);
    expect((await give(members[4]!, occurrenceId, ratings(4))).status).toBe(201);
    await clock.final();
    const five = (await owner.get(`/api/groups/${groupId}/outcomes`)).body;
    expect(five.feedback.months[0]).toMatchObject({
      month: '2026-12',
      answers: 5,
      means: ratings(8),
      comments: Array(4).fill('Kind and calm'),
    });
    // An online meetup had no places in person: none are counted, rather than a zero.
    expect(five.attendance).toEqual([
      expect.objectContaining({ occurrenceId, title: 'Evening circle', online: 5, inPerson: null }),
    ]);
    const member = await few.stranger.get(`/api/groups/${few.groupId}/outcomes`);
    expect(member.status).toBe(403); // a member who is not a facilitator
    const stranger = await few.t.signedUp();
    expect((await stranger.get(`/api/groups/${few.groupId}/outcomes`)).status).toBe(403);
    // The totals for research: only where the group agreed, for owners, never a comment.
    const notAgreed = await owner.get(`/api/groups/${groupId}/outcomes.csv`);
    expect([notAgreed.status, notAgreed.body.error.key]).toEqual([403, 'yourGroupHasNotAgreedTo']);
    expect((await owner.patch(`/api/groups/${groupId}`, { researchShare: true })).status).toBe(200);
    const csv = await owner.get(`/api/groups/${groupId}/outcomes.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    // Named by the group and the day, so several groups' files keep apart.
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="hearth-tuesday-anxiety-circle-totals-2026-12-\d\d\.csv"; filename\*=UTF-8''hearth-Tuesday-Anxiety-Circle-totals-2026-12-\d\d\.csv$/,
    );
    const lines = (csv.body as string).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'section,period,in_person,online,counted_on_the_day,answers,mean_heard,mean_mattered,mean_approach,mean_overall,members,who5_0_28,who5_29_50,who5_51_75,who5_76_100',
    );
    expect(lines).toContain('attendance,2026-12-01,,5,,,,,,,,,,,');
    expect(lines).toContain('feedback,2026-12,,,,5,8,8,8,8,,,,,');
    expect(csv.body).not.toContain('Kind and calm');
    expect((await stranger.get(`/api/groups/${groupId}/outcomes.csv`)).status).toBe(403);
  });
});
