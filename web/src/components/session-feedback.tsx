/**
 * "How was this session?": after a meetup ends, each member who was going may rate it (four
 * questions, 0 to 10) and leave a comment, once. The answer goes with a one-time token and
 * without the session's cookie, so nothing ties it to them; facilitators see totals only.
 * @module
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  FEEDBACK_COMMENT_MAX,
  FEEDBACK_ITEMS,
  type FeedbackItem,
  RATING_MAX,
} from '../../../functions/core/outcomes';
import type { OccurrenceView } from '../../../functions/core/schemas/meetups';
import type { FeedbackState } from '../../../functions/core/schemas/outcomes';
import { ApiError, get, post, postAnonymously, serverNow } from '../api';
import { t } from '../i18n';
import { me } from '../state';
import { useSubmit } from '../ui';
import { formatIn } from '../when';
import { Form, FormActions, TextArea } from './forms';

const SCALE = Array.from({ length: RATING_MAX + 1 }, (_, i) => i);

/** One question: eleven choices in a row, named by the question, its ends said in words. */
function Rating(props: {
  item: FeedbackItem;
  value: number | null;
  onValue: (n: number) => void;
  error: ApiError | null;
}) {
  const message = props.error?.field(props.item);
  const id = `rating-${props.item}`;
  return (
    <fieldset class="rating" aria-describedby={`${id}-ends${message ? ` ${id}-err` : ''}`}>
      <legend>{t(`feedback.${props.item}`)}</legend>
      <p id={`${id}-ends`} class="hint">
        {t('feedback.ends', { low: 0, high: RATING_MAX })}
      </p>
      <div class="scale">
        {SCALE.map((n) => (
          <label key={n}>
            <input
              type="radio"
              name={props.item}
              value={n}
              checked={props.value === n}
              aria-invalid={message ? 'true' : undefined}
              onChange={() => props.onValue(n)}
            />
            <span>{n}</span>
          </label>
        ))}
      </div>
      {message && (
        <span id={`${id}-err`} class="error">
          {message}
        </span>
      )}
    </fieldset>
  );
}

export function SessionFeedback({ o, research }: { o: OccurrenceView; research: boolean }) {
  const [state, setState] = useState<FeedbackState | null>(null);
  const [ratings, setRatings] = useState<Partial<Record<FeedbackItem, number>>>({});
  const [comment, setComment] = useState('');
  const ended = Date.parse(o.endAt) <= serverNow();
  // Sent: the form goes, and the keyboard goes to what says so.
  const thanks = useRef<HTMLParagraphElement>(null);
  const [sent, setSent] = useState(false);
  useEffect(() => {
    if (sent) thanks.current?.focus();
  }, [sent]);
  useEffect(() => {
    if (!me.value || !ended || o.status !== 'scheduled') return;
    get<FeedbackState>(`/occurrences/${o.occurrenceId}/feedback`).then(setState, () => setState(null));
  }, [o.occurrenceId, me.value?.userId, ended]);
  const send = useSubmit(async () => {
    const missing = FEEDBACK_ITEMS.filter((i) => ratings[i] === undefined);
    if (missing.length)
      throw new ApiError(
        400,
        'invalid_request',
        t('feedback.answerEach'),
        missing.map((i) => ({ path: `body.${i}`, message: t('feedback.choose', { high: RATING_MAX }) })),
      );
    const { token } = await post<{ token: string }>(`/occurrences/${o.occurrenceId}/feedback/token`);
    await postAnonymously('/feedback', { token, ...ratings, ...(comment.trim() ? { comment } : {}) });
    setState((s) => s && { ...s, answered: true });
    setSent(true);
  });
  if (state?.window !== 'open' || !state.went) return null;
  return (
    <section aria-labelledby="feedback" class="card feedback">
      <h2 id="feedback">{t('feedback.heading')}</h2>
      {state.answered ? (
        <p role="status" tabIndex={-1} ref={thanks}>
          {t('feedback.thanks')}
        </p>
      ) : (
        <>
          <p>{t('feedback.intro', { until: formatIn(state.until, o.timezone) })}</p>
          <Form submit={send.submit} error={send.error} label={t('feedback.heading')}>
            {FEEDBACK_ITEMS.map((item) => (
              <Rating
                key={item}
                item={item}
                value={ratings[item] ?? null}
                onValue={(n) => setRatings((r) => ({ ...r, [item]: n }))}
                error={send.error}
              />
            ))}
            <TextArea
              label={t('feedback.comment')}
              name="comment"
              value={comment}
              onValue={setComment}
              max={FEEDBACK_COMMENT_MAX}
              error={send.error}
              rows={3}
            />
            <p class="meta">{t('feedback.private')}</p>
            {research && <p class="meta">{t('feedback.research')}</p>}
            <FormActions busy={send.busy} label={send.busy ? t('feedback.sending') : t('feedback.send')} />
          </Form>
        </>
      )}
    </section>
  );
}
