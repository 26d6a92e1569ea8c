/**
 * Discussion rules: the content-warning labels, report reasons, reactions and the posting rate;
 * who sees a post, whose posts wait for a moderator, and who may enter a meetup's own thread
 * (discussions are for a group's active members: the groups `read` action). Pure.
 * @module
 */
import { can, type Membership } from './groups';
import { canSeeAttendees } from './meetups';

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

/** Moderators, facilitators and owners see which posts may need support. */
export const seesSupportFlags = (m: Membership | null) => canSeeAttendees(m);

/**
 * Whether a group keeps its meetups' own threads to those who hold a place (going or waiting)
 * from `member`: where it says so, for everyone but organisers and moderators, who enter all.
 */
export const sessionsKeptFrom = (group: { sessionThreadsGoingOnly?: boolean }, member: Membership | null) =>
  !!group.sessionThreadsGoingOnly && !canSeeAttendees(member);

export const SESSION_ONLY = 'This meetup’s discussion is for the people who RSVP’d to it';

/**
 * Hidden posts (with the reason) and posts waiting for a moderator are seen only by their author
 * and by moderators; so are threads started by a waiting post.
 */
export const canSeePost = (
  p: { hidden?: unknown; pending?: boolean; authorId: string },
  viewer: { userId: string; member: Membership },
) => (!p.hidden && !p.pending) || p.authorId === viewer.userId || can(viewer.member, 'moderate');

/** What of a post names people: its author, professionals' notes, and who reacted. */
interface Naming {
  authorId: string;
  contextNotes?: { by: string }[];
  reactions?: Partial<Record<string, Record<string, unknown>>>;
}

/** Everyone a page of posts names: authors, and for the viewer's own posts those who reacted. */
export const namedIn = (posts: Naming[], me: string) => [
  ...posts.map((p) => p.authorId),
  ...posts.flatMap((p) => (p.contextNotes ?? []).map((n) => n.by)),
  ...posts
    .filter((p) => p.authorId === me)
    .flatMap((p) => Object.values(p.reactions ?? {}).flatMap((who) => Object.keys(who ?? {}))),
];

/** In approval groups, a member's posts wait for a moderator until their first is approved. */
export const waitsFor = (
  group: { joinPolicy: string },
  member: Membership & { firstPostApproved?: boolean },
) => group.joinPolicy === 'approval' && member.role === 'member' && !member.firstPostApproved;
