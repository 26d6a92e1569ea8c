import * as z from 'zod/mini';
import { SAFETY_PLAN_PART_MAX, type SafetyPlanPart } from '../safety-plan';
import { MESSAGE_MAX, REPORT_OUTCOMES, SUPPORT_ACTIONS } from '../support';
import { Cursor, keysOf, PageLimit, text } from './common';

/** Conversations have time-ordered ids inside their group. */
const TimeId = (what: string) => z.string().check(z.regex(/^[A-Za-z0-9_-]{37}$/, `Not a valid ${what}`));

export const SupportActionSchema = z.enum(keysOf(SUPPORT_ACTIONS), 'Choose what was done');
/** A support request's id: its group, its member and which of their requests it is. */
export const SupportParams = z.object({
  requestId: z.string().check(z.regex(/^[A-Za-z0-9_-]{44}[0-9a-z]{4}$/, 'Not a valid support request')),
});
export const SupportQuery = z.object({
  status: z._default(z.enum(['open', 'closed']), 'open'),
  cursor: z.optional(Cursor),
  limit: PageLimit,
});
export const SupportActionRequest = z.strictObject({
  action: SupportActionSchema,
  note: z._default(text(1000), ''),
});

const Person = z.object({ displayName: z.string() });
export const SupportRequestView = z.object({
  requestId: z.string(),
  groupId: z.string(),
  /** The member it is about (as the group knows them). */
  member: Person,
  status: z.enum(['open', 'taken', 'closed']),
  openedAt: z.string(),
  lastMatchAt: z.string(),
  matchCount: z.number(),
  /** The posts that matched, newest first, each with where to read it. */
  posts: z.array(
    z.object({
      postId: z.string(),
      threadId: z.string(),
      at: z.string(),
      href: z.string(),
      /** The post's opening words, for whoever takes it (null: deleted since). */
      excerpt: z.nullable(z.string()),
    }),
  ),
  takenBy: z.nullable(Person),
  takenAt: z.nullable(z.string()),
  /** When it goes (or went) to every moderator and owner if nobody takes it. */
  escalatesAt: z.string(),
  escalatedAt: z.nullable(z.string()),
  actions: z.array(z.object({ by: Person, action: SupportActionSchema, note: z.string(), at: z.string() })),
  /** The member asked for a facilitator to reach out: their conversation. */
  conversationId: z.nullable(z.string()),
  closedAt: z.nullable(z.string()),
});
export type SupportRequestView = z.infer<typeof SupportRequestView>;
export const SupportPage = z.object({
  items: z.array(SupportRequestView),
  nextCursor: z.nullable(z.string()),
});

export const ConversationParams = z.object({ conversationId: TimeId('conversation') });
export const ConversationStart = z.strictObject({
  /** What the member would like to say first (optional: asking is enough). */
  message: z.optional(text(MESSAGE_MAX, 1)),
});
export const MessageRequest = z.strictObject({ body: text(MESSAGE_MAX, 1) });
export const ConversationView = z.object({
  conversationId: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  /** The member who asked. */
  member: Person,
  /** Whether the caller is that member. */
  mine: z.boolean(),
  status: z.enum(['open', 'closed']),
  createdAt: z.string(),
  lastMessageAt: z.string(),
  messageCount: z.number(),
  /** Who wrote last: the member, or someone for the group (null: nobody yet). */
  lastFrom: z.nullable(z.enum(['member', 'group'])),
  escalated: z.boolean(),
});
export type ConversationView = z.infer<typeof ConversationView>;
export const ConversationPage = z.object({
  items: z.array(ConversationView),
  nextCursor: z.nullable(z.string()),
});
export const MessageView = z.object({
  messageId: z.string(),
  author: Person,
  /** Written by someone for the group (a facilitator or owner), not the member. */
  fromGroup: z.boolean(),
  mine: z.boolean(),
  body: z.string(),
  at: z.string(),
});
export type MessageView = z.infer<typeof MessageView>;
export const MessagePage = z.object({ items: z.array(MessageView), nextCursor: z.nullable(z.string()) });
export const PageQuery = z.object({ cursor: z.optional(Cursor), limit: PageLimit });

/** The six parts of the plan (core/safety-plan), each free text. */
const part = text(SAFETY_PLAN_PART_MAX);
export const SafetyPlanUpdate = z.strictObject({
  warningSigns: z._default(part, ''),
  coping: z._default(part, ''),
  distractions: z._default(part, ''),
  helpers: z._default(part, ''),
  professionals: z._default(part, ''),
  safeEnvironment: z._default(part, ''),
}) satisfies { shape: Record<SafetyPlanPart, unknown> };
export const SafetyPlanView = z.object({
  warningSigns: z.string(),
  coping: z.string(),
  distractions: z.string(),
  helpers: z.string(),
  professionals: z.string(),
  safeEnvironment: z.string(),
  updatedAt: z.nullable(z.string()),
});
export type SafetyPlanView = z.infer<typeof SafetyPlanView>;

export const ReportOutcomeSchema = z.enum(keysOf(REPORT_OUTCOMES), 'Choose how the report is settled');
export const SettleReport = z.strictObject({
  /** How it was settled: hidden (hides the post too), talked to the member, no breach, or dismissed. */
  outcome: ReportOutcomeSchema,
  /** Why; kept in the moderation log (and the reason a hidden post shows). */
  reason: z._default(text(300), ''),
});
