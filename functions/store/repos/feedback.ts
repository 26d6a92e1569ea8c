/**
 * Session feedback, kept apart from who gave it. A member who went to a meetup is given a
 * one-time token (their right to answer records its hash); the answer comes with the token alone.
 * Answering spends the right (a conditional write: once per member per meetup), adds the ratings
 * to the meetup's tally (which counts each answer once, by an id made from the token), and drops
 * the token. Nothing left in the table ties the answer to the member: the right says only that
 * they answered; the tally holds sums, comments and ids made from tokens nobody kept.
 * @module
 */
import { createHash } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { FEEDBACK_ITEMS, type FeedbackItem, type FeedbackTally } from '../../core/outcomes';
import type { Db } from '../client';
import { ifWritten, written } from '../conditional';
import { keys } from '../keys';
import { queryAll } from '../paging';

const hashOf = (purpose: string, token: string) =>
  createHash('sha256').update(`${purpose}:${token}`).digest('base64url');

/** What a token was issued for (kept with it until it is used). */
export interface FeedbackTicket {
  occurrenceId: string;
  groupId: string;
  userId: string;
  startAt: number;
  month: string;
  /** When the meetup stops taking feedback. */
  until: number;
}

export interface FeedbackAnswer {
  ratings: Record<FeedbackItem, number>;
  comment?: string;
}

const ttl = (until: number) => Math.ceil(until / 1000) + 86_400;

export function feedbackRepo(db: Db) {
  const { doc, table } = db;
  const sumName = (i: FeedbackItem) => `sum_${i}`;
  return {
    /** Whether the member has answered for the meetup already. */
    async answered(occurrenceId: string, userId: string, now: number): Promise<boolean> {
      const out = await doc.send(
        new GetCommand({ TableName: table, Key: keys.feedbackRight(occurrenceId, userId) }),
      );
      return out.Item?.status === 'used' && (out.Item.ttl ?? 0) * 1000 > now;
    },

    /**
     * Records a token for the member to answer with, replacing one not used; false when they
     * have answered already.
     */
    async issue(ticket: FeedbackTicket, token: string): Promise<boolean> {
      const key = keys.feedbackRight(ticket.occurrenceId, ticket.userId);
      const tokenHash = hashOf('token', token);
      // The right it replaces comes back with the write: no read before it.
      const issued = await ifWritten(
        doc.send(
          new PutCommand({
            TableName: table,
            Item: { ...key, status: 'issued', tokenHash, ttl: ttl(ticket.until) },
            ConditionExpression: 'attribute_not_exists(pk) OR #status = :issued',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':issued': 'issued' },
            ReturnValues: 'ALL_OLD',
          }),
        ),
      );
      if (!issued) return false;
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: { ...keys.feedbackToken(tokenHash), ...ticket, ttl: ttl(ticket.until) },
        }),
      );
      // The token it replaces answers nothing now; its item goes.
      const old = issued.Attributes?.tokenHash as string | undefined;
      if (old && old !== tokenHash)
        await doc.send(new DeleteCommand({ TableName: table, Key: keys.feedbackToken(old) }));
      return true;
    },

    /**
     * Answers with a token: 'counted', or 'spent' when the token was used (or replaced, or has
     * expired). A failure part-way leaves the token to finish with: each step is done once.
     */
    async answer(token: string, answer: FeedbackAnswer, now: number): Promise<'counted' | 'spent'> {
      const tokenHash = hashOf('token', token);
      const found = await doc.send(
        new GetCommand({ TableName: table, Key: keys.feedbackToken(tokenHash), ConsistentRead: true }),
      );
      const ticket = found.Item as (FeedbackTicket & { ttl: number }) | undefined;
      if (!ticket || now >= ticket.until) return 'spent';
      // Spend the right: once only, or again by the same token after a failure (`spending`).
      const spending = hashOf('spending', token);
      const spent = await ifWritten(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.feedbackRight(ticket.occurrenceId, ticket.userId),
            UpdateExpression: 'SET #status = :used, spending = :spending REMOVE tokenHash',
            ConditionExpression: '(#status = :issued AND tokenHash = :hash) OR spending = :spending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':used': 'used',
              ':issued': 'issued',
              ':hash': tokenHash,
              ':spending': spending,
            },
          }),
        ),
      );
      if (!spent) return 'spent';
      const id = hashOf('answer', token);
      // Counted once: the tally keeps the ids it has counted. The same answer sent twice at once
      // (or again after a failure) counts once, and only the first is told it did.
      const counted = await written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.feedbackTally(ticket.groupId, ticket.startAt, ticket.occurrenceId),
            UpdateExpression: `SET occurrenceId = :occ, startAt = :start, #month = :month, comments = list_append(if_not_exists(comments, :none), :comment) ADD n :one, counted :id, ${FEEDBACK_ITEMS.map((i) => `${sumName(i)} :${i}`).join(', ')}`,
            ConditionExpression: 'attribute_not_exists(counted) OR NOT contains(counted, :idValue)',
            ExpressionAttributeNames: { '#month': 'month' },
            ExpressionAttributeValues: {
              ':occ': ticket.occurrenceId,
              ':start': ticket.startAt,
              ':month': ticket.month,
              ':none': [],
              ':comment': answer.comment ? [answer.comment] : [],
              ':one': 1,
              ':id': new Set([id]),
              ':idValue': id,
              ...Object.fromEntries(FEEDBACK_ITEMS.map((i) => [`:${i}`, answer.ratings[i]])),
            },
          }),
        ),
      );
      await doc.send(new DeleteCommand({ TableName: table, Key: keys.feedbackToken(tokenHash) }));
      await ifWritten(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.feedbackRight(ticket.occurrenceId, ticket.userId),
            UpdateExpression: 'REMOVE spending',
            ConditionExpression: 'spending = :spending',
            ExpressionAttributeValues: { ':spending': spending },
          }),
        ),
      );
      return counted ? 'counted' : 'spent';
    },

    /** Every meetup's tally in a group, oldest first. */
    async tallies(groupId: string): Promise<FeedbackTally[]> {
      const items = await queryAll(db, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.group(groupId).pk, ':prefix': keys.feedbackTallyPrefix },
        ProjectionExpression: `occurrenceId, startAt, #month, n, comments, ${FEEDBACK_ITEMS.map(sumName).join(', ')}`,
        ExpressionAttributeNames: { '#month': 'month' },
      });
      return items.map((t) => ({
        occurrenceId: t.occurrenceId as string,
        startAt: t.startAt as number,
        month: t.month as string,
        n: t.n as number,
        sums: Object.fromEntries(FEEDBACK_ITEMS.map((i) => [i, (t[sumName(i)] as number) ?? 0])) as Record<
          FeedbackItem,
          number
        >,
        comments: (t.comments as string[] | undefined) ?? [],
      }));
    },
  };
}

export type FeedbackRepo = ReturnType<typeof feedbackRepo>;
