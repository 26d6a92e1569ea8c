import fc from 'fast-check';
import { RRuleTemporal } from 'rrule-temporal';
import { Temporal } from 'temporal-polyfill';
import { afterEach, describe, expect, it } from 'vitest';
import {
  describeRule,
  expand,
  formatRule,
  parseRule,
  type Rule,
  WEEKDAYS,
} from '../../functions/core/recurrence';
import { formatLocal, type LocalParts, parseLocal } from '../../functions/core/time';

const original = process.env.TZ;
afterEach(() => {
  process.env.TZ = original;
});

const rule = (s: string): Rule => {
  const r = parseRule(s);
  if ('error' in r) throw new Error(r.error);
  return r.rule;
};
const run = (r: string, start: string, zone: string) => {
  const out = expand(rule(r), parseLocal(start)!, zone);
  if ('error' in out) throw new Error(out.error);
  return out.occurrences;
};
const utc = (ms: number) => new Date(ms).toISOString().slice(0, 16);

/** The oracle FACTS.md names: rrule-temporal in floating mode, then Temporal's compatible rule in the zone. */
function oracle(r: Rule, start: LocalParts, zone: string): number[] {
  const dtstart = formatLocal(start).replace(/[-:]/g, '');
  const rr = new RRuleTemporal({ rruleString: `DTSTART;TZID=UTC:${dtstart}00\nRRULE:${formatRule(r)}` });
  return rr
    .all((_, i) => i < 600)
    .map(
      (z) =>
        Temporal.PlainDateTime.from(z.toPlainDateTime().toString()).toZonedDateTime(zone, {
          disambiguation: 'compatible',
        }).epochMilliseconds,
    );
}

describe('weekly meetups across DST', () => {
  it('stay at 18:30 local in Europe/London across both changes, whatever the server TZ', () => {
    for (const tz of ['UTC', 'America/Los_Angeles', 'Asia/Kolkata']) {
      process.env.TZ = tz;
      const occ = run('FREQ=WEEKLY;BYDAY=TU;COUNT=40', '2027-03-16T18:30', 'Europe/London');
      expect(occ.map((o) => utc(o.epochMs)).slice(0, 3)).toEqual([
        '2027-03-16T18:30',
        '2027-03-23T18:30',
        '2027-03-30T17:30',
      ]);
      expect(utc(occ[32]!.epochMs)).toBe('2027-10-26T17:30'); // still BST
      expect(utc(occ[33]!.epochMs)).toBe('2027-11-02T18:30'); // GMT again after 31 October
      expect(occ.every((o) => formatLocal(o.local).endsWith('T18:30'))).toBe(true);
    }
  });

  it('handles America/New_York, Australia/Sydney (southern hemisphere) and Asia/Kolkata (no DST)', () => {
    const ny = run('FREQ=WEEKLY;BYDAY=MO;COUNT=3', '2027-03-08T19:00', 'America/New_York');
    expect(ny.map((o) => utc(o.epochMs))).toEqual([
      '2027-03-09T00:00',
      '2027-03-15T23:00',
      '2027-03-22T23:00',
    ]);
    const syd = run('FREQ=WEEKLY;BYDAY=SA;COUNT=3', '2027-03-27T10:00', 'Australia/Sydney');
    // Sydney leaves daylight time on 4 April 2027: +11 until then, +10 after.
    expect(syd.map((o) => utc(o.epochMs))).toEqual([
      '2027-03-26T23:00',
      '2027-04-02T23:00',
      '2027-04-10T00:00',
    ]);
    const kol = run('FREQ=WEEKLY;BYDAY=WE;COUNT=52', '2027-01-06T18:00', 'Asia/Kolkata');
    expect(
      kol.every(
        (o) => new Date(o.epochMs).getUTCHours() === 12 && new Date(o.epochMs).getUTCMinutes() === 30,
      ),
    ).toBe(true);
  });

  it('moves a meetup that falls in a DST gap forward, and flags it', () => {
    const occ = run('FREQ=WEEKLY;BYDAY=SU;COUNT=3', '2027-03-21T01:30', 'Europe/London');
    expect(occ.map((o) => o.adjusted)).toEqual([null, 'gap', null]);
    expect(utc(occ[1]!.epochMs)).toBe('2027-03-28T01:30'); // 02:30 BST
    const overlap = run('FREQ=WEEKLY;BYDAY=SU;COUNT=2', '2027-10-24T01:30', 'Europe/London');
    expect(overlap[1]).toMatchObject({ adjusted: 'overlap', epochMs: Date.parse('2027-10-31T00:30Z') });
  });
});

