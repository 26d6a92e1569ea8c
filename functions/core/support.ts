/**
 * The safety loop's rules: who hears of a support request, who may see and act on it, when it
 * escalates, and who takes part in a member's private conversation with the facilitators. Pure.
 *
 * A post that matches a crisis phrase opens a support request for its group (one open request
 * per member per group; later matches add to it). The people on duty for the group's current or
 * next meetup are told at once, else every facilitator, moderator and owner; never other members.
 * One of them acknowledges it ("I'm on it"), records what was done and closes it. A request
 * nobody acknowledged within the group's chosen time is escalated to every moderator and owner.
 * @module
 */
import type { Membership, Role } from './groups';

/** What was done for a person, recorded by whoever took the request. */
export const SUPPORT_ACTIONS = {
  reached_out: 'Reached out privately',
  crisis_lines: 'Pointed to crisis lines',
  emergency: 'Urged them to contact emergency services',
  no_action: 'No action needed',
} as const;
export type SupportAction = keyof typeof SUPPORT_ACTIONS;

/** Minutes a request may wait for someone to take it before moderators and owners are told. */
export const ESCALATION = { default: 30, min: 5, max: 240 } as const;

/** The most posts one request keeps (later matches still count, and keep it fresh). */
export const SUPPORT_POSTS_MAX = 50;

/** A message in a member's conversation with the facilitators. */
export const MESSAGE_MAX = 4000;

/** Roles with a part in a group's safety: they see its support requests. */
const SUPPORT_ROLES: readonly Role[] = ['owner', 'moderator', 'facilitator'];
/** Roles that talk with members who ask for a facilitator (owners facilitate too). */
const CONVERSATION_ROLES: readonly Role[] = ['owner', 'facilitator'];
/** Roles told when a request waits too long, or when a post is reported. */
const ESCALATION_ROLES: readonly Role[] = ['owner', 'moderator'];

const active = (m: Membership | null | undefined): m is Membership => m?.status === 'active';

/** Whether someone sees the group's support requests (and may take one). */
export const seesSupport = (m: Membership | null | undefined) => active(m) && SUPPORT_ROLES.includes(m.role);

/** The staff a group keeps by user id: owners, moderators and facilitators with their role. */
export type Staff = Record<string, Role>;

/** Whether a role is kept in the group's staff list. */
export const isStaffRole = (role: Role) => SUPPORT_ROLES.includes(role);

/** A meetup as the on-duty rule reads it. */
export interface DutyMeetup {
  occurrenceId: string;
  startAt: number;
  endAt: number;
  status: string;
}

/**
 * The meetup whose facilitators are on duty now: the group's meetup under way, else its next one
 * (cancelled ones need no one). Null when the group has neither.
 */
export function dutyMeetup<M extends DutyMeetup>(meetups: M[], now: number): M | null {
  const live = meetups.filter((m) => m.status === 'scheduled' && m.endAt > now);
  const current = live.find((m) => m.startAt <= now);
  return current ?? live.filter((m) => m.startAt > now).sort((a, b) => a.startAt - b.startAt)[0] ?? null;
}

/** Everyone holding a duty in a meetup's roster, each once. */
export const holdersOf = (roster: Partial<Record<string, { userId: string }>>) => [
  ...new Set(Object.values(roster).flatMap((slot) => (slot ? [slot.userId] : []))),
];

/**
 * Who is told of a new support request, at once: those on duty who are still staff, else every
 * facilitator, moderator and owner. Never the person it is about.
 */
export function supportRecipients(staff: Staff, duty: string[], about: string): string[] {
  const onDutyStaff = duty.filter((u) => u !== about && Object.hasOwn(staff, u));
  if (onDutyStaff.length) return onDutyStaff;
  return Object.keys(staff).filter((u) => u !== about);
}

/** Who is told when a request waited too long, or a post was reported: moderators and owners. */
export const escalationRecipients = (staff: Staff, about?: string) =>
  Object.entries(staff)
    .filter(([u, role]) => u !== about && ESCALATION_ROLES.includes(role))
    .map(([u]) => u);

/** Who hears when a member asks a facilitator to reach out: facilitators on duty, else all. */
export function conversationRecipients(staff: Staff, duty: string[], about: string): string[] {
  const talks = (u: string) =>
    u !== about && Object.hasOwn(staff, u) && CONVERSATION_ROLES.includes(staff[u] as Role);
  const onDutyStaff = duty.filter(talks);
  return onDutyStaff.length ? onDutyStaff : Object.keys(staff).filter(talks);
}

/** The instant an unacknowledged request escalates. */
export const escalatesAt = (openedAt: number, minutes: number | undefined) =>
  openedAt + (minutes ?? ESCALATION.default) * 60_000;

/**
 * Who may read a member's conversation with the facilitators: the member, the group's
 * facilitators and owners; moderators only once it has been escalated. Nobody else.
 */
export function canSeeConversation(
  viewer: { userId: string; member: Membership | null },
  conversation: { memberId: string; escalated?: boolean },
): boolean {
  if (!active(viewer.member)) return false;
  if (viewer.userId === conversation.memberId) return true;
  if (CONVERSATION_ROLES.includes(viewer.member.role)) return true;
  return viewer.member.role === 'moderator' && !!conversation.escalated;
}

/** Whether someone is one of those a member talks to (not the member themself). */
export const talksForGroup = (m: Membership | null | undefined) =>
  active(m) && CONVERSATION_ROLES.includes(m.role);

/** How a report was settled. */
export const REPORT_OUTCOMES = {
  hidden: 'Hidden',
  talked: 'Talked to the member',
  no_breach: 'No breach of the guidelines',
  dismissed: 'Dismissed',
} as const;
export type ReportOutcome = keyof typeof REPORT_OUTCOMES;
