import * as z from 'zod/mini';
import { MAX_NEWS_GROUPS, REMINDER_MINUTES } from '../reach';
import { Id, text } from './common';
import { TimeZone } from './groups';

/** Reminders: any of the choices, each once (none: off). */
export const ReminderChoices = z.array(z.union(REMINDER_MINUTES.map((m) => z.literal(m)))).check(
  z.maxLength(REMINDER_MINUTES.length),
  z.refine((a: number[]) => new Set(a).size === a.length, 'Choose each reminder once'),
);

const ClockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 22:00'));

export const QuietHours = z.strictObject({ from: ClockTime, to: ClockTime });

export const ReachSettingsView = z.object({
  meetups: ReminderChoices,
  duties: ReminderChoices,
  newMeetups: z.array(z.string()),
  quiet: z.nullable(QuietHours),
  zone: z.nullable(z.string()),
  detail: z.enum(['discreet', 'full']),
});

export const ReachSettingsChange = z
  .strictObject({
    meetups: z.optional(ReminderChoices),
    duties: z.optional(ReminderChoices),
    newMeetups: z.optional(
      z.array(z.string().check(z.maxLength(64))).check(
        z.maxLength(MAX_NEWS_GROUPS),
        z.refine((a: string[]) => new Set(a).size === a.length, 'Choose each group once'),
      ),
    ),
    quiet: z.optional(z.nullable(QuietHours)),
    zone: z.optional(TimeZone),
    detail: z.optional(z.enum(['discreet', 'full'])),
  })
  .check(z.refine((u: object) => Object.keys(u).length > 0, 'Change at least one setting'));

const base64url = (min: number, max: number) =>
  z.string().check(z.minLength(min), z.maxLength(max), z.regex(/^[\w-]+=*$/, 'Not a key this browser made'));

/** A device's subscription, as `PushSubscription.toJSON()` gives it, and what the member calls the device. */
export const DeviceAdd = z.strictObject({
  subscription: z.object({
    endpoint: z.string().check(z.maxLength(1000)),
    expirationTime: z.optional(z.nullable(z.number())),
    keys: z.object({ p256dh: base64url(80, 100), auth: base64url(16, 30) }),
  }),
  label: text(60, 1),
});

export const DeviceView = z.object({ deviceId: z.string(), label: z.string(), addedAt: z.string() });

export const ReachView = z.object({
  settings: ReachSettingsView,
  devices: z.array(DeviceView),
  /** Hearth's VAPID public key, for `pushManager.subscribe` (null: push is not set up here). */
  publicKey: z.nullable(z.string()),
});
export type ReachView = z.infer<typeof ReachView>;

export const DeviceParams = z.object({ deviceId: Id });
