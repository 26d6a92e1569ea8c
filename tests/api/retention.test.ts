/**
 * Data kept no longer than a group chooses, with the movable clock: what the retention job
 * erases, what it leaves, and that running it again changes nothing.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { retention } from '../../functions/jobs/retention';
import type { Db } from '../../functions/store/client';
import { keys } from '../../functions/store/keys';
import { groupInput, testApp } from '../support/api';
import { freshDb } from '../support/db';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

const DAY = 86_400_000;
/** Signs in again after the clock moved past the session's life. */
const back = async (p: { post: (path: string, body: unknown) => Promise<unknown>; handle: string }) => {
  await p.post('/api/auth/login', { handle: p.handle, passphrase: 'quiet river morning tea' });
};
const raw = async (pk: string, prefix = '') =>
  (
    await db.doc.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
        ExpressionAttributeValues: { ':p': pk, ':s': prefix },
      }),
    )
  ).Items ?? [];

describe('group settings for how long things are kept', () => {
  it('are chosen by owners within 1 to 24 months (discussions also forever), and shown with the group', async () => {
    const t = testApp(db);
    const owner = await t.signedUp();
    const made = await owner.post('/api/groups', groupInput());
    expect(made.body).toMatchObject({ discussionMonths: null, attendanceMonths: 12 });
    const g = made.body.groupId as string;
    for (const [field, value] of [
      ['discussionMonths', 0],
      ['discussionMonths', 25],
      ['discussionMonths', 1.5],
      ['attendanceMonths', 0],
      ['attendanceMonths', null],
    ] as const) {
      const res = await owner.patch(`/api/groups/${g}`, { [field]: value });
      expect(res.status, `${field} ${value}`).toBe(400);
      expect(res.body.error.fields[0].path).toBe(`body.${field}`);
    }
    const set = await owner.patch(`/api/groups/${g}`, { discussionMonths: 6, attendanceMonths: 3 });
    expect(set.body).toMatchObject({ discussionMonths: 6, attendanceMonths: 3 });
    expect((await t.person().get(`/api/groups/${g}`)).body).toMatchObject({
      discussionMonths: 6,
      attendanceMonths: 3,
    });
    const member = await t.signedUp();
    await member.post(`/api/groups/${g}/members`, { acceptGuidelines: true });
    expect((await member.patch(`/api/groups/${g}`, { discussionMonths: 1 })).status).toBe(403);
    expect((await owner.patch(`/api/groups/${g}`, { discussionMonths: null })).body.discussionMonths).toBe(
      null,
    );
  });
});

