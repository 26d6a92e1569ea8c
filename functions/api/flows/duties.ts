/**
 * Duties on the roster: given, dropped, moved with their meetup, and released when their holder
 * leaves. Each writes the facilitator's own list and the meetup's roster in the order that
 * survives a crash at any step.
 * @module
 */
import { conflict, invalid } from '../../core/errors';
import { notice } from '../../core/i18n/notices';
import {
  CANNOT_TAKE,
  type Duty,
  defaultStaffing,
  profileOf,
  ROSTER_ROLES,
  type RosterRole,
  unavailable,
} from '../../core/roster';
import { resolveLocal } from '../../core/time';
import type { GroupRecord } from '../../store/repos/group-records';
import type { OccurrenceCard, OccurrenceRecord } from '../../store/repos/meetup-records';
import { meetupsRepo } from '../../store/repos/meetups';
import { rosterRepo } from '../../store/repos/roster';
import { type DutyEntry, dutyKey, type RosterSlot } from '../../store/repos/roster-records';
import type { Ctx } from '../context';
import { feedsChanged } from '../feed-stamps';
import { notifyPeople, startOf } from './notices';

/** A day's start in the group's zone, as an instant. */
export const dayStart = (date: string, zone: string) =>
  resolveLocal(
    { year: +date.slice(0, 4), month: +date.slice(5, 7), day: +date.slice(8, 10), hour: 0, minute: 0 },
    zone,
  ).epochMs;

/** The group's scheduled meetups in a range (at most 200), with their staffing and roster. */
export async function rosterIn(c: Ctx, group: GroupRecord, from: number, to: number) {
  const meetups = c.var.services.repo(meetupsRepo);
  const cards: OccurrenceCard[] = [];
  let cursor: string | undefined;
  do {
    const page = await meetups.listSchedule(group.groupId, { from, to, limit: 50, cursor });
    cards.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && cards.length < 200);
  const rosters = await c.var.services.repo(rosterRepo).rostersOf(cards.map((o) => o.occurrenceId));
  return cards.map((o) => {
    const r = rosters.get(o.occurrenceId);
    return { ...o, staffing: r?.staffing ?? defaultStaffing(o.mode), roster: r?.roster ?? {} };
  });
}

export type Rostered = Awaited<ReturnType<typeof rosterIn>>[number];

/**
 * Gives a duty to a facilitator: checked against their profile and every duty they hold in any
 * group, claimed in their own duty list under its version, then written on the meetup (only if
 * the duty is free, or `from` holds it). The claim is given back when the meetup's write fails.
 */
export async function giveDuty(
  c: Ctx,
  o: Pick<Rostered, 'occurrenceId' | 'groupId' | 'startAt' | 'endAt' | 'staffing' | 'roster' | 'timezone'>,
  role: RosterRole,
  userId: string,
  by: string,
  /** `from`: who holds it now (cover). `later`: the caller refreshes the feeds once, after many. */
  opts: { from?: string; later?: boolean } = {},
): Promise<void> {
  const repo = c.var.services.repo(rosterRepo);
  const now = c.var.services.now();
  if (!o.staffing.roles.includes(role)) {
    throw invalid(`This meetup does not need a ${ROSTER_ROLES[role].toLowerCase()}`, [
      { path: 'params.role', message: `Needs: ${o.staffing.roles.join(', ')}` },
    ]);
  }
  const [{ member }, profile] = await Promise.all([
    c.var.services.groups.getGroupWithMember(o.groupId, userId),
    repo.getFacilitator(o.groupId, userId),
  ]);
  const facilitator = profileOf(member, profile, now);
  if (!facilitator) {
    throw invalid('That person is not one of this group’s facilitators', [
      { path: 'body.userId', message: 'Not a facilitator here' },
    ]);
  }
  if (Object.values(o.roster).some((s) => s?.userId === userId && s.userId !== opts.from)) {
    throw conflict('They already have a duty at this meetup');
  }
  const key = dutyKey(o.occurrenceId, role);
  for (let attempt = 0; ; attempt++) {
    const { duties, version } = await repo.getDuties(userId);
    const held: Duty[] = Object.entries(duties)
      .filter(([k]) => k !== key)
      .map(([, d]) => ({ userId, occurrenceId: d.occurrenceId, startAt: d.startAt, endAt: d.endAt }));
    const why = unavailable(facilitator, o, role, o.timezone, held);
    if (why) throw conflict(CANNOT_TAKE[why]);
    const entry: DutyEntry = {
      occurrenceId: o.occurrenceId,
      groupId: o.groupId,
      role,
      startAt: o.startAt,
      endAt: o.endAt,
    };
    if (await repo.saveDuties(userId, version, { ...duties, [key]: entry }, now)) break;
    if (attempt === 3) throw conflict('Their duties were changing; please try again');
  }
  const slot: RosterSlot = { userId, status: 'assigned', assignedBy: by, at: now };
  if (!(await repo.setSlot(o.occurrenceId, role, slot, { from: opts.from, now }))) {
    // Give the claim back, unless another request gave them this very duty meanwhile: the
    // entry in their list is then theirs, and taking it out would hide a duty they hold.
    const current = await c.var.services.repo(meetupsRepo).getOccurrence(o.occurrenceId);
    if (current?.roster?.[role]?.userId !== userId) await dropDuty(c, userId, key);
    throw conflict('That duty was taken meanwhile, or the meetup is no longer ahead');
  }
  if (!opts.later) await feedsChanged(c, [userId]); // duties show in the facilitator's calendar feed
}

