/**
 * Facilitator rosters: who may take which duty at a meetup, and the auto-fill that proposes a
 * roster for a date range. Pure and deterministic: the same input gives the same roster, with a
 * reason for every choice and for every duty left open.
 * @module
 */
import { can, type Membership } from './groups';
import type { Attendance, MeetupMode } from './modes';
import { WEEKDAYS, type Weekday, weekdayIndex } from './recurrence';
import { formatLocal, localAt } from './time';

export const ROSTER_ROLES = {
  lead: 'Lead facilitator',
  co: 'Co-facilitator',
  host: 'Online host',
  greeter: 'Greeter',
} as const;
export type RosterRole = keyof typeof ROSTER_ROLES;
export const ROLE_ORDER = Object.keys(ROSTER_ROLES) as RosterRole[];

/** What a meetup needs: the duties it has, and how many must be filled for it to run safely. */
export interface Staffing {
  roles: RosterRole[];
  minimum: number;
}

/** Unless the meetup says otherwise: a lead, and an online host where people join online too. */
export function defaultStaffing(mode: MeetupMode): Staffing {
  if (mode === 'hybrid') return { roles: ['lead', 'host'], minimum: 2 };
  return { roles: ['lead', 'co'], minimum: 1 };
}

export interface WeeklyWindow {
  day: Weekday;
  /** Local times `HH:mm` in the group's zone; `to` after `from`. */
  from: string;
  to: string;
}

export interface Facilitator {
  userId: string;
  active: boolean;
  /** When they completed facilitator training (a date), if they have. Leads must have. */
  trainedOn: string | null;
  maxPerMonth: number;
  /** The ways they prefer to facilitate; a tie goes to the one whose preference fits. */
  modes: Attendance[];
  /** When they can, week by week (none: any time), and date ranges they are away. */
  weekly: WeeklyWindow[];
  away: { from: string; to: string }[];
}

/** A facilitator's profile in one group, as kept. */
export interface FacilitatorProfile extends Facilitator {
  groupId: string;
  /** Who recorded the training. */
  trainedBy: string | null;
  updatedAt: string;
}

/** Who may be given duties: a group's active facilitators and owners. */
export const canFacilitate = (m: Membership | null | undefined) => can(m, 'schedule');

/** Who staffs the roster by hand, runs auto-fill and sees every duty: a group's active owners. */
export const canStaff = (m: Membership | null | undefined) => m?.status === 'active' && m.role === 'owner';

/** The profile of a facilitator who has not written one: available any time, up to four a month. */
export const defaultProfile = (groupId: string, userId: string, now: number): FacilitatorProfile => ({
  groupId,
  userId,
  active: true,
  trainedOn: null,
  trainedBy: null,
  maxPerMonth: 4,
  modes: ['in_person', 'online'],
  weekly: [],
  away: [],
  updatedAt: new Date(now).toISOString(),
});

/**
 * The profile a member facilitates with: their stored one, or for a facilitator who has not
 * written one yet, the defaults. Owners facilitate once they have a profile. Null: not a
 * facilitator here.
 */
export function profileOf(
  m: (Membership & { userId: string; groupId: string }) | null,
  stored: FacilitatorProfile | null | undefined,
  now: number,
): FacilitatorProfile | null {
  if (!m || !canFacilitate(m)) return null;
  if (stored) return stored;
  return m.role === 'facilitator' ? defaultProfile(m.groupId, m.userId, now) : null;
}

/** A duty is unconfirmed while its holder has not yet said they will do it. */
export const isUnconfirmed = (slot: { status: string } | null | undefined) => slot?.status === 'assigned';

/** A meetup's duties given but not yet confirmed, in the order of its staffing. */
export const unconfirmedRoles = (
  staffing: Staffing,
  roster: Partial<Record<RosterRole, { status: string } | null | undefined>>,
): RosterRole[] => staffing.roles.filter((r) => isUnconfirmed(roster[r]));

export interface RosterSlotInput {
  occurrenceId: string;
  groupId: string;
  startAt: number;
  endAt: number;
  mode: MeetupMode;
  staffing: Staffing;
  /** Duties already held, by role. */
  filled: Partial<Record<RosterRole, string>>;
}