describe('the subset', () => {
  it('expands monthly by day, by last day, and by nth weekday', () => {
    expect(
      run('FREQ=MONTHLY;BYMONTHDAY=31;COUNT=4', '2027-01-31T10:00', 'UTC').map((o) =>
        formatLocal(o.local).slice(0, 10),
      ),
    ).toEqual(['2027-01-31', '2027-03-31', '2027-05-31', '2027-07-31']);
    expect(
      run('FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3', '2027-01-31T10:00', 'UTC').map((o) =>
        formatLocal(o.local).slice(0, 10),
      ),
    ).toEqual(['2027-01-31', '2027-02-28', '2027-03-31']);
    const second = run('FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2;COUNT=3', '2027-01-12T18:30', 'Europe/London');
    expect(second.map((o) => formatLocal(o.local).slice(0, 10))).toEqual([
      '2027-01-12',
      '2027-02-09',
      '2027-03-09',
    ]);
    expect(formatRule(rule('FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2;COUNT=3'))).toBe(
      'FREQ=MONTHLY;BYDAY=2TU;COUNT=3',
    );
    const last = run('FREQ=MONTHLY;BYDAY=-1FR;COUNT=2', '2027-01-29T18:00', 'UTC');
    expect(last.map((o) => formatLocal(o.local).slice(0, 10))).toEqual(['2027-01-29', '2027-02-26']);
  });

  it('ends at UNTIL, a date (inclusive) or a UTC instant', () => {
    expect(run('FREQ=DAILY;UNTIL=20270105', '2027-01-01T09:00', 'Europe/London')).toHaveLength(5);
    expect(run('FREQ=DAILY;UNTIL=20270105T090000Z', '2027-01-01T09:00', 'Europe/London')).toHaveLength(5);
    expect(run('FREQ=DAILY;UNTIL=20270105T085959Z', '2027-01-01T09:00', 'Europe/London')).toHaveLength(4);
  });

  it.each([
    ['FREQ=YEARLY;COUNT=2', /FREQ/],
    ['FREQ=WEEKLY;BYDAY=TU', /COUNT or UNTIL/],
    ['FREQ=WEEKLY;BYDAY=TU;COUNT=3;UNTIL=20270101', /not both/],
    ['FREQ=WEEKLY;BYDAY=2TU;COUNT=3', /weekdays/],
    ['FREQ=WEEKLY;BYHOUR=9;COUNT=3', /not supported/],
    ['FREQ=MONTHLY;BYDAY=TU;COUNT=3', /which one/],
    ['FREQ=MONTHLY;BYDAY=5TU;COUNT=3', /position/],
    ['FREQ=DAILY;COUNT=501', /500/],
    ['FREQ=DAILY;INTERVAL=0;COUNT=3', /INTERVAL/],
    ['FREQ=WEEKLY;WKST=SU;COUNT=3', /WKST/],
    ['FREQ=DAILY;COUNT=3;COUNT=4', /Cannot read/],
    ['garbage', /Cannot read/],
  ])('refuses %s', (input, message) => {
    const r = parseRule(input);
    expect('error' in r && r.error).toMatch(message);
  });

  it('refuses a start that is not on the rule, and more than 500 meetups', () => {
    const notOnRule = expand(rule('FREQ=WEEKLY;BYDAY=TU;COUNT=3'), parseLocal('2027-03-17T18:30')!, 'UTC');
    expect(notOnRule).toHaveProperty('error');
    const tooMany = expand(rule('FREQ=DAILY;UNTIL=20300101'), parseLocal('2027-01-01T09:00')!, 'UTC');
    expect('error' in tooMany && tooMany.error).toMatch(/500/);
    expect(run('FREQ=DAILY;COUNT=500', '2027-01-01T09:00', 'UTC')).toHaveLength(500);
  });

  it('describes rules in words', () => {
    const s = parseLocal('2027-03-16T18:30')!;
    expect(describeRule(rule('FREQ=WEEKLY;BYDAY=TU;COUNT=10'), s)).toBe('every Tuesday, 10 times');
    expect(describeRule(rule('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;UNTIL=20270630'), s)).toBe(
      'every 2 weeks on Monday and Thursday, until 2027-06-30',
    );
    expect(describeRule(rule('FREQ=MONTHLY;BYDAY=-1FR;COUNT=6'), s)).toBe(
      'on the last Friday of every month, 6 times',
    );
  });
});

