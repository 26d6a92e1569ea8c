/**
 * Q&A sessions: the meetup's designation (which professional, whether they accepted), and its
 * questions, each one item with its votes. A vote is one conditional write that adds the voter
 * and counts them together, so a member's vote counts once however many are sent. A member's
 * questions are counted before each is written, so the limit holds when many are sent at once.
 * @module
 */
import { randomBytes } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { byVotes, type QaStatus, QUESTIONS_PER_MEMBER } from '../../core/qa';
import { getMany } from '../batch';
import type { Db } from '../client';
import { ifWritten, written } from '../conditional';
import { keys } from '../keys';
import { queryAll } from '../paging';

export interface QaRecord {
  occurrenceId: string;
  professionalId: string;
  status: QaStatus;
  invitedBy: string;
  at: number;
}

export interface QuestionRecord {
  questionId: string;
  occurrenceId: string;
  authorId: string;
  anonymous: boolean;
  body: string;
  createdAt: number;
  votes: number;
  voters: Set<string>;
  answered: boolean;
  answer?: string;
  answeredAt?: number;
  hidden?: boolean;
}

/**
 * Who speaks at the meetup, kept on its item so its page tells them where it meets. Without
 * transactions it follows the designation: set after an acceptance is written, taken away
 * before a designation is replaced or removed, so a crash between never leaves it with
 * someone no longer asked.
 */
async function speaker(db: Db, occurrenceId: string, userId: string | null, ifNow?: string): Promise<void> {
  const values = { ...(userId && { ':u': userId }), ...(ifNow && { ':was': ifNow }) };
  await ifWritten(
    db.doc.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.occurrence(occurrenceId),
        UpdateExpression: userId ? 'SET speaker = :u' : 'REMOVE speaker',
        ConditionExpression: ifNow ? 'speaker = :was' : 'attribute_exists(pk)',
        ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
      }),
    ),
  );
}

