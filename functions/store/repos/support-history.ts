/**
 * Support requests once opened: read by id, listed (open or closed), closed with their record
 * kept, and found by the minute they escalate.
 * @module
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { getMany, keyOf } from '../batch';
import type { Db } from '../client';
import { groupOf, keys } from '../keys';
import { gsi1Page, prefixPage, sortRange } from '../paging';
import { GSI1 } from '../table';
import {
  INDEX_NAMES,
  PARK,
  parked,
  parse,
  read,
  type SupportActionRecord,
  type SupportRecord,
  updateLive,
} from './support-records';

export function supportHistory(db: Db) {
  const { doc, table } = db;
  return {
    /** A request, open or closed (null when there is no such request). */
    async get(requestId: string): Promise<SupportRecord | null> {
      const { groupId, memberId, gen } = parse(requestId);
      if (!Number.isFinite(gen)) return null;
      const liveKey = keys.supportLive(groupId, memberId);
      const closedKey = keys.supportClosed(requestId);
      const found = await getMany(db, [liveKey, closedKey], { consistent: true });
      const closed = found.get(keyOf(closedKey));
      if (closed) return read(closed);
      const live = found.get(keyOf(liveKey));
      return live && live.gen === gen ? read(live) : null;
    },

    /** A group's open requests (newest first), or its closed ones (most recently closed first). */
    async list(groupId: string, which: 'open' | 'closed', opts: { limit: number; cursor?: string }) {
      if (which === 'closed') {
        const page = await gsi1Page(db, keys.supportClosedOf(groupId), opts);
        return { items: page.items.map(read), nextCursor: page.nextCursor };
      }
      const page = await prefixPage(
        db,
        {
          pk: keys.group(groupId).pk,
          prefix: keys.supportLivePrefix,
          // Open ones, and any close a crash cut short (finished here).
          filter: {
            expression: '#status <> :closed OR attribute_not_exists(archived)',
            names: { '#status': 'status' },
            values: { ':closed': 'closed' },
          },
        },
        opts,
      );
      const items = page.items.map(read);
      await Promise.all(items.filter((r) => r.status === 'closed').map((r) => this.archive(r)));
      return {
        items: items.filter((r) => r.status !== 'closed').sort((a, b) => b.openedAt - a.openedAt),
        nextCursor: page.nextCursor,
      };
    },

    /** Closes a request with what was done last (one winner), then keeps its record. */
    async close(requestId: string, entry: SupportActionRecord): Promise<SupportRecord | null> {
      const closed = await updateLive(db, requestId, {
        set: `SET #status = :closed, closedBy = :by, closedAt = :at, actions = list_append(if_not_exists(actions, :none), :entry), ${PARK}`,
        condition: '#status <> :closed',
        names: INDEX_NAMES,
        values: {
          ':closed': 'closed',
          ':by': entry.by,
          ':at': entry.at,
          ':none': [],
          ':entry': [entry],
          ...parked({ groupId: groupOf(requestId), requestId }),
        },
      });
      if (closed) await this.archive(closed);
      return closed;
    },

    /** Writes a closed request's record (listed by when it closed), then slims the live item. */
    async archive(r: SupportRecord): Promise<void> {
      const { archived: _a, ...record } = r;
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: {
            ...keys.supportClosed(r.requestId),
            ...record,
            [GSI1.partition]: keys.supportClosedOf(r.groupId),
            [GSI1.sort]: `${new Date(r.closedAt ?? r.lastMatchAt).toISOString()}#${r.requestId}`,
          },
        }),
      );
      await updateLive(db, r.requestId, {
        set: 'SET archived = :yes REMOVE postIds, actions, #gp, #gs',
        condition: '#status = :closed',
        names: INDEX_NAMES,
        values: { ':yes': true, ':closed': 'closed' },
      });
    },

    /** Requests due to escalate by `until`, among those due since `since` (ids), by key. */
    async dueBetween(since: number, until: number): Promise<string[]> {
      const ids: string[] = [];
      for (let day = since - (since % 86_400_000); day <= until; day += 86_400_000) {
        let start: Record<string, unknown> | undefined;
        do {
          const out = await doc.send(
            new QueryCommand({
              TableName: table,
              ...sortRange(GSI1, keys.escalationDay(day), { atMost: keys.escalationAt(until, '~') }),
              ExclusiveStartKey: start,
            }),
          );
          for (const i of out.Items ?? []) ids.push(i.requestId as string);
          start = out.LastEvaluatedKey;
        } while (start);
      }
      return ids;
    },
  };
}
