/** Showing meetup times: in the group's zone, and in the viewer's own when it differs. */

import { namesOneInstant } from '../../functions/core/time';

const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The offset's name ("GMT+1") where the clock time alone would name two instants: on the night
 * the clocks go back, "1:30 AM" happens twice, so say which.
 */
function offsetIfTwice(iso: string, zone: string): Intl.DateTimeFormatOptions {
  return namesOneInstant(Date.parse(iso), zone) ? {} : { timeZoneName: 'shortOffset' };
}

export function formatIn(iso: string, zone: string, opts: Intl.DateTimeFormatOptions = {}): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    // The year, when it is not this one: "Sun, Oct 31" next year is not this October.
    year: new Date(iso).getFullYear() === new Date().getFullYear() ? undefined : 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: zone,
    ...offsetIfTwice(iso, zone),
    ...opts,
  }).format(new Date(iso));
}

/** A wall-clock time of the group's zone (`2026-12-06T10:00`) as people read it: "Sun, Dec 6, 10:00 AM". */
export function localText(local: string): string {
  return formatIn(`${local.slice(0, 16)}:00Z`, 'UTC');
}

/** A calendar date (`2026-11-30`), the month in words: "Mon, Nov 30, 2026". */
export function dateText(date: string): string {
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
}

export function timeIn(iso: string, zone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    hour: 'numeric',
    minute: '2-digit',
    timeZone: zone,
    ...offsetIfTwice(iso, zone),
  }).format(new Date(iso));
}

/** "Tue 16 Mar, 18:30–20:00 (Europe/London)" plus "your time: …" if the viewer is elsewhere. */
export function whenText(o: { startAt: string; endAt: string; timezone: string }): {
  main: string;
  yours: string | null;
} {
  const zone = o.timezone.replace(/_/g, ' ');
  const twice =
    !namesOneInstant(Date.parse(o.startAt), o.timezone) || !namesOneInstant(Date.parse(o.endAt), o.timezone);
  // On the night the clocks go back "1:30 AM GMT+1–1:30 AM GMT+0" reads as no time at all: say how long.
  const minutes = Math.round((Date.parse(o.endAt) - Date.parse(o.startAt)) / 60_000);
  const main = twice
    ? `${formatIn(o.startAt, o.timezone)} to ${timeIn(o.endAt, o.timezone)}, ${minutes} minutes (${zone}; the clocks go back that night)`
    : `${formatIn(o.startAt, o.timezone)}–${timeIn(o.endAt, o.timezone)} (${zone})`;
  const differs = formatIn(o.startAt, viewerZone) !== formatIn(o.startAt, o.timezone);
  return {
    main,
    yours: differs ? `${formatIn(o.startAt, viewerZone)} your time (${viewerZone.replace(/_/g, ' ')})` : null,
  };
}

const thisYear = new Date().getFullYear();

/**
 * When something happened or ends, in the viewer's own zone: "Tue 8 Dec, 18:30" (the year only
 * when it is not this one), without seconds.
 */
export function stamp(iso: string | number): string {
  const d = new Date(iso);
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: d.getFullYear() === thisYear ? undefined : 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(d);
}

/** A day, in the viewer's own zone: "8 Dec 2026", the month in words so no one misreads it. */
export function dayText(iso: string | number): string {
  return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }).format(
    new Date(iso),
  );
}

export function seatsLine(
  s: { capacity: number; going: number; waitlisted: number } | null,
  label: string,
): string | null {
  if (!s) return null;
  const taken =
    s.going >= s.capacity ? `all ${s.capacity} places taken` : `${s.going} of ${s.capacity} places taken`;
  return `${label}: ${taken}${s.waitlisted ? `, ${s.waitlisted} waiting` : ''}`;
}
