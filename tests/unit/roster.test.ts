import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../functions/core/groups';
import {
  autofill,
  canFacilitate,
  canStaff,
  coverCandidates,
  type Duty,
  defaultProfile,
  type Facilitator,
  profileOf,
  type RosterSlotInput,
  staffingGap,
  unavailable,
  unconfirmedRoles,
} from '../../functions/core/roster';

const ZONE = 'Europe/London';
const HOUR = 3_600_000;
const MONDAY = Date.parse('2027-03-01T00:00:00Z'); // a Monday, in GMT

const facilitator = (userId: string, over: Partial<Facilitator> = {}): Facilitator => ({
  userId,
  active: true,
  trainedOn: '2026-06-01',
  maxPerMonth: 30,
  modes: ['in_person', 'online'],
  weekly: [],
  away: [],
  ...over,
});

const slot = (i: number, startAt: number, over: Partial<RosterSlotInput> = {}): RosterSlotInput => ({
  occurrenceId: `occ${String(i).padStart(3, '0')}`,
  groupId: 'g',
  startAt,
  endAt: startAt + 2 * HOUR,
  mode: 'in_person',
  staffing: { roles: ['lead'], minimum: 1 },
  filled: {},
  ...over,
});

describe('who can take a duty', () => {
  it('refuses the inactive, the untrained as lead, the away, the unavailable, the double-booked and the full', () => {
    const at = Date.parse('2027-03-16T18:30:00Z'); // a Tuesday
    const s = { startAt: at, endAt: at + 2 * HOUR };
    expect(unavailable(facilitator('a', { active: false }), s, 'co', ZONE, [])).toBe('inactive');
    expect(unavailable(facilitator('a', { trainedOn: null }), s, 'lead', ZONE, [])).toBe('untrained');
    expect(unavailable(facilitator('a', { trainedOn: null }), s, 'co', ZONE, [])).toBeNull();
    expect(
      unavailable(facilitator('a', { away: [{ from: '2027-03-15', to: '2027-03-20' }] }), s, 'co', ZONE, []),
    ).toBe('away');
    const tuesdays = facilitator('a', { weekly: [{ day: 'TU', from: '18:00', to: '21:00' }] });
    expect(unavailable(tuesdays, s, 'co', ZONE, [])).toBeNull();
    expect(unavailable(tuesdays, { startAt: at + 24 * HOUR, endAt: at + 26 * HOUR }, 'co', ZONE, [])).toBe(
      'outside',
    );
    const elsewhere: Duty = { userId: 'a', occurrenceId: 'x', startAt: at + HOUR, endAt: at + 3 * HOUR };
    expect(unavailable(facilitator('a'), s, 'co', ZONE, [elsewhere])).toBe('busy');
    const earlier: Duty = {
      userId: 'a',
      occurrenceId: 'y',
      startAt: at - 5 * 24 * HOUR,
      endAt: at - 4 * 24 * HOUR,
    };
    expect(unavailable(facilitator('a', { maxPerMonth: 1 }), s, 'co', ZONE, [earlier])).toBe('monthFull');
  });

  it('reads availability in the group’s zone, across a clock change', () => {
    // 18:30 in London is 17:30 UTC in summer: a Tuesday evening window still fits.
    const summer = Date.parse('2027-06-15T17:30:00Z');
    const f = facilitator('a', { weekly: [{ day: 'TU', from: '18:00', to: '21:00' }] });
    expect(unavailable(f, { startAt: summer, endAt: summer + 2 * HOUR }, 'co', ZONE, [])).toBeNull();
  });

  it('calls a meetup understaffed below its minimum or without a lead', () => {
    const needs = { roles: ['lead', 'host'] as const, minimum: 2 };
    expect(staffingGap({ ...needs, roles: [...needs.roles] }, { lead: 'a' })).toEqual({
      understaffed: true,
      open: ['host'],
    });
    expect(staffingGap({ roles: ['lead', 'co'], minimum: 1 }, { co: 'a' }).understaffed).toBe(true);
    expect(staffingGap({ roles: ['lead', 'co'], minimum: 1 }, { lead: 'a' }).understaffed).toBe(false);
  });
});

