import * as z from 'zod/mini';
import {
  FOCUS_TAGS,
  type FocusTag,
  INVITE_HEADER,
  isValidTimeZone,
  MEETING_WAYS,
  MODERATION_POLICIES,
  ROLES,
  TONES,
} from '../groups';
import { RETENTION_MONTHS } from '../retention';
import { ESCALATION } from '../support';
import { Cursor, Id, keysOf, line, PageLimit, text } from './common';
import { Language } from './resources';

export const FocusTagSchema = z.enum(keysOf(FOCUS_TAGS) as [FocusTag, ...FocusTag[]]);
export const ModerationPolicySchema = z.enum(keysOf(MODERATION_POLICIES));
export const ToneSchema = z.enum(keysOf(TONES));
export const Visibility = z.enum(['public', 'private']);
export const JoinPolicy = z.enum(['open', 'approval', 'invite']);
export const RoleSchema = z.enum(ROLES);
export const MemberStatusSchema = z.enum(['active', 'pending']);
export const TimeZone = z
  .string()
  .check(z.maxLength(64), z.refine(isValidTimeZone, 'Use an IANA time zone such as Europe/London'));

/** Aliases may contain spaces and a few marks ("River M.", "Sam (host)"). */
export const Alias = z
  .string()
  .check(
    z.trim(),
    z.minLength(2, 'Use at least 2 characters'),
    z.maxLength(32, 'Use at most 32 characters'),
    z.regex(
      /^[\p{L}\p{N}][\p{L}\p{N} ._'()-]*$/u,
      'Use letters, digits, spaces, dots, dashes, brackets or apostrophes',
    ),
  );

/** Months something is kept, as owners choose them. */
const keptMonths = z
  .number()
  .check(
    z.int('Use whole months'),
    z.minimum(RETENTION_MONTHS.min, `At least ${RETENTION_MONTHS.min} month`),
    z.maximum(RETENTION_MONTHS.max, `At most ${RETENTION_MONTHS.max} months (2 years)`),
  );

const groupFields = {
  name: line(3, 80),
  description: text(2000, 1),
  focus: z.array(FocusTagSchema).check(
    z.minLength(1, 'Choose at least one focus'),
    z.maxLength(5, 'Choose at most 5'),
    z.refine((f: string[]) => new Set(f).size === f.length, 'Each focus once'),
  ),
  guidelines: text(5000, 20),
  timezone: TimeZone,
  /** The town or region it meets in, for the directory (null: none said). */
  area: z.optional(z.nullable(line(2, 80))),
  /** The languages it meets and talks in (ISO 639-1), most used first; English if not said. */
  languages: z.optional(
    z.array(Language).check(
      z.minLength(1, 'Give at least one language'),
      z.maxLength(5, 'Give at most 5 languages'),
      z.refine((l: string[]) => new Set(l).size === l.length, 'Each language once'),
    ),
  ),
  visibility: Visibility,
  joinPolicy: JoinPolicy,
  moderationPolicy: ModerationPolicySchema,
  tone: ToneSchema,
  /** Facilitators check people in at meetups (otherwise they record a headcount only). */
  checkIn: z.optional(z.boolean()),
  /** A meetup's session discussion is for those who RSVP'd (and organisers), not all members. */
  sessionThreadsGoingOnly: z.optional(z.boolean()),
  /** The group has agreed its totals (never an answer) may be shared for research: owners may download them. */
  researchShare: z.optional(z.boolean()),
  /** Months a verified listing of the group's directory holds before it needs review again. */
  resourceReviewMonths: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(24))),
  /** Months a thread is kept after its last post; null: kept until removed. */
  discussionMonths: z.optional(z.nullable(keptMonths)),
  /** Months past meetups keep who answered, waited, came and held a duty. */
  attendanceMonths: z.optional(keptMonths),
  /** Minutes a support request may wait for someone to take it before moderators and owners hear. */
  supportEscalationMinutes: z.optional(
    z
      .number()
      .check(
        z.int('Use whole minutes'),
        z.minimum(ESCALATION.min, `At least ${ESCALATION.min} minutes`),
        z.maximum(ESCALATION.max, `At most ${ESCALATION.max} minutes (4 hours)`),
      ),
  ),
};

export const CreateGroupRequest = z.strictObject({ ...groupFields, alias: z.optional(Alias) });
export type CreateGroupRequest = z.infer<typeof CreateGroupRequest>;
export const UpdateGroupRequest = z
  .partial(z.strictObject(groupFields))
  .check(z.refine((u: object) => Object.keys(u).length > 0, 'Change at least one field'));
export type UpdateGroupRequest = z.infer<typeof UpdateGroupRequest>;

export const GroupParams = z.object({ groupId: Id });
export const MemberParams = z.object({ groupId: Id, userId: z.union([Id, z.literal('me')]) });

