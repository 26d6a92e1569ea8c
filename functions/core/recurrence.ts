/**
 * Recurring meetups: a documented subset of RFC 5545 RRULE, expanded in wall-clock time and then
 * placed in the group's zone, so "every Tuesday at 18:30" stays 18:30 across DST whatever the
 * server's TZ (FACTS.md: expand floating, then resolve each time with the compatible rule).
 *
 * The subset:
 * - `FREQ=DAILY`, `FREQ=WEEKLY` with `BYDAY=MO,WE,…` (plain weekdays), or `FREQ=MONTHLY` with
 *   `BYMONTHDAY=n` (1–31, or -1 for the last day) or the nth weekday (`BYDAY=2TU`, `BYDAY=-1FR`,
 *   or `BYDAY=TU;BYSETPOS=2`), n in 1–4 or -1;
 * - `INTERVAL=n` (1–52);
 * - exactly one of `COUNT=n` or `UNTIL=` a date (`YYYYMMDD`, inclusive, in the group's zone) or
 *   a UTC date-time (`YYYYMMDDTHHMMSSZ`);
 * - `WKST=MO` only. The start must itself fall on the rule; at most 500 occurrences.
 * @module
 */
import { asUtc, fromUtcFields, type LocalParts, resolveLocal } from './time';

export const MAX_OCCURRENCES = 500;
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type Until = { date: string } | { epochMs: number };

export interface Rule {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  interval: number;
  count?: number;
  until?: Until;
  /** WEEKLY: the weekdays, in week order. */
  byDay?: Weekday[];
  /** MONTHLY: a day of the month, -1 for the last. */
  byMonthDay?: number;
  /** MONTHLY: the nth (or last, -1) given weekday. */
  byNthDay?: { n: number; day: Weekday };
}

const DAY = 86_400_000;
const SUBSET =
  'Use FREQ=DAILY, WEEKLY (BYDAY) or MONTHLY (BYMONTHDAY or nth BYDAY), INTERVAL, and COUNT or UNTIL';

/** Monday = 0 … Sunday = 6, for a wall-clock date. */
export const weekdayIndex = (p: LocalParts) =>
  (new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() + 6) % 7;
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function parseUntil(v: string): Until | null {
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (m) return { date: `${m[1]}-${m[2]}-${m[3]}` };
  m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(v);
  if (m) {
    const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
    return Number.isNaN(ms) ? null : { epochMs: ms };
  }
  return null;
}

