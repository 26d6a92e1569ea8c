import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summaryOf } from '../../functions/api/views/groups';
import { ROLES } from '../../functions/core/groups';
import {
  countsOf,
  newlyGoing,
  placeAtEnd,
  readLedger,
  rsvpOf,
  type StoredLedger,
} from '../../functions/core/ledger';
import {
  canSchedule,
  canSeeAttendees,
  canSeeWhere,
  meetsOf,
  rsvpClosedReason,
  shapeProblems,
} from '../../functions/core/meetups';
import { planOccurrences, replanSeries } from '../../functions/core/series';
import { formatLocal } from '../../functions/core/time';
import type { GroupRecord } from '../../functions/store/repos/group-records';

const active = (role: (typeof ROLES)[number]) => ({ role, status: 'active' as const });

describe('who may do what with meetups', () => {
  it('lets owners and facilitators schedule; facilitators, moderators and owners see attendees', () => {
    expect(ROLES.filter((r) => canSchedule(active(r)))).toEqual(['owner', 'facilitator']);
    expect(ROLES.filter((r) => canSeeAttendees(active(r)))).toEqual(['owner', 'moderator', 'facilitator']);
    expect(canSchedule({ role: 'owner', status: 'pending' })).toBe(false);
  });

  it('shows where a meetup is only to organisers and members who are going', () => {
    const going = { status: 'going' as const, attendance: 'online' as const };
    const waiting = { status: 'waitlisted' as const, attendance: 'online' as const, position: 1 };
    expect(canSeeWhere(active('member'), going)).toBe(true);
    expect(canSeeWhere(active('member'), waiting)).toBe(false);
    expect(canSeeWhere(active('moderator'), null)).toBe(false);
    expect(canSeeWhere(active('facilitator'), null)).toBe(true);
    expect(canSeeWhere(null, going)).toBe(false);
  });
});

describe('what each mode needs', () => {
  it('asks an in-person meetup for a venue and room places, an online one for a link and online places', () => {
    expect(shapeProblems({ start: '', mode: 'in_person', capacity: {} }).map((p) => p.path)).toEqual([
      'body.venue',
      'body.capacity.inPerson',
    ]);
    expect(
      shapeProblems({ start: '', mode: 'online', capacity: { online: 5 }, venue: {} }).map((p) => p.path),
    ).toEqual(['body.venue', 'body.online']);
    expect(
      shapeProblems({
        start: '',
        mode: 'hybrid',
        venue: {},
        online: {},
        capacity: { inPerson: 1, online: 1 },
      }),
    ).toEqual([]);
  });
});

describe('planning occurrences', () => {
  const now = Date.parse('2026-11-25T00:00:00Z');
  it('plans one meetup or a series, and refuses the past and impossible times', () => {
    const one = planOccurrences({ start: '2027-01-05T18:30' }, 'Europe/London', now);
    expect('occurrences' in one && one.occurrences).toHaveLength(1);
    const series = planOccurrences(
      { start: '2027-01-05T18:30', rrule: 'FREQ=WEEKLY;COUNT=4' },
      'Europe/London',
      now,
    );
    expect('occurrences' in series && series.occurrences.map((o) => o.index)).toEqual([0, 1, 2, 3]);
    const past = planOccurrences({ start: '2026-01-05T18:30' }, 'Europe/London', now);
    expect('problems' in past && past.problems[0]!.path).toBe('body.start');
    const impossible = planOccurrences({ start: '2027-02-29T18:30' }, 'Europe/London', now);
    expect('problems' in impossible && impossible.problems[0]!.message).toMatch(/does not exist/);
  });
});

