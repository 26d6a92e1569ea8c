/**
 * The safety loop through the API: a crisis post opens one support request and tells exactly the
 * people who should hear, one of them takes it, what was done is recorded, and a request nobody
 * takes goes to moderators and owners once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalation } from '../../functions/jobs/escalation';
import type { Db } from '../../functions/store/client';
import { groupInput, groupWithOwner, testApp } from '../support/api';
import { freshDb } from '../support/db';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

const CRISIS = 'Some nights I think about killing myself';
type Person = Awaited<ReturnType<ReturnType<typeof testApp>['signedUp']>>;

/** A group with an owner, a moderator, two facilitators and two members. */
async function setup(over: Record<string, unknown> = {}) {
  const t = testApp(db);
  const { owner, groupId, join } = await groupWithOwner(t, over);
  const mod = await join('Kestrel', 'moderator');
  const facA = await join('Alder', 'facilitator');
  const facB = await join('Birch', 'facilitator');
  const author = await join('Fern');
  const other = await join('Heron');
  return { t, owner, groupId, mod, facA, facB, author, other, join };
}

const kinds = async (p: Person, kind = 'support') =>
  (
    (await p.get('/api/me/notifications')).body.items as { kind: string; href: string; text: string }[]
  ).filter((n) => n.kind === kind);