const arbitraryFacilitator = (i: number) =>
  fc.record({
    userId: fc.constant(`f${String(i).padStart(2, '0')}`),
    active: fc.boolean(),
    trainedOn: fc.option(fc.constant('2026-01-01'), { nil: null }),
    maxPerMonth: fc.integer({ min: 0, max: 6 }),
    modes: fc.subarray(['in_person', 'online'] as const),
    weekly: fc.array(
      fc.record({
        day: fc.constantFrom('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'),
        from: fc.constantFrom('09:00', '17:00', '18:00'),
        to: fc.constantFrom('12:00', '21:00', '23:00'),
      }),
      { maxLength: 3 },
    ),
    away: fc.array(
      fc.constantFrom({ from: '2027-03-08', to: '2027-03-14' }, { from: '2027-04-01', to: '2027-04-03' }),
      {
        maxLength: 1,
      },
    ),
  }) as fc.Arbitrary<Facilitator>;

const world = fc
  .record({
    count: fc.integer({ min: 0, max: 6 }),
    meetups: fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 55 }),
        hour: fc.constantFrom(10, 18, 19),
        mode: fc.constantFrom('in_person', 'online', 'hybrid'),
      }),
      { maxLength: 14 },
    ),
  })
  .chain(({ count, meetups }) =>
    fc.record({
      facilitators: fc.tuple(...Array.from({ length: count }, (_, i) => arbitraryFacilitator(i))),
      slots: fc.constant(
        meetups.map((m, i) =>
          slot(i, MONDAY + m.day * 24 * HOUR + m.hour * HOUR, {
            mode: m.mode as RosterSlotInput['mode'],
            staffing:
              m.mode === 'hybrid'
                ? { roles: ['lead', 'host'], minimum: 2 }
                : { roles: ['lead', 'co'], minimum: 1 },
          }),
        ),
      ),
    }),
  );

