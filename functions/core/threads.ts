/**
 * Discussion rules: the content-warning labels, report reasons, reactions and the posting rate
 * (discussions are for a group's active members: the groups `read` action). Pure.
 * @module
 */

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
