/**
 * Group rules: the vocabularies newcomers choose by, who may do what, and what a directory may
 * reveal. Pure; shared by the API and the web app.
 * @module
 */
import { conflict, forbidden, type HearthError } from './errors';

export const FOCUS_TAGS = {
  anxiety: 'Anxiety',
  depression: 'Depression',
  bipolar: 'Bipolar',
  psychosis: 'Psychosis',
  ocd: 'OCD',
  trauma: 'Trauma and PTSD',
  'eating-disorders': 'Eating disorders',
  'self-harm': 'Self-harm recovery',
  grief: 'Grief and loss',
  addiction: 'Addiction recovery',
  neurodivergence: 'Neurodivergence',
  perinatal: 'Perinatal and postnatal',
  loneliness: 'Loneliness',
  carers: 'Carers and families',
  lgbtq: 'LGBTQ+',
  youth: 'Young adults',
  wellbeing: 'General wellbeing',
} as const;
export type FocusTag = keyof typeof FOCUS_TAGS;

/** How a group is moderated, in words a newcomer can weigh. */
export const MODERATION_POLICIES = {
  light: 'Members look out for each other; moderators act on reports.',
  active: 'Moderators check in every day and act on reports promptly.',
  strict: "New members' first posts are reviewed before they appear; the guidelines are enforced closely.",
} as const;
export type ModerationPolicy = keyof typeof MODERATION_POLICIES;

export const TONES = {
  listening: 'A space to be heard: sharing and listening, little advice.',
  practical: 'Coping strategies, tips and what has worked for others.',
  social: 'Relaxed company, conversation and activities.',
  structured: 'Facilitated sessions that follow a theme or programme.',
} as const;
export type Tone = keyof typeof TONES;

/**
 * An invite travels in this request header, never in a URL a server logs: invite links carry
 * the token in the fragment (`/groups/{id}#invite=…`), which browsers do not send.
 */
export const INVITE_HEADER = 'hearth-invite';

export const ROLES = ['owner', 'moderator', 'facilitator', 'member'] as const;
export type Role = (typeof ROLES)[number];
export type MemberStatus = 'active' | 'pending';

export interface Membership {
  role: Role;
  status: MemberStatus;
}

export type GroupAction =
  | 'read' // see the group's inside: members-only content
  | 'edit' // change name, description, policies
  | 'assign-roles'
  | 'review-members' // see the member list, approve, decline, remove
  | 'invite'
  | 'moderate' // hide and restore posts, lock threads, read reports
  | 'read-audit' // the moderation log
  | 'schedule'; // schedule meetups and hold duties on the roster

const ALLOWED: Record<GroupAction, readonly Role[]> = {
  read: ROLES,
  edit: ['owner'],
  'assign-roles': ['owner'],
  'review-members': ['owner', 'moderator'],
  invite: ['owner', 'moderator'],
  moderate: ['owner', 'moderator'],
  'read-audit': ['owner'],
  schedule: ['owner', 'facilitator'],
};

/** Whether a membership allows an action. Pending members can do nothing inside the group yet. */
export function can(membership: Membership | null | undefined, action: GroupAction): boolean {
  if (membership?.status !== 'active') return false;
  return ALLOWED[action].includes(membership.role);
}

/**
 * Why `me` may not remove `target` from the group (an owner cannot be removed, only owners
 * remove moderators), or null. Who reviews members at all is the `review-members` action.
 */
export function removalRefused(me: Membership, target: Membership): HearthError | null {
  if (target.role === 'owner') return conflict('An owner cannot be removed; change their role first');
  if (target.role === 'moderator' && me.role !== 'owner') return forbidden('Only owners remove moderators');
  return null;
}

/** What giving `target` the role `to` takes, or why it cannot be given yet. */
export function roleChange(
  target: Membership,
  to: Role,
): HearthError | { becomesOwner: boolean; stepsDownAsOwner: boolean; stopsFacilitating: boolean } {
  if (target.status !== 'active') return conflict('Approve the request before assigning a role');
  const after = { ...target, role: to };
  return {
    becomesOwner: to === 'owner',
    stepsDownAsOwner: target.role === 'owner' && to !== 'owner',
    // No longer facilitating: their duties go back to the roster.
    stopsFacilitating: can(target, 'schedule') && !can(after, 'schedule'),
  };
}

