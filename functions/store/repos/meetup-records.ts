/**
 * What the meetups store keeps: a series, its occurrences (each with its RSVP ledger), and the
 * schedule card the group's schedule index carries; reading an item as a record.
 * @module
 */

import { countsOf, type Ledger, readLedger, type SeatCounts, type StoredLedger } from '../../core/ledger';
import type { MeetupMode } from '../../core/modes';
import type { RosterRole, Staffing } from '../../core/roster';
import type { Paths, Prefetch } from '../batch';
import { groupOf, type Key, keys } from '../keys';
import { GSI2 } from '../table';
import { MEMBER_FIELDS } from './group-records';
import type { RosterSlot } from './roster-records';

export interface VenueRecord {
  name: string;
  address: string;
  neighbourhood?: string;
  access: string[];
  accessNotes?: string;
}

export interface MeetupRecord {
  meetupId: string;
  groupId: string;
  title: string;
  description: string;
  start: string;
  durationMinutes: number;
  mode: MeetupMode;
  venue?: VenueRecord;
  online?: { url: string; notes?: string };
  capacity: { inPerson?: number; online?: number };
  /** Absent or null: RSVPs open as soon as a meetup is scheduled. */
  rsvpOpensHoursBefore?: number | null;
  rsvpClosesMinutesBefore: number;
  rrule: string | null;
  /** The duties each of its meetups needs (absent: the default for its mode). */
  staffing?: Staffing;
  /** The occurrence index the current pattern starts at (absent: 0; see replanSeries). */
  ruleFrom?: number;
  occurrenceCount: number;
  status: 'scheduled' | 'cancelled';
  cancelReason?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  /**
   * A change (the request's body) or cancellation (its reason) recorded with the series item,
   * until its occurrences have followed: a crash between leaves it, to be finished (routes/series).
   */
  unfinished?: { at: number; change?: Record<string, unknown>; cancel?: string };
}

/** An occurrence as stored: its card and its ledger's lines. */
export interface OccurrenceItem extends StoredLedger {
  occurrenceId: string;
  meetupId: string;
  groupId: string;
  index: number;
  title: string;
  description: string;
  startLocal: string;
  startAt: number;
  endAt: number;
  timezone: string;
  mode: MeetupMode;
  venue?: VenueRecord;
  online?: { url: string; notes?: string };
  status: 'scheduled' | 'cancelled';
  cancelReason: string | null;
  sequence: number;
  /** When the occurrence itself last changed (not its RSVPs): calendars' DTSTAMP. */
  changedAt: number;
  /** When anyone last joined or left its lines (feeds' Last-Modified). */
  rsvpChangedAt?: number;
  rsvpOpensAt: number;
  rsvpClosesAt: number;
  recurring: boolean;
  /** Fields changed on this occurrence alone, which series edits leave alone. */
  overrides?: Set<string>;
  attendance?: {
    headcount: { inPerson: number | null; online: number | null } | null;
    checkedIn: string[];
    recordedAt: string;
  };
  /** The duties it needs, and who holds each (see repos/roster). */
  staffing?: Staffing;
  roster?: Partial<Record<RosterRole, RosterSlot>>;
  /** The roster gap the organisers were last told of (jobs/roster-gaps). */
  gapNotice?: string;
  /** The verified professional who accepted to answer questions at it (a Q&A; see repos/qa). */
  speaker?: string;
  version: number;
}

/** Every field of an occurrence item but its lines (the compiler checks the list is whole). */
export const CARD_FIELDS = {
  occurrenceId: 1,
  meetupId: 1,
  groupId: 1,
  index: 1,
  title: 1,
  description: 1,
  startLocal: 1,
  startAt: 1,
  endAt: 1,
  timezone: 1,
  mode: 1,
  venue: 1,
  online: 1,
  status: 1,
  cancelReason: 1,
  sequence: 1,
  changedAt: 1,
  rsvpChangedAt: 1,
  rsvpOpensAt: 1,
  rsvpClosesAt: 1,
  recurring: 1,
  overrides: 1,
  attendance: 1,
  staffing: 1,
  roster: 1,
  gapNotice: 1,
  speaker: 1,
  version: 1,
  inLineInPerson: 1,
  inLineOnline: 1,
  capInPerson: 1,
  capOnline: 1,
  tickets: 1,
} satisfies Record<Exclude<keyof OccurrenceItem, 'lineInPerson' | 'lineOnline'>, 1>;

/**
 * What an RSVP reads of an occurrence: everything but the lines, and the member's own entry in
 * them. The lines it reads hold that member alone, so they tell where the member is, not their
 * place.
 */
export const rsvpPaths = (userId: string): Paths => [
  ...Object.keys(CARD_FIELDS).map((f) => [f]),
  ['lineInPerson', userId],
  ['lineOnline', userId],
];

/** An occurrence as read: its item, and who is going and waiting, read from its lines. */
export type OccurrenceRecord = OccurrenceItem & Ledger;

/**
 * A schedule card: the occurrence without its lines, with its seat counts. Not its nominal
 * `startLocal`: the index does not project it (see table.ts); its wall-clock start is
 * `localStart` (core/meetups).
 */
export type OccurrenceCard = Omit<
  OccurrenceItem,
  'lineInPerson' | 'lineOnline' | 'tickets' | 'version' | 'startLocal'
> &
  SeatCounts;

/** The start and occurrence a schedule index entry names, read from its sort key. */
export const scheduled = (entry: Record<string, unknown>) => keys.fromScheduleAt(entry[GSI2.sort] as string);

/**
 * A card from a schedule index entry (completed in place: a feed reads hundreds): what the
 * index leaves to its keys, read from them, and the seat counts.
 */
export function cardOf(entry: Record<string, unknown>): OccurrenceCard {
  const { startAt, occurrenceId } = scheduled(entry);
  return Object.assign(
    entry as unknown as OccurrenceCard,
    { occurrenceId, groupId: groupOf(occurrenceId), startAt },
    countsOf(entry as unknown as StoredLedger),
  );
}

export const SCHEDULE_KEYS = ['pk', 'sk', GSI2.partition, GSI2.sort] as const;

/** An occurrence item as read: who is going and waiting, from its lines. */
export function readOccurrence(item: OccurrenceItem | Record<string, unknown>): OccurrenceRecord {
  const o = item as OccurrenceItem;
  const lines = { lineInPerson: o.lineInPerson ?? {}, lineOnline: o.lineOnline ?? {} };
  return { ...o, ...lines, ...readLedger({ ...o, ...lines }) };
}

export const occurrenceKeys = (occurrenceId: string, userId: string): [Key, Key] => [
  keys.occurrence(occurrenceId),
  keys.member(groupOf(occurrenceId), userId),
];

/** A route's `prefetch`: the occurrence and the caller's membership, read with the session. */
export const withOccurrence = (params: { occurrenceId: string }, userId: string): Prefetch => ({
  keys: occurrenceKeys(params.occurrenceId, userId),
});

/**
 * The `prefetch` of RSVP routes: the membership, and the occurrence without anyone's entry in
 * its lines but the caller's, so an RSVP reads the same however many are going.
 */
export const forRsvp = (params: { occurrenceId: string }, userId: string): Prefetch => ({
  keys: [...occurrenceKeys(params.occurrenceId, userId), keys.feed(userId)],
  only: [...Object.keys(MEMBER_FIELDS).map((f) => [f]), ...rsvpPaths(userId)],
});
