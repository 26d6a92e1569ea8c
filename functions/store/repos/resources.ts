/**
 * The resource directory in DynamoDB. Each listing is one item in its directory's partition
 * (`RESOURCES#global` or `RESOURCES#<groupId>`), indexed (GSI1) by when it next needs review, or,
 * while it is a suggestion, by when it was suggested: reviewers' queues are a range of an index.
 * A listed resource also has directory entries, copies of it under each facet people filter by
 * (all, its category, its region, its cost, each of its languages), sorted by title: a search
 * reads the narrowest facet it was given and filters the rest, never scanning. Entries carry the
 * listing's version and never overwrite a newer one.
 * @module
 */

import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { CRISIS_REGIONS, type CrisisLine, crisisLineListing, type RegionCode } from '../../core/crisis-lines';
import { reviewDueAt, searchable } from '../../core/resources';
import { iso } from '../../core/time';
import { getMany, keyOf, putMany } from '../batch';
import type { Db } from '../client';
import { alreadyDone, written } from '../conditional';
import { keys } from '../keys';
import { GSI1 } from '../table';
import { professionalsRepo } from './professionals';
import { resourceQueue } from './resource-queue';
import { type ResourceRecord, scopeOfResource } from './resource-records';
import { resourceSearch } from './resource-search';

const resourceKey = (resourceId: string) => keys.resource(scopeOfResource(resourceId), resourceId);

/**
 * The facets a listing is filed under: everything, each filter alone, and the pairs people use
 * together (a place with a category, a cost or a language; a category with a cost or a
 * language), so a search with two or more filters reads a facet already narrowed by two.
 */
export function facetsOf(r: Pick<ResourceRecord, 'category' | 'region' | 'cost' | 'languages'>): string[] {
  const region = `region:${r.region === 'online' ? 'online' : r.region.country}`;
  const cat = `cat:${r.category}`;
  const cost = `cost:${r.cost}`;
  const langs = r.languages.map((l) => `lang:${l}`);
  return [
    'all',
    cat,
    region,
    cost,
    ...langs,
    `${region}|${cat}`,
    `${region}|${cost}`,
    ...langs.map((l) => `${region}|${l}`),
    `${cat}|${cost}`,
    ...langs.map((l) => `${cat}|${l}`),
  ];
}

/** The facet a search reads: the narrowest one its filters name. */
export function facetFor(q: { region?: string; category?: string; lang?: string; cost?: string }): string {
  const region = q.region && `region:${q.region}`;
  const cat = q.category && `cat:${q.category}`;
  const cost = q.cost && `cost:${q.cost}`;
  const lang = q.lang && `lang:${q.lang}`;
  if (region)
    return cat ? `${region}|${cat}` : cost ? `${region}|${cost}` : lang ? `${region}|${lang}` : region;
  if (cat) return cost ? `${cat}|${cost}` : lang ? `${cat}|${lang}` : cat;
  return lang ?? cost ?? 'all';
}

/** Its place in the reviewers' index: due for review, or suggested. */
function reviewIndex(r: ResourceRecord) {
  return r.status === 'suggested'
    ? {
        [GSI1.partition]: keys.resourceSuggestions(r.scope),
        [GSI1.sort]: `${iso(r.createdAt)}#${r.resourceId}`,
      }
    : {
        [GSI1.partition]: keys.resourceReviews(r.scope),
        [GSI1.sort]: `${iso(r.reviewDueAt)}#${r.resourceId}`,
      };
}

