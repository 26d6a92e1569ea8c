import { describe, expect, it } from 'vitest';
import { ROLES } from '../../functions/core/groups';
import {
  canSeePost,
  namedIn,
  seesSupportFlags,
  sessionsKeptFrom,
  waitsFor,
} from '../../functions/core/threads';

const active = (role: (typeof ROLES)[number]) => ({ role, status: 'active' as const });

describe('who sees what in a discussion', () => {
  it('shows a hidden or waiting post to its author and to moderators only', () => {
    const hidden = { hidden: { reason: 'unkind' }, authorId: 'a' };
    const waiting = { pending: true, authorId: 'a' };
    for (const post of [hidden, waiting]) {
      expect(canSeePost(post, { userId: 'a', member: active('member') })).toBe(true);
      expect(canSeePost(post, { userId: 'b', member: active('moderator') })).toBe(true);
      expect(canSeePost(post, { userId: 'b', member: active('owner') })).toBe(true);
      expect(canSeePost(post, { userId: 'b', member: active('facilitator') })).toBe(false);
      expect(canSeePost(post, { userId: 'b', member: active('member') })).toBe(false);
    }
    expect(canSeePost({ authorId: 'a' }, { userId: 'b', member: active('member') })).toBe(true);
  });

  it('flags posts that may need support to those who can reach out, not to members', () => {
    expect(ROLES.filter((r) => seesSupportFlags(active(r)))).toEqual(['owner', 'moderator', 'facilitator']);
    expect(seesSupportFlags({ role: 'owner', status: 'pending' })).toBe(false);
  });

  it('holds a new member’s posts for a moderator in groups joined by approval, until one is approved', () => {
    const member = { role: 'member' as const, status: 'active' as const };
    expect(waitsFor({ joinPolicy: 'approval' }, member)).toBe(true);
    expect(waitsFor({ joinPolicy: 'approval' }, { ...member, firstPostApproved: true })).toBe(false);
    expect(waitsFor({ joinPolicy: 'open' }, member)).toBe(false);
    expect(waitsFor({ joinPolicy: 'approval' }, active('facilitator'))).toBe(false);
  });

  it('names authors and professionals, and who reacted only on the viewer’s own posts', () => {
    const posts = [
      { authorId: 'me', reactions: { support: { r1: 1 }, me_too: { r2: 1 } } },
      { authorId: 'other', reactions: { support: { r3: 1 } }, contextNotes: [{ by: 'pro' }] },
    ];
    expect(new Set(namedIn(posts, 'me'))).toEqual(new Set(['me', 'other', 'pro', 'r1', 'r2']));
  });

  it('keeps a meetup’s own thread to those with a place where the group says so, organisers and moderators aside', () => {
    const kept = { sessionThreadsGoingOnly: true };
    expect(ROLES.filter((r) => sessionsKeptFrom(kept, active(r)))).toEqual(['member']);
    expect(sessionsKeptFrom({}, active('member'))).toBe(false);
  });
});
