/**
 * How a member is reached when they are not looking: their devices' push subscriptions (added,
 * listed, removed, tried with a test message) and their reminders, quiet hours and wording.
 * Loaded on first use.
 * @module
 */
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { conflict, invalid, notFound } from '../../core/errors';
import { DEFAULT_REACH, endpointProblem, MAX_PUSH_DEVICES, type ReachSettings } from '../../core/reach';
import { DeviceAdd, DeviceParams, ReachSettingsChange, ReachView } from '../../core/schemas/reach';
import { sendToDevices } from '../../push/send';
import { groupNewsRepo } from '../../store/repos/group-news';
import { type Reach, reachRepo } from '../../store/repos/reach';
import { type AppEnv, requireAuth, type Services } from '../context';
import { mount, type Route, route } from '../route';
import type { Registry } from '../route-spec';

async function viewOf(services: Services, r: Reach): Promise<ReachView> {
  const { userId: _, devices, ...settings } = r;
  return {
    settings: { ...DEFAULT_REACH, ...settings },
    devices: devices.map((d) => ({
      deviceId: d.deviceId,
      label: d.label,
      addedAt: new Date(d.addedAt).toISOString(),
    })),
    publicKey: services.config.push ? (await services.config.push.vapid()).publicKey : null,
  };
}

/**
 * The groups whose new meetups a member hears of: only groups they are in; each one added or
 * dropped changes that group's list (repos/group-news).
 */
async function followNews(services: Services, userId: string, before: string[], after: string[]) {
  const mine = new Set(
    (await services.groups.listMembershipsOf(userId))
      .filter((m) => m.status === 'active')
      .map((m) => m.groupId),
  );
  const outside = after.findIndex((g) => !mine.has(g));
  if (outside >= 0)
    throw invalid('You can hear of new meetups only in groups you belong to', [
      { path: `body.newMeetups.${outside}`, message: 'Not a group you belong to' },
    ]);
  const news = services.repo(groupNewsRepo);
  await Promise.all([
    ...after.filter((g) => !before.includes(g)).map((g) => news.follow(g, userId)),
    ...before.filter((g) => !after.includes(g)).map((g) => news.unfollow(g, userId)),
  ]);
}

/** A device is known by its endpoint, hashed (the endpoint itself is a capability: never shown). */
const deviceIdOf = (endpoint: string) =>
  createHash('sha256').update(endpoint).digest('base64url').slice(0, 22);

const reachRoutes: Route[] = [
  route(
    {
      method: 'get',
      path: '/me/reach',
      tag: 'reach',
      summary: 'Your reminders, quiet hours and devices that receive notifications',
      auth: 'required',
      responses: { 200: { description: 'How you are reached', schema: ReachView } },
    },
    async (c) => {
      const { userId } = requireAuth(c);
      return c.json(await viewOf(c.var.services, await c.var.services.repo(reachRepo).get(userId)));
    },
  ),
  route(
    {
      method: 'patch',
      path: '/me/reach',
      tag: 'reach',
      summary: 'Change your reminders, quiet hours, zone or how much a notification says',
      auth: 'required',
      body: ReachSettingsChange,
      responses: { 200: { description: 'Saved', schema: ReachView } },
    },
    async (c, { body }) => {
      const { userId } = requireAuth(c);
      const repo = c.var.services.repo(reachRepo);
      const before = await repo.get(userId);
      const settings: ReachSettings = { ...before, ...body };
      if (body.newMeetups) await followNews(c.var.services, userId, before.newMeetups, body.newMeetups);
      if (settings.quiet && !settings.zone)
        throw invalid('Say where you are, so quiet hours follow your clock', [
          { path: 'body.zone', message: 'Choose your time zone' },
        ]);
      await repo.saveSettings(userId, settings);
      return c.json(await viewOf(c.var.services, { ...before, ...settings }));
    },
  ),
  route(
    {
      method: 'post',
      path: '/me/reach/devices',
      tag: 'reach',
      summary: 'Receive notifications on this device (its browser’s push subscription)',
      auth: 'required',
      body: DeviceAdd,
      responses: { 201: { description: 'Added (or renewed)', schema: ReachView } },
    },
    async (c, { body }) => {
      const { userId } = requireAuth(c);
      const services = c.var.services;
      if (!services.config.push) throw conflict('Notifications on devices are not set up on this Hearth');
      const problem = endpointProblem(body.subscription.endpoint, {
        loopback: services.config.push.loopback,
      });
      if (problem) throw invalid(problem, [{ path: 'body.subscription.endpoint', message: problem }]);
      const repo = services.repo(reachRepo);
      const added = await repo.addDevice(userId, {
        deviceId: deviceIdOf(body.subscription.endpoint),
        endpoint: body.subscription.endpoint,
        keys: body.subscription.keys,
        label: body.label,
        addedAt: services.now(),
      });
      if (!added)
        throw conflict(
          `You have ${MAX_PUSH_DEVICES} devices receiving notifications already: remove one you no longer use, then add this one.`,
        );
      return c.json(await viewOf(services, await repo.get(userId)), 201);
    },
  ),
  route(
    {
      method: 'delete',
      path: '/me/reach/devices/{deviceId}',
      tag: 'reach',
      summary: 'Stop notifications on one of your devices',
      auth: 'required',
      params: DeviceParams,
      responses: { 200: { description: 'Removed', schema: ReachView } },
    },
    async (c, { params }) => {
      const { userId } = requireAuth(c);
      const repo = c.var.services.repo(reachRepo);
      if (!(await repo.removeDevice(userId, params.deviceId)))
        throw notFound('That device is not receiving notifications');
      return c.json(await viewOf(c.var.services, await repo.get(userId)));
    },
  ),
  route(
    {
      method: 'post',
      path: '/me/reach/test',
      tag: 'reach',
      summary: 'Send a test notification to each of your devices',
      auth: 'required',
      responses: { 200: { description: 'How many devices took it', schema: ReachView } },
    },
    async (c) => {
      const { userId } = requireAuth(c);
      const services = c.var.services;
      if (!services.config.push) throw conflict('Notifications on devices are not set up on this Hearth');
      const vapid = await services.config.push.vapid();
      const repo = services.repo(reachRepo);
      const r = await repo.get(userId);
      if (!r.devices.length) throw conflict('No device of yours receives notifications yet');
      const message = {
        title: 'Hearth',
        body: 'Notifications reach this device.',
        url: '/account#reach',
        tag: 'test',
      };
      const outcomes = await sendToDevices(vapid, r.devices, message, { ttlSeconds: 300 }, (d) =>
        repo.removeDevice(userId, d.deviceId),
      );
      const failed = outcomes.filter((o) => o.outcome !== 'sent');
      if (failed.length)
        throw conflict(
          `Sent, but ${failed.map((f) => `“${f.device.label}”`).join(', ')} did not take it${failed.some((f) => f.outcome === 'gone') ? ': its subscription had ended, so it is removed; add it again from that device' : '; try again in a moment'}.`,
        );
      return c.json(await viewOf(services, await repo.get(userId)));
    },
  ),
];

export function register(app: Hono<AppEnv>, registry: Registry): void {
  mount(app, registry, reachRoutes);
}
