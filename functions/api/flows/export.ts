/**
 * A member's own data, as one JSON file: what Hearth keeps about them, in their words and
 * choices, and nothing about anyone else (others appear as counts, or not at all). Never the
 * secrets: no passphrase hash, recovery codes or calendar link. Loaded on use.
 * @module
 */
import { FEED_AHEAD_MS } from '../../core/feeds';
import { askedLocale } from '../../core/i18n/locales';
import { noticeText } from '../../core/i18n/notices';
import type { UserRecord } from '../../store/repos/account-records';
import { conversationsRepo } from '../../store/repos/conversations';
import { feedsRepo } from '../../store/repos/feeds';
import { meetupsRepo } from '../../store/repos/meetups';
import { notificationsRepo } from '../../store/repos/notifications';
import { memberQuestions } from '../../store/repos/qa';
import { reachRepo } from '../../store/repos/reach';
import { reportsRepo } from '../../store/repos/reports';
import { resourcesRepo } from '../../store/repos/resources';
import { rosterRepo } from '../../store/repos/roster';
import { safetyPlanRepo } from '../../store/repos/safety-plan';
import { threadsRepo } from '../../store/repos/threads';
import { wellbeingRepo } from '../../store/repos/wellbeing';
import type { Ctx } from '../context';

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

