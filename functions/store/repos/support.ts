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
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { SUPPORT_POSTS_MAX } from '../../core/support';
import type { Db } from '../client';
import { alreadyDone } from '../conditional';
import { groupOf, keys } from '../keys';
import { supportHistory } from './support-history';
import { supportLive } from './support-live';
import {
  ACTIONS_MAX,
  GONE,
  INDEX_NAMES,
  openingGen,
  PARK,
  parked,
  read,
  requestIdOf,
  type SupportActionRecord,
  type SupportRecord,
  updateLive,
} from './support-records';

export function supportRepo(db: Db) {
  const { doc, table } = db;
  const repo = {
    ...supportLive(db),
    ...supportHistory(db),
    /**
     * A post by a member matched a crisis phrase: adds it to their open request in the group, or
     * opens the next one. `live` is their live item as the caller read it (undefined: not read).
     */
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
            (await updateLive(db, live.requestId, {
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
            (await updateLive(db, live.requestId, {
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
          alreadyDone(e);
          live = undefined; // another post opened it meanwhile: add to it
        }
      }
      throw new Error('Support request: too many concurrent changes');
    },

    /** "I'm on it": the first to take an untaken request has it; null for everyone else. */
    take: (requestId: string, userId: string, now: number) =>
      updateLive(db, requestId, {
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
      updateLive(db, requestId, {
        set: 'SET actions = list_append(if_not_exists(actions, :none), :entry)',
        condition: '#status <> :closed AND (attribute_not_exists(actions) OR size(actions) < :most)',
        values: { ':none': [], ':entry': [entry], ':closed': 'closed', ':most': ACTIONS_MAX },
      }),

    /** The member asked for a facilitator to reach out: links their conversation. */
    linkConversation: (requestId: string, conversationId: string) =>
      updateLive(db, requestId, {
        set: 'SET conversationId = :c',
        condition: '#status <> :closed',
        values: { ':c': conversationId, ':closed': 'closed' },
      }),

    /**
     * The escalation job claims a request nobody took: the claim's time, kept across retries so a
     * job that stopped half-way tells the same people with the same notices. Null when the request
     * was taken, closed or escalated meanwhile, or is not due.
     */
    claimEscalation: (requestId: string, now: number) =>
      updateLive(db, requestId, {
        set: 'SET escalating = if_not_exists(escalating, :now)',
        condition: '#status = :open AND attribute_not_exists(escalatedAt) AND escalateAt <= :now',
        values: { ':now': now, ':open': 'open' },
      }),

    /** Everyone was told: the request leaves the escalation days. */
    markEscalated: (requestId: string, now: number) =>
      updateLive(db, requestId, {
        set: `SET escalatedAt = :now, ${PARK}`,
        condition: 'attribute_exists(escalating)',
        names: INDEX_NAMES,
        values: { ':now': now, ...parked({ groupId: groupOf(requestId), requestId }) },
      }),
  };
  return repo;
}

export type SupportRepo = ReturnType<typeof supportRepo>;
