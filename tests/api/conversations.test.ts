/**
 * "Talk to a facilitator": who can read and write a member's private conversation with the
 * facilitators, and what each side hears.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalation } from '../../functions/jobs/escalation';
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

async function setup() {
  const t = testApp(db);
  const { owner, groupId, join } = await groupWithOwner(t, { supportEscalationMinutes: 5 });
  const facilitator = await join('Alder', 'facilitator');
  const moderator = await join('Kestrel', 'moderator');
  const member = await join('Fern');
  const other = await join('Heron');
  const outsider = await t.signedUp();
  return { t, owner, groupId, facilitator, moderator, member, other, outsider };
}

const notes = async (p: Person) =>
  ((await p.get('/api/me/notifications')).body.items as { kind: string; href: string }[]).filter(
    (n) => n.kind === 'conversation',
  );

describe('conversations with the facilitators', () => {
  it('opens one conversation however often a member asks, tells the facilitators, and each side hears the other', async () => {
    const { owner, groupId, facilitator, moderator, member } = await setup();
    const asked = await Promise.all(
      [1, 2, 3].map(() => member.post(`/api/groups/${groupId}/conversations`, {})),
    );
    expect(asked.map((a) => a.status)).toEqual([201, 201, 201]);
    const ids = new Set(asked.map((a) => a.body.conversationId));
    expect(ids.size).toBe(1);
    const id = asked[0]!.body.conversationId as string;
    expect(asked[0]!.body).toMatchObject({ mine: true, status: 'open', member: { displayName: 'Fern' } });
    // Facilitators and owners hear at once; moderators do not.
    for (const p of [facilitator, owner]) {
      const n = await notes(p);
      expect(n, p.handle).toHaveLength(1);
      expect(n[0]!.href).toBe(`/conversations/${id}`);
    }
    expect(await notes(moderator)).toEqual([]);

    const reply = await facilitator.post(`/api/conversations/${id}/messages`, {
      body: 'Hi Fern, I am here. How are you?',
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ fromGroup: true, mine: true, author: { displayName: 'Alder' } });
    expect(await notes(member)).toHaveLength(1);
    await member.post(`/api/conversations/${id}/messages`, { body: 'Thank you. A bit better.' });
    // The member's answer goes to whoever answered them, not to everyone.
    expect(await notes(facilitator)).toHaveLength(2);
    expect(await notes(owner)).toHaveLength(1);
    const messages = (await member.get(`/api/conversations/${id}/messages`)).body.items;
    expect(messages.map((m: { body: string; fromGroup: boolean }) => [m.fromGroup, m.body])).toEqual([
      [true, 'Hi Fern, I am here. How are you?'],
      [false, 'Thank you. A bit better.'],
    ]);
    const mine = (await member.get('/api/me/conversations')).body.items;
    expect(mine).toMatchObject([
      { conversationId: id, groupName: 'Tuesday Anxiety Circle', messageCount: 2 },
    ]);

    // Closed by the member: no more messages, a clear 409, and a new ask opens a new one.
    expect((await member.post(`/api/conversations/${id}/close`)).status).toBe(200);
    expect((await member.post(`/api/conversations/${id}/close`)).status).toBe(409);
    const late = await facilitator.post(`/api/conversations/${id}/messages`, { body: 'One more thing' });
    expect(late.status).toBe(409);
    expect((await member.get(`/api/conversations/${id}/messages`)).body.items).toHaveLength(2);
    const next = await member.post(`/api/groups/${groupId}/conversations`, { message: 'Can we talk again?' });
    expect(next.body.conversationId).not.toBe(id);
    expect(next.body.messageCount).toBe(1);
  });

  it('answers each relation to the conversation as it may: member, other member, facilitator, moderator, owner, outsider', async () => {
    const { t, owner, groupId, facilitator, moderator, member, other, outsider } = await setup();
    const id = (await member.post(`/api/groups/${groupId}/conversations`, { message: 'Hello' })).body
      .conversationId as string;
    const matrix = async () => {
      const out: Record<string, number[]> = {};
      for (const [name, p] of Object.entries({ member, other, facilitator, moderator, owner, outsider })) {
        out[name] = [
          (await p.get(`/api/conversations/${id}`)).status,
          (await p.get(`/api/conversations/${id}/messages`)).status,
          (await p.get(`/api/groups/${groupId}/conversations`)).body.items?.length ?? -1,
        ];
      }
      return out;
    };
    expect(await matrix()).toEqual({
      member: [200, 200, -1],
      other: [404, 404, -1],
      facilitator: [200, 200, 1],
      moderator: [404, 404, 0],
      owner: [200, 200, 1],
      outsider: [404, 404, -1],
    });
    for (const p of [other, moderator, outsider]) {
      expect((await p.post(`/api/conversations/${id}/messages`, { body: 'Hi' })).status).toBe(404);
      expect((await p.post(`/api/conversations/${id}/close`)).status).toBe(404);
    }
    // A member cannot read a conversation that does not exist any differently.
    const missing = await other.get(`/api/conversations/${groupId}${'0'.repeat(15)}`);
    expect(missing.body).toEqual((await other.get(`/api/conversations/${id}`)).body);

    // After a crisis post nobody takes, the request escalates: moderators may read the conversation.
    await member.post(`/api/groups/${groupId}/threads`, { title: 'Tonight', body: 'I want to kill myself' });
    const second = (await member.post(`/api/groups/${groupId}/conversations`, {})).body.conversationId;
    expect(second).toBe(id);
    t.advance(5 * 60_000);
    await escalation.run({ db, now: t.now() });
    expect((await moderator.get(`/api/conversations/${id}`)).status, 'moderator after escalation').toBe(200);
    expect((await other.get(`/api/conversations/${id}`)).status).toBe(404);
    const request = (await facilitator.get(`/api/groups/${groupId}/support`)).body.items[0];
    expect(request.conversationId).toBe(id);
  });

  it('refuses an empty or oversize message by its field, writing nothing', async () => {
    const { groupId, member } = await setup();
    const id = (await member.post(`/api/groups/${groupId}/conversations`, {})).body.conversationId;
    for (const body of ['', '   ', 'x'.repeat(4001)]) {
      const res = await member.post(`/api/conversations/${id}/messages`, { body });
      expect(res.status).toBe(400);
      expect(res.body.error.fields[0].path).toBe('body.body');
    }
    expect((await member.post(`/api/groups/${groupId}/conversations`, { message: '' })).status).toBe(400);
    expect((await member.get(`/api/conversations/${id}/messages`)).body.items).toEqual([]);
  });
});