export const DirectoryQuery = z.object({
  q: z.optional(line(1, 80)),
  focus: z.optional(FocusTagSchema),
  moderationPolicy: z.optional(ModerationPolicySchema),
  tone: z.optional(ToneSchema),
  /** Groups whose upcoming meetups meet this way. */
  meets: z.optional(z.enum(keysOf(MEETING_WAYS))),
  /** Groups that meet and talk in this language (ISO 639-1). */
  language: z.optional(Language),
  /** Groups that meet in this town or region (or a neighbourhood its meetups name). */
  near: z.optional(
    line(2, 80).check(z.refine((s: string) => /[\p{L}\p{N}]/u.test(s), 'Use the name of a town or region')),
  ),
  cursor: z.optional(Cursor),
  limit: PageLimit,
});

export const GroupSummary = z.object({
  groupId: z.string(),
  name: z.string(),
  description: z.string(),
  focus: z.array(FocusTagSchema),
  moderationPolicy: ModerationPolicySchema,
  tone: ToneSchema,
  joinPolicy: JoinPolicy,
  sizeBand: z.string(),
  area: z.nullable(z.string()),
  /** The languages it meets and talks in (ISO 639-1), most used first. */
  languages: z.array(z.string()),
  /** How it meets, from its upcoming meetups (null: none scheduled); `next`: the next start. */
  meets: z.nullable(
    z.object({
      inPerson: z.boolean(),
      online: z.boolean(),
      places: z.array(z.string()),
      next: z.nullable(z.string()),
      /** How the next meetup meets (null: not known). */
      nextMode: z.nullable(z.enum(['in_person', 'online', 'hybrid'])),
    }),
  ),
});
export type GroupSummary = z.infer<typeof GroupSummary>;

export const MyMembership = z.object({
  role: RoleSchema,
  status: MemberStatusSchema,
  alias: z.nullable(z.string()),
  joinedAt: z.string(),
  /** Whether you have posted in the group's discussions yet. */
  hasPosted: z.boolean(),
  /** A moderator paused your posting here until then, and why. */
  silenced: z.nullable(z.object({ until: z.string(), reason: z.string() })),
});
export type MyMembership = z.infer<typeof MyMembership>;

export const GroupDetail = z.extend(GroupSummary, {
  guidelines: z.string(),
  timezone: z.string(),
  visibility: Visibility,
  checkIn: z.boolean(),
  sessionThreadsGoingOnly: z.boolean(),
  researchShare: z.boolean(),
  resourceReviewMonths: z.number(),
  supportEscalationMinutes: z.number(),
  discussionMonths: z.nullable(z.number()),
  attendanceMonths: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The caller's own membership, or null. */
  membership: z.nullable(MyMembership),
});
export type GroupDetail = z.infer<typeof GroupDetail>;

export const DirectoryPage = z.object({ items: z.array(GroupSummary), nextCursor: z.nullable(z.string()) });
export type DirectoryPage = z.infer<typeof DirectoryPage>;

export const MyGroups = z.object({
  items: z.array(
    z.object({ groupId: z.string(), name: z.string(), role: RoleSchema, status: MemberStatusSchema }),
  ),
});
export type MyGroups = z.infer<typeof MyGroups>;

export const InviteToken = z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, 'Not a valid invite'));

export const JoinRequest = z.strictObject({
  acceptGuidelines: z.literal(true, 'Please read and accept the group guidelines'),
  alias: z.optional(Alias),
  invite: z.optional(InviteToken),
});

export const GroupHeaders = z.object({ [INVITE_HEADER]: z.optional(InviteToken) });

export const MemberView = z.object({
  userId: z.string(),
  /** The alias inside this group, else the handle. */
  displayName: z.string(),
  role: RoleSchema,
  status: MemberStatusSchema,
  joinedAt: z.string(),
  /** Until when a moderator paused their posting (null: they may post). */
  silencedUntil: z.nullable(z.string()),
});
export type MemberView = z.infer<typeof MemberView>;

export const MembersQuery = z.object({
  status: z.optional(MemberStatusSchema),
  cursor: z.optional(Cursor),
  limit: PageLimit,
});
export const MembersPage = z.object({ items: z.array(MemberView), nextCursor: z.nullable(z.string()) });

export const UpdateMemberRequest = z
  .strictObject({
    role: z.optional(RoleSchema),
    /** `active` approves a pending member; `removed` declines a request or removes a member. */
    status: z.optional(z.enum(['active', 'removed'])),
  })
  .check(
    z.refine(
      (u: { role?: string; status?: string }) => u.role !== undefined || u.status !== undefined,
      'Give a role or a status',
    ),
  );

export const CreateInviteRequest = z.strictObject({
  /** Hours until the link stops working: 1 hour to 30 days. */
  expiresInHours: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(720)), 168),
});
export const InviteView = z.object({
  inviteId: z.string(),
  expiresAt: z.string(),
  createdAt: z.string(),
  revoked: z.boolean(),
});
export type InviteView = z.infer<typeof InviteView>;
export const CreatedInvite = z.extend(InviteView, {
  /** The secret part of the link, shown once. */
  token: z.string(),
  url: z.string(),
});
export const InviteParams = z.object({
  groupId: Id,
  inviteId: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/, 'Not a valid invite id')),
});
export const InviteList = z.object({ items: z.array(InviteView) });