export function qaRepo(db: Db) {
  const { doc, table } = db;
  return {
    async get(occurrenceId: string): Promise<QaRecord | null> {
      const out = await doc.send(new GetCommand({ TableName: table, Key: keys.qa(occurrenceId) }));
      return (out.Item as QaRecord | undefined) ?? null;
    },
    async put(qa: QaRecord): Promise<void> {
      await speaker(db, qa.occurrenceId, null);
      await doc.send(new PutCommand({ TableName: table, Item: { ...keys.qa(qa.occurrenceId), ...qa } }));
    },
    /** The professional's answer to an invitation: only theirs, only while it is theirs. */
    async decide(occurrenceId: string, professionalId: string, status: 'accepted' | 'declined', at: number) {
      if (status === 'declined') await speaker(db, occurrenceId, null, professionalId);
      const decided = await written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.qa(occurrenceId),
            UpdateExpression: 'SET #s = :s, decidedAt = :at',
            ConditionExpression: 'professionalId = :p',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':s': status, ':p': professionalId, ':at': at },
          }),
        ),
      );
      if (decided && status === 'accepted') await speaker(db, occurrenceId, professionalId);
      return decided;
    },
    async remove(occurrenceId: string): Promise<void> {
      await speaker(db, occurrenceId, null);
      await doc.send(new DeleteCommand({ TableName: table, Key: keys.qa(occurrenceId) }));
    },

    /** Asks a question, if the member has asked fewer than the most; false when they have not room. */
    async ask(
      q: Omit<QuestionRecord, 'questionId' | 'votes' | 'voters' | 'answered'>,
    ): Promise<QuestionRecord | null> {
      const counted = await written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.questionCount(q.occurrenceId, q.authorId),
            UpdateExpression: 'ADD n :one',
            ConditionExpression: 'attribute_not_exists(n) OR n < :most',
            ExpressionAttributeValues: { ':one': 1, ':most': QUESTIONS_PER_MEMBER },
          }),
        ),
      );
      if (!counted) return null;
      const question: QuestionRecord = {
        ...q,
        questionId: `${q.occurrenceId}${randomBytes(9).toString('base64url')}`,
        votes: 0,
        voters: new Set(),
        answered: false,
      };
      // Listed with the member first: erasing them finds it, even if the write below never came.
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.questionsBy(q.authorId),
          UpdateExpression: 'ADD ids :id',
          ExpressionAttributeValues: { ':id': new Set([question.questionId]) },
        }),
      );
      // An empty set cannot be stored: voters appear with the first vote.
      const { voters: _none, ...item } = question;
      await doc.send(
        new PutCommand({ TableName: table, Item: { ...keys.question(question.questionId), ...item } }),
      );
      return question;
    },

    async question(questionId: string): Promise<QuestionRecord | null> {
      const out = await doc.send(new GetCommand({ TableName: table, Key: keys.question(questionId) }));
      return out.Item ? read(out.Item) : null;
    },

    /** A Q&A's questions, most supported first (hidden ones left out). */
    async questions(occurrenceId: string): Promise<QuestionRecord[]> {
      const items = await queryAll(db, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': keys.qa(occurrenceId).pk,
          ':prefix': keys.questionsOf(occurrenceId),
        },
      });
      return items
        .map(read)
        .filter((q) => !q.hidden)
        .sort(byVotes);
    },

    /** One vote each: true when this one counted, false when they had voted already. */
    async vote(questionId: string, userId: string, on: boolean): Promise<boolean> {
      return written(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.question(questionId),
            UpdateExpression: on ? 'ADD votes :one, voters :me' : 'ADD votes :less DELETE voters :me',
            ConditionExpression: on
              ? 'attribute_exists(pk) AND NOT contains(voters, :u)'
              : 'attribute_exists(pk) AND contains(voters, :u)',
            ExpressionAttributeValues: {
              ...(on ? { ':one': 1 } : { ':less': -1 }),
              ':me': new Set([userId]),
              ':u': userId,
            },
          }),
        ),
      );
    },

    async answer(questionId: string, answer: string | undefined, at: number): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.question(questionId),
          UpdateExpression: answer
            ? 'SET answered = :yes, answeredAt = :at, answer = :a'
            : 'SET answered = :yes, answeredAt = :at REMOVE answer',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':yes': true, ':at': at, ...(answer ? { ':a': answer } : {}) },
        }),
      );
    },

    async hide(questionId: string): Promise<void> {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.question(questionId),
          UpdateExpression: 'SET #hidden = :yes',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#hidden': 'hidden' },
          ExpressionAttributeValues: { ':yes': true },
        }),
      );
    },
  };
}

/** A member's questions wherever they asked: for their data download and their erasure. */
export function memberQuestions(db: Db) {
  const { doc, table } = db;
  return {
    /** The questions a member has asked, wherever (for their download and their erasure). */
    async questionsBy(userId: string): Promise<QuestionRecord[]> {
      const out = await doc.send(new GetCommand({ TableName: table, Key: keys.questionsBy(userId) }));
      const ids = [...((out.Item?.ids as Set<string> | undefined) ?? [])];
      const found = await getMany(
        db,
        ids.map((id) => keys.question(id)),
      );
      return [...found.values()].map(read);
    },

    /**
     * A question's words and asker erased (the account is going): it leaves the list, and the
     * count of what they asked there goes.
     */
    async erase(question: Pick<QuestionRecord, 'questionId' | 'occurrenceId' | 'authorId'>): Promise<void> {
      const { questionId } = question;
      await doc.send(
        new DeleteCommand({
          TableName: table,
          Key: keys.questionCount(question.occurrenceId, question.authorId),
        }),
      );
      await ifWritten(
        doc.send(
          new UpdateCommand({
            TableName: table,
            Key: keys.question(questionId),
            UpdateExpression: 'SET #hidden = :yes, #body = :none, authorId = :gone REMOVE voters',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#hidden': 'hidden', '#body': 'body' },
            ExpressionAttributeValues: { ':yes': true, ':none': '', ':gone': 'erased' },
          }),
        ),
      );
    },
  };
}

const read = (i: Record<string, unknown>): QuestionRecord => ({
  ...(i as unknown as QuestionRecord),
  voters: new Set((i.voters as Set<string> | undefined) ?? []),
  votes: (i.votes as number | undefined) ?? 0,
});

export type QaRepo = ReturnType<typeof qaRepo>;
