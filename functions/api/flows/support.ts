/**
 * The safety loop's multi-step flows: a post that matched a crisis phrase opens (or adds to) its
 * author's support request and tells the people on duty, within the request that stored the post;
 * a member asks the facilitators to reach out. Rules in core/support; storage in the repos.
 * @module
 */
import { HEARTH_ACTOR } from '../../core/moderation-log';
import {
  conversationRecipients,
  dutyMeetup,
  escalatesAt,
  holdersOf,
  type Staff,
  supportRecipients,
} from '../../core/support';
import type { Db } from '../../store/client';
import { type Key, keys } from '../../store/keys';
import type { GroupRecord, MemberRecord } from '../../store/repos/groups';
import { meetupsRepo } from '../../store/repos/meetups';
import { notificationsRepo } from '../../store/repos/notifications';
import { rosterRepo } from '../../store/repos/roster';
import { type SupportRecord, supportRepo } from '../../store/repos/support';
import { threadsRepo } from '../../store/repos/threads';
import type { Ctx } from '../context';

const HOUR = 3_600_000;

/**
 * What a posting route reads with the session so a crisis post costs no extra reads: the
 * member's open support request pointer and their reading preferences (the region of their lines).
 */
export const postingKeys = (groupId: string, userId: string): Key[] => [
  keys.supportOf(groupId, userId),
  keys.prefs(userId),
];

/** The people on duty for a group now: the roster of its meetup under way, else of its next one. */
export async function onDutyNow(db: Db, groupId: string, now: number): Promise<string[]> {
  // A meetup lasts at most 12 hours, so one under way started at most that long ago.
  const page = await meetupsRepo(db).listSchedule(groupId, {
    from: now - 12 * HOUR,
    to: now + 400 * 24 * HOUR,
    limit: 10,
  });
  const chosen = dutyMeetup(page.items, now);
  if (!chosen) return [];
  const rosters = await rosterRepo(db).rostersOf([chosen.occurrenceId]);
  return holdersOf(rosters.get(chosen.occurrenceId)?.roster ?? {});
}

/** The group's staff (read with the group; rebuilt from its members for groups stored before). */
export const staffOf = (c: Ctx, group: GroupRecord): Promise<Staff> => c.var.services.groups.staffOf(group);

/**
 * A post matched a crisis phrase: opens its author's support request in the group, or adds the
 * post to the one open, and tells at once those on duty (else every facilitator, moderator and
 * owner). A later match tells whoever took the request. `pointer`: the member's open-request
 * pointer as the route's prefetch found it (undefined when not read).
 */
export async function crisisPosted(
  c: Ctx,
  input: {
    group: GroupRecord;
    member: MemberRecord;
    postId: string;
    pointer?: { requestId: string } | null;
  },
): Promise<SupportRecord> {
  const { config, now } = c.var.services;
  const { group, member, postId } = input;
  const at = now();
  const [staff, duty, { request, opened }] = await Promise.all([
    staffOf(c, group),
    onDutyNow(config.db, group.groupId, at),
    supportRepo(config.db).openOrAdd({
      groupId: group.groupId,
      memberId: member.userId,
      postId,
      now: at,
      escalateAt: escalatesAt(at, group.supportEscalationMinutes),
      pointer: input.pointer,
    }),
  ]);
  const name = member.displayName;
  const told = opened
    ? supportRecipients(staff, duty, member.userId)
    : request.status === 'taken' && request.takenBy && request.takenBy !== member.userId
      ? [request.takenBy]
      : [];
  const text = opened
    ? `Support request in “${group.name}”: a post by ${name} may need a caring response. Take it, or see who has.`
    : `${name} posted again in “${group.name}”: the post was added to the support request you took.`;
  await Promise.all([
    notificationsRepo(config.db).notify(
      told.map((userId) => ({
        userId,
        kind: 'support' as const,
        text,
        groupId: group.groupId,
        page: 'support' as const,
        ref: request.requestId,
      })),
      at,
    ),
    opened &&
      threadsRepo(config.db).addAudit({
        groupId: group.groupId,
        actorId: HEARTH_ACTOR,
        action: 'support_opened',
        target: name,
        reason: `A post matched a crisis phrase; ${told.length} ${told.length === 1 ? 'person' : 'people'} told`,
        at,
      }),
  ]);
  return request;
}

/** Tells the facilitators that a member asked one of them to reach out. */
export async function contactAsked(
  c: Ctx,
  group: GroupRecord,
  member: MemberRecord,
  conversationId: string,
): Promise<void> {
  const { config, now } = c.var.services;
  const at = now();
  const [staff, duty] = await Promise.all([staffOf(c, group), onDutyNow(config.db, group.groupId, at)]);
  await notificationsRepo(config.db).notify(
    conversationRecipients(staff, duty, member.userId).map((userId) => ({
      userId,
      kind: 'conversation' as const,
      text: `${member.displayName} would like a facilitator of “${group.name}” to reach out.`,
      groupId: group.groupId,
      page: 'conversation' as const,
      ref: conversationId,
    })),
    at,
  );
}
