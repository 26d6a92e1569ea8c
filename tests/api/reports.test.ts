/**
 * Reports as moderators work them, and the safety plan as only its owner reads it.
 */
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

type Person = Awaited<ReturnType<ReturnType<typeof testApp>['signedUp']>>;
const kinds = async (p: Person, kind: string) =>
  (
    (await p.get('/api/me/notifications')).body.items as { kind: string; href: string; text: string }[]
  ).filter((n) => n.kind === kind);

async function setup() {
  const t = testApp(db, { admins: ['reports-admin'] });
  const { owner, groupId, join } = await groupWithOwner(t);
  const mod = await join('Kestrel', 'moderator');
  const facilitator = await join('Alder', 'facilitator');
  const author = await join('Fern');
  const readers = [await join('Heron'), await join('Wren'), await join('Lark')];
  const started = await author.post(`/api/groups/${groupId}/threads`, {
    title: 'Hello',
    body: 'Buy my pills here',
  });
  return { t, owner, groupId, mod, facilitator, author, readers, postId: started.body.post.postId as string };
}

describe('reports', () => {
  it('one row per post: reporting again replaces one’s report; many reporters count; moderators told once', async () => {
    const { owner, groupId, mod, facilitator, readers, postId } = await setup();
    const [a, b, c] = readers as [Person, Person, Person];
    for (const reason of ['harmful', 'spam', 'spam'])
      expect((await a.post(`/api/posts/${postId}/reports`, { reason })).status).toBe(201);
    await Promise.all([
      b.post(`/api/posts/${postId}/reports`, { reason: 'spam', note: 'Selling medication' }),
      c.post(`/api/posts/${postId}/reports`, { reason: 'harmful' }),
    ]);
    const queue = (await mod.get(`/api/groups/${groupId}/reports`)).body.items;
    expect(queue).toHaveLength(1);
    expect(queue[0].count).toBe(3);
    expect(
      queue[0].reasons.sort((x: { reason: string }, y: { reason: string }) =>
        x.reason.localeCompare(y.reason),
      ),
    ).toEqual([
      { reason: 'harmful', count: 1 },
      { reason: 'spam', count: 2 },
    ]);
    expect(queue[0].notes).toEqual(['Selling medication']);
    // Moderators and owners hear once, with a link to the queue; facilitators and members do not.
    for (const p of [mod, owner]) {
      const n = await kinds(p, 'report');
      expect(n, p.handle).toHaveLength(1);
      expect(n[0]!.href).toBe(`/groups/${groupId}/moderation`);
    }
    expect(await kinds(facilitator, 'report')).toEqual([]);
    // No reason chosen is a field error; one's own post cannot be reported.
    expect((await a.post(`/api/posts/${postId}/reports`, {})).body.error.fields[0].path).toBe('body.reason');
  });

  it('a report that someone may be in crisis opens the author’s support request', async () => {
    const { groupId, facilitator, author, readers, postId } = await setup();
    expect((await facilitator.get(`/api/groups/${groupId}/support`)).body.items).toEqual([]);
    await readers[0]!.post(`/api/posts/${postId}/reports`, { reason: 'crisis', note: 'They seem very low' });
    const queue = (await facilitator.get(`/api/groups/${groupId}/support`)).body.items;
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ member: { displayName: 'Fern' }, posts: [{ postId }] });
    expect((await author.get(`/api/groups/${groupId}/support`)).status).toBe(404);
  });

  it('a hidden opening post takes its thread from others’ view, and back when restored', async () => {
    const { groupId, mod, author, readers, postId } = await setup();
    const threadId = postId.slice(0, 33);
    const listed = async (p: Person) =>
      ((await p.get(`/api/groups/${groupId}/threads`)).body.items as { threadId: string }[]).some(
        (t) => t.threadId === threadId,
      );
    expect(await listed(readers[0]!)).toBe(true);
    await mod.post(`/api/posts/${postId}/hide`, { reason: 'Selling medication' });
    expect(await listed(readers[0]!)).toBe(false);
    expect((await readers[0]!.get(`/api/threads/${threadId}`)).status).toBe(404);
    expect(await listed(author)).toBe(true);
    expect(await listed(mod)).toBe(true);
    await mod.post(`/api/posts/${postId}/restore`, { reason: 'Edited' });
    expect(await listed(readers[0]!)).toBe(true);
    // A reply's hiding leaves its thread alone.
    const reply = await readers[1]!.post(`/api/threads/${threadId}/posts`, { body: 'Please do not.' });
    await mod.post(`/api/posts/${reply.body.post.postId}/hide`, { reason: 'Off topic' });
    expect(await listed(readers[0]!)).toBe(true);
  });

  it('refuses a report of one’s own post', async () => {
    const { author, postId } = await setup();
    const own = await author.post(`/api/posts/${postId}/reports`, { reason: 'spam' });
    expect(own.status).toBe(400);
    expect(own.body.error.message).toBe('You cannot report your own post');
  });

  it('settles with an outcome or dismisses; reporters are told it was handled, nothing more', async () => {
    const { owner, groupId, mod, author, readers, postId } = await setup();
    const [a, b] = readers as [Person, Person];
    await a.post(`/api/posts/${postId}/reports`, { reason: 'spam' });
    await b.post(`/api/posts/${postId}/reports`, { reason: 'spam' });
    expect((await a.post(`/api/posts/${postId}/reports/settle`, { outcome: 'dismissed' })).status).toBe(403);
    expect((await mod.post(`/api/posts/${postId}/reports/settle`, { outcome: 'banished' })).status).toBe(400);
    // Hiding asks why (its author sees the reason).
    const noReason = await mod.post(`/api/posts/${postId}/reports/settle`, { outcome: 'hidden' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0].path).toBe('body.reason');
    const settled = await mod.post(`/api/posts/${postId}/reports/settle`, {
      outcome: 'hidden',
      reason: 'Selling medication',
    });
    expect(settled.status).toBe(200);
    expect((await mod.post(`/api/posts/${postId}/reports/settle`, { outcome: 'dismissed' })).status).toBe(
      409,
    );
    expect((await mod.get(`/api/groups/${groupId}/reports`)).body.items).toEqual([]);
    const mine = (await author.get(`/api/threads/${postId.slice(0, 33)}/posts`)).body.items[0];
    expect(mine.hidden).toEqual({ reason: 'Selling medication' });
    for (const p of [a, b]) {
      const n = await kinds(p, 'report_handled');
      expect(n).toHaveLength(1);
      expect(n[0]!.text).not.toContain('Selling medication');
    }
    const log = (await owner.get(`/api/groups/${groupId}/audit`)).body.items.map(
      (x: { action: string }) => x.action,
    );
    expect(log.sort()).toEqual(['hide', 'report_settled']);

    // A report of a settled post opens it again.
    await mod.post(`/api/posts/${postId}/restore`, { reason: 'Edited by the author' });
    await a.post(`/api/posts/${postId}/reports`, { reason: 'harmful' });
    const again = (await mod.get(`/api/groups/${groupId}/reports`)).body.items;
    expect(again).toHaveLength(1);
    expect(again[0].count).toBe(2);
    expect((await mod.post(`/api/posts/${postId}/reports/settle`, { outcome: 'dismissed' })).status).toBe(
      200,
    );
  });
});

