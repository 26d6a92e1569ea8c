/**
 * Conditional writes. A write whose condition did not hold is an answer (someone got there first,
 * it was done already, it is no longer theirs), not a failure: one place tells that answer from
 * an error, and `written` turns it into a boolean.
 * @module
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';

/** Whether an error is DynamoDB saying the write's condition did not hold. */
export const isConditionFailure = (e: unknown) =>
  e instanceof ConditionalCheckFailedException ||
  (e instanceof Error && e.name === 'ConditionalCheckFailedException');

/** Awaits a conditional write: what it answered, or null when its condition did not hold. */
export async function ifWritten<T extends object>(send: Promise<T>): Promise<T | null> {
  try {
    return await send;
  } catch (e) {
    if (isConditionFailure(e)) return null;
    throw e;
  }
}

/** Awaits a conditional write: true when it was written, false when its condition did not hold. */
export const written = async (send: Promise<object>): Promise<boolean> => (await ifWritten(send)) !== null;

/**
 * For `.catch` of a write that may have been made already (or be no longer to make): its
 * condition not holding is the answer, and is let go; any other error is thrown on.
 */
export const alreadyDone = (e: unknown): void => {
  if (!isConditionFailure(e)) throw e;
};
