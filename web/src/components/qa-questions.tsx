/**
 * A Q&A's questions, most supported first: each with its support (one vote each), who asked (or
 * "a member"), and the professional's answer; the professional marks them answered, and a
 * question's author or a moderator may take it down. After the meetup, the answers stay, and
 * organisers may add them to the group's directory.
 * @module
 */
import { useRef, useState } from 'preact/hooks';
import { ANSWER_MAX } from '../../../functions/core/qa';
import type { OccurrenceView } from '../../../functions/core/schemas/meetups';
import type { QuestionList, QuestionView } from '../../../functions/core/schemas/qa';
import { api, post } from '../api';
import { t } from '../i18n';
import { useOutcome, useSubmit } from '../ui';
import { Form, FormActions, TextArea } from './forms';

function AnswerForm({ q, onDone }: { q: QuestionView; onDone: (said: string) => void }) {
  const [answer, setAnswer] = useState(q.answer ?? '');
  const send = useSubmit(async () => {
    await post(`/questions/${q.questionId}/answer`, { answer });
    onDone(q.answered ? t('qa.answerSaved') : t('qa.markedAnswered'));
  });
  // Each form named by its question, for whoever moves from form to form.
  const question = q.body.length > 80 ? `${q.body.slice(0, 79)}…` : q.body;
  return (
    <Form submit={send.submit} error={send.error} label={t('qa.answerTo', { question })}>
      <TextArea
        label={t('qa.answerLabel')}
        name="answer"
        value={answer}
        onValue={setAnswer}
        max={ANSWER_MAX}
        error={send.error}
        rows={3}
      />
      <FormActions
        busy={send.busy}
        label={q.answered ? t('qa.saveAnswer') : t('qa.markAnswered')}
        look="small"
      />
    </Form>
  );
}

export function Questions(props: {
  o: OccurrenceView;
  list: QuestionList;
  ended: boolean;
  onChange: () => Promise<void>;
}) {
  const { act, outcome } = useOutcome(props.onChange);
  // Most supported first as the page opens; then each keeps its place, so a question does not
  // jump away from the finger that just supported it (a new one joins at the end).
  const order = useRef<string[]>([]);
  const placed = new Map(order.current.map((id, i) => [id, i]));
  const items = [
    ...props.list.items
      .filter((q) => placed.has(q.questionId))
      .sort((a, b) => placed.get(a.questionId)! - placed.get(b.questionId)!),
    ...props.list.items.filter((q) => !placed.has(q.questionId)),
  ];
  order.current = items.map((q) => q.questionId);
  const answered = items.filter((q) => q.answered);
  // After it, the answers stay; a question left unanswered stays for its asker, told so, and for
  // the professional, who may still answer it in writing.
  const shown = props.ended ? items.filter((q) => q.answered || q.mine || props.list.answers) : items;
  const directoryLink = `/resources/suggest?${new URLSearchParams({
    scope: props.o.groupId,
    title: t('qa.listingTitle', { title: props.o.title }),
    // Only what the meetup was: the questions are the members', and stay on its page.
    description: t('qa.listingDescription', { count: answered.length }),
    url: `${window.location.origin}/occurrences/${props.o.occurrenceId}`,
  })}`;
  return (
    <>
      {outcome}
      <h3>{props.ended && shown.every((q) => q.answered) ? t('qa.answeredHeading') : t('qa.questions')}</h3>
      {shown.length === 0 ? (
        <p>{props.ended ? t('qa.noneAnswered') : t('qa.none')}</p>
      ) : (
        <ol class="questions">
          {shown.map((q) => (
            <li key={q.questionId} class="card">
              <p dir="auto">{q.body}</p>
              <p class="meta">
                {q.mine && q.anonymous
                  ? t('qa.askedByYouAnonymously')
                  : q.askedBy
                    ? q.anonymous
                      ? t('qa.askedByAnonymously', { name: q.askedBy })
                      : t('qa.askedBy', { name: q.askedBy })
                    : t('qa.askedByMember')}
                {' · '}
                {t('qa.support', { count: q.votes })}
                {q.mine && ` · ${t('qa.yours')}`}
              </p>
              {props.ended && !q.answered && (
                <p class="meta">{props.list.answers ? t('qa.stillAnswer') : t('qa.notAnswered')}</p>
              )}
              {q.answered && (
                <div class="answer">
                  <p>
                    <strong>{t('qa.answered')}</strong>
                  </p>
                  {q.answer && <p dir="auto">{q.answer}</p>}
                </div>
              )}
              <p class="actions">
                {!props.ended && !q.answered && !props.list.answers && !q.mine && (
                  <button
                    type="button"
                    class="secondary small support"
                    aria-pressed={q.voted}
                    onClick={() =>
                      act(
                        () => api(q.voted ? 'DELETE' : 'PUT', `/questions/${q.questionId}/vote`),
                        q.voted ? t('qa.unsupported') : t('qa.supported'),
                      )
                    }
                  >
                    {/* Pressed, it says so in words too, not by its shade alone. */}
                    {q.voted && <span aria-hidden="true">✓{'\u00a0'}</span>}
                    {t('qa.supportButton')}
                  </button>
                )}
                {(q.mine || props.list.moderates) && !props.ended && (
                  <button
                    type="button"
                    class="secondary small"
                    onClick={() => act(() => post(`/questions/${q.questionId}/hide`), t('qa.takenDown'))}
                  >
                    {t('qa.takeDown')}
                  </button>
                )}
              </p>
              {props.list.answers && <AnswerForm q={q} onDone={(said) => act(async () => {}, said)} />}
            </li>
          ))}
        </ol>
      )}
      {props.ended && answered.length > 0 && props.list.moderates && (
        <p>
          <a class="button secondary" href={directoryLink}>
            {t('qa.addToDirectory')}
          </a>
        </p>
      )}
    </>
  );
}