/** A facilitator's duty anywhere (any group): for overlaps and monthly counts. */
export interface Duty {
  userId: string;
  occurrenceId: string;
  startAt: number;
  endAt: number;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** The calendar month of an instant in the group's zone: "2027-03". */
export const monthOf = (at: number, zone: string) => formatLocal(localAt(at, zone)).slice(0, 7);

/**
 * Why a facilitator cannot take a duty: not taking duties, not trained to lead, away that day,
 * outside their weekly times, another duty then, or their most for the month already.
 */
export const UNAVAILABLE = ['inactive', 'untrained', 'away', 'outside', 'busy', 'monthFull'] as const;
export type Unavailable = (typeof UNAVAILABLE)[number];

/** Why a facilitator cannot take a duty, or null when they can. */
export function unavailable(
  f: Facilitator,
  slot: Pick<RosterSlotInput, 'startAt' | 'endAt'>,
  role: RosterRole,
  zone: string,
  duties: Duty[],
): Unavailable | null {
  if (!f.active) return 'inactive';
  if (role === 'lead' && !f.trainedOn) return 'untrained';
  const start = localAt(slot.startAt, zone);
  const end = localAt(slot.endAt, zone);
  const date = formatLocal(start).slice(0, 10);
  if (f.away.some((a) => a.from <= date && date <= a.to)) return 'away';
  if (f.weekly.length) {
    const day = WEEKDAYS[weekdayIndex(start)];
    const from = start.hour * 60 + start.minute;
    const to = formatLocal(end).slice(0, 10) === date ? end.hour * 60 + end.minute : 24 * 60;
    const fits = f.weekly.some((w) => w.day === day && minutes(w.from) <= from && to <= minutes(w.to));
    if (!fits) return 'outside';
  }
  const mine = duties.filter((d) => d.userId === f.userId);
  if (mine.some((d) => d.startAt < slot.endAt && slot.startAt < d.endAt)) return 'busy';
  const month = monthOf(slot.startAt, zone);
  if (mine.filter((d) => monthOf(d.startAt, zone) === month).length >= f.maxPerMonth) return 'monthFull';
  return null;
}

/** Why a facilitator cannot take a duty, as the API says it to whoever gave it to them. */
export const CANNOT_TAKE: Record<Unavailable, string> = {
  inactive: 'They are not taking duties at the moment',
  untrained: 'Leading needs recorded training, which they do not have',
  away: 'They are away that day',
  outside: 'Their weekly times do not include it',
  busy: 'They have another duty then',
  monthFull: 'They already have as many duties that month as they take',
};

/** A request for cover's note: why they ask, for whoever might take it. */
export const COVER_NOTE_MAX = 300;

/** Why someone cannot cover a duty: besides being unavailable, it is theirs, or they hold one there already. */
export const COVER_BARS = ['own', 'notFacilitator', 'alreadyThere', ...UNAVAILABLE] as const;
export type CoverBar = (typeof COVER_BARS)[number];

/**
 * Why `userId` cannot take a duty someone asked cover for, or null when they can:
 * it is not their own, they facilitate here (`f`), hold no duty at that meetup already, and are
 * available by their profile and every duty they hold.
 */
export function whyNotCover(
  userId: string,
  request: { askerId: string; role: RosterRole },
  f: Facilitator | null,
  o: { startAt: number; endAt: number; roster: Partial<Record<RosterRole, { userId: string }>> },
  zone: string,
  duties: Duty[],
): CoverBar | null {
  if (userId === request.askerId) return 'own';
  if (!f) return 'notFacilitator';
  if (Object.values(o.roster).some((s) => s?.userId === userId)) return 'alreadyThere';
  return unavailable(f, o, request.role, zone, duties);
}

/**
 * Who a cover request goes to: the facilitators (with their profiles and every duty they hold)
 * who could take the duty, by the same rule that tells each why they cannot.
 */
export function coverCandidates(
  people: { userId: string; profile: Facilitator; duties: Duty[] }[],
  request: { askerId: string; role: RosterRole },
  o: { startAt: number; endAt: number; roster: Partial<Record<RosterRole, { userId: string }>> },
  zone: string,
): string[] {
  return people
    .filter((p) => whyNotCover(p.userId, request, p.profile, o, zone, p.duties) === null)
    .map((p) => p.userId);
}

/**
 * Why auto-fill chose someone: the only one who can; fewest duties that month, or in the dates
 * asked for, or as this role; their preferred way of meeting; or a tie broken by a fixed order.
 */
export type ChosenBecause =
  | { why: 'only' }
  | { why: 'fewestMonth' | 'fewestRange' | 'fewestRole' | 'tied'; count: number }
  | { why: 'prefers'; mode: Attendance };

export interface Proposal {
  occurrenceId: string;
  role: RosterRole;
  userId: string;
  reason: ChosenBecause;
}

/** Why a duty stays open: no facilitators, or how many could not for each reason. */
export type OpenBecause =
  | { why: 'noFacilitators' }
  | { why: 'noOne'; counts: Partial<Record<Unavailable | 'alreadyThere', number>> };

export interface Unfilled {
  occurrenceId: string;
  role: RosterRole;
  reason: OpenBecause;
}

/**
 * Proposes who takes each open duty, meetup by meetup in time order and the lead first: among
 * those who can, the one with the fewest duties that month, then the fewest in the range, then
 * the fewest proposed in this role (so leading is shared too), then the one whose preferred way
 * of facilitating fits, then a stable order. Duties held elsewhere
 * (other groups) count for overlaps and the monthly most; duties already on this roster stay.
 */
export function autofill(input: {
  zone: string;
  facilitators: Facilitator[];
  slots: RosterSlotInput[];
  /** Every duty the facilitators already hold, in any group. */
  duties: Duty[];
}): { proposals: Proposal[]; unfilled: Unfilled[] } {
  const duties = [...input.duties];
  const proposals: Proposal[] = [];
  const unfilled: Unfilled[] = [];
  const facilitators = [...input.facilitators].sort((a, b) => (a.userId < b.userId ? -1 : 1));
  const slots = input.slots
    .map((s) => ({ ...s, filled: { ...s.filled } }))
    .sort((a, b) => a.startAt - b.startAt || (a.occurrenceId < b.occurrenceId ? -1 : 1));
  const inRange = (userId: string) =>
    duties.filter((d) => d.userId === userId && slots.some((s) => s.occurrenceId === d.occurrenceId)).length;
  for (const slot of slots) {
    const month = monthOf(slot.startAt, input.zone);
    const prefers = slot.mode === 'online' ? 'online' : 'in_person';
    for (const role of ROLE_ORDER.filter((r) => slot.staffing.roles.includes(r))) {
      if (slot.filled[role]) continue;
      const here = new Set(Object.values(slot.filled));
      const refusals = new Map<string, Unavailable | 'alreadyThere'>();
      const able = facilitators.filter((f) => {
        if (here.has(f.userId)) {
          refusals.set(f.userId, 'alreadyThere');
          return false;
        }
        const why = unavailable(f, slot, role, input.zone, duties);
        if (why) refusals.set(f.userId, why);
        return !why;
      });
      if (!able.length) {
        const counts: Partial<Record<Unavailable | 'alreadyThere', number>> = {};
        for (const why of refusals.values()) counts[why] = (counts[why] ?? 0) + 1;
        unfilled.push({
          occurrenceId: slot.occurrenceId,
          role,
          reason: facilitators.length ? { why: 'noOne', counts } : { why: 'noFacilitators' },
        });
        continue;
      }
      const score = (f: Facilitator) => {
        const monthCount = duties.filter(
          (d) => d.userId === f.userId && monthOf(d.startAt, input.zone) === month,
        ).length;
        const asRole = proposals.filter((p) => p.userId === f.userId && p.role === role).length;
        return [monthCount, inRange(f.userId), asRole, f.modes.includes(prefers) ? 0 : 1] as const;
      };
      const scored = able.map((f) => ({ f, s: score(f) }));
      scored.sort((a, b) => a.s[0] - b.s[0] || a.s[1] - b.s[1] || a.s[2] - b.s[2] || a.s[3] - b.s[3]);
      const { f, s } = scored[0]!;
      const next = scored[1];
      const reason: ChosenBecause = !next
        ? { why: 'only' }
        : next.s[0] > s[0]
          ? { why: 'fewestMonth', count: s[0] }
          : next.s[1] > s[1]
            ? { why: 'fewestRange', count: s[1] }
            : next.s[2] > s[2]
              ? { why: 'fewestRole', count: s[2] }
              : next.s[3] > s[3]
                ? { why: 'prefers', mode: prefers }
                : { why: 'tied', count: s[0] };
      proposals.push({ occurrenceId: slot.occurrenceId, role, userId: f.userId, reason });
      slot.filled[role] = f.userId;
      duties.push({
        userId: f.userId,
        occurrenceId: slot.occurrenceId,
        startAt: slot.startAt,
        endAt: slot.endAt,
      });
    }
  }
  return { proposals, unfilled };
}

/** How a meetup's roster stands: understaffed when fewer than its minimum are filled. */
export function staffingGap(staffing: Staffing, filled: Partial<Record<RosterRole, unknown>>) {
  const held = staffing.roles.filter((r) => filled[r]).length;
  return {
    understaffed: held < staffing.minimum || (staffing.roles.includes('lead') && !filled.lead),
    open: staffing.roles.filter((r) => !filled[r]),
  };
}
