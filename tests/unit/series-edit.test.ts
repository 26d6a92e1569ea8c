import { describe, expect, it } from 'vitest';
import { NEW_DATES_REASON } from '../../functions/core/series';
import { type EditedOccurrence, type EditedSeries, planSeriesEdit } from '../../functions/core/series-edit';
import { parseLocal, resolveLocal } from '../../functions/core/time';

const zone = 'Europe/London';
const at = (local: string) => resolveLocal(parseLocal(local)!, zone).epochMs;
const series: EditedSeries = {
  mode: 'in_person',
  start: '2027-03-02T18:30',
  rrule: 'FREQ=WEEKLY;COUNT=4',
  occurrenceCount: 4,
  rsvpOpensHoursBefore: null,
  rsvpClosesMinutesBefore: 0,
};
const weeks = ['2027-03-02', '2027-03-09', '2027-03-16', '2027-03-23'];
const occurrences = (): EditedOccurrence[] =>
  weeks.map((day, index) => ({
    occurrenceId: `m1.${index}`,
    index,
    status: 'scheduled',
    startLocal: `${day}T18:30`,
    startAt: at(`${day}T18:30`),
    endAt: at(`${day}T20:00`),
    rsvpOpensAt: at('2027-02-01T09:00'),
    rsvpClosesAt: at(`${day}T18:30`),
    recurring: true,
  }));
// Between the first and the second meetup: the first has happened.
const now = at('2027-03-05T12:00');

describe('planning a change to a whole series', () => {
  it('moves every meetup still to come to the new time, and leaves the one that happened', () => {
    const plan = planSeriesEdit(series, { time: '19:00' }, occurrences(), zone, now);
    if (!('changes' in plan)) throw new Error(JSON.stringify(plan));
    expect(plan.changes.map((c) => c.occurrenceId)).toEqual(['m1.1', 'm1.2', 'm1.3']);
    expect(plan.changes[0]!.set).toMatchObject({
      startLocal: '2027-03-09T19:00',
      startAt: at('2027-03-09T19:00'),
      endAt: at('2027-03-09T20:30'),
      // RSVPs had opened: they stay open; they close at the new start.
      rsvpOpensAt: at('2027-02-01T09:00'),
      rsvpClosesAt: at('2027-03-09T19:00'),
    });
    expect(plan.series.start).toBe('2027-03-02T19:00');
    expect(plan.replan).toBeNull();
  });

  it('keeps what a meetup was given on its own', () => {
    const all = occurrences();
    all[1]!.overrides = new Set(['title']);
    all[2]!.overrides = new Set(['start']);
    all[3]!.overrides = new Set(['title', 'start']);
    const plan = planSeriesEdit(series, { title: 'Tuesday circle', time: '19:00' }, all, zone, now);
    if (!('changes' in plan)) throw new Error(JSON.stringify(plan));
    const set = (id: string) => plan.changes.find((c) => c.occurrenceId === id)?.set;
    expect(set('m1.1')).toMatchObject({ title: undefined, startLocal: '2027-03-09T19:00' });
    expect(set('m1.2')).toMatchObject({ title: 'Tuesday circle', startLocal: '2027-03-16T18:30' });
    // Its own title and its own time: nothing of the change is for it.
    expect(set('m1.3')).toBeUndefined();
  });

  it('changes no meetup when only the duties change, and gives them all the new staffing', () => {
    const plan = planSeriesEdit(
      series,
      { staffing: { roles: ['lead'], minimum: 1 } },
      occurrences(),
      zone,
      now,
    );
    if (!('changes' in plan)) throw new Error(JSON.stringify(plan));
    expect(plan.changes).toEqual([]);
    expect(plan.restaff).toEqual(['m1.1', 'm1.2', 'm1.3']);
  });

  it('refuses to drop a duty someone holds, naming it', () => {
    const all = occurrences();
    all[3]!.roster = { co: { userId: 'u1' } };
    const plan = planSeriesEdit(series, { staffing: { roles: ['lead'], minimum: 1 } }, all, zone, now);
    expect(plan).toEqual({
      refused: 'Someone holds a duty this change drops (co on 2027-03-23): take it off them first',
    });
  });

  it('says a link is not for a meetup in person, and an RSVP window that closes before it opens', () => {
    expect(
      planSeriesEdit(
        series,
        { online: { url: 'https://meet.example/x' } } as never,
        occurrences(),
        zone,
        now,
      ),
    ).toEqual({
      problems: [{ path: 'body.online', message: 'This meetup is in person only' }],
    });
    const refused = planSeriesEdit(
      series,
      { rsvpOpensHoursBefore: 1, rsvpClosesMinutesBefore: 120 },
      occurrences(),
      zone,
      now,
    );
    expect('problems' in refused && refused.problems.length).toBeTruthy();
  });

  it('moves to new dates: the meetups on a date of the new pattern stay, the others are cancelled, new ones made', () => {
    const plan = planSeriesEdit(
      series,
      { recurrence: { rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=2', start: '2027-03-09T18:30' } },
      occurrences(),
      zone,
      now,
    );
    if (!('changes' in plan)) throw new Error(JSON.stringify(plan));
    expect(plan.replan && [...plan.replan.keep]).toEqual(['m1.1', 'm1.3']);
    expect(plan.replan?.cancel).toEqual(['m1.2']);
    // What stays is on its date already: nothing of it moves.
    expect(plan.changes).toEqual([]);
  });

  it('uses again a date an earlier change of dates dropped', () => {
    const all = occurrences();
    all[2] = { ...all[2]!, status: 'cancelled', cancelReason: NEW_DATES_REASON };
    const plan = planSeriesEdit(series, { title: 'Again' }, all, zone, now);
    if (!('changes' in plan)) throw new Error(JSON.stringify(plan));
    expect(plan.changes.map((c) => c.occurrenceId)).toEqual(['m1.1', 'm1.3']);
  });
});
