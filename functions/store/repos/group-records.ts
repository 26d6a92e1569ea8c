/** The records the groups store keeps (a group, a membership, an invite), apart from the repository, so the directory can read them too. @module */

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { FocusTag, MemberStatus, ModerationPolicy, Role, Tone } from '../../core/groups';
import type { Meets } from '../../core/meetups';
import type { Staff } from '../../core/support';
import type { Db } from '../client';
import { keys } from '../keys';

export interface GroupRecord {
  groupId: string;
  name: string;
  description: string;
  focus: FocusTag[];
  guidelines: string;
  timezone: string;
  visibility: 'public' | 'private';
  joinPolicy: 'open' | 'approval' | 'invite';
  moderationPolicy: ModerationPolicy;
  tone: Tone;
  /** The town or region it meets in (absent or null: none said). */
  area?: string | null;
  /** The languages it meets and talks in, most used first (absent: English). */
  languages?: string[];
  checkIn?: boolean;
  sessionThreadsGoingOnly?: boolean;
  researchShare?: boolean;
  resourceReviewMonths?: number;
  /** Months a thread is kept after its last post (absent or null: until removed). */
  discussionMonths?: number | null;
  /** Months past meetups keep their names (absent: the default). */
  attendanceMonths?: number;
  /**
   * When the owners shortened how long meetups' names are kept: the job sweeps the group's past
   * meetups once (see jobs/retention), then clears it.
   */
  attendanceSweep?: boolean;
  /** Minutes a support request may wait for someone to take it (absent: the default). */
  supportEscalationMinutes?: number;
  memberCount: number;
  /** When a membership last started to change (see `checkMemberCount`). */
  membersChangingAt?: number;
  owners: Set<string>;
  /**
   * Owners, moderators and facilitators by user id: whom a support request or a report reaches,
   * read with the group. Kept by `setRole` and `deleteMember`, ordered so that a crash between
   * their writes can leave someone out of it, never in it when they no longer hold the role.
   */
  staff?: Staff;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** Bumped by every change to the group's schedule, with its time: group feeds' validators. */
  scheduleVersion?: number;
  scheduleChangedAt?: number;
  /** How it meets, from its upcoming meetups when its schedule last changed. */
  meets?: Meets | null;
  /** The schedule's version `meets` was read at. */
  meetsVersion?: number;
  /**
   * Which meetup's roster is on duty (under way, else next; null: none ahead), good until `until`
   * while the schedule stays at `version` (see api/flows/support).
   */
  dutyHint?: { occurrenceId: string | null; until: number; version: number };
  /** Members who asked to hear of its new meetups (see repos/group-news). */
  meetupNews?: Set<string>;
}

export interface MemberRecord {
  groupId: string;
  userId: string;
  role: Role;
  status: MemberStatus;
  alias: string | null;
  /** The alias, or the handle when there is none: what others in the group see. */
  displayName: string;
  joinedAt: string;
  /** In approval groups, a member's posts wait for a moderator until their first is approved. */
  firstPostApproved?: boolean;
  /** A moderator paused the member's posting in the group until then, and said why. */
  silencedUntil?: number;
  silenceReason?: string;
  /** The member has posted in the group (before that, the guidelines show open by the composer). */
  hasPosted?: boolean;
}

/** Every field of a member item: a projection that reads a membership whole. */
export const MEMBER_FIELDS = {
  groupId: 1,
  userId: 1,
  role: 1,
  status: 1,
  alias: 1,
  displayName: 1,
  joinedAt: 1,
  firstPostApproved: 1,
  silencedUntil: 1,
  silenceReason: 1,
  hasPosted: 1,
} satisfies Record<keyof MemberRecord, 1>;

export interface InviteRecord {
  inviteId: string;
  groupId: string;
  createdBy: string;
  createdAt: string;
  expiresAt: number;
  revoked: boolean;
}

/** A group as stored, read back (its owners a Set). */

export function fromItem(item: Record<string, unknown>): GroupRecord {
  const { pk: _pk, sk: _sk, gsi1pk: _gp, gsi1sk: _gs, ...rest } = item;
  return { ...(rest as unknown as GroupRecord), owners: new Set((item.owners as Set<string>) ?? []) };
}

/** The group as it is now (the directory's writes read it again when they lose a race). */
export async function readGroup(db: Db, groupId: string): Promise<GroupRecord | null> {
  const out = await db.doc.send(
    new GetCommand({ TableName: db.table, Key: keys.group(groupId), ConsistentRead: true }),
  );
  return out.Item ? fromItem(out.Item) : null;
}
