import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Locale } from '../../core/i18n/locales';
import { deleteMany, getMany } from '../batch';
import type { Db } from '../client';
import { written } from '../conditional';
import { keys } from '../keys';
import type { UserRecord } from './account-records';
import { sessionsRepo } from './sessions';
import { throttles } from './throttles';

export function accountsRepo(db: Db) {
  const { doc, table } = db;

  const repo = {
    ...throttles(db),
    ...sessionsRepo(db),
    /** Creates the user and claims the handle; false when the handle is taken. */
    async createUser(user: UserRecord): Promise<boolean> {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: { ...keys.user(user.userId), ...user },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      const claimed = await written(
        doc.send(
          new PutCommand({
            TableName: table,
            Item: { ...keys.handle(user.handleKey), userId: user.userId },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
      // The handle is someone else's: the user item made for it goes.
      if (!claimed) await doc.send(new DeleteCommand({ TableName: table, Key: keys.user(user.userId) }));
      return claimed;
    },

    async getUser(userId: string): Promise<UserRecord | null> {
      const out = await doc.send(new GetCommand({ TableName: table, Key: keys.user(userId) }));
      return (out.Item as UserRecord | undefined) ?? null;
    },

    /** People's handles, by user (one BatchGet). */
    async handlesOf(userIds: string[]): Promise<Map<string, string>> {
      const found = await getMany(
        db,
        userIds.map((u) => keys.user(u)),
        { only: [['userId'], ['handle']] },
      );
      return new Map([...found.values()].map((u) => [u.userId as string, u.handle as string]));
    },

    /**
     * Erases an account's own items (everything in its partition: the account, preferences,
     * follows, read states, duties list, feed, notifications, professional record) and keeps its
     * handle as a bare tombstone, so no one else can take the name and be taken for them.
     */
    async eraseUser(userId: string, handleKey: string, now: string): Promise<void> {
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :p',
            ExpressionAttributeValues: { ':p': keys.user(userId).pk },
            ProjectionExpression: 'pk, sk',
            ExclusiveStartKey: startKey,
          }),
        );
        await deleteMany(db, (page.Items ?? []) as { pk: string; sk: string }[]);
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      await doc.send(
        new PutCommand({ TableName: table, Item: { ...keys.handle(handleKey), erasedAt: now } }),
      );
    },

    async findByHandle(handleKey: string): Promise<UserRecord | null> {
      const claim = await doc.send(new GetCommand({ TableName: table, Key: keys.handle(handleKey) }));
      const userId = claim.Item?.userId as string | undefined;
      return userId ? this.getUser(userId) : null;
    },

    /** The language Hearth speaks to them in. */
    async setLanguage(userId: string, language: Locale, now: string): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.user(userId),
          UpdateExpression: 'SET #l = :l, updatedAt = :now',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#l': 'language' },
          ExpressionAttributeValues: { ':l': language, ':now': now },
        }),
      );
    },

    async setPassHash(userId: string, passHash: string, now: string): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.user(userId),
          UpdateExpression: 'SET passHash = :h, updatedAt = :now',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':h': passHash, ':now': now },
        }),
      );
    },

    /**
     * Spends a recovery code and sets the new passphrase hash in one conditional update, so a
     * code works once even when two requests race with it.
     */
    async recoverWithCode(userId: string, codeHash: string, passHash: string, now: string): Promise<boolean> {
      return written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.user(userId),
            UpdateExpression: 'REMOVE recovery.#c SET passHash = :h, updatedAt = :now',
            ConditionExpression: 'attribute_exists(recovery.#c)',
            ExpressionAttributeNames: { '#c': codeHash },
            ExpressionAttributeValues: { ':h': passHash, ':now': now },
          }),
        ),
      );
    },
  };
  return repo;
}

export type AccountsRepo = ReturnType<typeof accountsRepo>;