/** When an owner steps down and no other owner is left. */
export const LAST_OWNER = 'A group needs at least one owner; make someone else owner first';

/**
 * A private group is invisible to everyone but its active and pending members: the API answers
 * 404, exactly as for a group that does not exist, so its existence is not revealed.
 */
export function canSeeGroup(
  visibility: 'public' | 'private',
  membership: Membership | null | undefined,
  hasValidInvite = false,
): boolean {
  return visibility === 'public' || !!membership || hasValidInvite;
}

/**
 * Whether someone sees what is inside a group (its meetups, its schedule and calendars): anyone
 * for a public group; for a private one, its active members only. A request still waiting is
 * outside: it sees the group's page (to know it waits), nothing in it.
 */
export const canSeeInside = (
  visibility: 'public' | 'private',
  membership: Membership | null | undefined,
): boolean => visibility === 'public' || membership?.status === 'active';

/** What joining leads to, or why it is refused. */
export function joinOutcome(
  policy: 'open' | 'approval' | 'invite',
  visibility: 'public' | 'private',
  hasValidInvite: boolean,
): { status: MemberStatus } | { refused: string } {
  if ((policy === 'invite' || visibility === 'private') && !hasValidInvite) {
    return { refused: 'This group is joined by invitation; ask a member for an invite link' };
  }
  if (policy === 'approval') return { status: 'pending' };
  return { status: 'active' };
}

/** The bands a group's size is shown in, smallest first. */
export const SIZE_BANDS = {
  under10: 'Under 10 members',
  to24: '10–24 members',
  to49: '25–49 members',
  to99: '50–99 members',
  over100: '100+ members',
} as const;

/** Sizes are shown as bands so a directory never pins down how many people attend. */
export function sizeBand(memberCount: number): string {
  if (memberCount < 10) return SIZE_BANDS.under10;
  if (memberCount < 25) return SIZE_BANDS.to24;
  if (memberCount < 50) return SIZE_BANDS.to49;
  if (memberCount < 100) return SIZE_BANDS.to99;
  return SIZE_BANDS.over100;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

/** How a directory searcher can ask a group to meet: a way its upcoming meetups offer. */
export const MEETING_WAYS = {
  in_person: 'In person',
  online: 'Online',
  hybrid: 'In the room and online at once',
} as const;
export type MeetingWay = keyof typeof MEETING_WAYS;

/**
 * What the directory filters a group by, beyond its own fields: the ways its upcoming meetups
 * meet, and where (its town or region, and the neighbourhoods its meetups in person name), as
 * lower-case text a search is contained in.
 */
export function meetingFacets(g: {
  area?: string | null;
  meets?: { inPerson: boolean; online: boolean; places: string[]; modes?: string[] } | null;
}): { ways: MeetingWay[]; where: string } {
  const m = g.meets;
  const ways: MeetingWay[] = [];
  if (m?.inPerson) ways.push('in_person');
  if (m?.online) ways.push('online');
  if (m?.modes?.includes('hybrid')) ways.push('hybrid');
  const places = m?.inPerson ? m.places : [];
  return { ways, where: placeText([g.area ?? '', ...places].join(' ')) };
}

/**
 * Places as the directory compares them: whole words, lower case, between spaces, so a search is
 * matched word for word (" york " is not in " west yorkshire ", " leeds " is in " leeds city centre ").
 */
export const placeText = (s: string) => {
  const words = s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return words ? ` ${words} ` : '';
};

/** Lower-cased text the directory searches: name, description and focus labels. */
export function searchText(g: { name: string; description: string; focus: readonly FocusTag[] }): string {
  return [g.name, g.description, ...g.focus.map((f) => FOCUS_TAGS[f])]
    .join(' ')
    .normalize('NFKC')
    .toLowerCase()
    .slice(0, 2000);
}
