/**
 * A post after it is written: its author edits or deletes it, a professional adds a context
 * note, readers react.
 * @module
 */

import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Locale } from '../../core/i18n/locales';
import type { ContentWarning } from '../../core/threads';
import type { Db } from '../client';
import { ifWritten, written } from '../conditional';
import { keys } from '../keys';
import type { PostRecord } from './thread-records';

export function postChanges(db: Db) {
  const { doc, table } = db;
  return {
    /** The author's edit; null when the post is gone or not theirs (nothing written). */
    async editPost(
      postId: string,
      authorId: string,
      change: {
        body: string;
        language: Locale;
        contentWarnings?: ContentWarning[];
        mayNeedSupport: boolean;
        at: number;
      },
    ): Promise<PostRecord | null> {
      const out = await ifWritten(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.post(postId),
            UpdateExpression: `SET body = :b, #l = :l, editedAt = :at, mayNeedSupport = :m${change.contentWarnings ? ', contentWarnings = :cw' : ''}`,
            ConditionExpression: 'authorId = :me AND attribute_not_exists(deleted)',
            ExpressionAttributeNames: { '#l': 'language' },
            ExpressionAttributeValues: {
              ':b': change.body,
              ':l': change.language,
              ':at': change.at,
              ':m': change.mayNeedSupport,
              ':me': authorId,
              ...(change.contentWarnings ? { ':cw': change.contentWarnings } : {}),
            },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return out ? (out.Attributes as PostRecord) : null;
    },

    /** The author deletes: the text is erased, a placeholder keeps the thread's shape. */
    async deletePost(postId: string, authorId: string, at: number): Promise<boolean> {
      return written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.post(postId),
            UpdateExpression:
              'SET body = :empty, deleted = :yes, editedAt = :at, contentWarnings = :none REMOVE reactions',
            ConditionExpression: 'authorId = :me',
            ExpressionAttributeValues: {
              ':empty': '',
              ':yes': true,
              ':at': at,
              ':none': [],
              ':me': authorId,
            },
          }),
        ),
      );
    },

    /** Adds a professional's note under a post (at most five); false when it has five or is gone. */
    async addContextNote(postId: string, note: { by: string; body: string; at: number }): Promise<boolean> {
      return written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.post(postId),
            UpdateExpression: 'SET contextNotes = list_append(if_not_exists(contextNotes, :none), :note)',
            ConditionExpression:
              'attribute_exists(pk) AND attribute_not_exists(deleted) AND (attribute_not_exists(contextNotes) OR size(contextNotes) < :most)',
            ExpressionAttributeValues: { ':none': [], ':note': [note], ':most': 5 },
          }),
        ),
      );
    },

    /** Adds or takes back one member's reaction of one kind; idempotent. */
    async react(
      postId: string,
      userId: string,
      kind: string,
      reacted: boolean,
      at: number,
    ): Promise<PostRecord | null> {
      const names = { '#k': kind, '#u': userId };
      const out = await ifWritten(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.post(postId),
            UpdateExpression: reacted ? 'SET reactions.#k.#u = :at' : 'REMOVE reactions.#k.#u',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(deleted)',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: reacted ? { ':at': at } : undefined,
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return out ? (out.Attributes as PostRecord) : null;
    },
  };
}
