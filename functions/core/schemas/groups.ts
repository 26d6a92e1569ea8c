import * as z from 'zod';
import { FOCUS_TAGS, type FocusTag, isValidTimeZone, MODERATION_POLICIES, ROLES, TONES } from '../groups';
import { Cursor, Id, line, PageLimit, text } from './common';

const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const FocusTagSchema = z.enum(keys(FOCUS_TAGS) as [FocusTag, ...FocusTag[]]);
export const ModerationPolicySchema = z.enum(keys(MODERATION_POLICIES));
export const ToneSchema = z.enum(keys(TONES));
export const Visibility = z.enum(['public', 'private']);
export const JoinPolicy = z.enum(['open', 'approval', 'invite']);
export const RoleSchema = z.enum(ROLES);
export const TimeZone = z
  .string()
  .max(64)
  .refine(isValidTimeZone, 'Use an IANA time zone such as Europe/London');

/** Aliases follow the handle shape but may contain spaces ("River M."). */
export const Alias = line(2, 32).regex(
  /^[\p{L}\p{N}][\p{L}\p{N} ._'()-]*$/u,
  'Use letters, digits, spaces, dots, dashes, brackets or apostrophes',
);

const groupFields = {
  name: line(3, 80),
  description: text(2000, 1),
  focus: z
    .array(FocusTagSchema)
    .min(1, 'Choose at least one focus')
    .max(5, 'Choose at most 5')
    .refine((f) => new Set(f).size === f.length, 'Each focus once'),
  guidelines: text(5000, 20),
  timezone: TimeZone,
  visibility: Visibility,
  joinPolicy: JoinPolicy,
  moderationPolicy: ModerationPolicySchema,
  tone: ToneSchema,
};

export const CreateGroupRequest = z.strictObject(groupFields);
export type CreateGroupRequest = z.infer<typeof CreateGroupRequest>;
export const UpdateGroupRequest = z
  .strictObject(groupFields)
  .partial()
  .refine((u) => Object.keys(u).length > 0, 'Change at least one field');
export type UpdateGroupRequest = z.infer<typeof UpdateGroupRequest>;

export const GroupParams = z.object({ groupId: Id });
export const MemberParams = z.object({ groupId: Id, userId: z.union([Id, z.literal('me')]) });

export const DirectoryQuery = z.object({
  q: line(1, 80).optional(),
  focus: FocusTagSchema.optional(),
  moderationPolicy: ModerationPolicySchema.optional(),
  tone: ToneSchema.optional(),
  cursor: Cursor.optional(),
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
});
export type GroupSummary = z.infer<typeof GroupSummary>;

export const MyMembership = z.object({
  role: RoleSchema,
  status: z.enum(['active', 'pending']),
  alias: z.string().nullable(),
  joinedAt: z.string(),
});

export const GroupDetail = GroupSummary.extend({
  guidelines: z.string(),
  timezone: z.string(),
  visibility: Visibility,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The caller's own membership, or null. */
  membership: MyMembership.nullable(),
});
export type GroupDetail = z.infer<typeof GroupDetail>;

export const DirectoryPage = z.object({ items: z.array(GroupSummary), nextCursor: z.string().nullable() });
export type DirectoryPage = z.infer<typeof DirectoryPage>;

export const MyGroups = z.object({
  items: z.array(
    z.object({
      groupId: z.string(),
      name: z.string(),
      role: RoleSchema,
      status: z.enum(['active', 'pending']),
    }),
  ),
});

export const InviteToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Not a valid invite');

export const JoinRequest = z.strictObject({
  acceptGuidelines: z.literal(true, 'Please read and accept the group guidelines'),
  alias: Alias.optional(),
  invite: InviteToken.optional(),
});

export const GroupQuery = z.object({ invite: InviteToken.optional() });

export const MemberView = z.object({
  userId: z.string(),
  /** The alias inside this group, else the handle. */
  displayName: z.string(),
  role: RoleSchema,
  status: z.enum(['active', 'pending']),
  joinedAt: z.string(),
});
export type MemberView = z.infer<typeof MemberView>;

export const MembersQuery = z.object({
  status: z.enum(['active', 'pending']).optional(),
  cursor: Cursor.optional(),
  limit: PageLimit,
});
export const MembersPage = z.object({ items: z.array(MemberView), nextCursor: z.string().nullable() });

export const UpdateMemberRequest = z
  .strictObject({
    role: RoleSchema.optional(),
    /** `active` approves a pending member; `removed` declines a request or removes a member. */
    status: z.enum(['active', 'removed']).optional(),
  })
  .refine((u) => u.role !== undefined || u.status !== undefined, 'Give a role or a status');

export const CreateInviteRequest = z.strictObject({
  /** Hours until the link stops working: 1 hour to 30 days. */
  expiresInHours: z.number().int().min(1).max(720).default(168),
});
export const InviteView = z.object({
  inviteId: z.string(),
  expiresAt: z.string(),
  createdAt: z.string(),
  revoked: z.boolean(),
});
export const CreatedInvite = InviteView.extend({
  /** The secret part of the link, shown once. */
  token: z.string(),
  url: z.string(),
});
export const InviteParams = z.object({ groupId: Id, inviteId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });
export const InviteList = z.object({ items: z.array(InviteView) });
