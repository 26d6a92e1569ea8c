/**
 * Verified professionals: applying, and an admin's verification.
 * @module
 */

import { conflict, forbidden, notFound } from '../../core/errors';
import { notice } from '../../core/i18n/notices';
import {
  ProfessionalApplication,
  ProfessionalDecision,
  ProfessionalQueue,
  ProfessionalView,
  UserParams,
} from '../../core/schemas/resources';
import { iso } from '../../core/time';
import { notificationsRepo } from '../../store/repos/notifications';
import { resourcesRepo } from '../../store/repos/resources';
import { isAdmin } from '../access/resources';
import { requireAuth } from '../context';
import { type Route, route } from '../route';

export const professionalRoutes: Route[] = [
  route(
    {
      method: 'get',
      path: '/me/professional',
      tag: 'resources',
      summary: 'Your verification as a professional, if you applied',
      auth: 'required',
      responses: { 200: { description: 'Where it stands', schema: ProfessionalView } },
    },
    async (c) => {
      const { userId } = requireAuth(c);
      const p = await c.var.services.repo(resourcesRepo).getProfessional(userId);
      return c.json({
        admin: await isAdmin(c, userId),
        status: p?.status ?? ('none' as const),
        licenceType: p?.licenceType ?? null,
        jurisdiction: p?.jurisdiction ?? null,
        decidedAt: p?.decidedAt ? iso(p.decidedAt) : null,
        reason: p?.status === 'declined' ? p.reason || null : null,
      });
    },
  ),
  route(
    {
      method: 'post',
      path: '/me/professional-application',
      tag: 'resources',
      summary: 'Apply to be a verified professional, with your credentials (platform admins decide)',
      auth: 'required',
      body: ProfessionalApplication,
      responses: { 201: { description: 'Applied', schema: ProfessionalView } },
    },
    async (c, { body }) => {
      const { userId } = requireAuth(c);
      const repo = c.var.services.repo(resourcesRepo);
      const before = await repo.getProfessional(userId);
      if (before?.status === 'verified') throw conflict('You are already a verified professional');
      const now = c.var.services.now();
      await repo.putProfessional({ userId, status: 'pending', ...body, appliedAt: now });
      return c.json(
        {
          status: 'pending' as const,
          licenceType: body.licenceType,
          jurisdiction: body.jurisdiction,
          decidedAt: null,
        },
        201,
      );
    },
  ),
  route(
    {
      method: 'get',
      path: '/admin/professionals',
      tag: 'resources',
      summary: 'Applications waiting for a platform admin',
      auth: 'required',
      responses: { 200: { description: 'Waiting', schema: ProfessionalQueue } },
    },
    async (c) => {
      const { userId } = requireAuth(c);
      if (!(await isAdmin(c, userId))) throw forbidden('For platform admins');
      const waiting = await c.var.services.repo(resourcesRepo).pendingProfessionals();
      const handles = await c.var.services.accounts.handlesOf(waiting.map((p) => p.userId));
      return c.json({
        items: waiting.map((p) => ({
          userId: p.userId,
          handle: handles.get(p.userId) ?? '',
          licenceType: p.licenceType,
          licenceNumber: p.licenceNumber,
          jurisdiction: p.jurisdiction,
          note: p.note,
          appliedAt: iso(p.appliedAt),
        })),
      });
    },
  ),
  route(
    {
      method: 'post',
      path: '/admin/professionals/{userId}/verify',
      tag: 'resources',
      summary: 'Verify (or decline) a professional’s application (platform admins)',
      auth: 'required',
      params: UserParams,
      body: ProfessionalDecision,
      responses: { 200: { description: 'Decided', schema: ProfessionalView } },
    },
    async (c, { params, body }) => {
      const { userId } = requireAuth(c);
      if (!(await isAdmin(c, userId))) throw forbidden('For platform admins');
      const repo = c.var.services.repo(resourcesRepo);
      const p = await repo.getProfessional(params.userId);
      if (!p) throw notFound('No application from them');
      const now = c.var.services.now();
      const status = body.verified ? ('verified' as const) : ('declined' as const);
      await repo.putProfessional({ ...p, status, decidedAt: now, decidedBy: userId, reason: body.reason });
      // The applicant hears of it where they are, not only on their next look at the page.
      await c.var.services.repo(notificationsRepo).notify(
        [
          {
            userId: params.userId,
            kind: 'professional',
            groupId: '',
            page: 'professional',
            notice: body.verified
              ? notice('professionalVerified')
              : body.reason
                ? notice('professionalDeclinedBecause', { reason: body.reason.replace(/[.!?]$/, '') })
                : notice('professionalDeclined'),
          },
        ],
        now,
        `professional:${params.userId}:${status}:${now}`,
      );
      return c.json({
        status,
        licenceType: p.licenceType,
        jurisdiction: p.jurisdiction,
        decidedAt: iso(now),
      });
    },
  ),
];