describe('safety plan', () => {
  it('is read and written by its owner alone, is in their download, and goes with their account', async () => {
    const { t, owner } = await setup();
    const me = await t.signedUp();
    const admin = await t.signedUp('reports-admin');
    const empty = await me.get('/api/me/safety-plan');
    expect(empty.body).toMatchObject({ warningSigns: '', coping: '', updatedAt: null });
    const saved = await me.call('PUT', '/api/me/safety-plan', {
      warningSigns: 'Not sleeping; staying in my room',
      helpers: 'My sister, 07700 900123',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ warningSigns: 'Not sleeping; staying in my room', coping: '' });
    expect(saved.body.updatedAt).not.toBeNull();
    // Nobody else, whatever their role, reads it: each reads only their own.
    for (const p of [owner, admin]) expect((await p.get('/api/me/safety-plan')).body.warningSigns).toBe('');
    expect((await t.person().get('/api/me/safety-plan')).status).toBe(401);
    // Bad input by its field; nothing written.
    const long = await me.call('PUT', '/api/me/safety-plan', { coping: 'x'.repeat(2001) });
    expect(long.status).toBe(400);
    expect(long.body.error.fields[0].path).toBe('body.coping');
    expect((await me.call('PUT', '/api/me/safety-plan', { hobbies: 'x' })).status).toBe(400);
    expect((await me.get('/api/me/safety-plan')).body.coping).toBe('');

    expect((await me.get('/api/me/export')).body.safetyPlan).toMatchObject({
      helpers: 'My sister, 07700 900123',
    });
    expect((await me.post('/api/me/delete', { passphrase: 'quiet river morning tea' })).status).toBe(200);
    const again = await t.signedUp();
    // A new account starts with no plan; the old items are gone (read directly from the table).
    expect((await again.get('/api/me/safety-plan')).body.helpers).toBe('');
    const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
    const left = await db.doc.send(
      new GetCommand({ TableName: db.table, Key: { pk: `USER#${me.userId}`, sk: 'SAFETYPLAN' } }),
    );
    expect(left.Item).toBeUndefined();
  });
});