/** Takes a duty off a facilitator's own list. */
export async function dropDuty(c: Ctx, userId: string, key: string): Promise<void> {
  const repo = c.var.services.repo(rosterRepo);
  for (let attempt = 0; attempt < 4; attempt++) {
    const { duties, version } = await repo.getDuties(userId);
    if (!duties[key]) return;
    const { [key]: _gone, ...rest } = duties;
    if (await repo.saveDuties(userId, version, rest, c.var.services.now())) return feedsChanged(c, [userId]);
  }
  throw conflict('Their duties were changing; please try again');
}

/**
 * Keeps the duty lists of those who hold duties at a meetup in step with it when it moves (its
 * new times count for overlaps) or is cancelled (the duty is off), and tells them.
 */
export async function dutiesFollow(
  c: Ctx,
  o: Pick<
    OccurrenceRecord,
    'occurrenceId' | 'groupId' | 'title' | 'startAt' | 'timezone' | 'endAt' | 'status' | 'roster'
  >,
): Promise<void> {
  const repo = c.var.services.repo(rosterRepo);
  const holders = Object.entries(o.roster ?? {}).flatMap(([role, s]) =>
    s ? [[role as RosterRole, s.userId] as const] : [],
  );
  for (const [role, userId] of holders) {
    const key = dutyKey(o.occurrenceId, role);
    for (let attempt = 0; attempt < 4; attempt++) {
      const { duties, version } = await repo.getDuties(userId);
      const held = duties[key];
      if (!held) break;
      const { [key]: _old, ...rest } = duties;
      const next =
        o.status === 'scheduled' ? { ...rest, [key]: { ...held, startAt: o.startAt, endAt: o.endAt } } : rest;
      if (await repo.saveDuties(userId, version, next, c.var.services.now())) break;
    }
  }
  await notifyPeople(
    c,
    holders.map(([, u]) => u),
    o,
    notice(o.status === 'scheduled' ? 'dutyMoved' : 'dutyOff', { title: o.title, when: startOf(o) }),
  );
}

/** A duty taken off its holder: off their list, and any request to cover it withdrawn. */
export async function freeDuty(c: Ctx, groupId: string, slot: RosterSlot, key: string): Promise<void> {
  await dropDuty(c, slot.userId, key);
  if (slot.coverRequestId)
    await c.var.services.repo(rosterRepo).closeCover(groupId, slot.coverRequestId, {
      status: 'withdrawn',
    });
}

/**
 * Takes a member's upcoming duties in a group off them (they left, were removed, or no longer
 * facilitate) and tells the owners once. Returns how many.
 */
export async function releaseDuties(c: Ctx, group: Pick<GroupRecord, 'groupId' | 'owners'>, userId: string) {
  const repo = c.var.services.repo(rosterRepo);
  const at = c.var.services.now();
  const held = Object.entries((await repo.getDuties(userId)).duties)
    .filter(([, d]) => d.groupId === group.groupId && d.startAt > at)
    .sort(([, a], [, b]) => a.startAt - b.startAt);
  let released = 0;
  let first: OccurrenceRecord | null = null;
  for (const [key, d] of held) {
    const o = await c.var.services.repo(meetupsRepo).getOccurrence(d.occurrenceId);
    const slot = o?.roster?.[d.role];
    if (o && slot?.userId === userId && (await repo.clearSlot(o.occurrenceId, d.role, userId))) {
      await freeDuty(c, group.groupId, slot, key);
      first ??= o;
      released++;
    } else await dropDuty(c, userId, key); // the meetup no longer has it: the list catches up
  }
  const owners = [...group.owners].filter((o) => o !== userId);
  if (first && owners.length)
    await notifyPeople(
      c,
      owners,
      first,
      notice('dutiesReleased', { count: released, title: first.title, when: startOf(first) }),
      'roster',
    );
  return released;
}