describe('agreement with rrule-temporal + Temporal (the oracle FACTS.md recommends)', () => {
  const zones = [
    'Europe/London',
    'America/New_York',
    'Australia/Sydney',
    'Asia/Kolkata',
    'Australia/Lord_Howe',
  ];
  const startArb = fc
    .record({
      day: fc.integer({ min: 0, max: 4 * 365 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.constantFrom(0, 15, 30, 45),
    })
    .map(({ day, hour, minute }) => {
      const d = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000);
      return {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour,
        minute,
      } as LocalParts;
    });

  it('gives the same instants for random rules in the subset, in several zones', () => {
    fc.assert(
      fc.property(
        startArb,
        fc.constantFrom(...zones),
        fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY_DAY', 'MONTHLY_NTH'),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 60 }),
        fc.subarray([...WEEKDAYS], { minLength: 0, maxLength: 3 }),
        fc.boolean(),
        (start, zone, kind, interval, count, extraDays, useUntil) => {
          const weekday =
            WEEKDAYS[(new Date(Date.UTC(start.year, start.month - 1, start.day)).getUTCDay() + 6) % 7]!;
          let text: string;
          if (kind === 'DAILY') text = 'FREQ=DAILY';
          else if (kind === 'WEEKLY')
            text = `FREQ=WEEKLY;BYDAY=${[...new Set([weekday, ...extraDays])].join(',')}`;
          else if (kind === 'MONTHLY_DAY') text = `FREQ=MONTHLY;BYMONTHDAY=${start.day}`;
          else text = `FREQ=MONTHLY;BYDAY=${start.day > 28 ? -1 : Math.ceil(start.day / 7)}${weekday}`;
          text += `;INTERVAL=${interval}`;
          if (useUntil) {
            const until = new Date(Date.UTC(start.year, start.month - 1, start.day) + count * 9 * 86_400_000);
            text += `;UNTIL=${until.toISOString().slice(0, 10).replace(/-/g, '')}`;
          } else text += `;COUNT=${count}`;
          const r = parseRule(text);
          if ('error' in r) throw new Error(`${text}: ${r.error}`);
          const ours = expand(r.rule, start, zone);
          if ('error' in ours) {
            // The only refusals for these rules: a start past the 4th weekday written as -1 that is not the last.
            expect(ours.error).toMatch(/fall on the rule|500/);
            return;
          }
          expect(
            ours.occurrences.map((o) => o.epochMs),
            `${text} from ${formatLocal(start)} in ${zone}`,
          ).toEqual(oracle(r.rule, start, zone));
        },
      ),
      { numRuns: 300 },
    );
  });
});
