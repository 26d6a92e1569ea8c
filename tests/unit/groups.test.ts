import { describe, expect, it } from 'vitest';
import {
  can,
  canSeeGroup,
  type GroupAction,
  isValidTimeZone,
  joinOutcome,
  ROLES,
  removalRefused,
  roleChange,
  searchText,
  sizeBand,
} from '../../functions/core/groups';

describe('permissions', () => {
  const table: Record<GroupAction, string[]> = {
    read: ['owner', 'moderator', 'facilitator', 'member'],
    edit: ['owner'],
    'assign-roles': ['owner'],
    'review-members': ['owner', 'moderator'],
    invite: ['owner', 'moderator'],
    moderate: ['owner', 'moderator'],
    'read-audit': ['owner'],
    schedule: ['owner', 'facilitator'],
  };
  for (const [action, allowed] of Object.entries(table) as [GroupAction, string[]][]) {
    it(`allows ${action} to ${allowed.join(', ')} only, and never to pending members or outsiders`, () => {
      for (const role of ROLES) {
        expect(can({ role, status: 'active' }, action), role).toBe(allowed.includes(role));
        expect(can({ role, status: 'pending' }, action), `${role} pending`).toBe(false);
      }
      expect(can(null, action)).toBe(false);
    });
  }
});

describe('visibility and joining', () => {
  it('hides private groups from outsiders unless they hold an invite', () => {
    expect(canSeeGroup('public', null)).toBe(true);
    expect(canSeeGroup('private', null)).toBe(false);
    expect(canSeeGroup('private', null, true)).toBe(true);
    expect(canSeeGroup('private', { role: 'member', status: 'pending' })).toBe(true);
  });

  it('decides what joining leads to', () => {
    expect(joinOutcome('open', 'public', false)).toEqual({ status: 'active' });
    expect(joinOutcome('approval', 'public', false)).toEqual({ status: 'pending' });
    expect(joinOutcome('invite', 'public', false)).toHaveProperty('refused');
    expect(joinOutcome('invite', 'public', true)).toEqual({ status: 'active' });
    expect(joinOutcome('open', 'private', false)).toHaveProperty('refused');
    expect(joinOutcome('approval', 'private', true)).toEqual({ status: 'pending' });
  });
});

describe('directory', () => {
  it('shows sizes as bands, never counts', () => {
    expect(sizeBand(1)).toBe('Under 10 members');
    expect(sizeBand(10)).toBe('10–24 members');
    expect(sizeBand(49)).toBe('25–49 members');
    expect(sizeBand(5000)).toBe('100+ members');
  });

  it('searches name, description and focus labels in lower case', () => {
    const text = searchText({ name: 'Harbour Lights', description: 'By the SEA', focus: ['trauma'] });
    expect(text).toContain('harbour lights');
    expect(text).toContain('by the sea');
    expect(text).toContain('trauma and ptsd');
  });

  it('accepts IANA zones and refuses made-up ones', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('EST')).toBe(false);
  });
});

describe('changing who is in a group, and their roles', () => {
  const as = (role: (typeof ROLES)[number], status: 'active' | 'pending' = 'active') => ({ role, status });

  it('never removes an owner, and lets only owners remove moderators', () => {
    expect(removalRefused(as('owner'), as('owner'))?.message).toMatch(/cannot be removed/);
    expect(removalRefused(as('moderator'), as('moderator'))?.code).toBe('forbidden');
    expect(removalRefused(as('owner'), as('moderator'))).toBeNull();
    expect(removalRefused(as('moderator'), as('facilitator'))).toBeNull();
  });

  it('gives a role to active members only, and says what else the change takes', () => {
    expect(roleChange(as('member', 'pending'), 'facilitator')).toMatchObject({ code: 'conflict' });
    expect(roleChange(as('member'), 'owner')).toEqual({
      becomesOwner: true,
      stepsDownAsOwner: false,
      stopsFacilitating: false,
    });
    expect(roleChange(as('owner'), 'moderator')).toEqual({
      becomesOwner: false,
      stepsDownAsOwner: true,
      stopsFacilitating: true,
    });
    // An owner who becomes a facilitator still facilitates: their duties stay theirs.
    expect(roleChange(as('owner'), 'facilitator')).toMatchObject({
      stepsDownAsOwner: true,
      stopsFacilitating: false,
    });
    expect(roleChange(as('facilitator'), 'member')).toMatchObject({ stopsFacilitating: true });
    expect(roleChange(as('member'), 'moderator')).toMatchObject({ stopsFacilitating: false });
  });
});
