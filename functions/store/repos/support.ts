/**
 * Support requests. An open request lives in its group's partition under `SUPPORT#`; a pointer
 * item says which request is open for a member (one at a time); a closed request moves under
 * `SUPPORTDONE#`. While nobody has taken it, the request carries GSI1 keys by the day and time it
 * escalates, so the escalation job finds it by key, in every group at once, and taking it (or
 * escalating it) removes them in the same write.
 *
 * Crash safety: the pointer is claimed before the request is written, and a pointer whose request
 * is missing or closed is replaced on the next match; closing marks the request closed before it
 * is moved, and listing finishes a move a crash left half-done.
 * @module
 */
import { randomBytes } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { SUPPORT_POSTS_MAX, type SupportAction } from '../../core/support';
import { getMany, keyOf } from '../batch';
import type { Db } from '../client';
import { keys } from '../keys';
import { queryPage } from '../paging';
import { GSI1 } from '../table';
import { isConditionFailure } from './accounts';

export interface SupportActionRecord {
  by: string;
  action: SupportAction;
  note: string;
  at: number;
}

export interface SupportRecord {
  requestId: string;
  groupId: string;
  /** The member it is about. */
  memberId: string;
  openedAt: number;
  /** open: nobody has taken it yet; taken: someone said "I'm on it"; closed. */
  status: 'open' | 'taken' | 'closed';
  /** The posts that matched (each once), and how many matches in all. */
  postIds: Set<string>;
  matchCount: number;
  lastMatchAt: number;
  escalateAt: number;
  /** The escalation job's claim, then when it finished telling moderators and owners. */
  escalating?: number;
  escalatedAt?: number;
  takenBy?: string;
  takenAt?: number;
  actions?: SupportActionRecord[];
  /** The member asked a facilitator to reach out: their conversation. */
  conversationId?: string;
  closedBy?: string;
  closedAt?: number;
}

/** A request id: the group's id, the time (base 36, fixed width) and 6 random characters. */
export const newRequestId = (groupId: string, now: number) =>
  `${groupId}${now.toString(36).padStart(9, '0')}${randomBytes(6).toString('base64url').slice(0, 6)}`;

const ACTIONS_MAX = 50;
const strip = (item: Record<string, unknown>) => {
  const { pk: _pk, sk: _sk, [GSI1.partition]: _p, [GSI1.sort]: _s, ...rest } = item;
  return { ...rest, postIds: new Set((rest.postIds as Set<string> | undefined) ?? []) } as SupportRecord;
};

