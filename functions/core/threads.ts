/**
 * Discussion rules: who reads and writes a group's threads, the content-warning labels, and the
 * posting rate. Pure.
 * @module
 */
import type { Membership } from './groups';

/** Labels an author can put on a post; readers see it collapsed behind the label. */
export const CONTENT_WARNINGS = {
  self_harm: 'Self-harm',
  suicide: 'Suicide',
  abuse: 'Abuse',
  eating: 'Eating and food',
  substance_use: 'Substance use',
} as const;
export type ContentWarning = keyof typeof CONTENT_WARNINGS;

export const POST_MAX = 10_000;
/** Posts per member per window (across groups), with a clear message when reached. */
export const POST_RATE = { posts: 10, windowMs: 5 * 60_000 };

/** Discussions are for the group's active members: what is said there stays there. */
export const canDiscuss = (m: Membership | null | undefined) => m?.status === 'active';

export const REPORT_REASONS = {
  harmful: 'Harmful or unsafe',
  crisis: 'Someone may be in crisis',
  harassment: 'Harassment or bullying',
  misinformation: 'Misleading health information',
  spam: 'Spam or advertising',
  other: 'Something else',
} as const;
export type ReportReason = keyof typeof REPORT_REASONS;

/** Support reactions: everyone sees the counts; only the post's author sees who. */
export const REACTIONS = {
  support: 'Sending support',
  me_too: 'Me too',
  thank_you: 'Thank you',
} as const;
export type Reaction = keyof typeof REACTIONS;