describe('the ledger', () => {
  // Tickets in the order the writes landed: b (1) before a (3) in person; c waits behind them.
  const stored: StoredLedger = {
    lineInPerson: { a: 3, b: 1, c: 4, d: 6 },
    lineOnline: { e: 2, f: 5 },
    inLineInPerson: 4,
    inLineOnline: 2,
    capInPerson: 2,
    capOnline: 5,
    tickets: 7,
  };
  const ledger = readLedger(stored);

  it('reads going as the first tickets up to capacity, and the rest waiting in ticket order', () => {
    expect(ledger.going).toEqual({ a: 'in_person', b: 'in_person', e: 'online', f: 'online' });
    expect(ledger.waitInPerson).toEqual(['c', 'd']);
    expect(ledger.waitOnline).toEqual([]);
    expect(countsOf(stored)).toEqual({
      capInPerson: 2,
      capOnline: 5,
      goingInPerson: 2,
      goingOnline: 2,
      waitingInPerson: 2,
      waitingOnline: 0,
    });
  });

  it('reads a member’s status and place in line', () => {
    expect(rsvpOf(ledger, 'a')).toEqual({ status: 'going', attendance: 'in_person' });
    expect(rsvpOf(ledger, 'd')).toEqual({ status: 'waitlisted', attendance: 'in_person', position: 2 });
    expect(rsvpOf(ledger, 'z')).toBeNull();
  });

  it('moves the first in line up when someone going leaves or capacity rises', () => {
    const { b: _, ...rest } = stored.lineInPerson;
    const left = readLedger({ ...stored, lineInPerson: rest, inLineInPerson: 3 });
    expect(newlyGoing(ledger, left)).toEqual(['c']);
    expect(newlyGoing(ledger, readLedger({ ...stored, capInPerson: 4 }))).toEqual(['c', 'd']);
    // Someone waiting leaves: nobody moves up, and those behind move forward.
    const { c: __, ...rest2 } = stored.lineInPerson;
    const waiter = readLedger({ ...stored, lineInPerson: rest2, inLineInPerson: 3 });
    expect(newlyGoing(ledger, waiter)).toEqual([]);
    expect(rsvpOf(waiter, 'd')).toEqual({ status: 'waitlisted', attendance: 'in_person', position: 1 });
  });

  it('closes RSVPs at the closing time, at the start, and for cancelled meetups', () => {
    const w = {
      opensAt: 100,
      closesAt: 200,
      startAt: 300,
      status: 'scheduled' as const,
      timezone: 'Asia/Kolkata',
    };
    expect(rsvpClosedReason(w, 150)).toBeNull();
    expect(rsvpClosedReason(w, 50)).toBe('RSVPs open on Thu 1 Jan 1970 at 05:30 (India Standard Time)');
    expect(rsvpClosedReason(w, 250)).toMatch(/closed/);
    expect(rsvpClosedReason(w, 300)).toMatch(/started/);
    expect(rsvpClosedReason({ ...w, status: 'cancelled' }, 150)).toMatch(/cancelled/);
  });
});

