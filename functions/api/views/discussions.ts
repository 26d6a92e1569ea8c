/**
 * What the API answers about threads and posts: names in place of ids, hidden and waiting
 * posts as their viewer may see them, reactions.
 * @module
 */

import type { Membership } from '../../core/groups';
import {
  CONTENT_WARNINGS,
  type ContentWarning,
  REACTIONS,
  type Reaction,
  seesSupportFlags,
} from '../../core/threads';
import { iso } from '../../core/time';
import type { PostRecord, Prefs, ThreadRecord } from '../../store/repos/thread-records';
import type { Ctx } from '../context';

export async function names(c: Ctx, groupId: string, userIds: string[]) {
  return c.var.services.groups.getDisplayNames(groupId, userIds);
}

export function threadView(t: ThreadRecord, names: Map<string, string>, seen = t.postCount) {
  return {
    threadId: t.threadId,
    groupId: t.groupId,
    title: t.title,
    author: { displayName: names.get(t.authorId) ?? 'Former member' },
    postCount: t.postCount,
    createdAt: iso(t.createdAt),
    lastPostAt: iso(t.lastPostAt),
    locked: t.locked,
    pinned: !!t.pinned,
    occurrenceId: t.occurrenceId ?? null,
    unread: Math.max(0, t.postCount - seen),
  };
}

export function postView(
  p: PostRecord,
  names: Map<string, string>,
  viewer: { userId: string; member: Membership },
) {
  return {
    postId: p.postId,
    threadId: p.threadId,
    author: { displayName: names.get(p.authorId) ?? 'Former member' },
    mine: p.authorId === viewer.userId,
    body: p.body,
    ...(p.language ? { language: p.language } : {}),
    contentWarnings: p.contentWarnings,
    createdAt: iso(p.createdAt),
    ...(seesSupportFlags(viewer.member) ? { mayNeedSupport: p.mayNeedSupport } : {}),
    hidden: p.hidden ? { reason: p.hidden.reason } : null,
    editedAt: p.editedAt ? iso(p.editedAt) : null,
    replyTo: p.replyTo ?? null,
    contextNotes: (p.contextNotes ?? []).map((n) => ({
      by: names.get(n.by) ?? 'A verified professional',
      body: n.body,
      at: iso(n.at),
    })),
    deleted: !!p.deleted,
    pending: !!p.pending,
    reactions: reactionsView(p, viewer.userId, names),
  };
}

/** Counts for everyone, my own, and who reacted for the post's author alone. */
export function reactionsView(p: PostRecord, me: string, names: Map<string, string>) {
  const kinds = Object.keys(REACTIONS) as Reaction[];
  const by = (k: Reaction) => Object.keys(p.reactions?.[k] ?? {});
  return {
    counts: Object.fromEntries(kinds.map((k) => [k, by(k).length])) as Record<Reaction, number>,
    mine: kinds.filter((k) => by(k).includes(me)),
    ...(p.authorId === me
      ? {
          who: Object.fromEntries(
            kinds.map((k) => [k, by(k).map((u) => names.get(u) ?? 'Former member')]),
          ) as Record<Reaction, string[]>,
        }
      : {}),
  };
}

export const preferences = (p: Prefs) => ({
  collapse: p.collapse ?? (Object.keys(CONTENT_WARNINGS) as ContentWarning[]),
  region: p.region ?? null,
});
