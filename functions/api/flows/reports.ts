/**
 * Settling the reports on a post: recorded once, and their reporters told.
 * @module
 */

import { notice } from '../../core/i18n/notices';
import { REPORT_OUTCOMES, type ReportOutcome } from '../../core/support';
import type { GroupRecord } from '../../store/repos/group-records';
import { notificationsRepo } from '../../store/repos/notifications';
import { isErasedReporter, reportsRepo } from '../../store/repos/reports';
import type { PostRecord } from '../../store/repos/thread-records';
import type { Ctx } from '../context';
import { audit } from './audit';

/**
 * Settles a post's open report and tells its reporters that it was handled (nothing more: what
 * was decided is the moderators' and the author's business). False when it had no open report.
 */
export async function settleReport(
  c: Ctx,
  group: GroupRecord,
  post: PostRecord,
  outcome: ReportOutcome,
  by: string,
  reason: string,
): Promise<boolean> {
  const { now } = c.var.services;
  const at = now();
  const settled = await c.var.services.repo(reportsRepo).settle(post.postId, outcome, by, at);
  if (!settled) return false;
  await Promise.all([
    c.var.services.repo(notificationsRepo).notify(
      [...settled.reporters.keys()]
        .filter((id) => !isErasedReporter(id))
        .map((userId) => ({
          userId,
          kind: 'report_handled' as const,
          notice: notice('reportHandled', { group: group.name }),
          groupId: group.groupId,
          page: 'discussions' as const,
          ref: post.threadId,
        })),
      at,
      `report:${post.postId}:${at}`,
    ),
    audit(c, {
      groupId: group.groupId,
      actorId: by,
      action: 'report_settled',
      target: post.postId,
      reason: [REPORT_OUTCOMES[outcome], reason].filter(Boolean).join(': '),
    }),
  ]);
  return true;
}
