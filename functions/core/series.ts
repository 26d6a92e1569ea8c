/**
 * How a series becomes occurrences, and how a change to its pattern replans the dates still
 * to come: which stay, which are cancelled, which are new. Pure.
 * @module
 */
import type { FieldError } from './errors';
import { expand, MAX_OCCURRENCES, parseRule, type Rule } from './recurrence';
import { formatLocal, type LocalParts, parseLocal, resolveLocal } from './time';

export interface PlannedOccurrence {
  index: number;
  local: LocalParts;
  startAt: number;
  adjusted: 'gap' | 'overlap' | null;
}

/**
 * The occurrences a meetup has: one, or its series expanded in the group's zone. Refuses a
 * start in the past, a time or rule the subset cannot express, or more than 500 meetups.
 */
export function planOccurrences(
  input: { start: string; rrule?: string },
  zone: string,
  now: number,
): { rule: Rule | null; occurrences: PlannedOccurrence[] } | { problems: FieldError[] } {
  const local = parseLocal(input.start);
  if (!local) return { problems: [{ path: 'body.start', message: 'That date or time does not exist' }] };
  let rule: Rule | null = null;
  let planned: PlannedOccurrence[];
  if (input.rrule) {
    const parsed = parseRule(input.rrule);
    if ('error' in parsed) return { problems: [{ path: 'body.recurrence.rrule', message: parsed.error }] };
    rule = parsed.rule;
    const expanded = expand(rule, local, zone);
    if ('error' in expanded)
      return { problems: [{ path: 'body.recurrence.rrule', message: expanded.error }] };
    planned = expanded.occurrences.map((o, index) => ({
      index,
      local: o.local,
      startAt: o.epochMs,
      adjusted: o.adjusted,
    }));
  } else {
    const r = resolveLocal(local, zone);
    planned = [{ index: 0, local, startAt: r.epochMs, adjusted: r.adjusted }];
  }
  if (planned[0]!.startAt <= now)
    return { problems: [{ path: 'body.start', message: 'Choose a start in the future' }] };
  if (planned.length > MAX_OCCURRENCES) {
    return { problems: [{ path: 'body.recurrence.rrule', message: `At most ${MAX_OCCURRENCES} meetups` }] };
  }
  return { rule, occurrences: planned };
}

/** Why an occurrence was cancelled by its series taking new dates (not on its own). */
export const NEW_DATES_REASON = 'The series moved to new dates';

/**
 * Why a cancelled occurrence cannot be put back on, or null when it can: it must still be ahead,
 * cancelled on its own (not by its series' new dates, nor with the whole series).
 */
export function whyNotRestore(
  o: { status: string; startAt: number; cancelReason?: string | null },
  seriesStatus: string,
  now: number,
): string | null {
  if (o.status !== 'cancelled') return 'This meetup is not cancelled';
  if (o.startAt <= now) return 'This meetup’s time has passed';
  if (seriesStatus === 'cancelled') return 'The whole series is cancelled';
  if (o.cancelReason === NEW_DATES_REASON)
    return 'This date is no longer one of the series’ dates: change the series’ dates to bring it back';
  return null;
}

/** Occurrence ids a series may ever hand out: each change of pattern starts a new run of them. */
export const MAX_SERIES_INDEX = 2000;

export interface SeriesPattern {
  /** The first meetup of the current pattern, local time in the group's zone. */
  start: string;
  rrule: string | null;
  /** The occurrence index the current pattern's first meetup has. */
  ruleFrom: number;
  /** Occurrence indices handed out so far (0 … occurrenceCount − 1). */
  occurrenceCount: number;
}

export interface Replanned {
  rule: Rule;
  ruleFrom: number;
  occurrenceCount: number;
  /** New occurrences, with the index each takes. */
  create: PlannedOccurrence[];
  /** Upcoming occurrences that stay (with their RSVPs): on a date of the new pattern. */
  keep: Set<string>;
  /** Upcoming occurrences on no date of the new pattern: they are cancelled. */
  cancel: string[];
}

/**
 * A series given a new pattern (rule and first date). Only what is ahead changes: upcoming
 * occurrences on a date of the new pattern stay as they are, RSVPs and own changes included; the
 * rest are cancelled; new dates get new occurrences. When the pattern keeps its first meetup and
 * agrees with the old one on every date both have (a series made longer or shorter), occurrences
 * keep their place in it; otherwise the new pattern starts a new run of indices, so no id is ever
 * reused. `upcoming` are the series' occurrences that have not started, scheduled or cancelled
 * on their own (a date cancelled on its own, say for a holiday, stays cancelled).
 */
