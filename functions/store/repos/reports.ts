/**
 * Reports of posts: one item per reported post, holding each reporter's own entry (reason, note,
 * when) as an attribute named for them, so reporting again replaces one's entry in one write and
 * N people reporting at once make one row that counts N. A report is open until a moderator
 * resolves or dismisses it; a new report of a settled post opens it again.
 * @module
 */
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ReportOutcome } from '../../core/support';
import { getMany } from '../batch';
import type { Db } from '../client';
import { ifWritten, written } from '../conditional';
import { newId } from '../ids';
import { keys } from '../keys';
import { prefixPage } from '../paging';

export interface ReporterEntry {
  reason: string;
  note: string;
  at: number;
}

export interface ReportedRecord {
  postId: string;
  threadId: string;
  groupId: string;
  status: 'open' | 'settled';
  firstAt: number;
  lastAt: number;
  outcome?: ReportOutcome;
  settledBy?: string;
  settledAt?: number;
  /** Reporter id → their entry. */
  reporters: Map<string, ReporterEntry>;
}

const BY = 'by_';
/** A reporter whose account was erased: their entry stays counted, unlinked from them, their note gone. */
const ERASED = 'erased_';
/** Whether a reporter id is one left by an erased account (no one to tell). */
export const isErasedReporter = (reporterId: string) => reporterId.startsWith(ERASED);

function read(item: Record<string, unknown>): ReportedRecord {
  const reporters = new Map<string, ReporterEntry>();
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    if (k.startsWith(BY)) reporters.set(k.slice(BY.length), v as ReporterEntry);
    else if (k !== 'pk' && k !== 'sk') rest[k] = v;
  }
  return { ...(rest as Omit<ReportedRecord, 'reporters'>), reporters };
}

export function reportsRepo(db: Db) {
  const { doc, table } = db;
  return {
    /**
     * Files (or replaces) one member's report of a post. `fresh` is true when the post had no open
     * report before: the moderators have not been told of it yet.
     */
    async report(
      post: { postId: string; threadId: string; groupId: string },
      reporterId: string,
      entry: ReporterEntry,
    ): Promise<{ fresh: boolean }> {
      // Noted in the member's own list first: a crash after leaves a post listed that they may
      // not have reported (the download reads each report and shows only their own entries).
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.reportsBy(reporterId),
          UpdateExpression: 'ADD posts :p',
          ExpressionAttributeValues: { ':p': new Set([post.postId]) },
        }),
      );
      const out = await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.reported(post.postId),
          UpdateExpression:
            'SET #by = :entry, postId = :p, threadId = :t, groupId = :g, lastAt = :at, firstAt = if_not_exists(firstAt, :at), #status = :open REMOVE outcome, settledBy, settledAt',
          ExpressionAttributeNames: { '#by': `${BY}${reporterId}`, '#status': 'status' },
          ExpressionAttributeValues: {
            ':entry': entry,
            ':p': post.postId,
            ':t': post.threadId,
            ':g': post.groupId,
            ':at': entry.at,
            ':open': 'open',
          },
          ReturnValues: 'ALL_OLD',
        }),
      );
      return { fresh: out.Attributes?.status !== 'open' };
    },

    /** The reports a member filed, as their own entries (for their data download). */
    async filedBy(reporterId: string): Promise<(Omit<ReportedRecord, 'reporters'> & ReporterEntry)[]> {
      const list = await doc.send(new GetCommand({ TableName: table, Key: keys.reportsBy(reporterId) }));
      const ids = [...((list.Item?.posts as Set<string> | undefined) ?? [])];
      const found = await getMany(db, ids.map(keys.reported), { consistent: true });
      return [...found.values()].flatMap((item) => {
        const { reporters, ...report } = read(item);
        const mine = reporters.get(reporterId);
        return mine ? [{ ...report, ...mine }] : [];
      });
    },

    /**
     * An erased account's reports: each entry is kept for the moderators (a reason still counts)
     * under an id that leads to no one, without the note in their words; then their list goes.
     */
    async eraseReporter(reporterId: string): Promise<void> {
      // Their entries, as the data download reads them (one BatchGet), each moved in its own write.
      for (const { postId, ...item } of await this.filedBy(reporterId)) {
        await written(
          doc.send(
            new UpdateCommand({
              TableName: table,
              Key: keys.reported(postId),
              UpdateExpression: 'REMOVE #by SET #anon = :entry',
              ConditionExpression: 'attribute_exists(#by)',
              ExpressionAttributeNames: { '#by': `${BY}${reporterId}`, '#anon': `${BY}${ERASED}${newId()}` },
              ExpressionAttributeValues: { ':entry': { reason: item.reason, note: '', at: item.at } },
            }),
          ),
        );
      }
      await doc.send(new DeleteCommand({ TableName: table, Key: keys.reportsBy(reporterId) }));
    },

    async get(postId: string): Promise<ReportedRecord | null> {
      const out = await doc.send(
        new GetCommand({ TableName: table, Key: keys.reported(postId), ConsistentRead: true }),
      );
      return out.Item ? read(out.Item) : null;
    },

    /** A group's open reports (a page; each row one post). */
    async listOpen(groupId: string, opts: { limit: number; cursor?: string }) {
      const page = await prefixPage(
        db,
        {
          pk: keys.group(groupId).pk,
          prefix: keys.reportedPrefix,
          filter: {
            expression: '#status = :open',
            names: { '#status': 'status' },
            values: { ':open': 'open' },
          },
        },
        opts,
      );
      return { items: page.items.map(read), nextCursor: page.nextCursor };
    },

    /** Settles an open report with its outcome; null when it was not open (nothing written). */
    async settle(
      postId: string,
      outcome: ReportOutcome,
      by: string,
      at: number,
    ): Promise<ReportedRecord | null> {
      const out = await ifWritten(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.reported(postId),
            UpdateExpression: 'SET #status = :settled, outcome = :o, settledBy = :by, settledAt = :at',
            ConditionExpression: '#status = :open',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':settled': 'settled',
              ':o': outcome,
              ':by': by,
              ':at': at,
              ':open': 'open',
            },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return out ? read(out.Attributes!) : null;
    },
  };
}

export type ReportsRepo = ReturnType<typeof reportsRepo>;
