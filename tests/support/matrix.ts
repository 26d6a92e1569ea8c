/**
 * What the authorisation matrices share: a group (public or private, joined by approval) with
 * one person in each relation to it, and a snapshot of the whole table to show a refused call
 * wrote nothing.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import type { Db } from '../../functions/store/client';
import { groupInput, testApp } from './api';

export const RELATIONS = [
  'anonymous',
  'stranger',
  'removed',
  'left',
  'pending',
  'member',
  'facilitator',
  'moderator',
  'owner',
] as const;
export type Relation = (typeof RELATIONS)[number];
/**
 * A facilitator the owners removed and a moderator who left: once out, they are strangers to the
 * group (its staff list, duty hints and prefetches must not remember them).
 */
export const asStranger = <W extends string>(who: W): W | 'stranger' =>
  who === 'removed' || who === 'left' ? 'stranger' : who;

/** Everything in the table but sessions (a request may refresh its own session's idle clock). */
export async function snapshot(db: Db): Promise<string[]> {
  const items: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.doc.send(new ScanCommand({ TableName: db.table, ExclusiveStartKey: start }));
    for (const i of out.Items ?? []) if (!String(i.pk).startsWith('SESSION')) items.push(JSON.stringify(i));
    start = out.LastEvaluatedKey;
  } while (start);
  return items.sort();
}

/**
 * One cell of a matrix: makes the call and returns its row (`… (expected …)` when the answer is
 * not the one wanted). A refused call must write nothing and, given a `secret`, show nothing of it.
 */
export async function cell(
  db: Db,
  label: string,
  want: 'ok' | number,
  call: () => Promise<{ status: number; body: unknown }>,
  secret?: string,
): Promise<string> {
  const before = want === 'ok' ? null : await snapshot(db);
  const res = await call();
  const got = res.status < 300 ? 'ok' : res.status;
  if (want !== 'ok') {
    if (secret) expect(JSON.stringify(res.body), `${label} shows nothing`).not.toContain(secret);
    expect(await snapshot(db), `${label} writes nothing`).toEqual(before);
  }
  return `${label}: ${got}${got === want ? '' : ` (expected ${want})`}`;
}

/**
 * A group and its owner, a way to bring in more people in a given role, and the people of every
 * relation (made when `everyone()` is called, after the scene is set).
 */
export async function groupWithEveryone(
  db: Db,
  visibility: 'public' | 'private',
  config: Parameters<typeof testApp>[1] = {},
) {
  const t = testApp(db, config);
  const owner = await t.signedUp();
  const groupId = (
    await owner.post(
      '/api/groups',
      groupInput({ visibility, joinPolicy: 'approval', name: `Matrix ${visibility}` }),
    )
  ).body.groupId as string;
  const invite = (await owner.post(`/api/groups/${groupId}/invites`, {})).body.token as string;
  const join = async (role?: 'member' | 'facilitator' | 'moderator') => {
    const p = await t.signedUp();
    await p.post(`/api/groups/${groupId}/members`, { acceptGuidelines: true, invite });
    if (role) await owner.patch(`/api/groups/${groupId}/members/${p.userId}`, { status: 'active', role });
    return p;
  };
  const removed = async () => {
    const p = await join('facilitator');
    await owner.patch(`/api/groups/${groupId}/members/${p.userId}`, { status: 'removed' });
    return p;
  };
  const left = async () => {
    const p = await join('moderator');
    await p.del(`/api/groups/${groupId}/members/me`);
    return p;
  };
  const everyone = async (known: Partial<Record<Relation, ReturnType<typeof t.person>>> = {}) =>
    ({
      anonymous: t.person(),
      stranger: await t.signedUp(),
      removed: await removed(),
      left: await left(),
      pending: await join(),
      member: await join('member'),
      facilitator: known.facilitator ?? (await join('facilitator')),
      moderator: await join('moderator'),
      owner,
    }) satisfies Record<Relation, ReturnType<typeof t.person>>;
  return { t, owner, groupId, join, everyone, removed, left };
}

/** A one-off online meetup in the group. */
export async function onlineMeetup(
  owner: Awaited<ReturnType<typeof groupWithEveryone>>['owner'],
  groupId: string,
) {
  const made = await owner.post(`/api/groups/${groupId}/meetups`, {
    title: 'Matrix circle',
    start: '2027-03-16T18:30',
    durationMinutes: 60,
    mode: 'online',
    online: { url: 'https://meet.example/m' },
    capacity: { online: 50 },
  });
  return made.body.occurrences[0].occurrenceId as string;
}
