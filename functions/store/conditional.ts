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

/** Awaits a conditional write: true when it was written, false when its condition did not hold. */
export async function written(send: Promise<unknown>): Promise<boolean> {
  try {
    await send;
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}
