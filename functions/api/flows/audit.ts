/**
 * The moderation log: each moderator's action, recorded as it happens.
 * @module
 */

import type { AuditRecord } from '../../store/repos/thread-records';
import { threadsRepo } from '../../store/repos/threads';
import type { Ctx } from '../context';

export const audit = (c: Ctx, entry: Omit<AuditRecord, 'at'>) =>
  c.var.services.repo(threadsRepo).addAudit({ ...entry, at: c.var.services.now() });