export function supportRepo(db: Db) {
  const { doc, table } = db;
  const ignoreLost = (e: unknown) => {
    if (!isConditionFailure(e)) throw e;
  };

  /** Adds a matching post to an open request; false when that request is not open (or not there). */
  async function addTo(requestId: string, postId: string, now: number): Promise<SupportRecord | null> {
    const base = {
      TableName: table,
      Key: keys.supportOpen(requestId),
      ExpressionAttributeNames: { '#status': 'status' },
      ReturnValues: 'ALL_NEW' as const,
    };
    try {
      const out = await doc.send(
        new UpdateCommand({
          ...base,
          UpdateExpression: 'SET lastMatchAt = :now ADD matchCount :one, postIds :post',
          ConditionExpression:
            'attribute_exists(pk) AND #status <> :closed AND (size(postIds) < :most OR contains(postIds, :id))',
          ExpressionAttributeValues: {
            ':now': now,
            ':one': 1,
            ':post': new Set([postId]),
            ':closed': 'closed',
            ':most': SUPPORT_POSTS_MAX,
            ':id': postId,
          },
        }),
      );
      return strip(out.Attributes!);
    } catch (e) {
      ignoreLost(e);
    }
    // Full of posts (it still counts the match), or not open at all.
    try {
      const out = await doc.send(
        new UpdateCommand({
          ...base,
          UpdateExpression: 'SET lastMatchAt = :now ADD matchCount :one',
          ConditionExpression: 'attribute_exists(pk) AND #status <> :closed',
          ExpressionAttributeValues: { ':now': now, ':one': 1, ':closed': 'closed' },
        }),
      );
      return strip(out.Attributes!);
    } catch (e) {
      ignoreLost(e);
      return null;
    }
  }

  return {
    /**
     * A post by a member matched a crisis phrase: adds it to their open request in the group, or
     * opens one. `pointer` is the member's open-request pointer if the caller read it already
     * (undefined: not read; null: read, and absent). `opened` says whether the request is new.
     */
    async openOrAdd(input: {
      groupId: string;
      memberId: string;
      postId: string;
      now: number;
      escalateAt: number;
      pointer?: { requestId: string } | null;
    }): Promise<{ request: SupportRecord; opened: boolean }> {
      const { groupId, memberId, postId, now } = input;
      const pointerKey = keys.supportOf(groupId, memberId);
      let pointer = input.pointer;
      for (let tries = 0; tries < 6; tries++) {
        if (pointer === undefined) {
          const out = await doc.send(
            new GetCommand({ TableName: table, Key: pointerKey, ConsistentRead: true }),
          );
          pointer = (out.Item as { requestId: string } | undefined) ?? null;
        }
        if (pointer) {
          const request = await addTo(pointer.requestId, postId, now);
          if (request) return { request, opened: false };
          // Not there yet: another request may be writing it right now. Wait a little, then read
          // again; a pointer whose request never appears was left by a crash.
          if (!(await this.get(pointer.requestId)) && tries < 3) {
            await new Promise((r) => setTimeout(r, 25 * 2 ** tries));
            pointer = undefined;
            continue;
          }
          // The pointer names a request that is closed or was never written: let it go.
          await doc
            .send(
              new DeleteCommand({
                TableName: table,
                Key: pointerKey,
                ConditionExpression: 'requestId = :id',
                ExpressionAttributeValues: { ':id': pointer.requestId },
              }),
            )
            .catch(ignoreLost);
          pointer = null;
        }
        const requestId = newRequestId(groupId, now);
        try {
          await doc.send(
            new PutCommand({
              TableName: table,
              Item: { ...pointerKey, requestId },
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          );
        } catch (e) {
          ignoreLost(e);
          pointer = undefined; // another request opened one meanwhile: add to it
          continue;
        }
        const request: SupportRecord = {
          requestId,
          groupId,
          memberId,
          openedAt: now,
          status: 'open',
          postIds: new Set([postId]),
          matchCount: 1,
          lastMatchAt: now,
          escalateAt: input.escalateAt,
        };
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: {
              ...keys.supportOpen(requestId),
              ...request,
              [GSI1.partition]: keys.escalationDay(input.escalateAt),
              [GSI1.sort]: keys.escalationAt(input.escalateAt, requestId),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return { request, opened: true };
      }
      throw new Error('Support request: too many concurrent changes');
    },

    /** The member's open request in a group (its pointer), if any. */
    async openFor(groupId: string, memberId: string): Promise<{ requestId: string } | null> {
      const out = await doc.send(
        new GetCommand({ TableName: table, Key: keys.supportOf(groupId, memberId), ConsistentRead: true }),
      );
      return (out.Item as { requestId: string } | undefined) ?? null;
    },

    /** A request, open or closed. */
    async get(requestId: string): Promise<SupportRecord | null> {
      const open = keys.supportOpen(requestId);
      const closed = keys.supportClosed(requestId);
      const found = await getMany(db, [open, closed], { consistent: true });
      const item = found.get(keyOf(open)) ?? found.get(keyOf(closed));
      return item ? strip(item) : null;
    },

    /** A group's requests still open (newest first), or its closed ones (newest first). */
    async list(groupId: string, which: 'open' | 'closed', opts: { limit: number; cursor?: string }) {
      const pk = keys.group(groupId).pk;
      const page = await queryPage(
        db,
        {
          KeyConditionExpression: 'pk = :p AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: {
            ':p': pk,
            ':prefix': which === 'open' ? keys.supportOpenPrefix : keys.supportClosedPrefix,
          },
          ScanIndexForward: false,
          ConsistentRead: true,
        },
        {
          limit: opts.limit,
          cursor: opts.cursor,
          keyAttributes: ['pk', 'sk'],
          partition: { attribute: 'pk', value: pk },
        },
      );
      const items = page.items.map(strip);
      if (which === 'open') {
        // A close a crash interrupted: finish moving it, and leave it out of the open ones.
        const stranded = items.filter((r) => r.status === 'closed');
        await Promise.all(stranded.map((r) => this.finishClose(r)));
        return { items: items.filter((r) => r.status !== 'closed'), nextCursor: page.nextCursor };
      }
      return { items, nextCursor: page.nextCursor };
    },

    /** "I'm on it": the first to take an untaken request has it; null for everyone else. */
    async take(requestId: string, userId: string, now: number): Promise<SupportRecord | null> {
      try {
        const out = await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.supportOpen(requestId),
            UpdateExpression: 'SET #status = :taken, takenBy = :u, takenAt = :now REMOVE #gp, #gs',
            ConditionExpression: 'attribute_exists(pk) AND #status = :open',
            ExpressionAttributeNames: { '#status': 'status', '#gp': GSI1.partition, '#gs': GSI1.sort },
            ExpressionAttributeValues: { ':taken': 'taken', ':u': userId, ':now': now, ':open': 'open' },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return strip(out.Attributes!);
      } catch (e) {
        ignoreLost(e);
        return null;
      }
    },

    /** Records what was done; null when the request is closed or has as many notes as it keeps. */
    async record(requestId: string, entry: SupportActionRecord): Promise<SupportRecord | null> {
      try {
        const out = await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.supportOpen(requestId),
            UpdateExpression: 'SET actions = list_append(if_not_exists(actions, :none), :entry)',
            ConditionExpression:
              'attribute_exists(pk) AND #status <> :closed AND (attribute_not_exists(actions) OR size(actions) < :most)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':none': [],
              ':entry': [entry],
              ':closed': 'closed',
              ':most': ACTIONS_MAX,
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return strip(out.Attributes!);
      } catch (e) {
        ignoreLost(e);
        return null;
      }
    },

    /**
     * Closes a request with what was done last: marked closed where it is (one winner), then moved
     * under the closed ones, and the member's pointer let go. Null when it was already closed.
     */
    async close(requestId: string, entry: SupportActionRecord): Promise<SupportRecord | null> {
      let closed: SupportRecord;
      try {
        const out = await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.supportOpen(requestId),
            UpdateExpression:
              'SET #status = :closed, closedBy = :by, closedAt = :at, actions = list_append(if_not_exists(actions, :none), :entry) REMOVE #gp, #gs',
            ConditionExpression: 'attribute_exists(pk) AND #status <> :closed',
            ExpressionAttributeNames: { '#status': 'status', '#gp': GSI1.partition, '#gs': GSI1.sort },
            ExpressionAttributeValues: {
              ':closed': 'closed',
              ':by': entry.by,
              ':at': entry.at,
              ':none': [],
              ':entry': [entry],
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        closed = strip(out.Attributes!);
      } catch (e) {
        ignoreLost(e);
        return null;
      }
      await this.finishClose(closed);
      return closed;
    },

    /** Moves a closed request under the closed ones and lets the member's pointer go (idempotent). */
    async finishClose(r: SupportRecord): Promise<void> {
      await doc.send(
        new PutCommand({ TableName: table, Item: { ...keys.supportClosed(r.requestId), ...r } }),
      );
      await doc
        .send(
          new DeleteCommand({
            TableName: table,
            Key: keys.supportOpen(r.requestId),
            ConditionExpression: '#status = :closed',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':closed': 'closed' },
          }),
        )
        .catch(ignoreLost);
      await doc
        .send(
          new DeleteCommand({
            TableName: table,
            Key: keys.supportOf(r.groupId, r.memberId),
            ConditionExpression: 'requestId = :id',
            ExpressionAttributeValues: { ':id': r.requestId },
          }),
        )
        .catch(ignoreLost);
    },

    /** The member asked for a facilitator to reach out: links their conversation. */
    async linkConversation(requestId: string, conversationId: string): Promise<void> {
      await doc
        .send(
          new UpdateCommand({
            TableName: table,
            Key: keys.supportOpen(requestId),
            UpdateExpression: 'SET conversationId = :c',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':c': conversationId },
          }),
        )
        .catch(ignoreLost);
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
     * was taken, closed or escalated meanwhile.
     */
    async claimEscalation(requestId: string, now: number): Promise<SupportRecord | null> {
      try {
        const out = await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.supportOpen(requestId),
            UpdateExpression: 'SET escalating = if_not_exists(escalating, :now)',
            ConditionExpression:
              'attribute_exists(pk) AND #status = :open AND attribute_not_exists(escalatedAt) AND escalateAt <= :now',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':now': now, ':open': 'open' },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return strip(out.Attributes!);
      } catch (e) {
        ignoreLost(e);
        return null;
      }
    },

    /** Everyone was told: the request leaves the escalation index. */
    async markEscalated(requestId: string, now: number): Promise<void> {
      await doc
        .send(
          new UpdateCommand({
            TableName: table,
            Key: keys.supportOpen(requestId),
            UpdateExpression: 'SET escalatedAt = :now REMOVE #gp, #gs',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#gp': GSI1.partition, '#gs': GSI1.sort },
            ExpressionAttributeValues: { ':now': now },
          }),
        )
        .catch(ignoreLost);
    },
  };
}

export type SupportRepo = ReturnType<typeof supportRepo>;
