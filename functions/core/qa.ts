/**
 * Q&A sessions with a verified professional: a meetup the professional has agreed to answer
 * questions at. Members ask beforehand (anonymously if they choose), support the questions they
 * want answered (one vote each), and the professional marks questions answered, with a written
 * answer if they like. Not diagnosis, and not individual treatment. Pure.
 * @module
 */

export const QUESTION_MAX = 500;
export const ANSWER_MAX = 2000;
/** Questions a member may ask at one Q&A. */
export const QUESTIONS_PER_MEMBER = 3;

export type QaStatus = 'invited' | 'accepted' | 'declined';

export interface QuestionOrder {
  votes: number;
  createdAt: number;
  questionId: string;
}

/** Most supported first; among equals, the one asked first. */
export const byVotes = (a: QuestionOrder, b: QuestionOrder) =>
  b.votes - a.votes || a.createdAt - b.createdAt || (a.questionId < b.questionId ? -1 : 1);

/**
 * Who a question's author is shown as: themselves to themselves, their name where they did not
 * ask anonymously, and "a member" (null) otherwise; moderators see who asked, to act on it.
 */
export function askerShown(
  q: { authorId: string; anonymous: boolean },
  viewer: { userId: string; moderates: boolean },
  name: string | undefined,
): { name: string | null; mine: boolean } {
  const mine = q.authorId === viewer.userId;
  if (!q.anonymous || viewer.moderates || mine) return { name: name ?? null, mine };
  return { name: null, mine };
}
