/** Showing meetup times: in the group's zone, and in the viewer's own when it differs. */

import type { OccurrenceView } from '../../functions/core/schemas/meetups';
import {
  namesOneInstant,
  parseLocal,
  sayLocal,
  sayParts,
  wallClock,
  zoneName,
} from '../../functions/core/time';
import { inBrowser } from './browser';
import { locale, t } from './i18n';

// Every date and time here is in the one style core/time writes messages in ("Tue 16 Mar 2027 at
// 18:30"), so a notice and the page it leads to say a time the same way; in another language, in
// that style as `Intl` writes it there.

/**
 * The viewer's own zone: the browser's; on the server (functions/pages), the zone the browser
 * said on an earlier visit, or null on a first one, when times are said in UTC, and named so.
 */
let viewerZone: string | null = inBrowser ? Intl.DateTimeFormat().resolvedOptions().timeZone : null;

/** On the server: the zone the next render says the viewer's times in (null: not known). */
export function viewFrom(zone: string | null): void {
  viewerZone = zone;
}
const thisYear = new Date().getFullYear();

/** The offset's name ("GMT+1", "GMT+0"): said where the clock time alone names two instants. */
function offsetName(ms: number, zone: string): string {
  const name =
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(ms)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  // Engines differ on UTC's own offset ("GMT" or "GMT+0"): the same words in every browser.
  return name === 'GMT' ? 'GMT+0' : name;
}

/** A time zone as the reader's language names it ("United Kingdom Time", "hora de Reino Unido"). */
export const zoneText = (zone: string) => zoneName(zone, locale.value);

/** The wall clock of an instant in a zone, as parts. */
const partsIn = (ms: number, zone: string) => parseLocal(wallClock(ms, zone))!;

/**
 * An instant in a zone: "Sun 31 Oct at 18:30", the year when it is not this one; on the night
 * the clocks go back, "1:30" happens twice, so the offset says which ("… at 01:30 GMT+1").
 */
export function formatIn(iso: string, zone: string): string {
  const ms = Date.parse(iso);
  const p = partsIn(ms, zone);
  const text = sayParts(p, { year: p.year !== thisYear }, locale.value);
  return namesOneInstant(ms, zone) ? text : `${text} ${offsetName(ms, zone)}`;
}

/** A wall-clock time of the group's zone (`2026-12-06T10:00`): "Sun 6 Dec at 10:00". */
export function localText(local: string): string {
  return sayLocal(local.slice(0, 16), { year: Number(local.slice(0, 4)) !== thisYear }, locale.value);
}

/** A calendar date (`2026-11-30`): "Mon 30 Nov 2026". */
export function dateText(date: string): string {
  return sayLocal(`${date.slice(0, 10)}T00:00`, { time: false }, locale.value);
}

/** The clock time of an instant in a zone: "18:30" (with the offset where it names two instants). */
export function timeIn(iso: string, zone: string): string {
  const ms = Date.parse(iso);
  const p = partsIn(ms, zone);
  const time =
    locale.value === 'en'
      ? `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`
      : new Intl.DateTimeFormat(locale.value, {
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
          timeZone: zone,
        }).format(ms);
  return namesOneInstant(ms, zone) ? time : `${time} ${offsetName(ms, zone)}`;
}

/** "Tue 16 Mar, 18:30–20:00 (Europe/London)" plus "your time: …" if the viewer is elsewhere. */
export function whenText(o: { startAt: string; endAt: string; timezone: string }): {
  main: string;
  yours: string | null;
} {
  const zone = zoneText(o.timezone);
  const twice =
    !namesOneInstant(Date.parse(o.startAt), o.timezone) || !namesOneInstant(Date.parse(o.endAt), o.timezone);
  // On the night the clocks go back "1:30 AM GMT+1–1:30 AM GMT+0" reads as no time at all: say how long.
  const minutes = Math.round((Date.parse(o.endAt) - Date.parse(o.startAt)) / 60_000);
  const span = { start: formatIn(o.startAt, o.timezone), end: timeIn(o.endAt, o.timezone), zone };
  const main = twice ? t('when.clocksBack', { ...span, minutes }) : t('when.span', span);
  const zoneHere = viewerZone;
  const differs = zoneHere !== null && formatIn(o.startAt, zoneHere) !== formatIn(o.startAt, o.timezone);
  return {
    main,
    yours: differs
      ? t('when.yours', { time: formatIn(o.startAt, zoneHere), zone: zoneText(zoneHere) })
      : null,
  };
}

/** When something happened or ends, in the viewer's own zone: "Tue 8 Dec at 18:30". */
export function stamp(iso: string | number): string {
  const p = partsIn(new Date(iso).getTime(), viewerZone ?? 'UTC');
  const text = sayParts(p, { year: p.year !== thisYear }, locale.value);
  return viewerZone ? text : `${text} UTC`;
}

/** A day, in the viewer's own zone: "Tue 8 Dec 2026". */
export function dayText(iso: string | number): string {
  return sayParts(partsIn(new Date(iso).getTime(), viewerZone ?? 'UTC'), { time: false }, locale.value);
}

export function seatsLine(
  s: { capacity: number; going: number; waitlisted: number } | null,
  label: string,
): string | null {
  if (!s) return null;
  const taken =
    s.going >= s.capacity
      ? t('seats.full', { capacity: s.capacity })
      : t('seats.taken', { going: s.going, capacity: s.capacity });
  return s.waitlisted
    ? t('seats.lineWaiting', { label, taken, waiting: s.waitlisted })
    : t('seats.line', { label, taken });
}

/** Where the viewer stands for a meetup: "You are going in person", "You are number 2 on the waiting list". */
export function rsvpText(o: OccurrenceView): string | null {
  if (!o.rsvp) return null;
  if (o.rsvp.status === 'going')
    return o.rsvp.attendance === 'online' ? t('rsvp.goingOnline') : t('rsvp.goingInPerson');
  return t('rsvp.waitingAt', { position: o.rsvp.position });
}
