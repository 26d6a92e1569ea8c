import { describe, expect, it } from 'vitest';
import {
  canSeeConversation,
  conversationRecipients,
  dutyMeetup,
  escalatesAt,
  escalationRecipients,
  holdersOf,
  seesSupport,
  supportRecipients,
} from '../../functions/core/support';

const HOUR = 3_600_000;
const now = Date.parse('2027-03-16T18:00:00Z');
const meetup = (id: string, startIn: number, hours = 1.5, status = 'scheduled') => ({
  occurrenceId: id,
  startAt: now + startIn * HOUR,
  endAt: now + (startIn + hours) * HOUR,
  status,
});
const staff = { own: 'owner', mod: 'moderator', fac: 'facilitator', fac2: 'facilitator' } as const;

describe('who is on duty', () => {
  it('is the roster of the meetup under way, else of the next one; cancelled ones need no one', () => {
    expect(dutyMeetup([meetup('next', 2), meetup('now', -0.5)], now)?.occurrenceId).toBe('now');
    expect(dutyMeetup([meetup('later', 48), meetup('next', 2), meetup('past', -3)], now)?.occurrenceId).toBe(
      'next',
    );
    expect(dutyMeetup([meetup('off', 1, 1.5, 'cancelled'), meetup('next', 26)], now)?.occurrenceId).toBe(
      'next',
    );
    expect(dutyMeetup([meetup('past', -3)], now)).toBeNull();
    expect(holdersOf({ lead: { userId: 'a' }, co: { userId: 'b' }, host: { userId: 'a' } })).toEqual([
      'a',
      'b',
    ]);
  });
});

describe('who hears of a support request', () => {
  it('tells those on duty who are still staff, else every facilitator, moderator and owner; never the member', () => {
    expect(supportRecipients(staff, ['fac'], 'someone')).toEqual(['fac']);
    // Someone on a roster who has since left the staff is not told; the others are.
    expect(supportRecipients(staff, ['gone'], 'someone').sort()).toEqual(['fac', 'fac2', 'mod', 'own']);
    // A facilitator in crisis is not told of their own request.
    expect(supportRecipients(staff, ['fac'], 'fac').sort()).toEqual(['fac2', 'mod', 'own']);
    expect(escalationRecipients(staff).sort()).toEqual(['mod', 'own']);
    expect(escalationRecipients(staff, 'mod')).toEqual(['own']);
  });

  it('asks facilitators and owners, not moderators, to reach out', () => {
    expect(conversationRecipients(staff, [], 'm').sort()).toEqual(['fac', 'fac2', 'own']);
    expect(conversationRecipients(staff, ['fac2', 'mod'], 'm')).toEqual(['fac2']);
  });

  it('escalates after the group’s minutes, 30 unless it chose', () => {
    expect(escalatesAt(now, undefined)).toBe(now + 30 * 60_000);
    expect(escalatesAt(now, 5)).toBe(now + 5 * 60_000);
  });
});

describe('who sees what', () => {
  const active = (role: 'owner' | 'moderator' | 'facilitator' | 'member') => ({
    role,
    status: 'active' as const,
  });
  it('shows support requests to staff only, and a conversation to its member, facilitators and owners', () => {
    expect(seesSupport(active('member'))).toBe(false);
    expect(seesSupport({ role: 'facilitator', status: 'pending' })).toBe(false);
    expect(seesSupport(active('moderator'))).toBe(true);
    const conv = { memberId: 'm' };
    expect(canSeeConversation({ userId: 'm', member: active('member') }, conv)).toBe(true);
    expect(canSeeConversation({ userId: 'x', member: active('member') }, conv)).toBe(false);
    expect(canSeeConversation({ userId: 'f', member: active('facilitator') }, conv)).toBe(true);
    expect(canSeeConversation({ userId: 'o', member: active('owner') }, conv)).toBe(true);
    expect(canSeeConversation({ userId: 'd', member: active('moderator') }, conv)).toBe(false);
    expect(
      canSeeConversation({ userId: 'd', member: active('moderator') }, { ...conv, escalated: true }),
    ).toBe(true);
    expect(canSeeConversation({ userId: 'm', member: null }, conv)).toBe(false);
  });
});