export function replanSeries(
  series: SeriesPattern,
  change: { start: string; rrule: string },
  upcoming: { occurrenceId: string; index: number; startLocal: string; status: 'scheduled' | 'cancelled' }[],
  zone: string,
  now: number,
  /** The indices that have an occurrence at all (absent: every index handed out has one). */
  existing?: Set<number>,
): Replanned | { problems: FieldError[] } {
  const at = (message: string, path = 'body.recurrence.rrule') => ({ problems: [{ path, message }] });
  const anchor = parseLocal(change.start);
  if (!anchor) return at('That date or time does not exist', 'body.recurrence.start');
  const parsed = parseRule(change.rrule);
  if ('error' in parsed) return at(parsed.error);
  const planned = expand(parsed.rule, anchor, zone);
  if ('error' in planned) return at(planned.error);
  if (planned.occurrences.length > MAX_OCCURRENCES) return at(`At most ${MAX_OCCURRENCES} meetups`);
  if (!planned.occurrences.some((o) => o.epochMs > now)) return at('The new pattern has no dates ahead');

  const local = (o: { local: LocalParts }) => formatLocal(o.local);
  const old = oldDates(series, zone);
  const next = planned.occurrences.map(local);
  const inPlace =
    change.start === series.start &&
    old !== null &&
    series.occurrenceCount === series.ruleFrom + old.length &&
    next.slice(0, old.length).every((d, j) => d === old[j]);
  const base = inPlace ? series.ruleFrom : series.occurrenceCount;
  if (base + next.length > MAX_SERIES_INDEX)
    return at('This series has changed too often: schedule a new meetup for the new pattern');

  const scheduled = upcoming.filter((o) => o.status === 'scheduled');
  const byIndex = new Map(upcoming.map((o) => [o.index, o]));
  const byLocal = new Map(scheduled.map((o) => [o.startLocal, o]));
  // A date cancelled on its own (a holiday, say) stays cancelled under the new pattern.
  const called = new Set(upcoming.filter((o) => o.status === 'cancelled').map((o) => o.startLocal));
  const keep = new Set<string>();
  const create: PlannedOccurrence[] = [];
  planned.occurrences.forEach((o, j) => {
    if (o.epochMs <= now) return;
    const index = base + j;
    // The occurrence already at this place in the pattern (even if moved or cancelled on its
    // own), else an upcoming one on this date from an earlier pattern.
    const handedOut = inPlace && j < old!.length;
    const same = (handedOut ? byIndex.get(index) : undefined) ?? byLocal.get(next[j]!);
    // A change of dates a crash stopped before its new occurrences were written has handed out
    // indices with nothing there: finishing it writes them.
    const written = !handedOut || !existing || existing.has(index);
    if (same) {
      if (same.status === 'scheduled') keep.add(same.occurrenceId);
    } else if (!(handedOut && written) && !called.has(next[j]!)) {
      create.push({ index, local: o.local, startAt: o.epochMs, adjusted: o.adjusted });
    }
  });
  return {
    rule: parsed.rule,
    ruleFrom: base,
    occurrenceCount: Math.max(series.occurrenceCount, base + next.length),
    create,
    keep,
    cancel: scheduled.filter((o) => !keep.has(o.occurrenceId)).map((o) => o.occurrenceId),
  };
}

export function adjustmentWarning(adjusted: 'gap' | 'overlap', local: string, zone: string): string {
  return adjusted === 'gap'
    ? `${local.replace('T', ' ')} does not exist in ${zone} (the clocks go forward): that meetup is an hour later by the clock, and calendars show it so. Consider another time if that would confuse anyone.`
    : `${local.replace('T', ' ')} happens twice in ${zone} (the clocks go back): that meetup is at the first, and calendars show it so. Consider another time if that would confuse anyone.`;
}

/** The local start of each meetup the series' current pattern describes, in order. */
export function oldDates(series: SeriesPattern, zone: string): string[] | null {
  if (!series.rrule) return [series.start];
  const parsed = parseRule(series.rrule);
  const start = parseLocal(series.start);
  if ('error' in parsed || !start) return null;
  const out = expand(parsed.rule, start, zone);
  return 'error' in out ? null : out.occurrences.map((o) => formatLocal(o.local));
}
