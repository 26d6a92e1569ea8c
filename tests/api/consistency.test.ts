/**
 * What a crash between two writes of one change would leave, and how it is repaired: each case
 * writes the first half of a change by the repositories, as a process killed between the two
 * writes leaves it, then shows what people see. (The kill test does the same with a real kill.)
 */
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

describe('a crash between a post and its count', () => {
  it('is repaired when someone reads to the end of the thread, once no post is in flight', async () => {
    const { threadsRepo } = await import('../../functions/store/repos/threads');
    const { SETTLE_MS: COUNT_SETTLES_MS } = await import('../../functions/store/settle');
    const t = testApp(db);
    const owner = await t.signedUp();
    const g = (await owner.post('/api/groups', groupInput())).body.groupId as string;
    const threadId = (await owner.post(`/api/groups/${g}/threads`, { title: 'Counted', body: 'One' })).body
      .thread.threadId as string;
    await owner.post(`/api/threads/${threadId}/posts`, { body: 'Two' });
    const repo = threadsRepo(db);
    const thread = (await repo.getThread(threadId))!;
    // Counted, then the process died before the post was written: the count is one high.
    const ghost = {
      ...(await repo.listPosts(threadId, { limit: 1 })).items[0]!,
      postId: `${threadId}zzzzzzzzzAAAAAA`,
    };
    expect(await repo.countPost({ ...ghost, createdAt: t.now() }, !!thread.pinned)).toBe(true);
    const count = async () => (await owner.get(`/api/threads/${threadId}`)).body.postCount;
    expect(await count()).toBe(3);
    // While a post could still be in flight, reading leaves the count alone…
    await owner.get(`/api/threads/${threadId}/posts`);
    expect(await count()).toBe(3);
    // …and once settled, reading to the end sets it from the posts.
    t.advance(COUNT_SETTLES_MS);
    const page = await owner.get(`/api/threads/${threadId}/posts`);
    expect(page.body.items).toHaveLength(2);
    expect(await count()).toBe(2);
    expect((await owner.get(`/api/groups/${g}/threads`)).body.items[0]).toMatchObject({
      postCount: 2,
      unread: 0,
    });

    // A post written without its count (the other order) is counted in the same way.
    const posted = (await owner.post(`/api/threads/${threadId}/posts`, { body: 'Three' })).body.post;
    await repo.putPost({
      ...posted,
      postId: `${threadId}zzzzzzzzzBBBBBB`,
      body: 'Uncounted',
      createdAt: t.now(),
    });
    t.advance(COUNT_SETTLES_MS);
    expect((await owner.get(`/api/threads/${threadId}/posts`)).body.items).toHaveLength(4);
    expect(await count()).toBe(4);
    // Consistent now: reading again writes nothing and reads no more than before.
    expect((await owner.get(`/api/threads/${threadId}/posts`)).body.items).toHaveLength(4);
    expect(await count()).toBe(4);
  });
});

describe('a crash between a membership and the member count', () => {
  it('is repaired when a moderator lists the members, once no change is in flight', async () => {
    const { groupsRepo } = await import('../../functions/store/repos/groups');
    const { SETTLE_MS: MEMBERS_SETTLE_MS } = await import('../../functions/store/settle');
    const t = testApp(db);
    const owner = await t.signedUp();
    const g = (await owner.post('/api/groups', groupInput())).body.groupId as string;
    const repo = groupsRepo(db);
    const count = async () => (await repo.getGroup(g))!.memberCount;
    // A join written, the process killed before its count: one too few.
    const joiner = await t.signedUp();
    await repo.membersChanging(g, t.now());
    await repo.putMember({
      groupId: g,
      userId: joiner.userId,
      role: 'member',
      status: 'active',
      alias: null,
      displayName: joiner.handle,
      joinedAt: new Date(t.now()).toISOString(),
    });
    expect(await count()).toBe(1);
    // While the change may be in flight, listing leaves the count alone…
    expect((await owner.get(`/api/groups/${g}/members`)).body.items).toHaveLength(2);
    expect(await count()).toBe(1);
    // …a minute later, the full list sets it.
    t.advance(MEMBERS_SETTLE_MS);
    await owner.get(`/api/groups/${g}/members`);
    expect(await count()).toBe(2);
    // A leave whose count was lost the other way: one too many, repaired the same way.
    await repo.membersChanging(g, t.now());
    await repo.addToMemberCount(g, 1);
    expect(await count()).toBe(3);
    t.advance(MEMBERS_SETTLE_MS);
    await owner.get(`/api/groups/${g}/members`);
    expect(await count()).toBe(2);
    // A page of the list, or the pending alone, is not the whole: nothing is changed from it.
    await repo.addToMemberCount(g, 5);
    t.advance(MEMBERS_SETTLE_MS);
    await owner.get(`/api/groups/${g}/members?limit=1`);
    await owner.get(`/api/groups/${g}/members?status=pending`);
    expect(await count()).toBe(7);
  });
});

