/**
 * What the conversations store keeps: a conversation between a member and a group's
 * facilitators, and its messages.
 * @module
 */
import { randomBytes } from 'node:crypto';
import { GSI1 } from '../table';

export interface ConversationRecord {
  conversationId: string;
  groupId: string;
  memberId: string;
  status: 'open' | 'closed';
  createdAt: number;
  lastMessageAt: number;
  messageCount: number;
  /** Who wrote last: the member, or someone for the group (so the queue shows who owes a reply). */
  lastFrom: 'member' | 'group' | null;
  /** Moderators see it too once the support request it belongs to was escalated. */
  escalated?: boolean;
  requestId?: string;
  /** Those of the group who have written in it (told of the member's next messages). */
  helpers?: Set<string>;
  closedBy?: string;
  closedAt?: number;
}

export interface MessageRecord {
  messageId: string;
  conversationId: string;
  authorId: string;
  body: string;
  at: number;
}

/** The most messages one conversation holds; then it is closed for a new one. */
export const MESSAGES_MAX = 1000;

/** A time-ordered id: the group's id, the time (base 36, fixed width), 6 random characters. */
export const timeId = (prefix: string, now: number) =>
  `${prefix}${now.toString(36).padStart(9, '0')}${randomBytes(6).toString('base64url').slice(0, 6)}`;

export const strip = <T>(item: Record<string, unknown>) => {
  const { pk: _pk, sk: _sk, [GSI1.partition]: _p, [GSI1.sort]: _s, ...rest } = item;
  return rest as T;
};
