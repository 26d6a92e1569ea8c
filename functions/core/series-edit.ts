/**
 * A change to a whole series, planned before anything is written: whether it may be made, what
 * the series becomes, and what each meetup still to come becomes. Pure; the flow that carries it
 * out (api/flows/series.ts) writes, tells and moves duties as this plan says.
 * @module
 */
import type { FieldError } from './errors';
import {
  changeShapeProblems,
  localStart,
  movedWindow,
  type RsvpRule,
  rsvpWindowOf,
  rsvpWindowProblems,
} from './meetups';
import type { MeetupMode } from './modes';
import { formatRule } from './recurrence';
import type { RosterRole } from './roster';
import type { UpdateMeetupRequest } from './schemas/meetups';
import { NEW_DATES_REASON, type Replanned, replanSeries } from './series';
import { parseLocal, resolveLocal } from './time';

export type SeriesChange = UpdateMeetupRequest;

/** The series as kept, as far as a change reads it. */
export interface EditedSeries extends RsvpRule {
  mode: MeetupMode;
  start: string;
  rrule: string | null;
  ruleFrom?: number;
  occurrenceCount: number;
}

/** One of the series' meetups, as far as a change reads it. */
export interface EditedOccurrence {
  occurrenceId: string;
  index: number;
  status: 'scheduled' | 'cancelled';
  cancelReason?: string | null;
  startAt: number;
  endAt: number;
  startLocal: string;
  rsvpOpensAt: number;
  rsvpClosesAt: number;
  recurring?: boolean;
  /** Fields this meetup was given on its own, which a change to the series leaves as they are. */
  overrides?: Set<string>;
  roster?: Partial<Record<RosterRole, unknown>>;
}

/** What one upcoming meetup becomes (absent fields stay as they are). */
export interface OccurrenceChange {
  title?: string;
  description?: string;
  venue?: SeriesChange['venue'];
  online?: SeriesChange['online'];
  startLocal: string;
  startAt: number;
  endAt: number;
  rsvpOpensAt: number;
  rsvpClosesAt: number;
  capInPerson?: number;
  capOnline?: number;
  recurring?: true;
}

export type SeriesEdit =
  | { problems: FieldError[] }
  | { refused: string }
  | {
      /** The series' own fields after the change. */
      series: Partial<Omit<SeriesChange, 'recurrence' | 'time'>> & {
        start: string;
        rrule?: string;
        ruleFrom?: number;
        occurrenceCount?: number;
      };
      /** New dates: which meetups stay, which are cancelled, which are new (null: same dates). */
      replan: Replanned | null;
      /** The upcoming meetups that change, and how. */
      changes: { occurrenceId: string; set: OccurrenceChange }[];
      /** The upcoming meetups given the change's staffing (all of them, when it has one). */
      restaff: string[];
    };

const FOLLOWED = ['title', 'description', 'venue', 'online', 'capacity'] as const;

/**
 * Plans `change` to `series`, given every meetup it has (`all`), in its group's `zone`, at `at`.
 * Meetups that have started stay as they were; a field a meetup was given on its own stays too.
 */
