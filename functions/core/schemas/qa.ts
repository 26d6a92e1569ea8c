import * as z from 'zod/mini';
import { ANSWER_MAX, QUESTION_MAX } from '../qa';
import { Id, text } from './common';

export const QaBody = z.strictObject({ professionalId: Id });

export const QaView = z.object({
  qa: z.nullable(
    z.object({
      professional: z.object({
        userId: z.string(),
        displayName: z.string(),
        licenceType: z.string(),
        jurisdiction: z.string(),
      }),
      status: z.enum(['invited', 'accepted', 'declined']),
      /** The viewer is the professional asked. */
      mine: z.boolean(),
    }),
  ),
});
export type QaView = z.infer<typeof QaView>;

export const QuestionBody = z.strictObject({
  body: text(QUESTION_MAX, 3),
  anonymous: z._default(z.boolean(), false),
});

export const QuestionParams = z.object({
  questionId: z.string().check(z.regex(/^[A-Za-z0-9_-]{45}$/, 'Not a valid id')),
});

export const QuestionView = z.object({
  questionId: z.string(),
  body: z.string(),
  /** Who asked, or null: "a member". */
  askedBy: z.nullable(z.string()),
  mine: z.boolean(),
  /** Asked anonymously: told to its author and to moderators (others see "a member" anyway). */
  anonymous: z.boolean(),
  votes: z.number(),
  voted: z.boolean(),
  answered: z.boolean(),
  answer: z.nullable(z.string()),
});
export type QuestionView = z.infer<typeof QuestionView>;

export const QuestionList = z.object({
  items: z.array(QuestionView),
  /** The viewer is the professional answering. */
  answers: z.boolean(),
  /** The viewer may hide questions (a moderator). */
  moderates: z.boolean(),
});
export type QuestionList = z.infer<typeof QuestionList>;

export const AnswerBody = z.strictObject({ answer: z.optional(text(ANSWER_MAX)) });

export const ProfessionalList = z.object({
  items: z.array(z.object({ userId: z.string(), displayName: z.string() })),
});
