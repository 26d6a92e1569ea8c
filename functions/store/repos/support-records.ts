/**
 * What the support store keeps: a request and its actions, how its id is made (group, member,
 * generation), and reading its item.
 * @module
 */

import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SupportAction } from '../../core/support';
import type { Db } from '../client';
import { ifWritten } from '../conditional';
import { groupOf, type Key, keys } from '../keys';
import { GSI1 } from '../table';

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
  /** Which of the member's requests in the group this is (1, 2, …). */
  gen: number;
  /** open: nobody has taken it yet; taken: someone said "I'm on it"; closed. */
  status: 'open' | 'taken' | 'closed';
  openedAt: number;
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
  /** The member asked for a facilitator to reach out: their conversation. */
  conversationId?: string;
  closedBy?: string;
  closedAt?: number;
  /** A closed request's copy was written (the live item keeps only what the next one needs). */
  archived?: boolean;
}

/** A member's request of a generation: group (22), member (22), generation (base 36, 4). */
export const requestIdOf = (groupId: string, memberId: string, gen: number) =>
  `${groupId}${memberId}${gen.toString(36).padStart(4, '0')}`;

export const parse = (requestId: string) => ({
  groupId: groupOf(requestId),
  memberId: requestId.slice(22, 44),
  gen: Number.parseInt(requestId.slice(44), 36),
});

/** The generation a match will open, from the live item as read (null: it adds to the open one). */
export const openingGen = (live: Pick<SupportRecord, 'status' | 'gen'> | null) =>
  !live ? 1 : live.status === 'closed' ? live.gen + 1 : null;

export const ACTIONS_MAX = 50;

export const GONE = [
  'takenBy',
  'takenAt',
  'actions',
  'escalating',
  'escalatedAt',
  'conversationId',
  'closedBy',
  'closedAt',
  'archived',
];

export const read = (item: Record<string, unknown>): SupportRecord => {
  const { pk: _pk, sk: _sk, [GSI1.partition]: _p, [GSI1.sort]: _s, ...rest } = item;
  return {
    ...(rest as unknown as SupportRecord),
    postIds: new Set((rest.postIds as Set<string> | undefined) ?? []),
  };
};

/** The id of the log entry that tells of a request opening (deterministic, so it can be looked up). */
export const openingLogId = (requestId: string) => `open-${requestId.slice(22)}`;

/**
 * What a posting route reads with the session so a crisis post costs no extra reads: the
 * member's live support item in the group and their reading preferences (their region's lines).
 */
export const postingKeys = (groupId: string, userId: string): Key[] => [
  keys.supportLive(groupId, userId),
  keys.prefs(userId),
];

/** The index keys a request leaves the escalation days for: its group's own, out of the job's way. */
export const parked = (r: { groupId: string; requestId: string }) => ({
  ':parked': keys.supportParked(r.groupId),
  ':parkedAt': r.requestId,
});

export const PARK = '#gp = :parked, #gs = :parkedAt';

export const INDEX_NAMES = { '#gp': GSI1.partition, '#gs': GSI1.sort };

/** One conditional update of a member's live item; the item after it, or null when refused. */
export async function updateLive(
  db: Db,
  requestId: string,
  write: { set: string; condition: string; names?: Record<string, string>; values: Record<string, unknown> },
): Promise<SupportRecord | null> {
  const { groupId, memberId, gen } = parse(requestId);
  const out = await ifWritten(
    db.doc.send(
      new UpdateCommand({
        TableName: db.table,
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
    ),
  );
  return out ? read(out.Attributes!) : null;
}