export function planSeriesEdit(
  series: EditedSeries,
  change: SeriesChange,
  all: EditedOccurrence[],
  zone: string,
  at: number,
): SeriesEdit {
  const shape = changeShapeProblems(series.mode, change);
  if (shape.length) return { problems: shape };
  const rsvpRule = {
    rsvpOpensHoursBefore:
      change.rsvpOpensHoursBefore !== undefined ? change.rsvpOpensHoursBefore : series.rsvpOpensHoursBefore,
    rsvpClosesMinutesBefore: change.rsvpClosesMinutesBefore ?? series.rsvpClosesMinutesBefore,
  };
  const windowProblems = rsvpWindowProblems(rsvpRule);
  if (windowProblems.length) return { problems: windowProblems };
  const newWindow = change.rsvpOpensHoursBefore !== undefined || change.rsvpClosesMinutesBefore !== undefined;
  const { recurrence, time, ...fields } = change;
  const start = time ? `${series.start.slice(0, 11)}${time}` : series.start;
  // What has not started; a date an earlier change of dates dropped is free to be used again.
  const ahead = all.filter((o) => o.startAt > at && o.cancelReason !== NEW_DATES_REASON);
  const upcoming = ahead.filter((o) => o.status === 'scheduled');
  const anchor = recurrence?.start ?? start;
  const replan = recurrence
    ? replanSeries(
        {
          start: series.start,
          rrule: series.rrule,
          ruleFrom: series.ruleFrom ?? 0,
          occurrenceCount: series.occurrenceCount,
        },
        { start: anchor, rrule: recurrence.rrule },
        ahead,
        zone,
        at,
        new Set(all.map((o) => o.index)),
      )
    : null;
  if (replan && 'problems' in replan) return { problems: replan.problems };
  if (fields.staffing) {
    // A duty someone holds on an upcoming meetup cannot be dropped from under them.
    const roles = fields.staffing.roles;
    const held = upcoming.flatMap((o) =>
      Object.entries(o.roster ?? {})
        .filter(([role, slot]) => slot && !roles.includes(role as RosterRole))
        .map(([role]) => `${role} on ${localStart({ startAt: o.startAt, timezone: zone }).slice(0, 10)}`),
    );
    if (held.length)
      return {
        refused: `Someone holds a duty this change drops (${held.join(', ')}): take it off them first`,
      };
  }

  // New dates move nothing: what stays is already on a date of the new pattern.
  const follow = replan ? upcoming.filter((o) => replan.keep.has(o.occurrenceId)) : upcoming;
  // A one-off meetup that now repeats: what it had is part of the series from now on (a change
  // finished again finds the series repeating already, and what it had perhaps not yet marked).
  const becomesSeries = !!replan && follow.some((o) => !o.recurring);
  const changes: { occurrenceId: string; set: OccurrenceChange }[] = [];
  for (const o of follow) {
    const own = o.overrides ?? new Set<string>();
    const follows = (field: keyof typeof fields) => !own.has(field) && fields[field] !== undefined;
    let startAt = o.startAt;
    let startLocal = o.startLocal;
    if (time && !replan && !own.has('start')) {
      startLocal = `${o.startLocal.slice(0, 11)}${time}`;
      startAt = resolveLocal(parseLocal(startLocal)!, zone).epochMs;
    }
    const duration = follows('durationMinutes') ? fields.durationMinutes! : (o.endAt - o.startAt) / 60_000;
    const moves = startAt !== o.startAt || duration * 60_000 !== o.endAt - o.startAt;
    if (!moves && !newWindow && !becomesSeries && !FOLLOWED.some(follows)) continue;
    changes.push({
      occurrenceId: o.occurrenceId,
      set: {
        title: follows('title') ? fields.title : undefined,
        description: follows('description') ? fields.description : undefined,
        venue: follows('venue') ? fields.venue : undefined,
        online: follows('online') ? fields.online : undefined,
        startLocal,
        startAt,
        endAt: startAt + duration * 60_000,
        ...(newWindow
          ? rsvpWindowOf(startAt, rsvpRule, at, o.rsvpOpensAt)
          : movedWindow(o, startAt - o.startAt, at)),
        capInPerson: follows('capacity') ? fields.capacity?.inPerson : undefined,
        capOnline: follows('capacity') ? fields.capacity?.online : undefined,
        recurring: becomesSeries || undefined,
      },
    });
  }
  return {
    series: {
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      start: anchor,
      ...(replan
        ? {
            rrule: formatRule(replan.rule),
            ruleFrom: replan.ruleFrom,
            occurrenceCount: replan.occurrenceCount,
          }
        : {}),
    },
    replan,
    changes,
    restaff: fields.staffing ? upcoming.map((o) => o.occurrenceId) : [],
  };
}