export async function exportAccount(c: Ctx, user: UserRecord) {
  const { groups, now } = c.var.services;
  const at = now();
  // Notifications are worded in the member's language, as they read them.
  const locale = user.language ?? askedLocale(c.req.header('accept-language'));
  const meetups = c.var.services.repo(meetupsRepo);
  const threads = c.var.services.repo(threadsRepo);
  const memberships = await groups.listMembershipsOf(user.userId);
  const names = new Map(
    (await groups.getGroups(memberships.map((m) => m.groupId))).map((g) => [g.groupId, g.name]),
  );

  const ids = (
    await Promise.all(
      memberships
        .filter((m) => m.status === 'active')
        .map((m) => meetups.listAllScheduleIds(m.groupId, { from: at, to: at + FEED_AHEAD_MS })),
    )
  ).flat();
  const held = await meetups.ticketsIn(ids, user.userId);
  const rsvps = (await meetups.getOccurrences(Object.keys(held))).map((o) => ({
    occurrenceId: o.occurrenceId,
    group: names.get(o.groupId) ?? null,
    title: o.title,
    startAt: iso(o.startAt),
    attendance: held[o.occurrenceId],
    going: o.going[user.userId] !== undefined,
  }));

  const posts = [...(await threads.getPosts(await threads.postIdsBy(user.userId))).values()].map((p) => ({
    postId: p.postId,
    threadId: p.threadId,
    group: names.get(p.groupId) ?? null,
    createdAt: iso(p.createdAt),
    editedAt: iso(p.editedAt),
    body: p.body,
    contentWarnings: p.contentWarnings,
    deleted: !!p.deleted,
    waitingForModerator: !!p.pending,
    hiddenByModerator: p.hidden ? { reason: p.hidden.reason, at: iso(p.hidden.at) } : null,
    crisisResourcesShown: p.mayNeedSupport,
    supportReactions: Object.values(p.reactions ?? {}).reduce((n, who) => n + Object.keys(who).length, 0),
    notesFromProfessionals: (p.contextNotes ?? []).map((n) => ({ body: n.body, at: iso(n.at) })),
  }));

  const plan = await c.var.services.repo(safetyPlanRepo).get(user.userId);
  const talks = c.var.services.repo(conversationsRepo);
  const conversations = await Promise.all(
    (await talks.listForMember(user.userId, { limit: 50 })).items.map(async (conv) => {
      const messages = (await talks.listMessages(conv.conversationId, { limit: 50 })).items;
      return {
        group: names.get(conv.groupId) ?? null,
        startedAt: iso(conv.createdAt),
        status: conv.status,
        yourMessages: messages
          .filter((m) => m.authorId === user.userId)
          .map((m) => ({ body: m.body, at: iso(m.at) })),
        repliesFromFacilitators: messages.filter((m) => m.authorId !== user.userId).length,
      };
    }),
  );
  const feed = await c.var.services.repo(feedsRepo).getFeed(user.userId);
  const professional = await c.var.services.repo(resourcesRepo).getProfessional(user.userId);
  const notes = await c.var.services
    .repo(notificationsRepo)
    .list(user.userId, { limit: 100 }, c.var.services.now());
  return {
    exportedAt: iso(at),
    account: {
      handle: user.handle,
      createdAt: user.createdAt,
      recoveryCodesLeft: Object.keys(user.recovery ?? {}).length,
    },
    memberships: memberships.map((m) => ({
      group: names.get(m.groupId) ?? null,
      groupId: m.groupId,
      role: m.role,
      status: m.status,
      alias: m.alias,
      joinedAt: m.joinedAt,
    })),
    upcomingRsvps: rsvps,
    duties: Object.values((await c.var.services.repo(rosterRepo).getDuties(user.userId)).duties).map((d) => ({
      occurrenceId: d.occurrenceId,
      group: names.get(d.groupId) ?? null,
      role: d.role,
      startAt: iso(d.startAt),
    })),
    posts,
    // The reports they filed: their own reason and note, and how it was settled (not by whom).
    reportsFiled: (await c.var.services.repo(reportsRepo).filedBy(user.userId)).map((r) => ({
      postId: r.postId,
      group: names.get(r.groupId) ?? null,
      reason: r.reason,
      note: r.note,
      at: iso(r.at),
      status: r.status,
      outcome: r.outcome ?? null,
    })),
    preferences: await threads.getPrefs(user.userId),
    mutedMembers: Object.keys(await threads.getMutes(user.userId)).length,
    // How they are reached; devices by the names they gave them (their push addresses are secrets).
    reach: (({ userId: _, devices, ...settings }) => ({
      ...settings,
      devices: devices.map((d) => ({ label: d.label, addedAt: iso(d.addedAt) })),
    }))(await c.var.services.repo(reachRepo).get(user.userId)),
    calendarFeed: feed
      ? {
          scope: feed.scope,
          discreet: feed.discreet,
          reminders: feed.alarms ?? [],
          dutyReminders: feed.dutyAlarms ?? [],
          createdAt: iso(feed.createdAt),
        }
      : null,
    professional: professional
      ? {
          status: professional.status,
          licenceType: professional.licenceType,
          licenceNumber: professional.licenceNumber,
          jurisdiction: professional.jurisdiction,
          note: professional.note,
          appliedAt: iso(professional.appliedAt),
          decidedAt: iso(professional.decidedAt),
          reason: professional.reason ?? null,
        }
      : null,
    notifications: notes.items.map((n) => ({
      text: noticeText(n, locale),
      createdAt: n.createdAt,
      read: n.read,
    })),
    safetyPlan: plan ? { ...plan, updatedAt: iso(plan.updatedAt ?? undefined) } : null,
    ...(await outcomesOf(c, user.userId, names)),
    conversationsWithFacilitators: conversations,
  };
}

/** What a member keeps of outcomes: their questions at Q&As and their wellbeing check-ins. */
async function outcomesOf(c: Ctx, userId: string, names: Map<string, string>) {
  const wellbeing = c.var.services.repo(wellbeingRepo);
  const [questions, checkIns, state] = await Promise.all([
    c.var.services.repo(memberQuestions).questionsBy(userId),
    wellbeing.checkIns(userId),
    wellbeing.state(userId),
  ]);
  return {
    questionsAtQas: questions.map((q) => ({
      body: q.body,
      askedAt: iso(q.createdAt),
      anonymously: q.anonymous,
      answer: q.answered ? (q.answer ?? '') : null,
    })),
    wellbeing: {
      checkIns: checkIns.map((i) => ({ at: iso(i.at), score: i.score, answers: i.answers ?? null })),
      countedIn: state.sharing.map((g) => names.get(g) ?? g),
    },
  };
}
