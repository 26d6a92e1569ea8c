/**
 * The directory's "How" and "Where" filters: a group is found by the ways its upcoming meetups
 * meet and by its town or region (or a neighbourhood its meetups in person name), as its schedule
 * and its edits change them, also when both change at once; entries written before the filters
 * existed are given them once by the jobs.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingFacets } from '../../functions/core/groups';
import { directoryFacets } from '../../functions/jobs/directory-facets';
import type { Db } from '../../functions/store/client';
import { keys } from '../../functions/store/keys';
import { fromItem } from '../../functions/store/repos/group-records';
import { groupsRepo } from '../../functions/store/repos/groups';
import { groupInput, testApp } from '../support/api';
import { freshDb } from '../support/db';

let db: Db;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ db, stop } = await freshDb());
});
afterAll(() => stop());

const meetup = (mode: 'in_person' | 'online' | 'hybrid', over: Record<string, unknown> = {}) => ({
  title: 'Evening circle',
  start: '2027-03-16T18:30',
  durationMinutes: 90,
  mode,
  ...(mode !== 'online'
    ? { venue: { name: 'Room', address: '1 Park Row', neighbourhood: 'Headingley', access: [] } }
    : {}),
  ...(mode !== 'in_person' ? { online: { url: 'https://meet.example/circle' } } : {}),
  capacity: { ...(mode !== 'online' ? { inPerson: 5 } : {}), ...(mode !== 'in_person' ? { online: 5 } : {}) },
  ...over,
});

async function setup(name: string) {
  const t = testApp(db);
  const owner = await t.signedUp();
  const groupId = (await owner.post('/api/groups', groupInput({ name }))).body.groupId as string;
  const visitor = t.person();
  /** Whether the directory, searched for the group's name with these filters, finds it. */
  const found = async (filters: string) => {
    const res = await visitor.get(`/api/groups?q=${encodeURIComponent(name)}&${filters}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items.some((g: { groupId: string }) => g.groupId === groupId);
  };
  return { t, owner, groupId, found };
}

describe('the directory by how and where a group meets', () => {
  it('follows the schedule and the group’s area', async () => {
    const { owner, groupId, found } = await setup('Finder circle one');
    expect(await found('')).toBe(true);
    expect(await found('meets=online')).toBe(false);
    expect(await found('near=leeds')).toBe(false);

    expect((await owner.patch(`/api/groups/${groupId}`, { area: 'Leeds, West Yorkshire' })).status).toBe(200);
    expect(await found('near=LEEDS')).toBe(true);
    expect(await found('near=west%20%20yorkshire')).toBe(true);
    // Word for word: York is not Yorkshire.
    expect(await found('near=york')).toBe(false);
    expect(await found('near=leeds%2C')).toBe(true);
    expect(await found('near=bristol')).toBe(false);
    expect((await owner.get(`/api/groups/${groupId}`)).body.area).toBe('Leeds, West Yorkshire');

    await owner.post(`/api/groups/${groupId}/meetups`, meetup('online'));
    expect(await found('meets=online')).toBe(true);
    expect(await found('meets=in_person')).toBe(false);
    expect(await found('meets=hybrid')).toBe(false);

    const both = await owner.post(
      `/api/groups/${groupId}/meetups`,
      meetup('hybrid', { start: '2027-03-18T18:30' }),
    );
    expect(both.status, JSON.stringify(both.body)).toBe(201);
    expect(await found('meets=hybrid')).toBe(true);
    expect(await found('meets=in_person&near=headingley')).toBe(true);

    // An edit keeps what the schedule said.
    expect((await owner.patch(`/api/groups/${groupId}`, { tone: 'social' })).status).toBe(200);
    expect(await found('meets=hybrid&tone=social')).toBe(true);

    // Cancelled, the hybrid meetup no longer counts; the area still does.
    await owner.post(`/api/occurrences/${both.body.occurrences[0].occurrenceId}/cancel`, {
      reason: 'Room shut',
    });
    expect(await found('meets=in_person')).toBe(false);
    expect(await found('near=headingley')).toBe(false);
    expect(await found('meets=online&near=leeds')).toBe(true);

    // Cleared, the area no longer finds it.
    expect((await owner.patch(`/api/groups/${groupId}`, { area: null })).status).toBe(200);
    expect(await found('near=leeds')).toBe(false);
  });

  it('refuses a way it does not know, and a place too short to mean anything', async () => {
    const { t } = await setup('Finder circle two');
    const bad = await t.person().get('/api/groups?meets=by_post&near=x');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([
      { path: 'query.meets', message: 'Choose one of the options', key: 'chooseOneOfTheOptions' },
      { path: 'query.near', message: 'Use at least 2 characters', key: 'useAtLeast2Characters' },
    ]);
  });

  it('ends with the facets of the group’s last state when edits and meetups race', async () => {
    const { owner, groupId, found } = await setup('Finder circle three');
    const edits = Array.from({ length: 6 }, (_, i) =>
      owner.patch(`/api/groups/${groupId}`, { area: `Town ${i}`, description: `Version ${i} of the group.` }),
    );
    const meetups = Array.from({ length: 6 }, (_, i) =>
      owner.post(
        `/api/groups/${groupId}/meetups`,
        meetup(i % 2 ? 'in_person' : 'online', { start: `2027-04-${10 + i}T18:30` }),
      ),
    );
    await Promise.all([...edits, ...meetups]);
    const group = await db.doc.send(
      new GetCommand({
        TableName: db.table,
        Key: keys.group(groupId),
        ConsistentRead: true,
      }),
    );
    const want = meetingFacets(fromItem(group.Item!));
    expect(want.ways).toEqual(['in_person', 'online']);
    for (const bucket of ['all', 'focus:anxiety']) {
      const entry = await db.doc.send(
        new GetCommand({
          TableName: db.table,
          Key: keys.directoryEntry(groupId, bucket),
          ConsistentRead: true,
        }),
      );
      expect({ ways: entry.Item!.ways, where: entry.Item!.where }).toEqual(want);
    }
    expect(await found('meets=in_person')).toBe(true);
    expect(await found(`near=${encodeURIComponent(group.Item!.area)}`)).toBe(true);
  });

  it('an edit written as the schedule changes keeps the schedule’s facets (the interleaving forced)', async () => {
    const { t, groupId, found } = await setup('Finder circle five');
    const repo = groupsRepo(db);
    const before = (await repo.getGroup(groupId))!;
    const version = await repo.touchSchedule(groupId, t.now());
    const meets = {
      inPerson: true,
      online: false,
      places: ['Headingley'],
      starts: [Date.parse('2027-03-16T18:30Z')],
      modes: ['in_person' as const],
    };
    // The edit has read the group (no meetings yet); its first directory write waits while the
    // schedule's change writes the group and its entries.
    let forced = false;
    const send = db.doc.send.bind(db.doc) as (command: unknown) => Promise<unknown>;
    const racing = {
      ...db,
      doc: {
        send: async (command: unknown) => {
          const item = command instanceof PutCommand ? command.input.Item : undefined;
          if (!forced && typeof item?.sk === 'string' && item.sk.startsWith('DIR#')) {
            forced = true;
            await repo.setMeets(groupId, version, meets);
          }
          return send(command);
        },
      },
    } as unknown as Db;
    expect(
      await groupsRepo(racing).updateGroup(before, { description: 'Edited as the schedule changed.' }),
    ).not.toBeNull();
    expect(forced).toBe(true);
    expect(await found('meets=in_person&near=headingley')).toBe(true);
  });

  it('gives entries written before the filters their facets, once', async () => {
    const { t, owner, groupId, found } = await setup('Finder circle four');
    await owner.post(`/api/groups/${groupId}/meetups`, meetup('in_person'));
    // As an entry written before: no facets.
    for (const bucket of ['all', 'focus:anxiety'])
      await db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: keys.directoryEntry(groupId, bucket),
          UpdateExpression: 'REMOVE ways, #where, meetsVersion',
          ExpressionAttributeNames: { '#where': 'where' },
        }),
      );
    expect(await found('meets=in_person')).toBe(false);
    const rewritten = await directoryFacets.run({ db, now: t.now() });
    expect(rewritten).toBeGreaterThanOrEqual(1);
    expect(await found('meets=in_person')).toBe(true);
    expect(await found('near=headingley')).toBe(true);
    expect(await directoryFacets.run({ db, now: t.now() })).toBe(0);
  });
});

describe('the directory by language', () => {
  it('finds a group by the languages it says it meets in; one that never said is English', async () => {
    const { owner, groupId, found } = await setup('Finder circle languages');
    expect(await found('language=en')).toBe(true);
    expect(await found('language=es')).toBe(false);

    const changed = await owner.patch(`/api/groups/${groupId}`, { languages: ['es', 'en'] });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.languages).toEqual(['es', 'en']);
    expect(await found('language=es')).toBe(true);
    expect(await found('language=en')).toBe(true);
    expect(await found('language=fr')).toBe(false);

    expect((await owner.patch(`/api/groups/${groupId}`, { languages: ['fr'] })).status).toBe(200);
    expect(await found('language=fr')).toBe(true);
    expect(await found('language=en')).toBe(false);
  });

  it('counts an entry written before groups said their language as English', async () => {
    const { groupId, found } = await setup('Finder circle old entry');
    await db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.directoryEntry(groupId, 'all'),
        UpdateExpression: 'REMOVE languages',
      }),
    );
    expect(await found('language=en')).toBe(true);
    expect(await found('language=de')).toBe(false);
  });

  it('refuses a language that is not one, by its field', async () => {
    const { owner, groupId, t } = await setup('Finder circle bad language');
    const bad = await owner.patch(`/api/groups/${groupId}`, { languages: ['xx'] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('body.languages.0');
    const none = await owner.patch(`/api/groups/${groupId}`, { languages: [] });
    expect(none.body.error.fields[0]).toMatchObject({
      path: 'body.languages',
      message: 'Give at least one language',
    });
    expect((await t.person().get('/api/groups?language=klingon')).status).toBe(400);
  });
});