describe('new dates for a series', () => {
  const ZONE = 'Europe/London';
  const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
  // A Monday; the series' first meetup falls on a chosen day of that week.
  const startOn = (day: number, hour: number) => `2027-03-${String(15 + day).padStart(2, '0')}T${hour}:30`;
  const pattern = fc.record({
    day: fc.integer({ min: 0, max: 6 }),
    also: fc.subarray([0, 1, 2, 3, 4, 5, 6]),
    hour: fc.constantFrom(10, 18),
    count: fc.integer({ min: 1, max: 12 }),
  });
  const rruleOf = (p: { day: number; also: number[]; count: number }) =>
    `FREQ=WEEKLY;BYDAY=${[...new Set([p.day, ...p.also])]
      .sort()
      .map((d) => DAYS[d])
      .join(',')};COUNT=${p.count}`;

  it('keeps or cancels each upcoming occurrence, reuses no id, and leaves exactly the new dates ahead', () => {
    const scenario = fc.record({
      a: pattern,
      b: pattern,
      days: fc.integer({ min: 0, max: 40 }),
      how: fc.constantFrom('count', 'days', 'start'),
      /** Which occurrences a facilitator cancelled on their own. */
      calledOff: fc.array(fc.boolean(), { maxLength: 12 }),
    });
    fc.assert(
      fc.property(scenario, ({ a, b, days, how, calledOff }) => {
        const series = { start: startOn(a.day, a.hour), rrule: rruleOf(a), ruleFrom: 0 };
        const planned = planOccurrences(series, ZONE, Date.parse('2027-01-01T00:00Z'));
        if ('problems' in planned) throw new Error(JSON.stringify(planned.problems));
        const now = Date.parse('2027-03-15T00:00Z') + days * 86_400_000;
        const upcoming = planned.occurrences
          .filter((o) => o.startAt > now)
          .map((o) => ({
            occurrenceId: `o${o.index}`,
            index: o.index,
            startLocal: formatLocal(o.local),
            status: calledOff[o.index] ? ('cancelled' as const) : ('scheduled' as const),
          }));
        // Longer or shorter; other weekdays from the same first date; or a new first date.
        const change =
          how === 'count'
            ? { start: series.start, rrule: rruleOf({ ...a, count: b.count }) }
            : how === 'days'
              ? { start: series.start, rrule: rruleOf({ ...b, day: a.day }) }
              : { start: startOn(b.day, b.hour), rrule: rruleOf(b) };
        const out = replanSeries(
          { ...series, occurrenceCount: planned.occurrences.length },
          change,
          upcoming,
          ZONE,
          now,
        );
        const expected = planOccurrences({ start: change.start, rrule: change.rrule }, ZONE, 0);
        if ('problems' in expected) throw new Error('the new pattern should expand');
        const called = new Set(upcoming.filter((o) => o.status === 'cancelled').map((o) => o.startLocal));
        const ahead = expected.occurrences
          .filter((o) => o.startAt > now)
          .map((o) => formatLocal(o.local))
          .filter((d) => !called.has(d));
        if ('problems' in out) {
          expect(expected.occurrences.filter((o) => o.startAt > now)).toEqual([]);
          return;
        }
        const scheduled = upcoming.filter((o) => o.status === 'scheduled').map((o) => o.occurrenceId);
        expect([...out.keep, ...out.cancel].sort()).toEqual(scheduled.sort());
        for (const c of out.create) {
          expect(c.index).toBeGreaterThanOrEqual(planned.occurrences.length);
          expect(c.index).toBeLessThan(out.occurrenceCount);
        }
        expect(new Set(out.create.map((c) => c.index)).size).toBe(out.create.length);
        const kept = upcoming.filter((o) => out.keep.has(o.occurrenceId)).map((o) => o.startLocal);
        expect([...kept, ...out.create.map((c) => formatLocal(c.local))].sort()).toEqual([...ahead].sort());
        // Made longer or shorter: every occurrence keeps its place in the pattern.
        const oldDates = planned.occurrences.map((o) => formatLocal(o.local));
        const newDates = expected.occurrences.map((o) => formatLocal(o.local));
        if (how !== 'start' && oldDates.every((d, i) => i >= newDates.length || newDates[i] === d)) {
          expect(out.ruleFrom).toBe(0);
          for (const c of out.create) expect(newDates[c.index]).toBe(formatLocal(c.local));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('where a new RSVP stands', () => {
  it('is going while its line fits in the places, else waits behind those before it', () => {
    expect(placeAtEnd('online', 3, 3)).toEqual({ status: 'going', attendance: 'online' });
    expect(placeAtEnd('in_person', 5, 3)).toEqual({
      status: 'waitlisted',
      attendance: 'in_person',
      position: 2,
    });
    expect(placeAtEnd('in_person', 1, 0)).toEqual({
      status: 'waitlisted',
      attendance: 'in_person',
      position: 1,
    });
  });
});

describe('how a group meets, on its directory card', () => {
  const at = (day: number) => Date.parse(`2026-12-${String(day).padStart(2, '0')}T18:00:00Z`);
  it('names the earliest meetup next, in whatever order the meetups were read', () => {
    // A one-off read before the weekly series it falls after (as the schedule may list them).
    const meets = meetsOf([
      { status: 'scheduled', mode: 'hybrid', startAt: at(28) },
      { status: 'scheduled', mode: 'online', startAt: at(13) },
      { status: 'cancelled', mode: 'online', startAt: at(10) },
      { status: 'scheduled', mode: 'in_person', startAt: at(15) },
    ])!;
    expect(meets.starts).toEqual([at(13), at(15), at(28)]);
    expect(meets.modes).toEqual(['online', 'in_person', 'hybrid']);
    const card = (starts: number[]) =>
      summaryOf({ meets: { ...meets, starts, modes: undefined } } as unknown as GroupRecord, at(12)).meets;
    expect(card(meets.starts)?.next).toBe(new Date(at(13)).toISOString());
    // A card written before its starts were kept in order still names the earliest ahead.
    expect(card([at(28), at(11), at(15)])?.next).toBe(new Date(at(15)).toISOString());
  });
});