describe('the retention job', () => {
  it('erases threads quiet longer than the group keeps them, posts first, and leaves pinned, recent and other groups’ threads', async () => {
    const t = testApp(db);
    const owner = await t.signedUp();
    const keeping = (
      await owner.post('/api/groups', groupInput({ joinPolicy: 'approval', discussionMonths: 3 }))
    ).body.groupId as string;
    const forever = (await owner.post('/api/groups', groupInput({ name: 'Keeps everything' }))).body
      .groupId as string;
    const member = await t.signedUp();
    await member.post(`/api/groups/${keeping}/members`, { acceptGuidelines: true });
    await owner.patch(`/api/groups/${keeping}/members/${member.userId}`, { status: 'active' });
    const thread = async (g: string, title: string) =>
      (await owner.post(`/api/groups/${g}/threads`, { title, body: `${title}: first words` })).body.thread
        .threadId as string;
    const old = await thread(keeping, 'Old talk');
    const replies = await Promise.all(
      [1, 2, 3].map((i) => owner.post(`/api/threads/${old}/posts`, { body: `Reply ${i}` })),
    );
    // A member's first post waits for a moderator; another is reported: both have entries elsewhere.
    const waiting = await member.post(`/api/threads/${old}/posts`, { body: 'Waiting words' });
    expect(waiting.body.post.pending).toBe(true);
    await member.post(`/api/posts/${replies[0]!.body.post.postId}/reports`, { reason: 'other', note: 'x' });
    await member.call('PUT', `/api/threads/${old}/follow`, { following: true });
    const pinned = await thread(keeping, 'Welcome');
    await owner.post(`/api/threads/${pinned}/pin`, { pinned: true, reason: 'Welcome' });
    const elsewhere = await thread(forever, 'Forever talk');
    t.advance(60 * DAY);
    await back(owner);
    const recent = await thread(keeping, 'Recent talk');
    t.advance(40 * DAY); // the old thread is quiet 100 days (over 3 months), the recent one 40
    await Promise.all([back(owner), back(member)]);

    const first = await retention.run({ db, now: t.now() });
    expect(first).toMatchObject({ threadsErased: 1 });
    // 5 posts, 1 report row, 1 queue entry.
    expect(first.postsAndEntriesErased).toBe(5 + 1 + 1);
    expect((await owner.get(`/api/threads/${old}`)).status).toBe(404);
    expect(await raw(keys.postsOf(old))).toEqual([]);
    expect(await raw(`GROUP#${keeping}`, 'WAIT#')).toEqual([]);
    expect(await raw(`GROUP#${keeping}`, 'REPORTED#')).toEqual([]);
    for (const kept of [pinned, recent, elsewhere])
      expect((await owner.get(`/api/threads/${kept}`)).status).toBe(200);
    const listed = (await owner.get(`/api/groups/${keeping}/threads`)).body.items.map(
      (i: { threadId: string }) => i.threadId,
    );
    expect(listed.sort()).toEqual([pinned, recent].sort());
    // The member no longer follows what is gone.
    expect((await member.get('/api/me/following')).status).toBe(200);
    expect(await raw(`USER#${member.userId}`, `FOLLOW#${old}`)).toEqual([]);
    // The member's export no longer holds their erased words.
    expect(JSON.stringify((await member.get('/api/me/export')).body)).not.toContain('Waiting words');

    // Again: nothing more to do.
    expect(await retention.run({ db, now: t.now() })).toMatchObject({
      threadsErased: 0,
      postsAndEntriesErased: 0,
    });
    // Forever again: nothing is erased, however old.
    await owner.patch(`/api/groups/${keeping}`, { discussionMonths: null });
    t.advance(400 * DAY);
    await retention.run({ db, now: t.now() });
    await back(owner);
    expect((await owner.get(`/api/threads/${recent}`)).status).toBe(200);
  });

  it('stops within its budget and finishes a long thread on the next runs', async () => {
    const t = testApp(db);
    const owner = await t.signedUp();
    const g = (await owner.post('/api/groups', groupInput({ discussionMonths: 1 }))).body.groupId as string;
    const threadId = (await owner.post(`/api/groups/${g}/threads`, { title: 'Long', body: 'Start' })).body
      .thread.threadId as string;
    const { putMany } = await import('../../functions/store/batch');
    const at = t.now();
    // 1,200 posts written straight to the table (the API would pace one author).
    await putMany(
      db,
      Array.from({ length: 1200 }, (_, i) => ({
        ...keys.post(`${threadId}${(at + i).toString(36).padStart(9, '0')}AAAAAA`),
        postId: `${threadId}${(at + i).toString(36).padStart(9, '0')}AAAAAA`,
        groupId: g,
        createdAt: at + i,
      })),
    );
    t.advance(40 * DAY);
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await retention.run({ db, now: t.now() + i * 15 * 60_000 }));
    expect(runs[0]!.threadsErased).toBe(0);
    expect(runs.reduce((n, r) => n + r.threadsErased, 0)).toBe(1);
    expect(await raw(keys.postsOf(threadId))).toEqual([]);
    await back(owner);
    expect((await owner.get(`/api/threads/${threadId}`)).status).toBe(404);
  });

  it('erases who answered, waited, came and held a duty once a meetup is older than its group keeps them, and keeps the numbers', async () => {
    // Its own table: the job's day cursor is global, and other tests here moved the clock years on.
    const own = await freshDb();
    onTestFinished(() => own.stop());
    const db = own.db;
    const t = testApp(db);
    const owner = await t.signedUp();
    const short = (await owner.post('/api/groups', groupInput({ attendanceMonths: 2, checkIn: true }))).body
      .groupId as string;
    const long = (await owner.post('/api/groups', groupInput({ name: 'Long memory' }))).body
      .groupId as string;
    const people = await Promise.all([1, 2, 3].map(() => t.signedUp()));
    const meetup = async (g: string) => {
      const made = await owner.post(`/api/groups/${g}/meetups`, {
        title: 'Circle',
        start: '2026-12-01T18:30',
        durationMinutes: 60,
        mode: 'online',
        online: { url: 'https://meet.example/c' },
        capacity: { online: 2 },
      });
      const id = made.body.occurrences[0].occurrenceId as string;
      for (const p of people) {
        await p.post(`/api/groups/${g}/members`, { acceptGuidelines: true });
        await p.call('POST', '/api/me/feed');
        await p.call('PUT', `/api/occurrences/${id}/rsvp`, { attendance: 'online' });
      }
      return id;
    };
    const [shortId, longId] = [await meetup(short), await meetup(long)];
    // One of them holds the meetup's lead duty.
    const lead = people[2]!;
    await owner.patch(`/api/groups/${short}/members/${lead.userId}`, { role: 'facilitator' });
    await owner.call('PUT', `/api/groups/${short}/facilitators/${lead.userId}`, { trainedOn: '2026-01-01' });
    expect(
      (await owner.call('PUT', `/api/occurrences/${shortId}/roster/lead`, { userId: lead.userId })).status,
    ).toBe(200);
    await retention.run({ db, now: t.now() }); // the job starts counting days from here
    t.advance(6.5 * DAY); // the meetup is over (1 December, 22:00)
    await owner.post(`/api/occurrences/${shortId}/attendance`, {
      checkedIn: [people[0]!.userId, people[1]!.userId],
      headcount: { online: 2 },
    });
    const names = async (id: string) =>
      (await owner.get(`/api/occurrences/${id}/attendees`)).body.items.map(
        (a: { userId: string }) => a.userId,
      );
    expect(await names(shortId)).toHaveLength(3);
    // Three days at a time, as after pauses: two months after the meetup, the names go.
    let erased = 0;
    for (let day = 0; day < 57; day += 3) {
      t.advance(3 * DAY);
      erased += (await retention.run({ db, now: t.now() })).meetupsErased;
      erased += (await retention.run({ db, now: t.now() + 15 * 60_000 })).meetupsErased;
    }
    // A day short of two months, the names are still there.
    expect(erased).toBe(0);
    await back(owner);
    expect(await names(shortId)).toHaveLength(3);
    for (let day = 57; day < 63; day += 3) {
      t.advance(3 * DAY);
      // Two runs a quarter of an hour apart: the job catches up three days a run.
      erased += (await retention.run({ db, now: t.now() })).meetupsErased;
      erased += (await retention.run({ db, now: t.now() + 15 * 60_000 })).meetupsErased;
    }
    await back(owner);
    expect(erased).toBe(1);
    expect(await names(shortId)).toEqual([]);
    expect(await names(longId)).toHaveLength(3);
    const item = (await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.occurrence(shortId) })))
      .Item!;
    expect(item).toMatchObject({
      lineOnline: {},
      inLineOnline: 3,
      attendance: { checkedIn: [], checkedInCount: 2, headcount: { online: 2 } },
    });
    expect(item.roster).toBeUndefined();
    expect(JSON.stringify(item)).not.toMatch(new RegExp(people.map((p) => p.userId).join('|')));
    const feed = (
      await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.feed(people[0]!.userId) }))
    ).Item!;
    expect(Object.keys(feed.rsvps ?? {})).toEqual([longId]);
    // The card stays: the meetup happened.
    expect((await owner.get(`/api/occurrences/${shortId}`)).body.title).toBe('Circle');

    // The other group shortens its time to a month: its past is swept on the next run.
    await owner.patch(`/api/groups/${long}`, { attendanceMonths: 1 });
    expect((await retention.run({ db, now: t.now() })).meetupsErased).toBe(1);
    expect(await names(longId)).toEqual([]);
    expect((await retention.run({ db, now: t.now() })).meetupsErased).toBe(0);
  });
});
