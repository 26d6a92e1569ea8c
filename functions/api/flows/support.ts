/**
 * The safety loop's multi-step flows: a post that matched a crisis phrase opens (or adds to) its
 * author's support request and tells the people on duty, within the request that stored the post;
 * a member asks the facilitators to reach out. Rules in core/support; storage in the repos.
 * @module
 */

import { notice } from '../../core/i18n/notices';
import { HEARTH_ACTOR } from '../../core/moderation-log';
import {
  conversationRecipients,
  dutyMeetup,
  escalatesAt,
  holdersOf,
  type Staff,
  supportRecipients,
} from '../../core/support';
import { deleteMany, keyOf, putMany } from '../../store/batch';
import { type Key, keys } from '../../store/keys';
import type { GroupRecord, MemberRecord } from '../../store/repos/group-records';
import { meetupsRepo } from '../../store/repos/meetups';
import { notificationsRepo } from '../../store/repos/notifications';
import { rosterRepo } from '../../store/repos/roster';
import { supportRepo } from '../../store/repos/support';
import { openingGen, openingLogId, requestIdOf, type SupportRecord } from '../../store/repos/support-records';
import { auditItem } from '../../store/repos/thread-records';
import { SETTLE_MS } from '../../store/settle';
import type { Ctx } from '../context';

const HOUR = 3_600_000;

/** The member's live support item as the posting route's prefetch read it (null: none). */
export const liveOf = (c: Ctx, member: { groupId: string; userId: string }) => {
  const item = c.var.prefetched.get(keyOf(keys.supportLive(member.groupId, member.userId)));
  return item ? (item as unknown as SupportRecord) : null;
};

/**
 * The people on duty for a group now: the roster of its meetup under way, else of its next one.
 * Which meetup that is only changes when the group's schedule does (its version) or when that
 * meetup ends, so the group item keeps the answer (`dutyHint`, read with the group) and the
 * schedule is searched only when the hint is stale; the roster itself is always read fresh.
 */
export async function onDutyNow(c: Ctx, group: GroupRecord): Promise<string[]> {
  const { now, groups } = c.var.services;
  const at = now();
  const version = group.scheduleVersion ?? 0;
  const hint = group.dutyHint;
  let occurrenceId: string | null;
  let keep: Promise<void> | null = null;
  if (hint && hint.version === version && at < hint.until) occurrenceId = hint.occurrenceId;
  else {
    // A meetup lasts at most 12 hours, so one under way started at most that long ago.
    const times = await c.var.services.repo(meetupsRepo).scheduleTimes(group.groupId, {
      from: at - 12 * HOUR,
      to: at + 400 * 24 * HOUR,
      limit: 10,
    });
    const chosen = dutyMeetup(times, at);
    occurrenceId = chosen?.occurrenceId ?? null;
    // Without a meetup ahead, look again in a day (or as soon as the schedule changes).
    keep = groups.setDutyHint(group.groupId, {
      occurrenceId,
      until: chosen?.endAt ?? at + 24 * HOUR,
      version,
    });
  }
  const [rosters] = await Promise.all([
    occurrenceId ? c.var.services.repo(rosterRepo).rostersOf([occurrenceId]) : null,
    keep,
  ]);
  if (!occurrenceId || !rosters) return [];
  return holdersOf(rosters.get(occurrenceId)?.roster ?? {});
}

/**
 * When a post's words match a crisis phrase, starts finding who is on duty at once, so the answer
 * is there by the time the post is stored (null when they do not match).
 */
export function dutyFor(c: Ctx, group: GroupRecord, matched: boolean): Promise<string[]> | null {
  if (!matched) return null;
  const duty = onDutyNow(c, group);
  duty.catch(() => {}); // awaited later, or not at all when the post is refused
  return duty;
}

/** The group's staff (read with the group; rebuilt from its members for groups stored before). */
export const staffOf = (c: Ctx, group: GroupRecord): Promise<Staff> => c.var.services.groups.staffOf(group);

/**
 * A post matched a crisis phrase: opens its author's support request in the group, or adds the
 * post to the one open, and tells at once those on duty (else every facilitator, moderator and
 * owner); a later match tells whoever took the request. Runs beside the post's own write: when
 * the live item the route read says a request will open, the notices go out with the write,
 * named by the request's generation, so two posts opening it at once tell nobody twice.
 */
