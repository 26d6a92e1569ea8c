import * as z from 'zod/mini';
import {
  FEEDBACK_COMMENT_MAX,
  FEEDBACK_ITEMS,
  RATING_MAX,
  WHO5_ANSWER_MAX,
  WHO5_BANDS,
  WHO5_ITEMS,
} from '../outcomes';
import { Id, text } from './common';

const Rating = z.number().check(z.int('Choose a whole number'), z.minimum(0), z.maximum(RATING_MAX));

/** Where a member stands with a meetup's feedback, for its page. */
export const FeedbackState = z.object({
  window: z.enum(['not-yet', 'open', 'closed', 'cancelled']),
  /** They were going when it ended: it is theirs to rate. */
  went: z.boolean(),
  answered: z.boolean(),
  /** When it stops taking feedback. */
  until: z.string(),
});
export type FeedbackState = z.infer<typeof FeedbackState>;

export const FeedbackTokenView = z.object({ token: z.string() });

/** An answer: the token alone says it may be given; nothing says by whom. */
export const FeedbackBody = z.strictObject({
  token: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, 'Not a feedback token')),
  ...(Object.fromEntries(FEEDBACK_ITEMS.map((i) => [i, Rating])) as Record<
    (typeof FEEDBACK_ITEMS)[number],
    typeof Rating
  >),
  comment: z.optional(text(FEEDBACK_COMMENT_MAX)),
});

const Means = z.nullable(z.object(Object.fromEntries(FEEDBACK_ITEMS.map((i) => [i, z.number()]))));

/** What facilitators see: aggregates only, none of fewer than 5 answers. */
export const OutcomesView = z.object({
  attendance: z.array(
    z.object({
      occurrenceId: z.string(),
      title: z.string(),
      startAt: z.string(),
      /** Places taken in each way it met (null: it did not meet that way). */
      inPerson: z.nullable(z.number()),
      online: z.nullable(z.number()),
      /** The count facilitators recorded, where they did. */
      headcount: z.nullable(z.number()),
    }),
  ),
  feedback: z.object({
    meetups: z.array(
      z.object({
        occurrenceId: z.string(),
        startAt: z.string(),
        answers: z.nullable(z.number()),
        means: Means,
      }),
    ),
    months: z.array(
      z.object({
        month: z.string(),
        answers: z.nullable(z.number()),
        means: Means,
        comments: z.array(z.string()),
      }),
    ),
  }),
  wellbeing: z.array(
    z.object({
      quarter: z.string(),
      members: z.nullable(z.number()),
      bands: z.nullable(z.object(Object.fromEntries(WHO5_BANDS.map((b) => [b, z.number()])))),
    }),
  ),
  /** The fewest answers any figure is shown for. */
  kMin: z.number(),
});
export type OutcomesView = z.infer<typeof OutcomesView>;

const Answer = z.number().check(z.int('Choose one'), z.minimum(0), z.maximum(WHO5_ANSWER_MAX));

/** A WHO-5 check-in: each statement answered 0 (at no time) to 5 (all of the time). */
export const CheckInBody = z.strictObject(
  Object.fromEntries(WHO5_ITEMS.map((i) => [i, Answer])) as Record<
    (typeof WHO5_ITEMS)[number],
    typeof Answer
  >,
);

export const WellbeingView = z.object({
  checkIns: z.array(z.object({ at: z.string(), score: z.number() })),
  /** When the next check-in may be made (null: now). */
  nextAt: z.nullable(z.string()),
  sharing: z.array(z.string()),
  /** The groups the member belongs to, which they may let count them. */
  groups: z.array(z.object({ groupId: z.string(), name: z.string(), researchShare: z.boolean() })),
});
export type WellbeingView = z.infer<typeof WellbeingView>;

export const CheckedIn = z.object({ score: z.number(), nextAt: z.string() });

export const SharingBody = z.strictObject({ groups: z.array(Id).check(z.maxLength(50)) });
