/**
 * What the API answers about a group: its directory card, its page with the caller's
 * membership, a member, an invite.
 * @module
 */
import { sizeBand } from '../../core/groups';
import { DEFAULT_REVIEW_MONTHS } from '../../core/resources';
import { ATTENDANCE_MONTHS_DEFAULT } from '../../core/retention';
import type { GroupDetail, MemberView, MyMembership } from '../../core/schemas/groups';
import { ESCALATION } from '../../core/support';
import type { GroupRecord, InviteRecord, MemberRecord } from '../../store/repos/group-records';

export function summaryOf(g: GroupRecord, now: number) {
  // The earliest start still ahead (a card written before its starts were kept in order holds them as read).
  const starts = g.meets?.starts ?? [];
  const ahead = starts.filter((t) => t > now);
  const next = ahead.length ? Math.min(...ahead) : undefined;
  const n = next === undefined ? -1 : starts.indexOf(next);
  return {
    groupId: g.groupId,
    name: g.name,
    description: g.description,
    focus: g.focus,
    moderationPolicy: g.moderationPolicy,
    tone: g.tone,
    joinPolicy: g.joinPolicy,
    sizeBand: sizeBand(g.memberCount),
    area: g.area ?? null,
    languages: g.languages ?? ['en'],
    meets: g.meets
      ? {
          inPerson: g.meets.inPerson,
          online: g.meets.online,
          places: g.meets.places,
          next: next === undefined ? null : new Date(next).toISOString(),
          nextMode: next === undefined ? null : (g.meets.modes?.[n] ?? null),
        }
      : null,
  };
}

export function membershipOf(m: MemberRecord | null, now: number): MyMembership | null {
  if (!m) return null;
  const silenced = m.silencedUntil && m.silencedUntil > now;
  return {
    role: m.role,
    status: m.status,
    alias: m.alias,
    joinedAt: m.joinedAt,
    hasPosted: !!m.hasPosted,
    silenced: silenced
      ? { until: new Date(m.silencedUntil!).toISOString(), reason: m.silenceReason ?? '' }
      : null,
  };
}

export function detailOf(g: GroupRecord, m: MemberRecord | null, now: number): GroupDetail {
  return {
    ...summaryOf(g, now),
    guidelines: g.guidelines,
    timezone: g.timezone,
    visibility: g.visibility,
    checkIn: !!g.checkIn,
    sessionThreadsGoingOnly: !!g.sessionThreadsGoingOnly,
    researchShare: !!g.researchShare,
    resourceReviewMonths: g.resourceReviewMonths ?? DEFAULT_REVIEW_MONTHS,
    supportEscalationMinutes: g.supportEscalationMinutes ?? ESCALATION.default,
    discussionMonths: g.discussionMonths ?? null,
    attendanceMonths: g.attendanceMonths ?? ATTENDANCE_MONTHS_DEFAULT,
    createdAt: g.createdAt,
    updatedAt: g.updatedAt,
    membership: membershipOf(m, now),
  };
}

export const memberView = (m: MemberRecord, now: number): MemberView => ({
  userId: m.userId,
  displayName: m.displayName,
  role: m.role,
  status: m.status,
  joinedAt: m.joinedAt,
  silencedUntil: m.silencedUntil && m.silencedUntil > now ? new Date(m.silencedUntil).toISOString() : null,
});

export function inviteView(i: InviteRecord) {
  return {
    inviteId: i.inviteId,
    createdAt: i.createdAt,
    expiresAt: new Date(i.expiresAt).toISOString(),
    revoked: i.revoked,
  };
}
