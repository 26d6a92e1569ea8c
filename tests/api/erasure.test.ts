import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedsApp } from '../../functions/feeds/app';
import type { Db } from '../../functions/store/client';
import { groupInput, testApp } from '../support/api';
import { freshDb } from '../support/db';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

const PASS = 'quiet river morning tea';

describe('deleting an account', () => {
  it('gives up places and duties, ends memberships, erases posts, and leaves nothing to sign in to', async () => {
    const t = testApp(db);
    const feeds = createFeedsApp({ db, now: t.now });
    const owner = await t.signedUp();
    const groupId = (await owner.post('/api/groups', groupInput())).body.groupId as string;
    const join = async (alias: string) => {
      const p = await t.signedUp();
      await p.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true, alias });
      return p;
    };
    const [leaving, waiting] = [await join('Heron'), await join('Wren')];
    await owner.patch(`/api/groups/${groupId}/members/${leaving.userId}`, { role: 'facilitator' });
    await owner.call('PUT', `/api/groups/${groupId}/facilitators/${leaving.userId}`, {
      trainedOn: '2026-09-01',
    });
    const occ = (
      await owner.post(`/api/groups/${groupId}/meetups`, {
        title: 'Tuesday circle',
        start: '2027-03-16T18:30',
        durationMinutes: 90,
        mode: 'in_person',
        venue: { name: 'Hall', address: '1 Main Street' },
        capacity: { inPerson: 1 },
      })
    ).body.occurrences[0].occurrenceId as string;
    await leaving.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'in_person' });
    await waiting.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'in_person' });
    expect(
      (await owner.call('PUT', `/api/occurrences/${occ}/roster/lead`, { userId: leaving.userId })).status,
    ).toBe(200);
    const thread = await leaving.post(`/api/groups/${groupId}/threads`, {
      title: 'A hard week',
      body: 'Something I would rather not leave behind.',
    });
    const threadId = thread.body.thread.threadId as string;
    const feedPath = (await leaving.post('/api/me/feed')).body.feed.path as string;
    expect((await feeds.request(feedPath)).status).toBe(200);

    // The wrong passphrase: refused, nothing changes.
    const wrong = await leaving.post('/api/me/delete', { passphrase: 'not my passphrase at all' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].path).toBe('body.passphrase');
    expect((await leaving.get('/api/me')).status).toBe(200);
    expect((await leaving.get(`/api/occurrences/${occ}`)).body.rsvp.status).toBe('going');

    expect((await leaving.post('/api/me/delete', { passphrase: PASS })).status).toBe(200);
    // Signed out everywhere, and no account to sign in to; the handle stays taken.
    expect((await leaving.get('/api/me')).status).toBe(401);
    expect(
      (await t.person().post('/api/auth/login', { handle: leaving.handle, passphrase: PASS })).status,
    ).toBe(401);
    expect(
      (await t.person().post('/api/auth/signup', { handle: leaving.handle, passphrase: PASS })).status,
    ).toBe(409);
    // The place went to the next in line, who was told; the duty is open, and the owner told.
    expect((await waiting.get(`/api/occurrences/${occ}`)).body.rsvp).toEqual({
      status: 'going',
      attendance: 'in_person',
    });
    const attendees = (await owner.get(`/api/occurrences/${occ}/attendees`)).body.items;
    expect(attendees.map((a: { userId: string }) => a.userId)).toEqual([waiting.userId]);
    const roster = (await owner.get(`/api/groups/${groupId}/roster?from=2027-03-16&to=2027-03-16`)).body
      .items[0];
    expect(roster.slots.lead).toBeNull();
    // Gone from the group; their post's text erased, the thread's shape kept.
    const list = (await owner.get(`/api/groups/${groupId}/members`)).body.items;
    expect(list.map((m: { userId: string }) => m.userId)).not.toContain(leaving.userId);
    const posts = (await owner.get(`/api/threads/${threadId}/posts`)).body.items;
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ deleted: true, body: '' });
    expect(JSON.stringify(posts)).not.toContain('rather not leave behind');
    // The calendar feed no longer answers.
    expect((await feeds.request(feedPath)).status).toBe(404);
    // Nothing of theirs is left in their own partition but nothing at all.
    const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
    const left = await db.doc.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': `USER#${leaving.userId}` },
      }),
    );
    expect(left.Items).toEqual([]);
  });

  it('keeps the reports they filed counted for the moderators, no longer theirs, without their notes', async () => {
    const t = testApp(db);
    const owner = await t.signedUp();
    const groupId = (await owner.post('/api/groups', groupInput())).body.groupId as string;
    const join = async () => {
      const p = await t.signedUp();
      await p.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true });
      return p;
    };
    const [author, leaving, staying] = [await join(), await join(), await join()];
    const thread = await author.post(`/api/groups/${groupId}/threads`, {
      title: 'For sale',
      body: 'Cheap pills here',
    });
    const postId = thread.body.post.postId as string;
    await leaving.post(`/api/posts/${postId}/reports`, { reason: 'spam', note: 'My own words about it' });
    await staying.post(`/api/posts/${postId}/reports`, { reason: 'spam', note: 'Selling' });
    expect((await leaving.post('/api/me/delete', { passphrase: PASS })).status).toBe(200);

    const queue = (await owner.get(`/api/groups/${groupId}/reports`)).body.items;
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ count: 2, reasons: [{ reason: 'spam', count: 2 }], notes: ['Selling'] });
    // No item names them, and their words are gone.
    const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
    const { keys } = await import('../../functions/store/keys');
    const item = (await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.reported(postId) })))
      .Item;
    expect(JSON.stringify(item)).not.toContain(leaving.userId);
    expect(JSON.stringify(item)).not.toContain('My own words');
    // Settled: the one who stayed is told; no one is told in the erased account's place.
    expect(
      (await owner.post(`/api/posts/${postId}/reports/settle`, { outcome: 'no_breach', reason: 'Checked' }))
        .status,
    ).toBe(200);
    const told = (await staying.get('/api/me/notifications')).body.items;
    expect(told.some((n: { kind: string }) => n.kind === 'report_handled')).toBe(true);
  });

  it('throttles wrong passphrases as signing in does, so a stolen session cannot guess its way in', async () => {
    const t = testApp(db);
    const p = await t.signedUp();
    const answers: number[] = [];
    for (let i = 0; i < 12; i++)
      answers.push((await p.post('/api/me/delete', { passphrase: `guess number ${i}` })).status);
    expect(answers.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(answers.at(-1)).toBe(429);
    expect((await p.post('/api/me/delete', { passphrase: PASS })).status).toBe(429);
    expect((await p.get('/api/me')).status).toBe(200);
  });

  it('refuses while they are a group’s only owner, and deletes nothing', async () => {
    const t = testApp(db);
    const owner = await t.signedUp();
    const group = (await owner.post('/api/groups', groupInput({ name: 'Only mine' }))).body;
    const res = await owner.post('/api/me/delete', { passphrase: PASS });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/only owner of “Only mine”/);
    expect((await owner.get('/api/me')).status).toBe(200);
    expect((await owner.get(`/api/groups/${group.groupId}`)).body.membership.role).toBe('owner');
  });
});

