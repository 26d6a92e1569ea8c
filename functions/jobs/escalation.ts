/**
 * Support requests nobody took in the group's chosen time go to every moderator and owner, once.
 * Found by key (requests not yet taken carry an index entry by the time they escalate), never by
 * scanning. Each is claimed with a conditional write; the claim's time names the notices, so a
 * job that stopped half-way and runs again writes the same notices, and nobody is told twice.
 * @module
 */

import { nameOr, notice } from '../core/i18n/notices';
import { HEARTH_ACTOR } from '../core/moderation-log';
import { escalationRecipients } from '../core/support';
import { conversationsRepo } from '../store/repos/conversations';
import { groupsRepo } from '../store/repos/groups';
import { notificationsRepo } from '../store/repos/notifications';
import { supportRepo } from '../store/repos/support';
import { threadsRepo } from '../store/repos/threads';
import type { Job, JobContext } from './job';

const DAY = 86_400_000;

export const escalation = {
  name: 'support-escalation',
  async run({ db, now }: JobContext): Promise<string[]> {
    const repo = supportRepo(db);
    const groups = groupsRepo(db);
    const escalated: string[] = [];
    // Two days back: a job that was down for a while still finds what fell due meanwhile.
    for (const requestId of await repo.dueBetween(now - 2 * DAY, now)) {
      const r = await repo.claimEscalation(requestId, now);
      if (!r) continue; // taken, closed or escalated meanwhile
      const claimedAt = r.escalating ?? now;
      const group = await groups.getGroup(r.groupId);
      if (!group) continue;
      const [staff, names] = await Promise.all([
        groups.staffOf(group),
        groups.getDisplayNames(group.groupId, [r.memberId]),
      ]);
      const name = names.get(r.memberId);
      const minutes = Math.round((r.escalateAt - r.openedAt) / 60_000);
      await Promise.all([
        notificationsRepo(db).notify(
          escalationRecipients(staff, r.memberId).map((userId) => ({
            userId,
            kind: 'escalated' as const,
            notice: notice('escalated', { name: nameOr(name, 'member'), group: group.name, minutes }),
            groupId: group.groupId,
            page: 'support' as const,
            ref: r.requestId,
          })),
          claimedAt,
          `escalate:${r.requestId}`,
        ),
        r.conversationId && conversationsRepo(db).markEscalated(r.conversationId),
        threadsRepo(db).addAudit(
          {
            groupId: group.groupId,
            actorId: HEARTH_ACTOR,
            action: 'support_escalated',
            target: name ?? 'A member',
            reason: `Not taken within ${minutes} minutes`,
            said: notice('logNotTaken', { minutes }),
            at: claimedAt,
          },
          `escalate-${r.requestId.slice(-15)}`,
        ),
      ]);
      await repo.markEscalated(r.requestId, now);
      escalated.push(r.requestId);
    }
    return escalated;
  },
} satisfies Job;