describe('auto-fill', () => {
  it('never breaks availability, the monthly most, overlaps or the trained lead; explains each choice', () => {
    fc.assert(
      fc.property(world, ({ facilitators, slots }) => {
        const out = autofill({ zone: ZONE, facilitators, slots, duties: [] });
        const byId = new Map(facilitators.map((f) => [f.userId, f]));
        const taken: Duty[] = [];
        for (const p of out.proposals) {
          const s = slots.find((x) => x.occurrenceId === p.occurrenceId)!;
          const f = byId.get(p.userId)!;
          expect(unavailable(f, s, p.role, ZONE, taken), JSON.stringify(p)).toBeNull();
          // The same rules, checked directly.
          expect(f.active).toBe(true);
          if (p.role === 'lead') expect(f.trainedOn).not.toBeNull();
          const mine = taken.filter((d) => d.userId === f.userId);
          expect(mine.some((d) => d.startAt < s.endAt && s.startAt < d.endAt)).toBe(false);
          const month = new Date(s.startAt).toISOString().slice(0, 7); // GMT or BST: the same month here
          expect(
            mine.filter((d) => new Date(d.startAt).toISOString().slice(0, 7) === month).length,
          ).toBeLessThan(f.maxPerMonth);
          const date = new Date(s.startAt + HOUR).toISOString().slice(0, 10);
          expect(f.away.some((a) => a.from <= date && date <= a.to)).toBe(false);
          expect(['only', 'fewestMonth', 'fewestRange', 'fewestRole', 'prefers', 'tied']).toContain(
            p.reason.why,
          );
          taken.push({ userId: p.userId, occurrenceId: s.occurrenceId, startAt: s.startAt, endAt: s.endAt });
        }
        // Every open duty is either proposed or explained, never both.
        const open = slots.flatMap((s) => s.staffing.roles.map((r) => `${s.occurrenceId}/${r}`));
        const answered = [...out.proposals, ...out.unfilled].map((x) => `${x.occurrenceId}/${x.role}`);
        expect(answered.sort()).toEqual(open.sort());
        // One person holds at most one duty at a meetup.
        for (const s of slots) {
          const people = out.proposals.filter((p) => p.occurrenceId === s.occurrenceId).map((p) => p.userId);
          expect(new Set(people).size).toBe(people.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same roster for the same input, in whatever order it comes', () => {
    fc.assert(
      fc.property(world, fc.integer(), ({ facilitators, slots }, seed) => {
        const once = autofill({ zone: ZONE, facilitators, slots, duties: [] });
        const shuffle = <T>(xs: T[]) =>
          xs
            .map((x, i) => ({ x, k: (Math.imul(i + 1, seed | 1) >>> 0) % 1009 }))
            .sort((a, b) => a.k - b.k)
            .map((y) => y.x);
        const again = autofill({
          zone: ZONE,
          facilitators: shuffle(facilitators),
          slots: shuffle(slots),
          duties: [],
        });
        expect(again).toEqual(once);
      }),
      { numRuns: 200 },
    );
  });

  it('balances duties within one of each other when everyone can take every duty', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 36 }), (people, meetups) => {
        const facilitators = Array.from({ length: people }, (_, i) =>
          facilitator(`f${String(i).padStart(2, '0')}`, { maxPerMonth: 40 }),
        );
        // Meetups that never overlap, all in one month.
        const slots = Array.from({ length: meetups }, (_, i) => slot(i, MONDAY + i * 12 * HOUR));
        const { proposals, unfilled } = autofill({ zone: ZONE, facilitators, slots, duties: [] });
        expect(unfilled).toEqual([]);
        const counts = facilitators.map((f) => proposals.filter((p) => p.userId === f.userId).length);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('counts duties held in other groups, and leaves what is already filled', () => {
    const a = facilitator('a');
    const b = facilitator('b');
    const s = slot(1, Date.parse('2027-03-16T18:30:00Z'), {
      staffing: { roles: ['lead', 'co'], minimum: 1 },
    });
    const elsewhere: Duty = { userId: 'a', occurrenceId: 'other-group', startAt: s.startAt, endAt: s.endAt };
    const out = autofill({
      zone: ZONE,
      facilitators: [a, b],
      slots: [{ ...s, filled: { co: 'b' } }],
      duties: [elsewhere],
    });
    expect(out.proposals).toEqual([]);
    expect(out.unfilled).toEqual([
      {
        occurrenceId: s.occurrenceId,
        role: 'lead',
        reason: { why: 'noOne', counts: { busy: 1, alreadyThere: 1 } },
      },
    ]);
  });
});

describe('who is on the roster', () => {
  const as = (role: (typeof ROLES)[number], status: 'active' | 'pending' = 'active') => ({
    role,
    status,
    userId: 'u1',
    groupId: 'g1',
  });

  it('gives duties to facilitators and owners, and lets owners alone staff the roster', () => {
    expect(ROLES.filter((r) => canFacilitate(as(r)))).toEqual(['owner', 'facilitator']);
    expect(ROLES.filter((r) => canStaff(as(r)))).toEqual(['owner']);
    expect(canFacilitate(as('facilitator', 'pending'))).toBe(false);
    expect(canStaff(as('owner', 'pending'))).toBe(false);
  });

  it('gives a facilitator without a profile the defaults, and an owner none until they write one', () => {
    const at = Date.UTC(2027, 2, 1);
    expect(profileOf(as('facilitator'), null, at)).toEqual(defaultProfile('g1', 'u1', at));
    expect(profileOf(as('owner'), null, at)).toBeNull();
    const written = { ...defaultProfile('g1', 'u1', at), maxPerMonth: 1 };
    expect(profileOf(as('owner'), written, at)).toBe(written);
    expect(profileOf(as('member'), written, at)).toBeNull();
    expect(defaultProfile('g1', 'u1', at)).toMatchObject({
      active: true,
      maxPerMonth: 4,
      weekly: [],
      away: [],
    });
  });

  it('counts a duty as unconfirmed until its holder confirms it', () => {
    const staffing = { roles: ['lead', 'co', 'greeter'] as const, minimum: 1 };
    const roster = { lead: { status: 'confirmed' }, co: { status: 'assigned' } };
    expect(unconfirmedRoles({ ...staffing, roles: [...staffing.roles] }, roster)).toEqual(['co']);
  });
});

describe('who a cover request goes to', () => {
  it('asks facilitators free at that time, not the asker nor someone already on duty there', () => {
    const start = Date.UTC(2027, 2, 9, 18, 30);
    const o = {
      startAt: start,
      endAt: start + 90 * 60_000,
      roster: { lead: { userId: 'asker' }, co: { userId: 'busy' } },
    };
    const person = (userId: string, duties: Duty[] = []) => ({
      userId,
      profile: { ...defaultProfile('g1', userId, start), trainedOn: '2026-01-01' },
      duties,
    });
    const elsewhere = { userId: 'booked', occurrenceId: 'other', startAt: start, endAt: start + 3_600_000 };
    const people = [person('asker'), person('busy'), person('free'), person('booked', [elsewhere])];
    expect(coverCandidates(people, { askerId: 'asker', role: 'lead' }, o, 'Europe/London')).toEqual(['free']);
  });
});
