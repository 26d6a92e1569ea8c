/**
 * Support requests. Each member of a group has one "live" support item in the group's partition
 * (`SUPPORT#<member>`), which holds their open request if they have one; so "one open request per
 * member per group" is one item, and every change to it is one conditional write. The item counts
 * its generations: request ids are the group, the member and the generation, so a request is
 * found by key, and writers racing to open the same generation agree on its id (and on the ids of
 * the notices that announce it). A closed request is copied under `SUPPORTDONE#<request>` (listed
 * by closing time on GSI1), and the live item is slimmed.
 *
 * While nobody has taken it, the open request carries GSI1 keys by the day and time it escalates,
 * so the escalation job finds it by key, in every group at once; taking, escalating or closing it
 * parks those keys in the group's own partition of the index.
 *
 * Crash safety: closing marks the live item closed (one winner), then writes the copy, then slims
 * the item (`archived`); a close cut short is finished by the next listing or the next match.
 * @module
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { SUPPORT_POSTS_MAX } from '../../core/support';
import { getMany, keyOf } from '../batch';
import type { Db } from '../client';
import { isConditionFailure } from '../conditional';
import { groupOf, keys } from '../keys';
import { gsi1Page, prefixPage } from '../paging';
import { GSI1 } from '../table';
import {
  ACTIONS_MAX,
  GONE,
  openingGen,
  openingLogId,
  parse,
  read,
  requestIdOf,
  type SupportActionRecord,
  type SupportRecord,
} from './support-records';

/** The index keys a request leaves the escalation days for: its group's own, out of the job's way. */
const parked = (r: { groupId: string; requestId: string }) => ({
  ':parked': keys.supportParked(r.groupId),
  ':parkedAt': r.requestId,
});

const PARK = '#gp = :parked, #gs = :parkedAt';

const INDEX_NAMES = { '#gp': GSI1.partition, '#gs': GSI1.sort };

