import * as z from 'zod/mini';
import { REGION_CODES } from '../crisis-lines';
import { CONTENT_WARNINGS, POST_MAX, REACTIONS, REPORT_REASONS } from '../threads';
import { Cursor, keysOf, LocaleSchema, line, PageLimit, text } from './common';

const labels = keysOf(CONTENT_WARNINGS);
export const ContentWarningSchema = z.enum(labels);

export const ThreadId = z.string().check(z.regex(/^[A-Za-z0-9_-]{33}$/, 'Not a valid thread id'));
export const ThreadParams = z.object({ threadId: ThreadId });

export const PostId = z.string().check(z.regex(/^[A-Za-z0-9_-]{48}$/, 'Not a valid post id'));
export const PostParams = z.object({ postId: PostId });

const reasons = keysOf(REPORT_REASONS);
export const NewReport = z.strictObject({
  reason: z.enum(reasons, 'Choose what is wrong with the post'),
  note: z._default(text(1000), ''),
});
export const ModeratorReason = z.strictObject({ reason: line(3, 300) });
export const LockRequest = z.strictObject({ locked: z.boolean(), reason: line(3, 300) });
export const PinRequest = z.strictObject({ pinned: z.boolean(), reason: line(3, 300) });
/** Pause a member's posting for 1 hour to 30 days. */
export const SilenceRequest = z.strictObject({
  hours: z.number().check(z.int(), z.minimum(1), z.maximum(720)),
  reason: line(3, 300),
});

/** One reported post: how many reported it and why (reporters are never named). */
export const ReportView = z.object({
  postId: z.string(),
  threadId: z.string(),
  count: z.number(),
  reasons: z.array(z.object({ reason: z.enum(reasons), count: z.number() })),
  /** What reporters added, without who. */
  notes: z.array(z.string()),
  firstAt: z.string(),
  lastAt: z.string(),
  post: z.nullable(
    z.object({ body: z.string(), author: z.object({ displayName: z.string() }), hidden: z.boolean() }),
  ),
});
export const ReportPage = z.object({ items: z.array(ReportView), nextCursor: z.nullable(z.string()) });
export const AuditEntryView = z.object({
  action: z.string(),
  actor: z.object({ displayName: z.string() }),
  target: z.string(),
  reason: z.string(),
  at: z.string(),
});
export const AuditPage = z.object({ items: z.array(AuditEntryView), nextCursor: z.nullable(z.string()) });

const reactionKinds = keysOf(REACTIONS);
export const ReactionRequest = z.strictObject({ kind: z.enum(reactionKinds), reacted: z.boolean() });
export const PostEdit = z.strictObject({
  body: text(POST_MAX, 1),
  /** The language it is written in (crisis phrases are read in it); the post's own if not given. */
  language: z.optional(LocaleSchema),
  contentWarnings: z.optional(
    z
      .array(
        z.enum(
          Object.keys(CONTENT_WARNINGS) as [
            keyof typeof CONTENT_WARNINGS,
            ...(keyof typeof CONTENT_WARNINGS)[],
          ],
        ),
      )
      .check(z.maxLength(5)),
  ),
});

export const NewPost = z.strictObject({
  body: text(POST_MAX, 1),
  /** The language it is written in (crisis phrases are read in it); the browser's if not given. */
  language: z.optional(LocaleSchema),
  contentWarnings: z._default(z.array(ContentWarningSchema).check(z.maxLength(5)), []),
  /** Answer a post of the thread (replies are one level deep: a reply to a reply joins its post). */
  replyTo: z.optional(PostId),
});

export const NewThread = z.strictObject({
  title: line(3, 140),
  body: text(POST_MAX, 1),
  /** The language it is written in (crisis phrases are read in it); the browser's if not given. */
  language: z.optional(LocaleSchema),
  contentWarnings: z._default(z.array(ContentWarningSchema).check(z.maxLength(5)), []),
});

export const PageQuery = z.object({ cursor: z.optional(Cursor), limit: PageLimit });

export const PostView = z.object({
  postId: z.string(),
  threadId: z.string(),
  author: z.object({ displayName: z.string() }),
  mine: z.boolean(),
  body: z.string(),
  /** The language it is written in, so a screen reader reads it in that language. */
  language: z.optional(LocaleSchema),
  contentWarnings: z.array(ContentWarningSchema),
  createdAt: z.string(),
  /** Shown to moderators only: the post matched a crisis phrase. */
  mayNeedSupport: z.optional(z.boolean()),
  /** Hidden by a moderator: only its author and moderators see it, with the reason. */
  hidden: z.nullable(z.object({ reason: z.string() })),
  editedAt: z.nullable(z.string()),
  /** The post this one answers (always a post that is not itself a reply). */
  replyTo: z.nullable(z.string()),
  /** "A note from a professional": added by verified professionals, shown to everyone. */
  contextNotes: z.array(z.object({ by: z.string(), body: z.string(), at: z.string() })),
  deleted: z.boolean(),
  /** Waiting for a moderator: only its author and moderators see it. */
  pending: z.boolean(),
  reactions: z.object({
    counts: z.record(z.enum(reactionKinds), z.number()),
    mine: z.array(z.enum(reactionKinds)),
    /** Only for the post's author: who sent each reaction. */
    who: z.optional(z.record(z.enum(reactionKinds), z.array(z.string()))),
  }),
});

