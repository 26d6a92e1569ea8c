import * as z from 'zod/mini';
import { ALARM_MINUTES, FEED_SCOPES } from '../feeds';

export const FeedScope = z.enum(FEED_SCOPES);

/** Reminders: any of 15 minutes, 1 hour and 1 day before, each once. */
export const Alarms = z.array(z.union(ALARM_MINUTES.map((m) => z.literal(m)))).check(
  z.maxLength(ALARM_MINUTES.length),
  z.refine((a: number[]) => new Set(a).size === a.length, 'Choose each reminder once'),
);

export const FeedSettingsChange = z.strictObject({
  scope: z.optional(FeedScope),
  discreet: z.optional(z.boolean()),
  alarms: z.optional(Alarms),
  dutyAlarms: z.optional(Alarms),
});

/** The feed as the member manages it; its URL is shown only when made (or made anew). */
export const FeedView = z.object({
  scope: FeedScope,
  discreet: z.boolean(),
  alarms: Alarms,
  dutyAlarms: Alarms,
  createdAt: z.string(),
  /** The path of the feed, `/feeds/{token}.ics`: present only in the answer that made it. */
  path: z.nullable(z.string()),
});

export const FeedAnswer = z.object({ feed: z.nullable(FeedView) });
export type FeedAnswer = z.infer<typeof FeedAnswer>;