export function supportRepo(db: Db) {
  const { doc, table } = db;
  const ignoreLost = (e: unknown) => {
    if (!isConditionFailure(e)) throw e;
  };
  /** One conditional update of a member's live item; the item after it, or null when refused. */
  const update = async (
    requestId: string,
    write: {
      set: string;
      condition: string;
      names?: Record<string, string>;
      values: Record<string, unknown>;
    },
  ): Promise<SupportRecord | null> => {
    const { groupId, memberId, gen } = parse(requestId);
    try {
      const out = await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.supportLive(groupId, memberId),
          UpdateExpression: write.set,
          ConditionExpression: `attribute_exists(pk) AND gen = :gen AND ${write.condition}`,
          ExpressionAttributeNames: {
            ...(`${write.set} ${write.condition}`.includes('#status') ? { '#status': 'status' } : {}),
            ...write.names,
          },
          ExpressionAttributeValues: { ':gen': gen, ...write.values },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return read(out.Attributes!);
    } catch (e) {
      ignoreLost(e);
      return null;
    }
  };

  const repo = {
    /** A member's live support item in a group (their open request, or the last one's trace). */
    async live(groupId: string, memberId: string): Promise<SupportRecord | null> {
      const out = await doc.send(
        new GetCommand({ TableName: table, Key: keys.supportLive(groupId, memberId), ConsistentRead: true }),
      );
      return out.Item ? read(out.Item) : null;
    },

    /** The member's open request in a group, if any. */
    async openFor(groupId: string, memberId: string): Promise<SupportRecord | null> {
      const live = await repo.live(groupId, memberId);
      return live && live.status !== 'closed' ? live : null;
    },

    /**
     * A post by a member matched a crisis phrase: adds it to their open request in the group, or
     * opens the next one. `live` is their live item as the caller read it (undefined: not read).
     */
    /**
     * Whether a request's opening was told (its log entry, written last in the opening's batch,
     * is there): a crash between the request and its notices leaves it untold.
     */
    async announced(groupId: string, requestId: string, openedAt: number): Promise<boolean> {
      const out = await doc.send(
        new GetCommand({
          TableName: table,
          Key: keys.audit(groupId, openedAt, openingLogId(requestId)),
          ProjectionExpression: 'pk',
        }),
      );
      return !!out.Item;
    },

    async match(input: {
      groupId: string;
      memberId: string;
      postId: string;
      now: number;
      escalateAt: number;
      live?: SupportRecord | null;
    }): Promise<{ request: SupportRecord; opened: boolean }> {
      const { groupId, memberId, postId, now, escalateAt } = input;
      let live = input.live;
      for (let tries = 0; tries < 5; tries++) {
        if (live === undefined) live = await repo.live(groupId, memberId);
        if (live && live.status !== 'closed') {
          const request =
            (await update(live.requestId, {
              set: 'SET lastMatchAt = :now ADD matchCount :one, postIds :post',
              condition: '#status <> :closed AND (size(postIds) < :most OR contains(postIds, :id))',
              values: {
                ':now': now,
                ':one': 1,
                ':post': new Set([postId]),
                ':closed': 'closed',
                ':most': SUPPORT_POSTS_MAX,
                ':id': postId,
              },
            })) ??
            // Full of posts (the match still counts), or closed meanwhile.
            (await update(live.requestId, {
              set: 'SET lastMatchAt = :now ADD matchCount :one',
              condition: '#status <> :closed',
              values: { ':now': now, ':one': 1, ':closed': 'closed' },
            }));
          if (request) return { request, opened: false };
          live = undefined;
          continue;
        }
        if (live && !live.archived) await repo.archive(live); // a close cut short: keep its record first
        const gen = openingGen(live)!;
        const requestId = requestIdOf(groupId, memberId, gen);
        try {
          const out = await doc.send(
            new UpdateCommand({
              TableName: table,
              Key: keys.supportLive(groupId, memberId),
              UpdateExpression: `SET requestId = :id, groupId = :g, memberId = :m, gen = :gen, #status = :open, openedAt = :now, postIds = :post, matchCount = :one, lastMatchAt = :now, escalateAt = :due, #gp = :day, #gs = :at REMOVE ${GONE.join(', ')}`,
              ConditionExpression: 'attribute_not_exists(pk) OR (#status = :closed AND gen = :prev)',
              ExpressionAttributeNames: { '#status': 'status', ...INDEX_NAMES },
              ExpressionAttributeValues: {
                ':id': requestId,
                ':g': groupId,
                ':m': memberId,
                ':gen': gen,
                ':prev': gen - 1,
                ':open': 'open',
                ':closed': 'closed',
                ':now': now,
                ':post': new Set([postId]),
                ':one': 1,
                ':due': escalateAt,
                ':day': keys.escalationDay(escalateAt),
                ':at': keys.escalationAt(escalateAt, requestId),
              },
              ReturnValues: 'ALL_NEW',
            }),
          );
          return { request: read(out.Attributes!), opened: true };
        } catch (e) {
          ignoreLost(e);
          live = undefined; // another post opened it meanwhile: add to it
        }
      }
      throw new Error('Support request: too many concurrent changes');
    },

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
      await Promise.all(items.filter((r) => r.status === 'closed').map((r) => repo.archive(r)));
      return {
        items: items.filter((r) => r.status !== 'closed').sort((a, b) => b.openedAt - a.openedAt),
        nextCursor: page.nextCursor,
      };
    },

    /** "I'm on it": the first to take an untaken request has it; null for everyone else. */
    take: (requestId: string, userId: string, now: number) =>
      update(requestId, {
        set: `SET #status = :taken, takenBy = :u, takenAt = :now, ${PARK}`,
        condition: '#status = :open',
        names: INDEX_NAMES,
        values: {
          ':taken': 'taken',
          ':u': userId,
          ':now': now,
          ':open': 'open',
          ...parked({ groupId: groupOf(requestId), requestId }),
        },
      }),

    /** Records what was done; null when the request is closed or has as many notes as it keeps. */
    record: (requestId: string, entry: SupportActionRecord) =>
      update(requestId, {
        set: 'SET actions = list_append(if_not_exists(actions, :none), :entry)',
        condition: '#status <> :closed AND (attribute_not_exists(actions) OR size(actions) < :most)',
        values: { ':none': [], ':entry': [entry], ':closed': 'closed', ':most': ACTIONS_MAX },
      }),

    /** Closes a request with what was done last (one winner), then keeps its record. */
    async close(requestId: string, entry: SupportActionRecord): Promise<SupportRecord | null> {
      const closed = await update(requestId, {
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
      if (closed) await repo.archive(closed);
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
      await update(r.requestId, {
        set: 'SET archived = :yes REMOVE postIds, actions, #gp, #gs',
        condition: '#status = :closed',
        names: INDEX_NAMES,
        values: { ':yes': true, ':closed': 'closed' },
      });
    },

    /** The member asked for a facilitator to reach out: links their conversation. */
    linkConversation: (requestId: string, conversationId: string) =>
      update(requestId, {
        set: 'SET conversationId = :c',
        condition: '#status <> :closed',
        values: { ':c': conversationId, ':closed': 'closed' },
      }),

    /** Requests due to escalate by `until`, among those due since `since` (ids), by key. */
    async dueBetween(since: number, until: number): Promise<string[]> {
      const ids: string[] = [];
      for (let day = since - (since % 86_400_000); day <= until; day += 86_400_000) {
        let start: Record<string, unknown> | undefined;
        do {
          const out = await doc.send(
            new QueryCommand({
              TableName: table,
              IndexName: GSI1.name,
              KeyConditionExpression: '#p = :p AND #s <= :until',
              ExpressionAttributeNames: { '#p': GSI1.partition, '#s': GSI1.sort },
              ExpressionAttributeValues: {
                ':p': keys.escalationDay(day),
                ':until': keys.escalationAt(until, '~'),
              },
              ExclusiveStartKey: start,
            }),
          );
          for (const i of out.Items ?? []) ids.push(i.requestId as string);
          start = out.LastEvaluatedKey;
        } while (start);
      }
      return ids;
    },

    /**
     * The escalation job claims a request nobody took: the claim's time, kept across retries so a
     * job that stopped half-way tells the same people with the same notices. Null when the request
     * was taken, closed or escalated meanwhile, or is not due.
     */
    claimEscalation: (requestId: string, now: number) =>
      update(requestId, {
        set: 'SET escalating = if_not_exists(escalating, :now)',
        condition: '#status = :open AND attribute_not_exists(escalatedAt) AND escalateAt <= :now',
        values: { ':now': now, ':open': 'open' },
      }),

    /** Everyone was told: the request leaves the escalation days. */
    markEscalated: (requestId: string, now: number) =>
      update(requestId, {
        set: `SET escalatedAt = :now, ${PARK}`,
        condition: 'attribute_exists(escalating)',
        names: INDEX_NAMES,
        values: { ':now': now, ...parked({ groupId: groupOf(requestId), requestId }) },
      }),
  };
  return repo;
}

export type SupportRepo = ReturnType<typeof supportRepo>;
