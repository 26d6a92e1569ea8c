import { createHash, randomBytes } from 'node:crypto';

/** 128 random bits as 22 characters of base64url: ids that reveal nothing and cannot be guessed. */
export const newId = () => randomBytes(16).toString('base64url');

/** 256-bit secrets (session tokens, invite links): 43 characters of base64url. */
export const newToken = () => randomBytes(32).toString('base64url');

/** Tokens are stored only as their SHA-256: a leaked table gives no usable token. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** An id inside a group: the group's id and 11 random characters (66 bits). */
export const scopedId = (groupId: string) => groupId + randomBytes(9).toString('base64url').slice(0, 11);

/** Occurrence ids derive from the series and the index, so a retried write lands on the same item. */
export const occurrenceIdFor = (meetupId: string, index: number) =>
  meetupId.slice(0, 22) +
  createHash('sha256').update(`${meetupId}:${index}`).digest('base64url').slice(0, 11);