describe('exporting one’s data', () => {
  it('gives a member what Hearth keeps about them, without secrets or anyone else', async () => {
    const t = testApp(db);
    const owner = await t.signedUp();
    const groupId = (await owner.post('/api/groups', groupInput({ name: 'Export circle' }))).body
      .groupId as string;
    const me = await t.signedUp();
    await me.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true, alias: 'Kestrel' });
    const occ = (
      await owner.post(`/api/groups/${groupId}/meetups`, {
        title: 'Tuesday circle',
        start: '2027-03-16T18:30',
        durationMinutes: 90,
        mode: 'online',
        online: { url: 'https://meet.example/x' },
        capacity: { online: 5 },
      })
    ).body.occurrences[0].occurrenceId as string;
    await me.call('PUT', `/api/occurrences/${occ}/rsvp`, { attendance: 'online' });
    const thread = await me.post(`/api/groups/${groupId}/threads`, { title: 'Hello', body: 'My own words.' });
    const postId = thread.body.post.postId as string;
    await owner.post(`/api/posts/${postId}/reactions`, { kind: 'support', reacted: true });
    await me.post('/api/me/feed');
    // A report the member filed of the owner's post: theirs to see, the owner's name not in it.
    const theirs = await owner.post(`/api/groups/${groupId}/threads`, {
      title: 'Offer',
      body: 'Buy pills here.',
    });
    const reported = theirs.body.post.postId as string;
    expect(
      (await me.post(`/api/posts/${reported}/reports`, { reason: 'spam', note: 'Selling medication' }))
        .status,
    ).toBe(201);

    const res = await me.get('/api/me/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="hearth-${me.handle}.json"`);
    const data = res.body;
    expect(data.account).toMatchObject({ handle: me.handle, recoveryCodesLeft: 10 });
    expect(data.memberships).toEqual([
      expect.objectContaining({ group: 'Export circle', role: 'member', status: 'active', alias: 'Kestrel' }),
    ]);
    expect(data.upcomingRsvps).toEqual([
      expect.objectContaining({
        occurrenceId: occ,
        title: 'Tuesday circle',
        attendance: 'online',
        going: true,
      }),
    ]);
    expect(data.posts).toEqual([
      expect.objectContaining({ postId, body: 'My own words.', supportReactions: 1, deleted: false }),
    ]);
    expect(data.calendarFeed).toMatchObject({ scope: 'mine', discreet: true, reminders: [] });
    expect(data.reach).toMatchObject({ meetups: [1440, 60], detail: 'discreet', devices: [] });
    expect(data.reportsFiled).toEqual([
      expect.objectContaining({
        postId: reported,
        group: 'Export circle',
        reason: 'spam',
        note: 'Selling medication',
        status: 'open',
      }),
    ]);
    const text = JSON.stringify(data);
    // No secrets, and no one else's identity.
    for (const secret of ['passHash', 'tokenHash', 'recovery"', owner.userId, owner.handle])
      expect(text).not.toContain(secret);
    expect((await t.person().get('/api/me/export')).status).toBe(401);
  });
});
