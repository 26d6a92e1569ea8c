/**
 * Erasing an account, for good: places at meetups pass to the next in line, duties go back to
 * the roster, memberships end, every post's text is erased (as deleting a post does), so is every
 * message they wrote to facilitators, and every question they asked at a Q&A (their safety plan
 * and wellbeing check-ins go with their own items), the reports
 * they filed are kept counted but no longer theirs, without their notes, sessions
 * and the calendar feed stop working, and the account's own items are deleted; the handle stays
 * taken, with nothing behind it, so no one else can be taken for them. Loaded on use.
 * @module
 */
import { conflict } from '../../core/errors';
import type { UserRecord } from '../../store/repos/account-records';
import { conversationsRepo } from '../../store/repos/conversations';
import { memberQuestions } from '../../store/repos/qa';
import { reportsRepo } from '../../store/repos/reports';
import { rosterRepo } from '../../store/repos/roster';
import { threadsRepo } from '../../store/repos/threads';
import type { Ctx } from '../context';
import { leaveSchedule } from './departures';

export async function eraseAccount(c: Ctx, user: UserRecord): Promise<void> {
  const { groups, accounts, now } = c.var.services;
  const at = now();
  const memberships = await groups.listMembershipsOf(user.userId);
  const owned = await groups.getGroups(memberships.filter((m) => m.role === 'owner').map((m) => m.groupId));
  const alone = owned.filter((g) => g.owners.size <= 1);
  if (alone.length)
    throw conflict(
      `You are the only owner of ${alone.map((g) => `“${g.name}”`).join(', ')}: make someone else an owner first, then delete your account. Nothing has been deleted.`,
    );
  // Groups first (the account stays usable until this part is done, so a retry can finish it).
  const roster = c.var.services.repo(rosterRepo);
  for (const m of memberships) {
    const group = await groups.getGroup(m.groupId);
    if (!group) continue;
    if (m.role === 'owner') await groups.stepDownOwner(group.groupId, user.userId);
    if (m.status === 'active') await leaveSchedule(c, group, user.userId, { places: true });
    await groups.deleteMember(m, c.var.services.now());
    await roster.deleteFacilitator(group.groupId, user.userId);
  }
  const threads = c.var.services.repo(threadsRepo);
  for (const postId of await threads.postIdsBy(user.userId)) {
    const post = await threads.getPost(postId);
    if (!post || post.deleted) continue;
    await threads.deletePost(postId, user.userId, at);
    if (post.pending) await threads.leaveQueue(post);
  }
  // Their conversations with facilitators: closed, and their own words erased.
  const talks = c.var.services.repo(conversationsRepo);
  for (const conv of (await talks.listForMember(user.userId, { limit: 50 })).items) {
    if (conv.status === 'open') await talks.close(conv, user.userId, at);
    await talks.eraseMessagesBy(conv.conversationId, user.userId);
  }
  // Their questions at Q&As: words and name erased, taken off the list.
  const qa = c.var.services.repo(memberQuestions);
  for (const q of await qa.questionsBy(user.userId)) await qa.erase(q);
  // The reports they filed stay counted for the moderators, no longer theirs, their notes gone.
  await c.var.services.repo(reportsRepo).eraseReporter(user.userId);
  await accounts.deleteAllSessions(user.userId);
  await accounts.eraseUser(user.userId, user.handleKey, new Date(at).toISOString());
}
