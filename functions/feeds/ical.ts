/**
 * Feed events written as iCalendar (RFC 5545, with RFC 7986 NAME and REFRESH-INTERVAL) by
 * ical-generator, patched in patches/ to fold lines without a TextEncoder per character.
 * Times are written in each event's zone with a VTIMEZONE for every zone used; instants go in as
 * zoned dates (a plain Date would be written as the server's local time under the TZID). A
 * one-off event whose start or end falls in the hour clocks repeat is written in UTC: its local
 * time names two instants, and calendar apps take the second where RFC 5545 says the first.
 * @module
 */
import { TZDate } from '@date-fns/tz';
import ical, {
  ICalAlarmType,
  ICalEventRepeatingFreq,
  ICalEventStatus,
  type ICalRepeatingOptions,
  type ICalWeekday,
} from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { FEED_REFRESH_SECONDS, type FeedEvent } from '../core/feeds';
import { namesOneInstant } from '../core/time';

const STATUS = {
  confirmed: ICalEventStatus.CONFIRMED,
  tentative: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
} as const;

/**
 * A zoned date that ical-generator can put back in its own zone without building it again: it
 * asks every date for `withTimeZone(event zone)`, and each TZDate built costs a few lookups of
 * the zone's offset (a third of writing a calendar). The same instant in the same zone is the
 * same date, so asking for its own zone returns it.
 */
class ZonedDate extends TZDate {
  override withTimeZone(timeZone: string): TZDate {
    return timeZone === this.timeZone ? this : new ZonedDate(+this, timeZone);
  }
}

/** The VTIMEZONE block of a zone (the library's data is embedded, so it bundles). */
const vtimezone = (zone: string) => tzlib_get_ical_block(zone)[0] ?? null;

/** A whole calendar: `name` is what calendar apps show for the subscription. */
export function writeCalendar(name: string, events: FeedEvent[]): string {
  const calendar = ical({
    name,
    prodId: { company: 'Hearth', product: 'Hearth', language: 'EN' },
    ttl: FEED_REFRESH_SECONDS,
    // No calendar-level zone name: it would write TIMEZONE-ID, which libical rejects.
    timezone: { name: null, generator: vtimezone },
  });
  for (const e of events) {
    const inUtc =
      !e.repeat &&
      e.recurrenceId === undefined &&
      !(namesOneInstant(e.start, e.timezone) && namesOneInstant(e.end, e.timezone));
    const zoned = (ms: number) => (inUtc ? new Date(ms) : new ZonedDate(ms, e.timezone));
    const r = e.repeat;
    const repeating: ICalRepeatingOptions | null = r
      ? {
          freq: ICalEventRepeatingFreq[r.freq],
          interval: r.interval === 1 ? undefined : r.interval,
          count: r.count,
          byDay: r.byDay as ICalWeekday[] | undefined,
          byMonthDay: r.byMonthDay,
          // The nth weekday is BYDAY with BYSETPOS: ical-generator refuses BYDAY=2WE.
          bySetPos: r.bySetPos,
          exclude: r.exclude.length ? r.exclude.map(zoned) : undefined,
        }
      : null;
    const event = calendar.createEvent({
      id: e.uid,
      sequence: e.sequence,
      stamp: new Date(e.stamp),
      start: zoned(e.start),
      end: zoned(e.end),
      repeating,
      recurrenceId: e.recurrenceId === undefined ? null : zoned(e.recurrenceId),
      timezone: inUtc ? null : e.timezone,
      summary: e.summary,
      description: e.description,
      location: e.location,
      url: e.url,
      status: STATUS[e.status],
    });
    // Reminders say what the event says (discreet or in full), nothing more.
    for (const minutes of e.alarms ?? [])
      event.createAlarm({ type: ICalAlarmType.display, triggerBefore: minutes * 60, description: e.summary });
  }
  // Every line of a calendar ends with CRLF, the last one too.
  return `${calendar.toString()}\r\n`;
}