describe('support requests', () => {
  for (const policy of [
    { name: 'an open group', over: {} },
    { name: 'an approval group', over: { joinPolicy: 'approval' } },
    { name: 'a private group', over: { visibility: 'private', joinPolicy: 'invite' } },
  ]) {
    it(`a crisis post in ${policy.name} opens one request and tells every facilitator, moderator and owner, and no member`, async () => {
      const { owner, groupId, mod, facA, facB, author, other } = await setup(policy.over);
      const started = await author.post(`/api/groups/${groupId}/threads`, { title: 'Tonight', body: CRISIS });
      expect(started.status, JSON.stringify(started.body)).toBe(201);
      expect(started.body.signpost).toMatchObject({ groupId, safetyPlan: '/me/safety-plan' });
      // Told at once, on the very next request, with a link to act on.
      for (const p of [owner, mod, facA, facB]) {
        const notes = await kinds(p);
        expect(notes, p.handle).toHaveLength(1);
        expect(notes[0]!.href).toMatch(new RegExp(`^/groups/${groupId}/support#request-`));
        expect(notes[0]!.text).toContain('Fern');
      }
      for (const p of [author, other]) expect(await kinds(p)).toEqual([]);
      const queue = await facA.get(`/api/groups/${groupId}/support`);
      expect(queue.body.items).toHaveLength(1);
      expect(queue.body.items[0]).toMatchObject({
        member: { displayName: 'Fern' },
        status: 'open',
        matchCount: 1,
        takenBy: null,
        posts: [{ postId: started.body.post.postId, excerpt: CRISIS }],
      });
      // Members, the author included, never see a request.
      for (const p of [author, other]) {
        expect((await p.get(`/api/groups/${groupId}/support`)).status).toBe(404);
        const id = queue.body.items[0].requestId;
        expect((await p.get(`/api/support/${id}`)).status).toBe(404);
        expect((await p.post(`/api/support/${id}/take`)).status).toBe(404);
      }
      // A second match adds to the same request, it does not open another.
      const threadId = started.body.thread.threadId;
      expect(
        (await author.post(`/api/threads/${threadId}/posts`, { body: 'i want to end it all' })).status,
      ).toBe(201);
      const again = (await facA.get(`/api/groups/${groupId}/support`)).body.items;
      expect(again).toHaveLength(1);
      expect(again[0].matchCount).toBe(2);
      expect(again[0].posts).toHaveLength(2);
      expect(await kinds(facB)).toHaveLength(1);
    });
  }

  it('tells only those on duty for the next meetup when its roster has them', async () => {
    const { owner, groupId, facA, facB, mod, author, join } = await setup();
    const made = await owner.post(`/api/groups/${groupId}/meetups`, {
      title: 'Circle',
      start: '2027-03-16T18:30',
      durationMinutes: 90,
      mode: 'online',
      online: { url: 'https://meet.example/c' },
      capacity: { online: 10 },
    });
    expect(made.status).toBe(201);
    const occ = made.body.occurrences[0].occurrenceId;
    await owner.call('PUT', `/api/groups/${groupId}/facilitators/${facB.userId}`, {
      trainedOn: '2026-09-01',
    });
    const put = await owner.call('PUT', `/api/occurrences/${occ}/roster/lead`, { userId: facB.userId });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    await author.post(`/api/groups/${groupId}/threads`, { title: 'Hard day', body: CRISIS });
    expect(await kinds(facB)).toHaveLength(1);
    for (const p of [owner, mod, facA]) expect(await kinds(p)).toEqual([]);

    // An earlier meetup is scheduled with someone else on duty: they are on duty now.
    const sooner = await owner.post(`/api/groups/${groupId}/meetups`, {
      title: 'Drop-in',
      start: '2027-03-02T18:30',
      durationMinutes: 60,
      mode: 'online',
      online: { url: 'https://meet.example/d' },
      capacity: { online: 10 },
    });
    await owner.call('PUT', `/api/groups/${groupId}/facilitators/${facA.userId}`, {
      trainedOn: '2026-09-01',
    });
    await owner.call('PUT', `/api/occurrences/${sooner.body.occurrences[0].occurrenceId}/roster/lead`, {
      userId: facA.userId,
    });
    const other = await join('Linnet');
    await other.post(`/api/groups/${groupId}/threads`, { title: 'Me too', body: CRISIS });
    expect(await kinds(facA)).toHaveLength(1);
    expect(await kinds(facB)).toHaveLength(1);
    // And once it is cancelled, the later one's facilitator is on duty again.
    await owner.post(`/api/occurrences/${sooner.body.occurrences[0].occurrenceId}/cancel`, {
      reason: 'Room closed',
    });
    const third = await join('Tern');
    await third.post(`/api/groups/${groupId}/threads`, { title: 'Again', body: CRISIS });
    expect(await kinds(facB)).toHaveLength(2);
    expect(await kinds(facA)).toHaveLength(1);
  });

  it('opens a request when an edit matches, and "constructor" is only a word', async () => {
    const { groupId, facA, author } = await setup();
    const calm = await author.post(`/api/groups/${groupId}/threads`, {
      title: 'The constructor of my week',
      body: 'The constructor __proto__ toString hasOwnProperty of my week was calm',
    });
    expect(calm.status, JSON.stringify(calm.body)).toBe(201);
    expect(calm.body.signpost).toBeNull();
    expect(await kinds(facA)).toEqual([]);
    const edited = await author.patch(`/api/posts/${calm.body.post.postId}`, {
      body: `constructor. ${CRISIS}`,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.signpost).not.toBeNull();
    expect(await kinds(facA)).toHaveLength(1);
  });

  it('opens one request however many crisis posts arrive at once', async () => {
    const { groupId, facA, author } = await setup();
    const t0 = await author.post(`/api/groups/${groupId}/threads`, { title: 'Here', body: 'hello' });
    const threadId = t0.body.thread.threadId;
    const posts = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        author.post(`/api/threads/${threadId}/posts`, { body: `${CRISIS} (${i})` }),
      ),
    );
    expect(posts.map((p) => p.status)).toEqual(Array(6).fill(201));
    const queue = (await facA.get(`/api/groups/${groupId}/support`)).body.items;
    expect(queue).toHaveLength(1);
    expect(queue[0].matchCount).toBe(6);
    expect(await kinds(facA)).toHaveLength(1);
  });

  it('tells each person once when posts a moment apart race to open the request', async () => {
    const { t, groupId, facA, author } = await setup();
    const t0 = await author.post(`/api/groups/${groupId}/threads`, { title: 'Here', body: 'hello' });
    const threadId = t0.body.thread.threadId;
    // The same member through three servers whose clocks stand a few milliseconds apart.
    const servers = [3, 7, 11].map((ms) => {
      const other = testApp(db);
      other.advance(t.now() - other.now() + ms);
      const p = other.person();
      p.cookie = author.cookie;
      return p;
    });
    const posts = await Promise.all(
      servers.map((p, i) => p.post(`/api/threads/${threadId}/posts`, { body: `${CRISIS} (${i})` })),
    );
    expect(posts.map((p) => p.status)).toEqual([201, 201, 201]);
    expect((await facA.get(`/api/groups/${groupId}/support`)).body.items).toHaveLength(1);
    expect(await kinds(facA)).toHaveLength(1);
  });

  it('is taken by exactly one of many racing "I’m on it"s; the others see who; then recorded and closed', async () => {
    const { t, owner, groupId, mod, facA, facB, author } = await setup();
    await author.post(`/api/groups/${groupId}/threads`, { title: 'Tonight', body: CRISIS });
    const [request] = (await facA.get(`/api/groups/${groupId}/support`)).body.items;
    const id = request.requestId;
    t.advance(1000);
    const takers = [owner, mod, facA, facB, facA, facB, owner, mod];
    const answers = await Promise.all(takers.map((p) => p.post(`/api/support/${id}/take`)));
    const won = answers.filter((a) => a.status === 200);
    expect(won).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(takers.length - 1);
    const winner = won[0]!.body.takenBy.displayName;
    for (const lost of answers.filter((a) => a.status === 409))
      expect(lost.body.error.message).toContain(`${winner} has already taken`);
    expect((await facB.get(`/api/support/${id}`)).body).toMatchObject({
      status: 'taken',
      takenBy: { displayName: winner },
    });

    t.advance(1000);
    const noted = await facA.post(`/api/support/${id}/actions`, {
      action: 'reached_out',
      note: 'Sent a message',
    });
    expect(noted.status).toBe(200);
    expect(noted.body.actions).toMatchObject([
      { action: 'reached_out', note: 'Sent a message', by: { displayName: 'Alder' } },
    ]);
    expect((await facA.post(`/api/support/${id}/actions`, { action: 'hugged' })).status).toBe(400);
    expect(
      (await facA.post(`/api/support/${id}/actions`, { action: 'reached_out', note: 'x'.repeat(1001) }))
        .status,
    ).toBe(400);
    t.advance(1000);
    const closed = await facB.post(`/api/support/${id}/close`, { action: 'crisis_lines' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed' });
    // Closing a closed request, or noting on it: a clear 409, nothing written.
    expect((await facA.post(`/api/support/${id}/close`, { action: 'no_action' })).status).toBe(409);
    expect((await facA.post(`/api/support/${id}/actions`, { action: 'no_action' })).status).toBe(409);
    expect((await facA.get(`/api/groups/${groupId}/support`)).body.items).toEqual([]);
    const done = (await facA.get(`/api/groups/${groupId}/support?status=closed`)).body.items;
    expect(done).toHaveLength(1);
    expect(done[0].actions.map((a: { action: string }) => a.action)).toEqual(['reached_out', 'crisis_lines']);
    // Everything is in the owners' log.
    const log = (await owner.get(`/api/groups/${groupId}/audit`)).body.items.map(
      (a: { action: string }) => a.action,
    );
    expect(log).toEqual(['support_closed', 'support_action', 'support_taken', 'support_opened']);
    // The next match opens a new request.
    await author.post(`/api/groups/${groupId}/threads`, { title: 'Again', body: CRISIS });
    expect((await facA.get(`/api/groups/${groupId}/support`)).body.items).toHaveLength(1);
  });

  it('404s a request id that does not exist, exactly as one the caller may not see', async () => {
    const { groupId, facA, other, author } = await setup();
    await author.post(`/api/groups/${groupId}/threads`, { title: 'Tonight', body: CRISIS });
    const [request] = (await facA.get(`/api/groups/${groupId}/support`)).body.items;
    const missing = `${groupId}${'A'.repeat(22)}0001`;
    const hidden = await other.get(`/api/support/${request.requestId}`);
    const absent = await facA.get(`/api/support/${missing}`);
    expect(hidden.status).toBe(404);
    expect(absent.status).toBe(404);
    expect(hidden.body).toEqual(absent.body);
  });
});

describe('escalation', () => {
  it('tells every moderator and owner, once, when nobody takes a request in the group’s time', async () => {
    const { t, owner, groupId, mod, facA, author } = await setup({ supportEscalationMinutes: 10 });
    await author.post(`/api/groups/${groupId}/threads`, { title: 'Tonight', body: CRISIS });
    const [{ requestId }] = (await mod.get(`/api/groups/${groupId}/support`)).body.items;
    t.advance(9 * 60_000);
    expect(await escalation.run({ db, now: t.now() })).not.toContain(requestId);
    t.advance(61_000);
    expect(await escalation.run({ db, now: t.now() })).toContain(requestId);
    // Two runs at once, and one later: nobody is told twice.
    const racing = await Promise.all([
      escalation.run({ db, now: t.now() }),
      escalation.run({ db, now: t.now() }),
    ]);
    expect(racing.flat()).not.toContain(requestId);
    t.advance(60_000);
    expect(await escalation.run({ db, now: t.now() })).not.toContain(requestId);
    for (const p of [owner, mod]) {
      const notes = await kinds(p, 'escalated');
      expect(notes, p.handle).toHaveLength(1);
      expect(notes[0]!.text).toContain('10 minutes');
    }
    expect(await kinds(facA, 'escalated')).toEqual([]);
    const [request] = (await mod.get(`/api/groups/${groupId}/support`)).body.items;
    expect(request.escalatedAt).not.toBeNull();
    const log = (await owner.get(`/api/groups/${groupId}/audit`)).body.items;
    expect(log.filter((a: { action: string }) => a.action === 'support_escalated')).toHaveLength(1);
    expect(log[0].actor.displayName).toBe('Hearth');
  });

  it('tells nobody twice when two runs of the job escalate the same request at once', async () => {
    const { t, owner, groupId, mod, author } = await setup({ supportEscalationMinutes: 5 });
    await author.post(`/api/groups/${groupId}/threads`, { title: 'Tonight', body: CRISIS });
    const [{ requestId }] = (await mod.get(`/api/groups/${groupId}/support`)).body.items;
    t.advance(5 * 60_000);
    const runs = await Promise.all([1, 2, 3].map(() => escalation.run({ db, now: t.now() })));
    expect(runs.flat()).toContain(requestId);
    for (const p of [owner, mod]) expect(await kinds(p, 'escalated'), p.handle).toHaveLength(1);
    const log = (await owner.get(`/api/groups/${groupId}/audit`)).body.items;
    expect(log.filter((a: { action: string }) => a.action === 'support_escalated')).toHaveLength(1);
  });

  it('does not escalate a request someone took', async () => {
    const { t, groupId, mod, facA, author } = await setup();
    await author.post(`/api/groups/${groupId}/threads`, { title: 'Tonight', body: CRISIS });
    const [request] = (await facA.get(`/api/groups/${groupId}/support`)).body.items;
    expect((await facA.post(`/api/support/${request.requestId}/take`)).status).toBe(200);
    t.advance(31 * 60_000);
    expect(await escalation.run({ db, now: t.now() })).not.toContain(request.requestId);
    expect(await kinds(mod, 'escalated')).toEqual([]);
  });

  it('refuses an escalation time outside 5 to 240 minutes, by its field', async () => {
    const t = testApp(db);
    const owner = await t.signedUp();
    for (const minutes of [4, 241, 12.5]) {
      const res = await owner.post('/api/groups', groupInput({ supportEscalationMinutes: minutes }));
      expect(res.status).toBe(400);
      expect(res.body.error.fields[0].path).toBe('body.supportEscalationMinutes');
    }
  });
});
