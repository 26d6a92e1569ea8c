import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { afterEach, describe, expect, it } from 'vitest';
import {
  formatLocal,
  localAt,
  offsetMinutes,
  parseLocal,
  resolveLocal,
  sayLocal,
} from '../../functions/core/time';
import { dateText, formatIn, localText, timeIn } from '../../web/src/when';

const original = process.env.TZ;
afterEach(() => {
  process.env.TZ = original;
});

const at = (local: string, zone: string) => resolveLocal(parseLocal(local)!, zone);
const iso = (ms: number) => new Date(ms).toISOString();

describe('resolving wall-clock times in a zone', () => {
  it('gives the same instants whatever the server TZ', () => {
    const cases: [string, string][] = [
      ['2027-03-28T01:30', 'Europe/London'],
      ['2027-10-31T01:30', 'Europe/London'],
      ['2027-03-14T02:30', 'America/New_York'],
      ['2027-04-04T02:30', 'Australia/Sydney'],
      ['2027-07-01T18:30', 'Asia/Kolkata'],
    ];
    const results = ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Australia/Lord_Howe'].map((tz) => {
      process.env.TZ = tz;
      return cases.map(([l, z]) => at(l, z));
    });
    for (const r of results) expect(r).toEqual(results[0]);
  });

  it('moves a time in a spring-forward gap forward by the gap (RFC 5545 §3.3.5)', () => {
    expect(at('2027-03-28T01:30', 'Europe/London')).toEqual({
      epochMs: Date.parse('2027-03-28T01:30Z'),
      adjusted: 'gap',
    });
    expect(iso(at('2027-03-14T02:30', 'America/New_York').epochMs)).toBe('2027-03-14T07:30:00.000Z');
    expect(formatLocal(localAt(at('2027-03-14T02:30', 'America/New_York').epochMs, 'America/New_York'))).toBe(
      '2027-03-14T03:30',
    );
  });

  it('takes the first of a time that happens twice in a fall-back overlap', () => {
    expect(at('2027-10-31T01:30', 'Europe/London')).toEqual({
      epochMs: Date.parse('2027-10-31T00:30Z'),
      adjusted: 'overlap',
    });
    expect(iso(at('2027-04-04T02:30', 'Australia/Sydney').epochMs)).toBe('2027-04-03T15:30:00.000Z');
  });

  it('agrees with Temporal’s "compatible" disambiguation for any time in any of these zones', () => {
    const zones = [
      'Europe/London',
      'America/New_York',
      'Australia/Sydney',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
      'America/Santiago',
      'Pacific/Chatham',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.parse('2026-01-01T00:00Z'), max: Date.parse('2030-12-31T00:00Z') }),
        (zone, ms) => {
          const local = formatLocal(localAt(Math.floor(ms / 60_000) * 60_000, 'UTC'));
          const expected = Temporal.PlainDateTime.from(local).toZonedDateTime(zone, {
            disambiguation: 'compatible',
          });
          expect(at(local, zone).epochMs).toBe(expected.epochMilliseconds);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads the wall clock at any instant as Temporal does, in years of four digits and beyond', () => {
    const zones = ['Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Santiago', 'UTC'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.parse('0500-01-01T00:00Z'), max: Date.parse('9999-12-31T00:00Z') }),
        (zone, ms) => {
          const z = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
          expect(localAt(ms, zone)).toEqual({
            year: z.year,
            month: z.month,
            day: z.day,
            hour: z.hour,
            minute: z.minute,
          });
        },
      ),
      { numRuns: 2000 },
    );
    // A year of three digits is read from the formatter's parts.
    expect(localAt(Date.parse('0999-06-01T12:34Z'), 'UTC')).toEqual({
      year: 999,
      month: 6,
      day: 1,
      hour: 12,
      minute: 34,
    });
  });

  it('agrees with Temporal on every minute of every DST-change day, 2026–2030', () => {
    const zones = [
      'Europe/London',
      'America/New_York',
      'Australia/Sydney',
      'Australia/Lord_Howe',
      'America/Santiago',
    ];
    let checked = 0;
    for (const zone of zones) {
      for (
        let day = Date.parse('2026-01-01T00:00Z');
        day < Date.parse('2031-01-01T00:00Z');
        day += 86_400_000
      ) {
        if (offsetMinutes(day, zone) === offsetMinutes(day + 86_400_000, zone)) continue;
        // The transition is within a day after `day` (UTC): check each local minute of two local days around it.
        const start = formatLocal(localAt(day, zone)).slice(0, 10);
        for (let m = 0; m < 2 * 1440; m += 15) {
          const local = formatLocal(localAt(Date.parse(`${start}T00:00Z`) + m * 60_000, 'UTC'));
          const expected = Temporal.PlainDateTime.from(local).toZonedDateTime(zone, {
            disambiguation: 'compatible',
          });
          expect(at(local, zone).epochMs, `${zone} ${local}`).toBe(expected.epochMilliseconds);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(40 * 192);
  });

  it('refuses impossible dates and times', () => {
    for (const bad of [
      '2027-02-30T10:00',
      '2027-13-01T10:00',
      '2027-01-01T24:00',
      '2027-1-1T10:00',
      '2027-01-01 10:00',
    ]) {
      expect(parseLocal(bad), bad).toBeNull();
    }
  });
});

describe('sayLocal', () => {
  it('says a wall-clock time with the weekday and the month in words', () => {
    expect(sayLocal('2027-03-16T18:30')).toBe('Tue 16 Mar 2027 at 18:30');
    expect(sayLocal('2028-02-29T09:05')).toBe('Tue 29 Feb 2028 at 09:05');
    expect(sayLocal('2026-12-31T23:59')).toBe('Thu 31 Dec 2026 at 23:59');
    expect(sayLocal('2026-12-31T23:59', { year: false })).toBe('Thu 31 Dec at 23:59');
    expect(sayLocal('2026-12-31T23:59', { time: false })).toBe('Thu 31 Dec 2026');
  });

  it('is what the web app shows too, for an instant in any zone, with the offset where a time repeats', () => {
    // One style everywhere: a notice and the page it leads to say a time alike.
    const start = Date.parse('2027-03-16T18:30:00Z');
    expect(formatIn(new Date(start).toISOString(), 'Europe/London')).toBe(sayLocal('2027-03-16T18:30'));
    expect(formatIn('2027-03-16T18:30:00Z', 'America/New_York')).toBe('Tue 16 Mar 2027 at 14:30');
    expect(formatIn('2027-10-31T00:30:00Z', 'Europe/London')).toBe('Sun 31 Oct 2027 at 01:30 GMT+1');
    expect(formatIn('2027-10-31T01:30:00Z', 'Europe/London')).toBe('Sun 31 Oct 2027 at 01:30 GMT+0');
    expect(timeIn('2027-03-16T20:00:00Z', 'Europe/London')).toBe('20:00');
    expect(localText('2027-03-16T18:30')).toBe('Tue 16 Mar 2027 at 18:30');
    expect(dateText('2026-11-30')).toBe('Mon 30 Nov 2026');
  });
});
