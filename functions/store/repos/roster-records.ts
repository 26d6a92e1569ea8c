/**
 * What the roster store keeps: a facilitator's profile, a duty on a meetup's roster, a
 * facilitator's list of duties, a request to cover one.
 * @module
 */
import type { FacilitatorProfile, RosterRole } from '../../core/roster';

/** A facilitator's profile, as kept: one item per facilitator and group. */
export type FacilitatorRecord = FacilitatorProfile;

export interface RosterSlot {
  userId: string;
  status: 'assigned' | 'confirmed';
  assignedBy: string;
  at: number;
  /** An open request for someone to cover this duty. */
  coverRequestId?: string;
}

/** One duty in a facilitator's own list: enough to check overlaps and show "My duties". */
export interface DutyEntry {
  occurrenceId: string;
  groupId: string;
  role: RosterRole;
  startAt: number;
  endAt: number;
}

export interface CoverRequestRecord {
  coverRequestId: string;
  groupId: string;
  occurrenceId: string;
  role: RosterRole;
  askerId: string;
  /** Why they ask, for whoever might take it. */
  note?: string;
  status: 'open' | 'taken' | 'withdrawn';
  takenBy?: string;
  createdAt: number;
  /** Who was told of it besides the asker (those who could take it, or the owners): told again if it is withdrawn. */
  told?: string[];
}

export const dutyKey = (occurrenceId: string, role: RosterRole) => `${occurrenceId}.${role}`;
