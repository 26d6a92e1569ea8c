/**
 * Q&A sessions through the API, against dynalite: organisers ask one of the group's verified
 * professionals, who accepts; members ask (anonymously if they choose: never named to other
 * members nor to the professional, even one who moderates; a moderator sees who, to act), support
 * questions once each however many votes race, at most 3 questions each however many are sent;
 * the professional answers, and the answers stay with the meetup.
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

let admins = 0;
async function setup() {
  const adminHandle = `qa-admin-${++admins}`;
  const t = testApp(db, { admins: [adminHandle] });
  const { owner, groupId, join } = await groupWithOwner(t);
  const pro = (await join('Dr Rowan')) as Person & { userId: string };
  await pro.post('/api/me/professional-application', {
    licenceType: 'Clinical psychologist',
    licenceNumber: 'PYL1',
    jurisdiction: 'UK, HCPC',
  });
  const admin = await t.signedUp(adminHandle);
  expect((await admin.post(`/api/admin/professionals/${pro.userId}/verify`, { verified: true })).status).toBe(
    200,
  );
  const made = await owner.post(`/api/groups/${groupId}/meetups`, {
    title: 'Ask about sleep',
    start: '2026-12-10T18:30',
    durationMinutes: 60,
    mode: 'online',
    online: { url: 'https://meet.example/sleep' },
    capacity: { online: 40 },
  });
  const occurrenceId = made.body.occurrences[0].occurrenceId as string;
  return { t, owner, groupId, join, pro, occurrenceId };
}

describe('Q&A sessions', () => {
  it('are offered to a verified professional of the group, who accepts; the page names them and their field', async () => {
    const { owner, join, pro, occurrenceId } = await setup();
    const member = await join('Wren');
    const notPro = await join('Ash');
    const refused = await owner.call('PUT', `/api/occurrences/${occurrenceId}/qa`, {
      professionalId: (notPro as Person & { userId: string }).userId,
    });
    expect([refused.status, refused.body.error.fields[0].path]).toEqual([409, 'body.professionalId']);
    expect(
      (await member.call('PUT', `/api/occurrences/${occurrenceId}/qa`, { professionalId: pro.userId }))
        .status,
    ).toBe(403);
    expect(
      (await owner.call('PUT', `/api/occurrences/${occurrenceId}/qa`, { professionalId: pro.userId })).status,
    ).toBe(200);
    // Invited: members do not see it yet; the professional is told, and sees it.
    expect((await member.get(`/api/occurrences/${occurrenceId}/qa`)).body).toEqual({ qa: null });
    const told = (
      (await pro.get('/api/me/notifications')).body.items as { text: string; href: string }[]
    ).find((n) => n.text.includes('asks you to answer'));
    expect(told?.text).toMatch(/asks you to answer members’ questions at “Ask about sleep”/);
    expect(told?.href).toBe(`/occurrences/${occurrenceId}`);
    const room = async (p: Person) => (await p.get(`/api/occurrences/${occurrenceId}`)).body.online.url;
    expect(await room(pro)).toBeNull();
    expect((await member.post(`/api/occurrences/${occurrenceId}/qa/accept`)).status).toBe(403);
    expect((await member.post(`/api/occurrences/${occurrenceId}/qa/decline`)).status).toBe(403);
    expect((await pro.post(`/api/occurrences/${occurrenceId}/qa/accept`)).status).toBe(200);
    // Having accepted, the professional is told where it meets, as those with a place are.
    expect([await room(pro), await room(member)]).toEqual(['https://meet.example/sleep', null]);
    expect((await member.get(`/api/occurrences/${occurrenceId}/qa`)).body.qa).toEqual({
      professional: {
        userId: pro.userId,
        displayName: 'Dr Rowan',
        licenceType: 'Clinical psychologist',
        jurisdiction: 'UK, HCPC',
      },
      status: 'accepted',
      mine: false,
    });
    // The organisers may withdraw it; a member may not.
    expect((await member.del(`/api/occurrences/${occurrenceId}/qa`)).status).toBe(403);
    expect((await owner.del(`/api/occurrences/${occurrenceId}/qa`)).status).toBe(200);
    expect((await member.get(`/api/occurrences/${occurrenceId}/qa`)).body).toEqual({ qa: null });
    expect(await room(pro)).toBeNull();
    // Asked again, accepted, then declined after all: no longer told where.
    await owner.call('PUT', `/api/occurrences/${occurrenceId}/qa`, { professionalId: pro.userId });
    await pro.post(`/api/occurrences/${occurrenceId}/qa/accept`);
    expect(await room(pro)).toBe('https://meet.example/sleep');
    expect((await pro.post(`/api/occurrences/${occurrenceId}/qa/decline`)).status).toBe(200);
    expect(await room(pro)).toBeNull();
  });

  it('keeps an anonymous question’s author from members and the professional; orders by votes, counted once', async () => {
    const { owner, join, pro, occurrenceId, groupId } = await setup();
    await owner.call('PUT', `/api/occurrences/${occurrenceId}/qa`, { professionalId: pro.userId });
    await pro.post(`/api/occurrences/${occurrenceId}/qa/accept`);
    // The professional moderates too: still, they never learn who asked.
    await owner.patch(`/api/groups/${groupId}/members/${pro.userId}`, { role: 'moderator' });
    const shy = (await join('Shy')) as Person & { userId: string };
    const open = await join('Open');
    const others = await Promise.all([join(), join(), join()]);
    expect(
      (
        await shy.post(`/api/occurrences/${occurrenceId}/questions`, {
          body: 'Is it normal to wake at 4am?',
          anonymous: true,
        })
      ).status,
    ).toBe(201);
    expect(
      (await open.post(`/api/occurrences/${occurrenceId}/questions`, { body: 'Do sleep apps help?' })).status,
    ).toBe(201);
    const list = async (p: Person) => (await p.get(`/api/occurrences/${occurrenceId}/questions`)).body;
    const anon = (l: { items: { body: string; askedBy: string | null }[] }) =>
      l.items.find((q) => q.body.startsWith('Is it normal'))!;
    for (const viewer of [open, pro, ...others]) {
      const seen = await list(viewer);
      expect(anon(seen).askedBy).toBeNull();
      expect(JSON.stringify(seen)).not.toContain('Shy');
      expect(JSON.stringify(seen)).not.toContain(shy.userId);
    }
    expect(anon(await list(shy))).toMatchObject({ askedBy: 'Shy', mine: true });
    expect(anon(await list(owner))).toMatchObject({ askedBy: 'Shy' }); // a moderator, to act on it
    // Votes: everyone supports the anonymous one, many times at once; once each counts.
    const anonId = (anon(await list(open)) as unknown as { questionId: string }).questionId;
    await Promise.all(
      [open, ...others].flatMap((p) =>
        Array.from({ length: 4 }, () => p.call('PUT', `/api/questions/${anonId}/vote`)),
      ),
    );
    // Its asker's support is not asked for: their question is asked already.
    const own = await shy.call('PUT', `/api/questions/${anonId}/vote`);
    expect([own.status, own.body.error.key]).toEqual([409, 'notYourOwnQuestion']);
    const ordered = await list(open);
    expect(ordered.items.map((q: { body: string; votes: number }) => [q.body, q.votes])).toEqual([
      ['Is it normal to wake at 4am?', 4],
      ['Do sleep apps help?', 0],
    ]);
    expect(ordered.items[0].voted).toBe(true);
    expect((await open.del(`/api/questions/${anonId}/vote`)).status).toBe(200);
    expect((await list(open)).items[0]).toMatchObject({ votes: 3, voted: false });
    // The professional answers; members see the answer with the question.
    expect((await open.post(`/api/questions/${anonId}/answer`, { answer: 'Yes' })).status).toBe(403);
    expect(
      (await pro.post(`/api/questions/${anonId}/answer`, { answer: 'Often, yes. A steady wake time helps.' }))
        .status,
    ).toBe(200);
    expect((await list(shy)).items[0]).toMatchObject({
      answered: true,
      answer: 'Often, yes. A steady wake time helps.',
    });
    expect((await list(pro)).answers).toBe(true);
    // The one who asked hears of it; whoever asked the professional heard they accepted.
    const texts = async (p: Person) =>
      ((await p.get('/api/me/notifications')).body.items as { text: string }[]).map((n) => n.text);
    expect(await texts(shy)).toContain('Your question at “Ask about sleep” was answered.');
    expect(
      (await texts(owner)).some((x) => /^Dr Rowan accepted: “Ask about sleep” on .* is a Q&A\./.test(x)),
    ).toBe(true);
  });

  it('are in their asker’s download, and erased with their account', async () => {
    const { owner, join, pro, occurrenceId } = await setup();
    await owner.call('PUT', `/api/occurrences/${occurrenceId}/qa`, { professionalId: pro.userId });
    await pro.post(`/api/occurrences/${occurrenceId}/qa/accept`);
    const leaving = (await join('Leaving')) as Person & { userId: string };
    const stays = await join('Stays');
    await leaving.post(`/api/occurrences/${occurrenceId}/questions`, {
      body: 'My own worry',
      anonymous: true,
    });
    expect((await leaving.get('/api/me/export')).body.questionsAtQas).toEqual([
      expect.objectContaining({ body: 'My own worry', anonymously: true, answer: null }),
    ]);
    const gone = await leaving.post('/api/me/delete', { passphrase: 'quiet river morning tea' });
    expect(gone.status, JSON.stringify(gone.body)).toBe(200);
    const seen = (await stays.get(`/api/occurrences/${occurrenceId}/questions`)).body.items;
    expect(seen).toEqual([]);
    // A question taken down by its asker leaves the list too.
    await stays.post(`/api/occurrences/${occurrenceId}/questions`, { body: 'Second thoughts' });
    const mine = (await stays.get(`/api/occurrences/${occurrenceId}/questions`)).body.items[0];
    expect((await stays.post(`/api/questions/${mine.questionId}/hide`)).status).toBe(200);
    expect((await stays.get(`/api/occurrences/${occurrenceId}/questions`)).body.items).toEqual([]);
    // Nothing of theirs is left in what the Q&A keeps.
    const items = JSON.stringify(
      ((await db.doc.send(new ScanCommand({ TableName: db.table }))).Items ?? []).filter((i) =>
        /^(QUESTION|QCOUNT|QA)#/.test(String(i.sk)),
      ),
      (_k, v) => (v instanceof Set ? [...v] : v),
    );
    expect(items).not.toContain('My own worry');
    expect(items).not.toContain(leaving.userId);
  });

  it('takes at most 3 questions from a member, however many are sent at once, and none after it ends', async () => {
    const { t, owner, join, pro, occurrenceId } = await setup();
    await owner.call('PUT', `/api/occurrences/${occurrenceId}/qa`, { professionalId: pro.userId });
    await pro.post(`/api/occurrences/${occurrenceId}/qa/accept`);
    const keen = await join();
    const sent = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        keen.post(`/api/occurrences/${occurrenceId}/questions`, { body: `Question ${i}` }),
      ),
    );
    expect(sent.filter((r) => r.status === 201)).toHaveLength(3);
    expect(sent.find((r) => r.status === 409)!.body.error).toMatchObject({
      key: 'youHaveAskedQuestions',
      values: { count: 3 },
    });
    t.advance(Date.parse('2026-12-10T19:31:00Z') - t.now());
    const late = await (await join()).post(`/api/occurrences/${occurrenceId}/questions`, {
      body: 'Too late?',
    });
    expect([late.status, late.body.error.key]).toEqual([409, 'thisQaHasEnded']);
  });
});