/** Parses an RRULE value (without the `RRULE:` prefix) in the supported subset. */
export function parseRule(input: string): { rule: Rule } | { error: string } {
  const parts = new Map<string, string>();
  for (const piece of input
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')) {
    const [k, v, ...rest] = piece.split('=');
    if (!k || v === undefined || rest.length || parts.has(k.toUpperCase()))
      return { error: `Cannot read "${piece}". ${SUBSET}.` };
    parts.set(k.toUpperCase(), v.toUpperCase());
  }
  const unknown = [...parts.keys()].filter(
    (k) => !['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYSETPOS', 'WKST'].includes(k),
  );
  if (unknown.length) return { error: `${unknown.join(', ')} is not supported. ${SUBSET}.` };
  const freq = parts.get('FREQ');
  if (freq !== 'DAILY' && freq !== 'WEEKLY' && freq !== 'MONTHLY')
    return { error: `FREQ must be DAILY, WEEKLY or MONTHLY. ${SUBSET}.` };
  const rule: Rule = { freq, interval: 1 };
  const int = (k: string, min: number, max: number) => {
    const v = parts.get(k);
    if (v === undefined) return undefined;
    const n = /^-?\d{1,3}$/.test(v) ? Number(v) : Number.NaN;
    return n >= min && n <= max ? n : null;
  };
  const interval = int('INTERVAL', 1, 52);
  if (interval === null) return { error: 'INTERVAL must be a whole number from 1 to 52' };
  if (interval) rule.interval = interval;
  if ((parts.get('WKST') ?? 'MO') !== 'MO') return { error: 'Only WKST=MO is supported' };

  const count = int('COUNT', 1, MAX_OCCURRENCES);
  if (count === null) return { error: `COUNT must be from 1 to ${MAX_OCCURRENCES}` };
  const untilText = parts.get('UNTIL');
  if (count !== undefined && untilText !== undefined) return { error: 'Give COUNT or UNTIL, not both' };
  if (count === undefined && untilText === undefined)
    return { error: 'Give COUNT or UNTIL, so the series ends' };
  if (count !== undefined) rule.count = count;
  if (untilText !== undefined) {
    const until = parseUntil(untilText);
    if (!until) return { error: 'UNTIL must be YYYYMMDD or YYYYMMDDTHHMMSSZ' };
    rule.until = until;
  }

  const byDay = parts.get('BYDAY');
  const bySetPos = int('BYSETPOS', -1, 4);
  const byMonthDay = int('BYMONTHDAY', -1, 31);
  if (bySetPos === null || bySetPos === 0) return { error: 'BYSETPOS must be 1, 2, 3, 4 or -1' };
  if (byMonthDay === null || byMonthDay === 0)
    return { error: 'BYMONTHDAY must be 1 to 31, or -1 for the last day' };

  if (freq === 'DAILY') {
    if (byDay || bySetPos !== undefined || byMonthDay !== undefined)
      return { error: `FREQ=DAILY takes no BY… parts. ${SUBSET}.` };
  } else if (freq === 'WEEKLY') {
    if (bySetPos !== undefined || byMonthDay !== undefined) return { error: 'FREQ=WEEKLY takes BYDAY only' };
    if (byDay) {
      const days = byDay.split(',');
      if (!days.every((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d))) {
        return { error: 'BYDAY for a weekly rule lists weekdays: MO, TU, WE, TH, FR, SA, SU' };
      }
      rule.byDay = WEEKDAYS.filter((d) => days.includes(d));
      if (rule.byDay.length !== days.length) return { error: 'List each weekday once' };
    }
  } else {
    if (byMonthDay !== undefined && byDay) return { error: 'Give BYMONTHDAY or BYDAY, not both' };
    if (byMonthDay !== undefined) {
      if (bySetPos !== undefined) return { error: 'BYSETPOS goes with BYDAY' };
      rule.byMonthDay = byMonthDay;
    } else if (byDay) {
      const m = /^(-1|[1-4])?(MO|TU|WE|TH|FR|SA|SU)$/.exec(byDay);
      if (!m) return { error: 'BYDAY for a monthly rule is one weekday with its position, like 2TU or -1FR' };
      const n = m[1] !== undefined ? Number(m[1]) : bySetPos;
      if (n === undefined || (m[1] !== undefined && bySetPos !== undefined)) {
        return { error: 'Say which one: BYDAY=2TU, or BYDAY=TU with BYSETPOS=2' };
      }
      rule.byNthDay = { n, day: m[2] as Weekday };
    } else if (bySetPos !== undefined) {
      return { error: 'BYSETPOS goes with BYDAY' };
    }
  }
  return { rule };
}

/** The rule in canonical RRULE form (for calendars). */
export function formatRule(rule: Rule): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.byDay) parts.push(`BYDAY=${rule.byDay.join(',')}`);
  if (rule.byMonthDay !== undefined) parts.push(`BYMONTHDAY=${rule.byMonthDay}`);
  if (rule.byNthDay) parts.push(`BYDAY=${rule.byNthDay.n}${rule.byNthDay.day}`);
  if (rule.count !== undefined) parts.push(`COUNT=${rule.count}`);
  if (rule.until) {
    parts.push(
      'date' in rule.until
        ? `UNTIL=${rule.until.date.replace(/-/g, '')}`
        : `UNTIL=${new Date(rule.until.epochMs)
            .toISOString()
            .replace(/[-:]/g, '')
            .replace(/\.\d{3}/, '')}`,
    );
  }
  return parts.join(';');
}

/** Wall-clock dates (as UTC-field milliseconds at the start's time of day) the rule yields, in order. */
function* dates(rule: Rule, start: LocalParts): Generator<number> {
  const first = asUtc(start);
  const timeOfDay = first - Date.UTC(start.year, start.month - 1, start.day);
  if (rule.freq === 'DAILY') {
    for (let k = 0; ; k++) yield first + k * rule.interval * DAY;
  }
  if (rule.freq === 'WEEKLY') {
    const days = (rule.byDay ?? [WEEKDAYS[weekdayIndex(start)]!]).map((d) => WEEKDAYS.indexOf(d));
    const monday = first - weekdayIndex(start) * DAY;
    for (let w = 0; ; w += rule.interval) {
      for (const d of days) {
        const t = monday + (w * 7 + d) * DAY;
        if (t >= first) yield t;
      }
    }
  }
  for (let k = 0; ; k += rule.interval) {
    const year = start.year + Math.floor((start.month - 1 + k) / 12);
    const month = ((start.month - 1 + k) % 12) + 1;
    const last = daysInMonth(year, month);
    let day: number | null = null;
    if (rule.byNthDay) {
      const firstWeekday = weekdayIndex({ year, month, day: 1, hour: 0, minute: 0 });
      const want = WEEKDAYS.indexOf(rule.byNthDay.day);
      const firstMatch = 1 + ((want - firstWeekday + 7) % 7);
      if (rule.byNthDay.n > 0) day = firstMatch + (rule.byNthDay.n - 1) * 7;
      else day = firstMatch + Math.floor((last - firstMatch) / 7) * 7;
      if (day > last) day = null;
    } else {
      const d = rule.byMonthDay ?? start.day;
      day = d === -1 ? last : d <= last ? d : null; // months without that day are skipped (RFC 5545)
    }
    if (day !== null) {
      const t = Date.UTC(year, month - 1, day) + timeOfDay;
      if (t >= first) yield t;
    }
    if (k > MAX_OCCURRENCES * 12 * rule.interval) return;
  }
}