describe('a crash while someone takes a duty others were asked to cover', () => {
  it('is finished by accepting again, or undone by asking again', async () => {
    const { groupWithEveryone, onlineMeetup } = await import('../support/matrix');
    const { rosterRepo } = await import('../../functions/store/repos/roster');
    const { owner, groupId, join } = await groupWithEveryone(db, 'public');
    const [asker, taker, other] = [
      await join('facilitator'),
      await join('facilitator'),
      await join('facilitator'),
    ];
    for (const f of [asker, taker, other])
      await owner.call('PUT', `/api/groups/${groupId}/facilitators/${f.userId}`, { trainedOn: '2026-01-01' });
    const occurrenceId = await onlineMeetup(owner, groupId);
    await owner.call('PUT', `/api/occurrences/${occurrenceId}/roster/lead`, { userId: asker.userId });
    const assignmentId = `${occurrenceId}.lead`;
    const { meetupsRepo } = await import('../../functions/store/repos/meetups');
    const holder = async () => (await meetupsRepo(db).getOccurrence(occurrenceId))?.roster?.lead?.userId;
    const ask = async () =>
      (await asker.post(`/api/assignments/${assignmentId}/cover-requests`, {})).body.coverRequestId as string;
    const open = async () => (await owner.get(`/api/groups/${groupId}/cover-requests`)).body.items.length;

    // The request closed for the taker, then the process died before the duty moved.
    let coverId = await ask();
    expect(
      await rosterRepo(db).closeCover(groupId, coverId, { status: 'taken', takenBy: taker.userId }),
    ).toBe(true);
    expect(await holder()).toBe(asker.userId);
    expect((await other.post(`/api/cover-requests/${coverId}/accept`)).status).toBe(409);
    // The taker, trying again, takes it.
    expect((await taker.post(`/api/cover-requests/${coverId}/accept`)).status).toBe(200);
    expect(await holder()).toBe(taker.userId);

    // The same crash, and this time the asker asks again: the request is open to all once more.
    await owner.call('DELETE', `/api/occurrences/${occurrenceId}/roster/lead`);
    await owner.call('PUT', `/api/occurrences/${occurrenceId}/roster/lead`, { userId: asker.userId });
    coverId = await ask();
    await rosterRepo(db).closeCover(groupId, coverId, { status: 'taken', takenBy: taker.userId });
    expect(await open()).toBe(0);
    expect(await ask()).toBe(coverId);
    expect(await open()).toBe(1);
    expect((await other.post(`/api/cover-requests/${coverId}/accept`)).status).toBe(200);
    expect(await holder()).toBe(other.userId);
  });
});