export function resourcesRepo(db: Db) {
  const { doc, table } = db;

  /** Writes the listing's directory entries, and removes those of facets it left. */
  async function syncEntries(r: ResourceRecord, before?: ResourceRecord) {
    const wanted = r.status === 'listed' ? facetsOf(r) : [];
    const stale = before?.status === 'listed' ? facetsOf(before).filter((f) => !wanted.includes(f)) : [];
    const sortTitle = r.title.normalize('NFKC').toLowerCase().slice(0, 80);
    const country = r.region === 'online' ? 'online' : r.region.country;
    await Promise.all([
      ...wanted.map((facet) =>
        doc
          .send(
            new PutCommand({
              TableName: table,
              Item: {
                ...keys.resourceEntry(r.resourceId, facet),
                [GSI1.partition]: keys.resourceFacet(r.scope, facet),
                [GSI1.sort]: `${sortTitle}#${r.resourceId}`,
                ...r,
                country,
              },
              ConditionExpression: 'attribute_not_exists(version) OR version <= :v',
              ExpressionAttributeValues: { ':v': r.version },
            }),
          )
          .catch(alreadyDone),
      ),
      ...stale.map((facet) =>
        doc.send(new DeleteCommand({ TableName: table, Key: keys.resourceEntry(r.resourceId, facet) })),
      ),
    ]);
  }

  const repo = {
    ...resourceSearch(db),
    ...resourceQueue(db),
    async put(r: ResourceRecord): Promise<void> {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: { ...resourceKey(r.resourceId), ...reviewIndex(r), ...r },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      await syncEntries(r);
    },

    /** Seeds listings that are not there yet (a fixed id each), leaving any that are alone. */
    async seed(records: ResourceRecord[]): Promise<number> {
      const found = await getMany(
        db,
        records.map((r) => resourceKey(r.resourceId)),
        { only: [['resourceId']] },
      );
      const missing = records.filter((r) => !found.has(keyOf(resourceKey(r.resourceId))));
      await putMany(
        db,
        missing.map((r) => ({ ...resourceKey(r.resourceId), ...reviewIndex(r), ...r })),
      );
      for (const r of missing) await syncEntries(r);
      return missing.length;
    },

    async get(resourceId: string): Promise<ResourceRecord | null> {
      const out = await doc.send(
        new GetCommand({ TableName: table, Key: resourceKey(resourceId), ConsistentRead: true }),
      );
      if (!out.Item) return null;
      const { pk: _pk, sk: _sk, [GSI1.partition]: _p, [GSI1.sort]: _s, ...r } = out.Item;
      return r as ResourceRecord;
    },

    /** Replaces a listing as read at `before.version`; false when it changed meanwhile. */
    async replace(before: ResourceRecord, after: ResourceRecord): Promise<boolean> {
      if (
        !(await written(
          doc.send(
            new PutCommand({
              TableName: table,
              Item: {
                ...resourceKey(after.resourceId),
                ...reviewIndex(after),
                ...after,
                version: before.version + 1,
              },
              ConditionExpression: 'version = :v',
              ExpressionAttributeValues: { ':v': before.version },
            }),
          ),
        ))
      )
        return false;
      await syncEntries({ ...after, version: before.version + 1 }, before);
      return true;
    },

    /** Out of the directory first, then gone: a crash between leaves a listing no search finds, still removable. */
    async remove(r: ResourceRecord): Promise<void> {
      await syncEntries({ ...r, status: 'suggested', version: r.version + 1 }, r);
      await doc.send(new DeleteCommand({ TableName: table, Key: resourceKey(r.resourceId) }));
    },
  };
  return { ...repo, ...professionalsRepo(db) };
}

export type ResourcesRepo = ReturnType<typeof resourcesRepo>;

/** The well-known crisis lines, as listings of the global directory (fixed ids: seeding is idempotent). */
export function crisisLineListings(now: number): ResourceRecord[] {
  return (Object.keys(CRISIS_REGIONS) as RegionCode[]).flatMap((code) => {
    const region = CRISIS_REGIONS[code];
    return region.lines.map((l, i) => {
      const line: CrisisLine = l;
      const { title, description, hours } = crisisLineListing(code, line);
      return {
        resourceId: `crisis-${code.toLowerCase()}-${i}`.padEnd(22, '0').slice(0, 22),
        scope: 'global',
        title,
        description,
        category: 'crisis_line' as const,
        tags: ['crisis', 'listening'],
        url: line.url,
        ...(line.call ? { phone: line.call } : {}),
        ...(line.text ? { sms: line.text } : {}),
        hours,
        languages: [...(line.languages ?? ['en'])],
        cost: 'free' as const,
        region: { country: code },
        status: 'listed' as const,
        addedBy: null,
        source: line.source,
        createdAt: now,
        updatedAt: now,
        reviewDueAt: reviewDueAt(now),
        search: searchable(title, description, 'crisis listening'),
        version: 1,
      };
    });
  });
}
