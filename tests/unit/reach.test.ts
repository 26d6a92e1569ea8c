import { describe, expect, it } from 'vitest';
import {
  inQuietHours,
  noticeMessage,
  reminderAt,
  reminderMessage,
  remindersDue,
} from '../../functions/core/reach';

const at = (s: string) => Date.parse(s);

describe('quiet hours', () => {
  const night = { from: '22:00', to: '08:00' };
  it('span midnight on the member’s own clock', () => {
    expect(inQuietHours(at('2026-12-03T22:30:00Z'), night, 'Europe/London')).toBe(true);
    expect(inQuietHours(at('2026-12-04T07:59:00Z'), night, 'Europe/London')).toBe(true);
    expect(inQuietHours(at('2026-12-04T08:00:00Z'), night, 'Europe/London')).toBe(false);
    expect(inQuietHours(at('2026-12-03T21:59:00Z'), night, 'Europe/London')).toBe(false);
  });
  it('follow the clock change (07:30 local is 06:30 UTC in summer, 07:30 in winter)', () => {
    expect(inQuietHours(at('2026-07-01T06:30:00Z'), night, 'Europe/London')).toBe(true);
    expect(inQuietHours(at('2026-07-01T07:30:00Z'), night, 'Europe/London')).toBe(false);
    expect(inQuietHours(at('2026-12-01T07:30:00Z'), night, 'Europe/London')).toBe(true);
  });
  it('within one day, and none when unset or empty', () => {
    expect(inQuietHours(at('2026-12-03T13:00:00Z'), { from: '12:00', to: '14:00' }, 'UTC')).toBe(true);
    expect(inQuietHours(at('2026-12-03T14:00:00Z'), { from: '12:00', to: '14:00' }, 'UTC')).toBe(false);
    expect(inQuietHours(at('2026-12-03T13:00:00Z'), null, 'UTC')).toBe(false);
    expect(inQuietHours(at('2026-12-03T13:00:00Z'), { from: '09:00', to: '09:00' }, 'UTC')).toBe(false);
  });
});

describe('reminders due in a window', () => {
  const start = at('2026-12-10T18:30:00Z');
  it('finds each reminder in exactly one of consecutive windows', () => {
    const found: number[] = [];
    for (let t = at('2026-12-09T00:00:00Z'); t < start; t += 60_000)
      found.push(...remindersDue(start, 'Europe/London', [1440, 60, 15], { after: t, until: t + 60_000 }));
    expect(found.sort((a, b) => a - b)).toEqual([15, 60, 1440]);
  });
  it('takes the window’s end and not its start', () => {
    const due = start - 60 * 60_000;
    expect(remindersDue(start, 'UTC', [60], { after: due - 1, until: due })).toEqual([60]);
    expect(remindersDue(start, 'UTC', [60], { after: due, until: due + 60_000 })).toEqual([]);
  });
});

describe('the day before', () => {
  it('is the same time on the meetup’s clock the day before, across a clock change', () => {
    // 18:30 in London on Sunday 28 March 2027 (BST, 17:30Z): the day before at 18:30 GMT, 23 hours earlier.
    const start = at('2027-03-28T17:30:00Z');
    expect(new Date(reminderAt(start, 1440, 'Europe/London')).toISOString()).toBe('2027-03-27T18:30:00.000Z');
    // And back in autumn: 18:30 GMT on 31 October 2027 (18:30Z), 25 hours after 18:30 BST on the 30th.
    expect(new Date(reminderAt(at('2027-10-31T18:30:00Z'), 1440, 'Europe/London')).toISOString()).toBe(
      '2027-10-30T17:30:00.000Z',
    );
    expect(reminderAt(start, 60, 'Europe/London')).toBe(start - 3_600_000);
  });
});

describe('what a push message says', () => {
  const m = {
    occurrenceId: 'o1',
    title: 'Evening circle',
    groupName: 'Anxiety Circle',
    startAt: at('2026-12-10T18:30:00Z'),
  };
  it('names nothing when discreet: a session, its time, its day', () => {
    const msg = reminderMessage(m, { detail: 'discreet', zone: 'Europe/London' }, at('2026-12-09T18:00:00Z'));
    expect(msg).toEqual({
      title: 'Hearth',
      body: 'A session at 18:30 tomorrow',
      url: '/occurrences/o1',
      tag: 'reminder-o1',
    });
    expect(JSON.stringify(msg)).not.toMatch(/Evening|Anxiety/);
  });
  it('says the time on the member’s clock, and the day in words', () => {
    const ny = reminderMessage(
      m,
      { detail: 'discreet', zone: 'America/New_York' },
      at('2026-12-10T12:00:00Z'),
    );
    expect(ny.body).toBe('A session at 13:30 today');
    const later = reminderMessage(m, { detail: 'discreet', zone: 'UTC' }, at('2026-12-07T12:00:00Z'));
    expect(later.body).toBe('A session at 18:30 Thu 10 Dec');
  });
  it('names the meetup and group, and the duty, when full', () => {
    const msg = reminderMessage(
      { ...m, duty: 'Lead facilitator' },
      { detail: 'full', zone: 'UTC' },
      at('2026-12-10T17:30:00Z'),
    );
    expect(msg.title).toBe('Lead facilitator: Evening circle');
    expect(msg.body).toBe('Anxiety Circle, at 18:30 today');
    const discreet = reminderMessage(
      { ...m, duty: 'Lead facilitator' },
      { detail: 'discreet', zone: 'UTC' },
      0,
    );
    expect(discreet.body).toMatch(/^A duty at 18:30/);
  });
  it('keeps a notice’s words off the lock screen unless full', () => {
    const n = { notificationId: 'n1', text: 'Support request in “Anxiety Circle”', url: '/groups/g/support' };
    expect(noticeMessage(n, { detail: 'discreet' }).body).toBe('Something new for you in Hearth');
    expect(noticeMessage(n, { detail: 'full' }).body).toBe(n.text);
  });
  it('speaks the member’s language', () => {
    const es = reminderMessage(
      m,
      { detail: 'discreet', zone: 'Europe/Madrid', language: 'es' },
      at('2026-12-09T18:00:00Z'),
    );
    expect(es.body).toBe('Una sesión a las 19:30 mañana');
    const de = reminderMessage(
      m,
      { detail: 'discreet', zone: 'UTC', language: 'de' },
      at('2026-12-07T12:00:00Z'),
    );
    expect(de.body).toMatch(/^Ein Treffen um 18:30 Do\.?,? 10\. Dez/);
    const n = { notificationId: 'n1', text: 'x', url: '/' };
    expect(noticeMessage(n, { detail: 'discreet', language: 'fr' }).body).toBe(
      'Du nouveau pour vous dans Hearth',
    );
    expect(noticeMessage(n, { detail: 'discreet', language: 'ar' }).body).toBe('هناك جديد لك في Hearth');
  });
});