export async function crisisPosted(
  c: Ctx,
  input: {
    group: GroupRecord;
    member: MemberRecord;
    postId: string;
    duty: Promise<string[]>;
    /** The member's live support item as read (undefined: not read). */
    live?: SupportRecord | null;
    /**
     * The post's own items, when they are still to be written: they go in the same batch as the
     * notices (one write fewer), or beside the request's write.
     */
    postItems?: Record<string, unknown>[];
  },
): Promise<SupportRecord> {
  const { config, now } = c.var.services;
  const { group, member, postId } = input;
  const at = now();
  const name = member.displayName;
  /** Tells of a request opening; the keys of the notices and log entry it wrote. */
  const announce = async (
    gen: number,
    alsoWrite: Record<string, unknown>[] = [],
    when = at,
  ): Promise<Key[]> => {
    const requestId = requestIdOf(group.groupId, member.userId, gen);
    const [staff, duty] = await Promise.all([staffOf(c, group), input.duty]);
    const told = supportRecipients(staff, duty, member.userId);
    // The notices and the log entry in one batch, both named by the request.
    const log = auditItem(
      {
        groupId: group.groupId,
        actorId: HEARTH_ACTOR,
        action: 'support_opened',
        target: name,
        reason: `A post matched a crisis phrase; ${told.length} ${told.length === 1 ? 'person' : 'people'} told`,
        said: notice('logCrisisMatched', { count: told.length }),
        at: when,
      },
      openingLogId(requestId),
    );
    const notices = await c.var.services.repo(notificationsRepo).notify(
      told.map((userId) => ({
        userId,
        kind: 'support' as const,
        notice: notice('supportRequest', { group: group.name, name }),
        groupId: group.groupId,
        page: 'support' as const,
        ref: requestId,
      })),
      when,
      `support:${requestId}`,
      [log, ...alsoWrite],
    );
    return [...notices, { pk: log.pk, sk: log.sk }];
  };
  const planned = input.live === undefined ? null : openingGen(input.live);
  // An open request a while old: was its opening told? (A crash between the request's write and
  // its notices leaves it untold; this post tells it, under the opening's own keys.) Asked beside
  // the write, so it costs no round trip.
  const live = input.live;
  const untold =
    live && live.status === 'open' && at - live.openedAt >= SETTLE_MS
      ? c.var.services
          .repo(supportRepo)
          .announced(group.groupId, live.requestId, live.openedAt)
          .then((told) => !told)
      : Promise.resolve(false);
  const [{ request, opened }, told, notTold] = await Promise.all([
    c.var.services.repo(supportRepo).match({
      groupId: group.groupId,
      memberId: member.userId,
      postId,
      now: at,
      escalateAt: escalatesAt(at, group.supportEscalationMinutes),
      live: input.live,
    }),
    planned !== null
      ? announce(planned, input.postItems)
      : input.postItems && putMany(config.db, input.postItems).then(() => null),
    untold,
  ]);
  if (notTold && !opened && request.requestId === live!.requestId && request.status === 'open')
    await announce(request.gen, [], request.openedAt);
  // Another post opened it first, a moment apart: its notices are the ones that stand (the same
  // event, stamped at its own time); take back what this one sent.
  if (told && ((!opened && request.openedAt !== at) || (opened && request.gen !== planned)))
    await deleteMany(config.db, told);
  // Opened otherwise than foreseen (a close raced this post): announce what did open.
  if (opened && request.gen !== planned) await announce(request.gen);
  if (!opened && request.status === 'taken' && request.takenBy && request.takenBy !== member.userId)
    await c.var.services.repo(notificationsRepo).notify(
      [
        {
          userId: request.takenBy,
          kind: 'support' as const,
          notice: notice('supportAgain', { group: group.name, name }),
          groupId: group.groupId,
          page: 'support' as const,
          ref: request.requestId,
        },
      ],
      at,
    );
  return request;
}

/** Tells the facilitators that a member asked one of them to reach out. */
export async function contactAsked(
  c: Ctx,
  group: GroupRecord,
  member: MemberRecord,
  conversationId: string,
): Promise<void> {
  const { now } = c.var.services;
  const at = now();
  const [staff, duty] = await Promise.all([staffOf(c, group), onDutyNow(c, group)]);
  await c.var.services.repo(notificationsRepo).notify(
    conversationRecipients(staff, duty, member.userId).map((userId) => ({
      userId,
      kind: 'conversation' as const,
      notice: notice('contactAsked', { group: group.name, name: member.displayName }),
      groupId: group.groupId,
      page: 'conversation' as const,
      ref: conversationId,
    })),
    at,
  );
}