export const ThreadView = z.object({
  threadId: z.string(),
  groupId: z.string(),
  title: z.string(),
  author: z.object({ displayName: z.string() }),
  postCount: z.number(),
  createdAt: z.string(),
  lastPostAt: z.string(),
  locked: z.boolean(),
  /** Pinned by a moderator: listed first. */
  pinned: z.boolean(),
  /** The meetup a session's thread belongs to. */
  occurrenceId: z.nullable(z.string()),
  /** Posts the caller has not seen yet (in lists; 0 on the thread itself). */
  unread: z.number(),
  /** Whether the caller follows it (on the thread itself and in the followed list). */
  following: z.optional(z.boolean()),
});

/** When a post matched a crisis phrase: what the author sees at once. */
export const RegionSchema = z.enum(REGION_CODES);

const CrisisLineSchema = z.object({
  name: z.string(),
  call: z.optional(z.string()),
  text: z.optional(z.string()),
  hours: z.string(),
  url: z.string(),
  source: z.string(),
  languages: z.optional(z.array(z.string())),
});
export const Signpost = z.nullable(
  z.object({
    message: z.string(),
    crisisPage: z.string(),
    /** The group's page (where "Talk to a facilitator" is). */
    reachFacilitators: z.string(),
    /** The group, whose facilitators the author may ask to reach out. */
    groupId: z.string(),
    /** The author's own safety plan. */
    safetyPlan: z.string(),
    /** The lines of the region the author chose; null until they choose one. */
    resources: z.nullable(
      z.object({
        region: RegionSchema,
        name: z.string(),
        emergency: z.string(),
        lines: z.array(CrisisLineSchema),
      }),
    ),
    /** Until the author says where they are: the regions that speak the language they wrote in. */
    suggested: z.array(RegionSchema),
  }),
);

export const ThreadCreated = z.object({ thread: ThreadView, post: PostView, signpost: Signpost });
export const PostCreated = z.object({ post: PostView, signpost: Signpost });
export const PostAnswer = z.object({ post: PostView, signpost: Signpost });
export const ThreadPage = z.object({ items: z.array(ThreadView), nextCursor: z.nullable(z.string()) });
export const PostPage = z.object({ items: z.array(PostView), nextCursor: z.nullable(z.string()) });

export const MuteRequest = z.strictObject({ postId: PostId });
export const MuteParams = z.object({
  muteId: z.string().check(z.regex(/^[A-Za-z0-9_-]{22}$/, 'Not a valid mute')),
});
export const MuteList = z.object({
  items: z.array(
    z.object({ muteId: z.string(), groupId: z.string(), groupName: z.string(), displayName: z.string() }),
  ),
});

export type ThreadView = z.infer<typeof ThreadView>;
export type PostView = z.infer<typeof PostView>;
export type Signpost = z.infer<typeof Signpost>;

export const SessionThreadRequest = z.strictObject({
  occurrenceId: z.string().check(z.regex(/^[A-Za-z0-9_-]{33}$/, 'Not a valid meetup id')),
});

export const WaitingPage = z.object({
  items: z.array(z.object({ post: PostView, thread: z.object({ threadId: z.string(), title: z.string() }) })),
  nextCursor: z.nullable(z.string()),
});

export const FollowRequest = z.strictObject({ following: z.boolean() });
export const FollowedThreads = z.object({ items: z.array(ThreadView) });

const Collapse = z.array(ContentWarningSchema).check(
  z.maxLength(labels.length),
  z.refine((l: string[]) => new Set(l).size === l.length, 'Each label once'),
);

/**
 * A member's reading preferences: the content-warning labels whose posts stay folded (the others
 * show open, labelled), and the region whose crisis lines they are shown (none until they choose).
 */
export const Preferences = z.object({ collapse: Collapse, region: z.nullable(RegionSchema) });
export const PreferencesChange = z
  .strictObject({ collapse: z.optional(Collapse), region: z.optional(z.nullable(RegionSchema)) })
  .check(z.refine((u: object) => Object.keys(u).length > 0, 'Change at least one preference'));
export const ContextNoteRequest = z.strictObject({ body: text(1000, 3) });
