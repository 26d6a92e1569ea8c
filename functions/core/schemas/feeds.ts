import * as z from 'zod/mini';
import { FEED_SCOPES } from '../feeds';

export const FeedScope = z.enum(FEED_SCOPES);

export const FeedSettingsChange = z.strictObject({
  scope: z.optional(FeedScope),
  discreet: z.optional(z.boolean()),
});

/** The feed as the member manages it; its URL is shown only when made (or made anew). */
export const FeedView = z.object({
  scope: FeedScope,
  discreet: z.boolean(),
  createdAt: z.string(),
  /** The path of the feed, `/feeds/{token}.ics`: present only in the answer that made it. */
  path: z.nullable(z.string()),
});

export const FeedAnswer = z.object({ feed: z.nullable(FeedView) });
export type FeedAnswer = z.infer<typeof FeedAnswer>;
