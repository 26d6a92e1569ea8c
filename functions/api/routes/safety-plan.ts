/**
 * A member's personal safety plan: read and written by its owner alone (no role, not even a
 * platform admin, reads another's), never logged, in their data download, erased with their
 * account.
 * @module
 */

import { SafetyPlanUpdate, SafetyPlanView } from '../../core/schemas/support';
import { safetyPlanRepo } from '../../store/repos/safety-plan';
import { requireAuth } from '../context';
import { type Route, route } from '../route';

const EMPTY = {
  warningSigns: '',
  coping: '',
  distractions: '',
  helpers: '',
  professionals: '',
  safeEnvironment: '',
};

export const safetyPlanRoutes: Route[] = [
  route(
    {
      method: 'get',
      path: '/me/safety-plan',
      tag: 'safety plan',
      summary: 'Your safety plan (empty parts until you write them)',
      auth: 'required',
      responses: { 200: { description: 'Your plan', schema: SafetyPlanView } },
    },
    async (c) => {
      const { userId } = requireAuth(c);
      const plan = await c.var.services.repo(safetyPlanRepo).get(userId);
      const { updatedAt, ...parts } = plan ?? {};
      return c.json({
        ...EMPTY,
        ...parts,
        updatedAt: typeof updatedAt === 'number' ? new Date(updatedAt).toISOString() : null,
      });
    },
  ),
  route(
    {
      method: 'put',
      path: '/me/safety-plan',
      tag: 'safety plan',
      summary: 'Save your safety plan (every part; a part left out is saved empty)',
      auth: 'required',
      body: SafetyPlanUpdate,
      responses: { 200: { description: 'Saved', schema: SafetyPlanView } },
    },
    async (c, { body }) => {
      const { userId } = requireAuth(c);
      const at = c.var.services.now();
      await c.var.services.repo(safetyPlanRepo).put(userId, { ...body, updatedAt: at });
      return c.json({ ...body, updatedAt: new Date(at).toISOString() });
    },
  ),
];