export interface Occurrence {
  /** The wall-clock start in the group's zone, as scheduled. */
  local: LocalParts;
  epochMs: number;
  adjusted: 'gap' | 'overlap' | null;
}

/**
 * Expands a rule from a wall-clock start in a zone. Refuses a start that is not on the rule, and
 * a series longer than 500.
 */
export function expand(
  rule: Rule,
  start: LocalParts,
  zone: string,
): { occurrences: Occurrence[] } | { error: string } {
  const out: Occurrence[] = [];
  const untilDate =
    rule.until && 'date' in rule.until
      ? Date.parse(`${rule.until.date}T23:59:59.999Z`)
      : Number.POSITIVE_INFINITY;
  const untilInstant = rule.until && 'epochMs' in rule.until ? rule.until.epochMs : Number.POSITIVE_INFINITY;
  let guard = 0;
  for (const wall of dates(rule, start)) {
    if (++guard > 20_000) break;
    if (out.length === 0 && wall !== asUtc(start)) {
      return { error: 'The first meetup must fall on the rule (for example a Tuesday for BYDAY=TU)' };
    }
    if (wall > untilDate) break;
    const local = fromUtcFields(wall);
    const resolved = resolveLocal(local, zone);
    if (resolved.epochMs > untilInstant) break;
    if (out.length === MAX_OCCURRENCES)
      return { error: `A series can have at most ${MAX_OCCURRENCES} meetups` };
    out.push({ local, epochMs: resolved.epochMs, adjusted: resolved.adjusted });
    if (rule.count !== undefined && out.length === rule.count) break;
  }
  if (out.length === 0) return { error: 'The rule gives no meetups: UNTIL is before the start' };
  return { occurrences: out };
}

const DAY_NAMES: Record<Weekday, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
const ORDINAL: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };

/** "every Tuesday, 10 times", "every 2 weeks on Monday and Thursday, until 2027-06-30". */
export function describeRule(rule: Rule, start: LocalParts): string {
  const every = (unit: string) => (rule.interval === 1 ? `every ${unit}` : `every ${rule.interval} ${unit}s`);
  let what: string;
  if (rule.freq === 'DAILY') what = rule.interval === 1 ? 'every day' : `every ${rule.interval} days`;
  else if (rule.freq === 'WEEKLY') {
    const days = (rule.byDay ?? [WEEKDAYS[weekdayIndex(start)]!]).map((d) => DAY_NAMES[d]);
    const list = days.length > 1 ? `${days.slice(0, -1).join(', ')} and ${days.at(-1)}` : days[0]!;
    what = rule.interval === 1 ? `every ${list}` : `${every('week')} on ${list}`;
  } else if (rule.byNthDay) {
    what = `on the ${ORDINAL[rule.byNthDay.n]} ${DAY_NAMES[rule.byNthDay.day]} of ${rule.interval === 1 ? 'every month' : `every ${rule.interval} months`}`;
  } else {
    const d = rule.byMonthDay ?? start.day;
    what = `on ${d === -1 ? 'the last day' : `day ${d}`} of ${rule.interval === 1 ? 'every month' : `every ${rule.interval} months`}`;
  }
  const end =
    rule.count !== undefined
      ? `, ${rule.count} time${rule.count === 1 ? '' : 's'}`
      : rule.until && 'date' in rule.until
        ? `, until ${rule.until.date}`
        : rule.until
          ? `, until ${new Date(rule.until.epochMs).toISOString().slice(0, 10)}`
          : '';
  return `${what}${end}`;
}
