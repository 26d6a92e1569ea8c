/**
 * The public directory's entries: one per public group in the bucket of every group and in the
 * bucket of each of its focuses (GSI1), carrying what the directory filters by (words, tone,
 * moderation, and how and where its meetups meet), so a filtered page is one Query.
 * @module
 */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { meetingFacets, searchText } from '../../core/groups';
import type { Db } from '../client';
import { alreadyDone, written } from '../conditional';
import { keys } from '../keys';
import { queryPage } from '../paging';
import { GSI1 } from '../table';
import { DIRECTORY_KEYS, directoryPages } from './directory-pages';
import type { GroupRecord } from './group-records';

const buckets = (g: Pick<GroupRecord, 'focus' | 'visibility'>) =>
  g.visibility === 'public' ? ['all', ...g.focus.map((f) => `focus:${f}`)] : [];

type Read = (groupId: string) => Promise<GroupRecord | null>;

export function directoryRepo(db: Db) {
  const { doc, table } = db;

  const entry = (g: GroupRecord, bucket: string) => ({
    ...keys.directoryEntry(g.groupId, bucket),
    [GSI1.partition]: keys.directoryBucket(bucket),
    [GSI1.sort]: `${g.name.normalize('NFKC').toLowerCase().slice(0, 80)}#${g.groupId}`,
    groupId: g.groupId,
    search: searchText(g),
    moderationPolicy: g.moderationPolicy,
    tone: g.tone,
    languages: g.languages ?? ['en'],
    ...meetingFacets(g),
    version: g.version,
    meetsVersion: g.meetsVersion ?? 0,
  });

  /** Writes one entry from `g`; `read` gives the group afresh when the entry holds newer meetings. */
  async function put(g: GroupRecord, bucket: string, read: Read): Promise<void> {
    let from = g;
    // A newer edit's entry stands. One whose meetings were read after ours (followMeets wrote
    // them meanwhile) stands for its meetings: the group is read again, and written with both.
    for (let attempt = 0; attempt < 3; attempt++) {
      if (
        await written(
          doc.send(
            new PutCommand({
              TableName: table,
              Item: entry(from, bucket),
              ConditionExpression:
                'attribute_not_exists(version) OR (version <= :v AND (attribute_not_exists(meetsVersion) OR meetsVersion <= :mv))',
              ExpressionAttributeValues: { ':v': from.version, ':mv': from.meetsVersion ?? 0 },
            }),
          ),
        )
      )
        return;
      const fresh = await read(g.groupId);
      if (!fresh || fresh.version < from.version || (fresh.meetsVersion ?? 0) <= (from.meetsVersion ?? 0))
        return;
      from = fresh;
    }
  }

  return {
    ...directoryPages(db),
    /**
     * Rewrites the group's entries from its state `g` (and removes those of focuses it left).
     * Entries carry the versions they were written from and never overwrite a newer one, so
     * racing edits and schedule changes settle on the last of each.
     */
    async sync(g: GroupRecord, read: Read, previous?: Pick<GroupRecord, 'focus' | 'visibility'>) {
      const wanted = buckets(g);
      const stale = previous ? buckets(previous).filter((b) => !wanted.includes(b)) : [];
      await Promise.all([
        ...wanted.map((bucket) => put(g, bucket, read)),
        ...stale.map((bucket) =>
          doc.send(new DeleteCommand({ TableName: table, Key: keys.directoryEntry(g.groupId, bucket) })),
        ),
      ]);
    },

    /**
     * The entries follow how the group meets, as read at schedule `version`, unless a later read
     * (or an edit that carried one) got there first. An entry is never made here.
     */
    async followMeets(g: GroupRecord, version: number): Promise<void> {
      const { ways, where } = meetingFacets(g);
      await Promise.all(
        buckets(g).map((bucket) =>
          doc
            .send(
              new UpdateCommand({
                TableName: table,
                Key: keys.directoryEntry(g.groupId, bucket),
                UpdateExpression: 'SET ways = :w, #where = :p, meetsVersion = :v',
                ConditionExpression:
                  'attribute_exists(pk) AND (attribute_not_exists(meetsVersion) OR meetsVersion < :v)',
                ExpressionAttributeNames: { '#where': 'where' },
                ExpressionAttributeValues: { ':w': ways, ':p': where, ':v': version },
              }),
            )
            .catch(alreadyDone),
        ),
      );
    },

    /**
     * Gives entries written before they carried how and where their group meets those facets,
     * once (a Query of the directory, never a Scan); returns how many groups it rewrote.
     */
    async upgrade(getGroups: (ids: string[]) => Promise<GroupRecord[]>, read: Read): Promise<number> {
      const mark = keys.upgraded('directory-facets');
      if ((await doc.send(new GetCommand({ TableName: table, Key: mark }))).Item) return 0;
      const bucket = keys.directoryBucket('all');
      let rewritten = 0;
      let cursor: string | undefined;
      do {
        const page = await queryPage(
          db,
          {
            IndexName: GSI1.name,
            KeyConditionExpression: '#p = :b',
            FilterExpression: 'attribute_not_exists(ways)',
            ExpressionAttributeNames: { '#p': GSI1.partition },
            ExpressionAttributeValues: { ':b': bucket },
          },
          {
            limit: 50,
            cursor,
            keyAttributes: DIRECTORY_KEYS,
            partition: { attribute: GSI1.partition, value: bucket },
          },
        );
        for (const g of await getGroups(page.items.map((i) => i.groupId as string))) {
          await this.sync(g, read);
          rewritten++;
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      await doc.send(new PutCommand({ TableName: table, Item: { ...mark, at: new Date().toISOString() } }));
      return rewritten;
    },
  };
}
