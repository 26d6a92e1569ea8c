import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../functions/store/client';
import { groupWithOwner, testApp } from '../support/api';
import { freshDb } from '../support/db';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

async function setup(groupOver: Record<string, unknown> = {}) {
  const t = testApp(db);
  const { owner, groupId, join } = await groupWithOwner(t, groupOver);
  return { t, owner, groupId, member: (alias?: string) => join(alias) };
}

const thread = { title: 'How was your week?', body: 'Mine was *mixed*. How about yours?' };

describe('threads and posts', () => {
  it('lets members start threads and reply, showing aliases, never handles', async () => {
    const { t, groupId, member } = await setup();
    const wren = await member('Wren');
    const started = await wren.post(`/api/groups/${groupId}/threads`, thread);
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body.signpost).toBeNull();
    expect(started.body.post).toMatchObject({
      author: { displayName: 'Wren' },
      mine: true,
      body: thread.body,
    });
    const threadId = started.body.thread.threadId as string;
    const other = await member();
    t.advance(1_000);
    const reply = await other.post(`/api/threads/${threadId}/posts`, {
      body: 'Hard, honestly.',
      contentWarnings: ['eating'],
    });
    expect(reply.status).toBe(201);
    const list = await other.get(`/api/groups/${groupId}/threads`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      title: thread.title,
      postCount: 2,
      author: { displayName: 'Wren' },
    });
    const posts = await wren.get(`/api/threads/${threadId}/posts`);
    expect(posts.body.items.map((p: { body: string }) => p.body)).toEqual([thread.body, 'Hard, honestly.']);
    expect(posts.body.items[1]).toMatchObject({ mine: false, contentWarnings: ['eating'] });
    expect(JSON.stringify(posts.body)).not.toContain(wren.handle);
    expect(JSON.stringify(posts.body)).not.toContain('"handle"');
  });

  it('shows crisis resources to the author at once and flags the post to moderators, without hiding it', async () => {
    const { owner, groupId, member } = await setup();
    const robin = await member('Robin');
    const started = await robin.post(`/api/groups/${groupId}/threads`, {
      title: 'Tonight',
      body: 'I dont know. i want to kill my self tonight',
    });
    expect(started.body.signpost).toMatchObject({ crisisPage: '/crisis.html' });
    expect(started.body.post.mayNeedSupport).toBeUndefined(); // members do not see the flag
    const threadId = started.body.thread.threadId;
    const seenByOwner = await owner.get(`/api/threads/${threadId}/posts`);
    expect(seenByOwner.body.items[0]).toMatchObject({
      mayNeedSupport: true,
      body: expect.stringContaining('kill'),
    });
    const seenByMember = await (await member()).get(`/api/threads/${threadId}/posts`);
    expect(seenByMember.body.items[0].mayNeedSupport).toBeUndefined();
    const fine = await robin.post(`/api/threads/${threadId}/posts`, { body: 'That film killed me though.' });
    expect(fine.body.signpost).toBeNull();
  });

  it('keeps discussions to active members', async () => {
    const { t, groupId, member } = await setup();
    const started = await (await member()).post(`/api/groups/${groupId}/threads`, thread);
    const threadId = started.body.thread.threadId;
    const stranger = await t.signedUp();
    expect((await stranger.get(`/api/groups/${groupId}/threads`)).status).toBe(403);
    expect((await stranger.get(`/api/threads/${threadId}/posts`)).status).toBe(403);
    expect((await stranger.post(`/api/threads/${threadId}/posts`, { body: 'hi' })).status).toBe(403);
    expect((await t.person().get(`/api/threads/${threadId}/posts`)).status).toBe(401);

    const priv = await setup({ visibility: 'private', joinPolicy: 'approval' });
    const inside = await priv.owner.post(`/api/groups/${priv.groupId}/threads`, thread);
    const hidden = inside.body.thread.threadId;
    expect((await stranger.get(`/api/threads/${hidden}/posts`)).status).toBe(404);
    expect((await stranger.get(`/api/groups/${priv.groupId}/threads`)).status).toBe(404);
    const pending = await priv.t.signedUp();
    await pending.post(`/api/groups/${priv.groupId}/members`, { acceptGuidelines: true });
    const asked = await pending.get(`/api/threads/${hidden}/posts`);
    expect([403, 404]).toContain(asked.status);
    expect(JSON.stringify(asked.body)).not.toContain(thread.body);
  });

  it('refuses empty, oversize and mislabelled posts, and writes nothing', async () => {
    const { groupId, member } = await setup();
    const p = await member();
    const threadId = (await p.post(`/api/groups/${groupId}/threads`, thread)).body.thread.threadId;
    for (const bad of [
      { body: '' },
      { body: '   ' },
      { body: 'x'.repeat(10_001) },
      { body: 'ok', contentWarnings: ['gore'] },
      { body: 'ok', extra: true },
    ]) {
      const res = await p.post(`/api/threads/${threadId}/posts`, bad);
      expect(res.status, JSON.stringify(bad).slice(0, 60)).toBe(400);
    }
    expect((await p.post(`/api/groups/${groupId}/threads`, { title: 'x', body: 'ok' })).status).toBe(400);
    expect((await p.get(`/api/threads/${threadId}/posts`)).body.items).toHaveLength(1);
    expect((await p.get('/api/threads/not-a-thread/posts')).status).toBe(400);
  });

  it('pages through posts while others post, missing and repeating none', async () => {
    const { groupId, member, t } = await setup();
    const people = await Promise.all(Array.from({ length: 6 }, () => member()));
    const threadId = (await people[0]!.post(`/api/groups/${groupId}/threads`, thread)).body.thread.threadId;
    for (let i = 0; i < 12; i++) {
      t.advance(1_000);
      await people[i % 6]!.post(`/api/threads/${threadId}/posts`, { body: `before ${i}` });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const page: { body: { items: { postId: string }[]; nextCursor: string | null } } = await people[0]!.get(
        `/api/threads/${threadId}/posts?limit=5${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((p) => p.postId));
      cursor = page.body.nextCursor;
      // Others post between pages, several at once.
      t.advance(1_000);
      await Promise.all(
        people
          .slice(1)
          .map((p, j) => p.post(`/api/threads/${threadId}/posts`, { body: `during ${round}.${j}` })),
      );
      round++;
    } while (cursor && round < 30);
    expect(new Set(seen).size).toBe(seen.length);
    const all = await people[0]!.get(`/api/threads/${threadId}/posts?limit=50`);
    const everything: string[] = [];
    let next = all;
    everything.push(...next.body.items.map((p: { postId: string }) => p.postId));
    while (next.body.nextCursor) {
      next = await people[0]!.get(`/api/threads/${threadId}/posts?limit=50&cursor=${next.body.nextCursor}`);
      everything.push(...next.body.items.map((p: { postId: string }) => p.postId));
    }
    // Every post that existed when a page was read is seen in order, once.
    expect(everything.slice(0, seen.length)).toEqual(seen);
  });

  it('asks a member to slow down after 10 posts in five minutes', async () => {
    const { groupId, member, t } = await setup();
    const p = await member();
    const threadId = (await p.post(`/api/groups/${groupId}/threads`, thread)).body.thread.threadId;
    for (let i = 0; i < 9; i++)
      expect((await p.post(`/api/threads/${threadId}/posts`, { body: `${i}` })).status).toBe(201);
    const limited = await p.post(`/api/threads/${threadId}/posts`, { body: 'one more' });
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toMatch(/post again shortly/);
    t.advance(5 * 60_000 + 1);
    expect((await p.post(`/api/threads/${threadId}/posts`, { body: 'later' })).status).toBe(201);
  });

  it('reports go to moderators; hidden posts stay visible to their author and moderators; locks stop posting; owners read the log', async () => {
    const { owner, groupId, member, t } = await setup();
    const mod = await member('Kestrel');
    const ownerId = (await owner.get('/api/me')).body.userId;
    const modId = (await mod.get('/api/me')).body.userId;
    await owner.patch(`/api/groups/${groupId}/members/${modId}`, { role: 'moderator' });
    const author = await member('Fern');
    const reader = await member();
    const started = await author.post(`/api/groups/${groupId}/threads`, thread);
    const threadId = started.body.thread.threadId as string;
    const postId = started.body.post.postId as string;

    expect(
      (await reader.post(`/api/posts/${postId}/reports`, { reason: 'harmful', note: 'Upsetting' })).status,
    ).toBe(201);
    expect((await reader.post(`/api/posts/${postId}/reports`, { reason: 'gossip' })).status).toBe(400);
    expect((await reader.get(`/api/groups/${groupId}/reports`)).status).toBe(403);
    const queue = await mod.get(`/api/groups/${groupId}/reports`);
    expect(queue.body.items).toHaveLength(1);
    expect(queue.body.items[0]).toMatchObject({
      postId,
      count: 1,
      reasons: [{ reason: 'harmful', count: 1 }],
      notes: ['Upsetting'],
      post: { hidden: false },
    });
    expect(JSON.stringify(queue.body)).not.toContain(reader.handle); // reporters are not named

    expect((await reader.post(`/api/posts/${postId}/hide`, { reason: 'Not allowed' })).status).toBe(403);
    expect((await mod.post(`/api/posts/${postId}/hide`, { reason: 'Describes methods' })).status).toBe(200);
    const seen = async (p: typeof reader) =>
      (await p.get(`/api/threads/${threadId}/posts`)).body.items.find(
        (x: { postId: string }) => x.postId === postId,
      );
    // The post opened the thread: the thread goes from others' view with it.
    expect((await reader.get(`/api/threads/${threadId}/posts`)).status).toBe(404);
    expect((await seen(author)).hidden).toEqual({ reason: 'Describes methods' });
    expect((await seen(mod)).hidden).toEqual({ reason: 'Describes methods' });
    // Hiding settled the report: the queue is empty and the reporter is told it was handled.
    expect((await mod.get(`/api/groups/${groupId}/reports`)).body.items).toEqual([]);
    const told = (await reader.get('/api/me/notifications')).body.items;
    expect(told.map((n: { kind: string }) => n.kind)).toEqual(['report_handled']);
    expect(told[0].text).not.toContain('Describes methods');
    expect((await reader.post(`/api/posts/${postId}/reports`, { reason: 'harmful' })).status).toBe(404);
    t.advance(1_000);
    await mod.post(`/api/posts/${postId}/restore`, { reason: 'Reviewed with the author' });
    expect((await seen(reader)).hidden).toBeNull();

    t.advance(1_000);
    await mod.post(`/api/threads/${threadId}/lock`, { locked: true, reason: 'Cooling off' });
    expect((await author.post(`/api/threads/${threadId}/posts`, { body: 'still here' })).status).toBe(409);
    expect((await author.get(`/api/threads/${threadId}`)).body.locked).toBe(true);

    expect((await mod.get(`/api/groups/${groupId}/audit`)).status).toBe(403);
    const log = await owner.get(`/api/groups/${groupId}/audit`);
    expect(log.body.items.map((a: { action: string }) => a.action).slice(0, 2)).toEqual(['lock', 'restore']);
    expect(
      log.body.items
        .slice(2)
        .map((a: { action: string }) => a.action)
        .sort(),
    ).toEqual(['hide', 'report_settled']);
    expect(log.body.items.find((a: { action: string }) => a.action === 'hide')).toMatchObject({
      actor: { displayName: 'Kestrel' },
      reason: 'Describes methods',
      target: postId,
    });
    expect(ownerId).toBeTruthy();
  });

  it('lets authors edit (marked edited) and delete their own posts, and no one else', async () => {
    const { groupId, member, t } = await setup();
    const author = await member('Sorrel');
    const other = await member();
    const started = await author.post(`/api/groups/${groupId}/threads`, thread);
    const postId = started.body.post.postId;
    expect((await other.patch(`/api/posts/${postId}`, { body: 'mine now' })).status).toBe(403);
    expect((await other.del(`/api/posts/${postId}`)).status).toBe(403);
    t.advance(60_000);
    const edited = await author.patch(`/api/posts/${postId}`, {
      body: 'Better words.',
      contentWarnings: ['eating'],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.post).toMatchObject({
      body: 'Better words.',
      contentWarnings: ['eating'],
      editedAt: '2026-11-25T10:01:00.000Z',
    });
    const crisis = await author.patch(`/api/posts/${postId}`, { body: 'honestly i want to die' });
    expect(crisis.body.signpost).not.toBeNull();
    expect((await author.patch(`/api/posts/${postId}`, { body: '' })).status).toBe(400);
    expect((await author.del(`/api/posts/${postId}`)).status).toBe(200);
    const [gone] = (await other.get(`/api/threads/${started.body.thread.threadId}/posts`)).body.items;
    expect(gone).toMatchObject({ deleted: true, body: '' });
    expect((await author.patch(`/api/posts/${postId}`, { body: 'back' })).status).toBe(409);
  });

  it('counts support reactions for everyone and names who reacted to the author alone', async () => {
    const { groupId, member } = await setup();
    const author = await member('Heron');
    const started = await author.post(`/api/groups/${groupId}/threads`, thread);
    const postId = started.body.post.postId;
    const a = await member('Alder');
    const b = await member('Birch');
    await a.post(`/api/posts/${postId}/reactions`, { kind: 'support', reacted: true });
    await a.post(`/api/posts/${postId}/reactions`, { kind: 'support', reacted: true }); // idempotent
    const mine = await b.post(`/api/posts/${postId}/reactions`, { kind: 'me_too', reacted: true });
    expect(mine.body.post.reactions).toEqual({
      counts: { support: 1, me_too: 1, thank_you: 0 },
      mine: ['me_too'],
    });
    const asAuthor = (await author.get(`/api/threads/${started.body.thread.threadId}/posts`)).body.items[0];
    expect(asAuthor.reactions.who).toEqual({ support: ['Alder'], me_too: ['Birch'], thank_you: [] });
    await a.post(`/api/posts/${postId}/reactions`, { kind: 'support', reacted: false });
    const after = (await b.get(`/api/threads/${started.body.thread.threadId}/posts`)).body.items[0];
    expect(after.reactions.counts.support).toBe(0);
    expect(after.reactions.who).toBeUndefined();
    expect((await a.post(`/api/posts/${postId}/reactions`, { kind: 'hug', reacted: true })).status).toBe(400);
  });

  it('lets a member mute another: their posts disappear for that member alone, until unmuted', async () => {
    const { groupId, member, t } = await setup();
    const loud = await member('Magpie');
    const me = await member('Owl');
    const bystander = await member();
    const started = await loud.post(`/api/groups/${groupId}/threads`, thread);
    const threadId = started.body.thread.threadId;
    t.advance(1_000);
    await me.post(`/api/threads/${threadId}/posts`, { body: 'My reply' });
    const muted = await me.post('/api/me/mutes', { postId: started.body.post.postId });
    expect(muted.status).toBe(201);
    expect(muted.body.items).toEqual([
      {
        muteId: expect.stringMatching(/^[\w-]{22}$/),
        groupId,
        groupName: 'Tuesday Anxiety Circle',
        displayName: 'Magpie',
      },
    ]);
    expect(JSON.stringify(muted.body)).not.toContain((await loud.get('/api/me')).body.userId);
    const bodies = async (p: typeof me) =>
      (await p.get(`/api/threads/${threadId}/posts`)).body.items.map((x: { body: string }) => x.body);
    expect(await bodies(me)).toEqual(['My reply']);
    expect(await bodies(bystander)).toEqual([thread.body, 'My reply']);
    const myPost = (await me.get(`/api/threads/${threadId}/posts`)).body.items[0].postId;
    expect((await me.post('/api/me/mutes', { postId: myPost })).status).toBe(400);
    await me.del(`/api/me/mutes/${muted.body.items[0].muteId}`);
    expect(await bodies(me)).toEqual([thread.body, 'My reply']);
    expect((await me.get('/api/me/mutes')).body.items).toEqual([]);
  });

  it('in approval groups, holds a new member’s posts for a moderator until the first is approved', async () => {
    const { owner, groupId, t } = await setup({ joinPolicy: 'approval' });
    const newcomer = await t.signedUp();
    await newcomer.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true, alias: 'Linnet' });
    const newcomerId = (await newcomer.get('/api/me')).body.userId;
    await owner.patch(`/api/groups/${groupId}/members/${newcomerId}`, { status: 'active' });
    const regular = await t.signedUp();
    await regular.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true });
    await owner.patch(`/api/groups/${groupId}/members/${(await regular.get('/api/me')).body.userId}`, {
      status: 'active',
    });
    const veteran = await owner.post(`/api/groups/${groupId}/threads`, thread);
    expect(veteran.body.post.pending).toBe(false);

    const first = await newcomer.post(`/api/groups/${groupId}/threads`, {
      title: 'Hello all',
      body: 'New here.',
    });
    expect(first.status).toBe(201);
    expect(first.body.post.pending).toBe(true);
    const threadId = first.body.thread.threadId;
    const titles = async (p: typeof owner) =>
      (await p.get(`/api/groups/${groupId}/threads`)).body.items.map((x: { title: string }) => x.title);
    expect(await titles(regular)).toEqual([thread.title]);
    expect((await regular.get(`/api/threads/${threadId}/posts`)).status).toBe(404);
    expect(await titles(newcomer)).toContain('Hello all');
    expect(await titles(owner)).toContain('Hello all');

    // The moderators' queue of waiting posts, with the thread each would start or join.
    const waiting = await owner.get(`/api/groups/${groupId}/waiting`);
    expect(waiting.body.items).toMatchObject([
      { post: { postId: first.body.post.postId, body: 'New here.', author: { displayName: 'Linnet' } } },
    ]);
    expect(waiting.body.items[0].thread).toEqual({ threadId, title: 'Hello all' });
    expect((await regular.get(`/api/groups/${groupId}/waiting`)).status).toBe(403);

    expect((await regular.post(`/api/posts/${first.body.post.postId}/approve`)).status).toBe(404);
    expect((await owner.post(`/api/posts/${first.body.post.postId}/approve`)).status).toBe(200);
    expect((await owner.get(`/api/groups/${groupId}/waiting`)).body.items).toEqual([]);
    expect(await titles(regular)).toContain('Hello all');
    t.advance(1_000);
    const next = await newcomer.post(`/api/threads/${threadId}/posts`, { body: 'Thanks for having me.' });
    expect(next.body.post.pending).toBe(false);
    expect((await regular.get(`/api/threads/${threadId}/posts`)).body.items).toHaveLength(2);
  });

  it('drops a waiting post from the queue when its author deletes it or a moderator hides it', async () => {
    const { owner, groupId, t } = await setup({ joinPolicy: 'approval' });
    const queue = async () =>
      (await owner.get(`/api/groups/${groupId}/waiting`)).body.items.map(
        (w: { post: { body: string } }) => w.post.body,
      );
    const posted = [];
    for (const body of ['First words.', 'Second words.']) {
      const p = await t.signedUp();
      await p.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true });
      await owner.patch(`/api/groups/${groupId}/members/${(await p.get('/api/me')).body.userId}`, {
        status: 'active',
      });
      t.advance(1_000);
      posted.push({
        p,
        post: (await p.post(`/api/groups/${groupId}/threads`, { title: 'Hello there', body })).body.post,
      });
    }
    expect(posted.map((x) => x.post?.pending)).toEqual([true, true]);
    expect(await queue()).toEqual(['First words.', 'Second words.']); // oldest first
    await posted[0]!.p.del(`/api/posts/${posted[0]!.post.postId}`);
    await owner.post(`/api/posts/${posted[1]!.post.postId}/hide`, { reason: 'Not for this group' });
    expect(await queue()).toEqual([]);
  });

  it('lets moderators pin a thread above the rest, where posts elsewhere do not pass it', async () => {
    const { owner, groupId, member, t } = await setup();
    const m = await member();
    const older = (
      await owner.post(`/api/groups/${groupId}/threads`, { title: 'Read me first', body: 'Welcome.' })
    ).body.thread.threadId;
    t.advance(1_000);
    const newer = (await m.post(`/api/groups/${groupId}/threads`, { title: 'Chat', body: 'Hello.' })).body
      .thread.threadId;
    const order = async () =>
      (await m.get(`/api/groups/${groupId}/threads`)).body.items.map(
        (x: { threadId: string; pinned: boolean }) => [x.threadId, x.pinned],
      );
    expect(await order()).toEqual([
      [newer, false],
      [older, false],
    ]);
    expect((await m.post(`/api/threads/${older}/pin`, { pinned: true, reason: 'Welcome' })).status).toBe(403);
    expect((await owner.post(`/api/threads/${older}/pin`, { pinned: true, reason: 'Welcome' })).status).toBe(
      200,
    );
    t.advance(1_000);
    await m.post(`/api/threads/${newer}/posts`, { body: 'Still chatting.' });
    t.advance(1_000);
    await m.post(`/api/threads/${older}/posts`, { body: 'Thanks for the welcome.' }); // stays pinned
    expect(await order()).toEqual([
      [older, true],
      [newer, false],
    ]);
    await owner.post(`/api/threads/${older}/pin`, { pinned: false, reason: 'Old news' });
    t.advance(1_000);
    await m.post(`/api/threads/${newer}/posts`, { body: 'Back on top.' });
    expect(await order()).toEqual([
      [newer, false],
      [older, false],
    ]);
    const log = (await owner.get(`/api/groups/${groupId}/audit`)).body.items.map(
      (a: { action: string }) => a.action,
    );
    expect(log).toEqual(['unpin', 'pin']);
  });

  it('nests replies one level under the post they answer, within the thread only', async () => {
    const { groupId, member, t } = await setup();
    const a = await member('Alder');
    const b = await member('Birch');
    const started = await a.post(`/api/groups/${groupId}/threads`, thread);
    const threadId = started.body.thread.threadId as string;
    const first = started.body.post.postId as string;
    t.advance(1_000);
    const answer = await b.post(`/api/threads/${threadId}/posts`, { body: 'Mixed too.', replyTo: first });
    expect(answer.status).toBe(201);
    expect(answer.body.post.replyTo).toBe(first);
    t.advance(1_000);
    // A reply to a reply joins the post it answers: one level deep.
    const deeper = await a.post(`/api/threads/${threadId}/posts`, {
      body: 'Thank you.',
      replyTo: answer.body.post.postId,
    });
    expect(deeper.body.post.replyTo).toBe(first);
    const other = (await a.post(`/api/groups/${groupId}/threads`, { title: 'Another one', body: 'Hi.' }))
      .body;
    const before = (await a.get(`/api/threads/${threadId}/posts`)).body.items.length;
    for (const replyTo of [other.post.postId, `${threadId}${'x'.repeat(15)}`]) {
      const res = await b.post(`/api/threads/${threadId}/posts`, { body: 'Lost?', replyTo });
      expect(res.status).toBe(400);
      expect(res.body.error.fields[0].path).toBe('body.replyTo');
    }
    await b.del(`/api/posts/${answer.body.post.postId}`);
    expect(
      (await a.post(`/api/threads/${threadId}/posts`, { body: 'Gone?', replyTo: answer.body.post.postId }))
        .status,
    ).toBe(400);
    const after = (await a.get(`/api/threads/${threadId}/posts`)).body.items;
    expect(after).toHaveLength(before);
    expect(after.map((p: { replyTo: string | null }) => p.replyTo)).toEqual([null, first, first]);
  });

  it('counts unread posts per member, and reading to the end clears them', async () => {
    const { groupId, member, t } = await setup();
    const writer = await member();
    const reader = await member();
    const threadId = (await writer.post(`/api/groups/${groupId}/threads`, thread)).body.thread.threadId;
    const unread = async (p: typeof reader) =>
      (await p.get(`/api/groups/${groupId}/threads`)).body.items[0].unread;
    expect(await unread(reader)).toBe(1);
    expect(await unread(writer)).toBe(0);
    for (let i = 0; i < 3; i++) {
      t.advance(1_000);
      await writer.post(`/api/threads/${threadId}/posts`, { body: `more ${i}` });
    }
    expect(await unread(reader)).toBe(4);
    expect(await unread(writer)).toBe(0);
    const first = await reader.get(`/api/threads/${threadId}/posts?limit=2`);
    expect(await unread(reader)).toBe(4); // not at the end yet
    await reader.get(`/api/threads/${threadId}/posts?limit=2&cursor=${first.body.nextCursor}`);
    expect(await unread(reader)).toBe(0);
    t.advance(1_000);
    await writer.post(`/api/threads/${threadId}/posts`, { body: 'one more' });
    expect(await unread(reader)).toBe(1);
  });

  it('gives each meetup one session thread, titled with its date, for the group’s members', async () => {
    const { owner, groupId, member, t } = await setup();
    const occurrenceId = await onlineMeetup(owner, groupId, 'Tuesday circle');
    const a = await member();
    const b = await member();
    const [first, second] = await Promise.all([
      a.post('/api/threads/sessions', { occurrenceId }),
      b.post('/api/threads/sessions', { occurrenceId }),
    ]);
    expect(first.status).toBe(200);
    expect(first.body.threadId).toBe(occurrenceId);
    expect(second.body.threadId).toBe(occurrenceId);
    expect(first.body).toMatchObject({
      title: 'Tuesday circle, Tue 16 Mar 2027',
      occurrenceId,
      postCount: 0,
    });
    t.advance(1_000);
    expect((await b.post(`/api/threads/${occurrenceId}/posts`, { body: 'See you there' })).status).toBe(201);
    expect((await a.get(`/api/threads/${occurrenceId}/posts`)).body.items).toHaveLength(1);
    expect((await (await t.signedUp()).post('/api/threads/sessions', { occurrenceId })).status).toBe(403);
    expect((await a.post('/api/threads/sessions', { occurrenceId: `${groupId}AAAAAAAAAAA` })).status).toBe(
      404,
    );
  });

  it('follows what you start, post in or go to, until you choose otherwise, and shows what is new there', async () => {
    const { owner, groupId, member, t } = await setup();
    const occurrenceId = await onlineMeetup(owner, groupId);
    const a = await member('Aspen');
    const b = await member('Bramble');
    const started = (await a.post(`/api/groups/${groupId}/threads`, thread)).body.thread.threadId as string;
    const following = async (p: typeof a) =>
      (await p.get('/api/me/following')).body.items.map((x: { threadId: string; unread: number }) => [
        x.threadId,
        x.unread,
      ]);
    expect((await a.get(`/api/threads/${started}`)).body.following).toBe(true);
    expect(await following(b)).toEqual([]);
    // Going to a meetup follows its session thread; posting in a thread follows it.
    await b.call('PUT', `/api/occurrences/${occurrenceId}/rsvp`, { attendance: 'online' });
    await owner.post('/api/threads/sessions', { occurrenceId });
    t.advance(1_000);
    await owner.post(`/api/threads/${occurrenceId}/posts`, { body: 'Looking forward to it.' });
    t.advance(1_000);
    await b.post(`/api/threads/${started}/posts`, { body: 'Mixed here too.' });
    t.advance(1_000);
    await a.post(`/api/threads/${started}/posts`, { body: 'Thanks, Bramble.' });
    expect(await following(b)).toEqual([
      [started, 1],
      [occurrenceId, 1],
    ]);
    // Choosing not to follow sticks, even when posting again; withdrawing ends a session's follow.
    expect((await b.call('PUT', `/api/threads/${started}/follow`, { following: false })).status).toBe(200);
    await b.post(`/api/threads/${started}/posts`, { body: 'One more thing.' });
    expect((await b.get(`/api/threads/${started}`)).body.following).toBe(false);
    await b.del(`/api/occurrences/${occurrenceId}/rsvp`);
    expect(await following(b)).toEqual([]);
    await b.call('PUT', `/api/threads/${occurrenceId}/follow`, { following: true });
    expect((await following(b)).map((x: unknown[]) => x[0])).toEqual([occurrenceId]);
    // Leaving the group: nothing of it is followed any more.
    await b.del(`/api/groups/${groupId}/members/me`);
    expect(await following(b)).toEqual([]);
  });

  it('keeps every content warning folded until a member chooses which to keep folded', async () => {
    const { member } = await setup();
    const m = await member();
    const all = (await m.get('/api/me/preferences')).body.collapse;
    expect(all).toEqual(['self_harm', 'suicide', 'abuse', 'eating', 'substance_use']);
    const put = await m.call('PATCH', '/api/me/preferences', { collapse: ['suicide', 'self_harm'] });
    expect(put.body).toEqual({ collapse: ['suicide', 'self_harm'], region: null });
    for (const collapse of [['gore'], ['abuse', 'abuse'], 'abuse']) {
      expect((await m.call('PATCH', '/api/me/preferences', { collapse })).status).toBe(400);
    }
    expect((await m.get('/api/me/preferences')).body.collapse).toEqual(['suicide', 'self_harm']);
  });

  it('shows the crisis lines of the region the author chose, and asks where they are until they do', async () => {
    const { groupId, member } = await setup();
    const m = await member();
    const first = await m.post(`/api/groups/${groupId}/threads`, { title: 'Tonight', body: 'i want to die' });
    expect(first.body.signpost).toMatchObject({ crisisPage: '/crisis.html', resources: null });
    expect((await m.call('PATCH', '/api/me/preferences', { region: 'XX' })).status).toBe(400);
    expect((await m.call('PATCH', '/api/me/preferences', { region: 'GB' })).body.region).toBe('GB');
    const threadId = first.body.thread.threadId;
    const again = await m.post(`/api/threads/${threadId}/posts`, { body: 'still want to end it all' });
    expect(again.body.signpost.resources).toMatchObject({
      region: 'GB',
      emergency: '999',
      lines: [
        { name: 'Samaritans', call: '116 123' },
        { name: 'Shout', text: '85258' },
      ],
    });
    // Preferences change one at a time: the region stays when the labels change.
    await m.call('PATCH', '/api/me/preferences', { collapse: [] });
    expect((await m.get('/api/me/preferences')).body).toEqual({ collapse: [], region: 'GB' });
  });

  it('lets moderators pause a member’s posting for some hours, with the reason told to them', async () => {
    const { owner, groupId, member, t } = await setup();
    const m = await member('Sorrel');
    const other = await member();
    const threadId = (await m.post(`/api/groups/${groupId}/threads`, thread)).body.thread.threadId;
    const mId = (await m.get('/api/me')).body.userId;
    const pause = { hours: 24, reason: 'Cooling off after an argument' };
    expect((await other.post(`/api/groups/${groupId}/members/${mId}/silence`, pause)).status).toBe(403);
    expect((await owner.post(`/api/groups/${groupId}/members/${owner.userId}/silence`, pause)).status).toBe(
      403,
    );
    expect(
      (await owner.post(`/api/groups/${groupId}/members/${mId}/silence`, { ...pause, hours: 0 })).status,
    ).toBe(400);
    expect((await owner.post(`/api/groups/${groupId}/members/${mId}/silence`, pause)).status).toBe(200);
    const refused = await m.post(`/api/threads/${threadId}/posts`, { body: 'But listen' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/paused your posting .* Cooling off after an argument/);
    expect((await m.post(`/api/groups/${groupId}/threads`, thread)).status).toBe(403);
    expect((await m.get(`/api/threads/${threadId}/posts`)).status).toBe(200); // still reads
    expect((await m.get(`/api/groups/${groupId}`)).body.membership.silenced).toMatchObject({
      reason: pause.reason,
    });
    t.advance(25 * 3_600_000);
    await m.post('/api/auth/login', { handle: m.handle, passphrase: 'quiet river morning tea' });
    expect((await m.post(`/api/threads/${threadId}/posts`, { body: 'Sorry, all.' })).status).toBe(201);
    const log = (await owner.get(`/api/groups/${groupId}/audit`)).body.items;
    expect(log[0]).toMatchObject({ action: 'silence', target: 'Sorrel' });
  });

  it('keeps a session’s discussion to those who RSVP’d, where the group chooses so', async () => {
    const { owner, groupId, member } = await setup();
    expect(
      (await owner.patch(`/api/groups/${groupId}`, { sessionThreadsGoingOnly: true })).body
        .sessionThreadsGoingOnly,
    ).toBe(true);
    const occurrenceId = await onlineMeetup(owner, groupId);
    const going = await member();
    const other = await member();
    expect((await other.post('/api/threads/sessions', { occurrenceId })).status).toBe(403);
    await going.call('PUT', `/api/occurrences/${occurrenceId}/rsvp`, { attendance: 'online' });
    expect((await going.post('/api/threads/sessions', { occurrenceId })).status).toBe(200);
    const posted = await going.post(`/api/threads/${occurrenceId}/posts`, { body: 'Nervous but coming.' });
    expect(posted.status).toBe(201);
    const postId = posted.body.post.postId;
    await going.post(`/api/groups/${groupId}/threads`, thread); // an ordinary thread stays open to all
    const titles = async (p: typeof owner) =>
      (await p.get(`/api/groups/${groupId}/threads`)).body.items.map((x: { title: string }) => x.title);
    expect(await titles(other)).toEqual([thread.title]);
    expect(await titles(owner)).toHaveLength(2);
    for (const [method, path, body] of [
      ['GET', `/api/threads/${occurrenceId}`],
      ['GET', `/api/threads/${occurrenceId}/posts`],
      ['POST', `/api/threads/${occurrenceId}/posts`, { body: 'Let me in' }],
      ['POST', `/api/posts/${postId}/reactions`, { kind: 'support', reacted: true }],
      ['POST', `/api/posts/${postId}/reports`, { reason: 'other' }],
    ] as const) {
      expect((await other.call(method, path, body)).status, `${method} ${path}`).toBe(403);
    }
    expect((await owner.get(`/api/threads/${occurrenceId}/posts`)).body.items).toHaveLength(1);
    expect((await going.get(`/api/threads/${occurrenceId}/posts`)).body.items).toHaveLength(1);
  });
});

async function onlineMeetup(
  owner: { post: (p: string, b: unknown) => Promise<{ body: { occurrences: { occurrenceId: string }[] } }> },
  groupId: string,
  title = 'Online circle',
) {
  const made = await owner.post(`/api/groups/${groupId}/meetups`, {
    title,
    start: '2027-03-16T18:30',
    durationMinutes: 60,
    mode: 'online',
    online: { url: 'https://meet.example/circle' },
    capacity: { online: 10 },
  });
  return made.body.occurrences[0]!.occurrenceId;
}