describe('a crash between a support request and its notices', () => {
  it('is told by the member’s next crisis post, under the opening’s own keys, once', async () => {
    const { supportRepo } = await import('../../functions/store/repos/support');
    const t = testApp(db);
    const owner = await t.signedUp();
    const g = (await owner.post('/api/groups', groupInput())).body.groupId as string;
    const member = await t.signedUp();
    await member.post(`/api/groups/${g}/members`, { acceptGuidelines: true });
    const threadId = (await member.post(`/api/groups/${g}/threads`, { title: 'Tonight', body: 'Hard day.' }))
      .body.thread.threadId as string;
    // The request was written; the process died before its notices and log entry.
    const { request } = await supportRepo(db).match({
      groupId: g,
      memberId: member.userId,
      postId: `${threadId}000000000AAAAAA`,
      now: t.now(),
      escalateAt: t.now() + 30 * 60_000,
      live: null,
    });
    const supportNotices = async () =>
      (await owner.get('/api/me/notifications')).body.items.filter(
        (n: { kind: string }) => n.kind === 'support',
      );
    expect(await supportNotices()).toEqual([]);
    t.advance(2 * 60_000);
    await member.post(`/api/threads/${threadId}/posts`, { body: 'i want to end it all' });
    const told = await supportNotices();
    expect(told).toHaveLength(1);
    expect(told[0].text).toMatch(/Support request/);
    const log = (await owner.get(`/api/groups/${g}/audit`)).body.items;
    expect(log.filter((e: { action: string }) => e.action === 'support_opened')).toHaveLength(1);
    // Told now: the next crisis post tells nobody twice.
    t.advance(2 * 60_000);
    await member.post(`/api/threads/${threadId}/posts`, { body: 'i want to end it all, still' });
    expect(await supportNotices()).toHaveLength(1);
    expect(
      (await owner.get(`/api/groups/${g}/support`)).body.items.map((r: { requestId: string }) => r.requestId),
    ).toEqual([request.requestId]);
  });
});

describe('a crash between an alias and the membership that uses it', () => {
  it('frees the alias a minute on, and never one a member uses or a join in flight holds', async () => {
    const { groupsRepo } = await import('../../functions/store/repos/groups');
    const t = testApp(db);
    const owner = await t.signedUp();
    const g = (await owner.post('/api/groups', groupInput())).body.groupId as string;
    const [ghost, late, robin] = [await t.signedUp(), await t.signedUp(), await t.signedUp()];
    // Claimed, then the process died before the membership was written.
    expect(await groupsRepo(db).claimAlias(g, 'Wren', ghost.userId, t.now())).toBe(true);
    const join = (p: typeof late, alias: string) =>
      p.post(`/api/groups/${g}/members`, { acceptGuidelines: true, alias });
    expect((await join(late, 'Wren')).status).toBe(409); // a join may still be in flight
    t.advance(2 * 60_000);
    expect((await join(late, 'wren')).status).toBe(201);
    // An alias a member uses stays theirs, however long ago it was claimed.
    expect((await join(robin, 'Wren')).status).toBe(409);
  });
});

describe('a crash between a message and its count', () => {
  it('is repaired when the conversation is read to its end: who wrote last is who did', async () => {
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    const { keys } = await import('../../functions/store/keys');
    const t = testApp(db);
    const owner = await t.signedUp();
    const g = (await owner.post('/api/groups', groupInput())).body.groupId as string;
    const member = await t.signedUp();
    await member.post(`/api/groups/${g}/members`, { acceptGuidelines: true });
    const id = (await member.post(`/api/groups/${g}/conversations`, { message: 'Can we talk?' })).body
      .conversationId as string;
    await owner.post(`/api/conversations/${id}/messages`, { body: 'Of course. How are you today?' });
    // The member's next message, a little later, was counted; the process died before it was written.
    t.advance(5_000);
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.conversation(id),
        UpdateExpression: 'SET lastMessageAt = :at, lastFrom = :m ADD messageCount :one',
        ExpressionAttributeValues: { ':at': t.now(), ':m': 'member', ':one': 1 },
      }),
    );
    const lastFrom = async () => (await owner.get(`/api/conversations/${id}`)).body.lastFrom;
    expect(await lastFrom()).toBe('member');
    t.advance(2 * 60_000);
    expect((await owner.get(`/api/conversations/${id}/messages`)).body.items).toHaveLength(2);
    expect(await lastFrom()).toBe('group');
  });
});
