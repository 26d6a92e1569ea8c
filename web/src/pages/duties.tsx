/** "My duties": a facilitator's duties in every group, to confirm, decline, or ask cover for (with a note). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { COVER_NOTE_MAX } from '../../../functions/core/roster';
import type { DutyView as Duty } from '../../../functions/core/schemas/roster';
import { type ApiError, del, get, post } from '../api';
import { Form, TextArea } from '../components/forms';
import { t } from '../i18n';
import { label } from '../labels';
import { me } from '../state';
import { Loading, SignInFirst, useOutcome, usePage, useSubmit } from '../ui';
import { localText } from '../when';

export function MyDutiesPage() {
  const h = usePage(t('duties.title'));
  const [items, setItems] = useState<Duty[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    get<{ items: Duty[] }>('/me/duties')
      .then((r) => setItems(r.items))
      .catch((e: Error) => setError(e.message));
  /** What the last action did, said where the keyboard then is. */
  const { act, outcome } = useOutcome(load);
  useEffect(() => {
    if (me.value) void load();
  }, [me.value?.userId]);
  const [asking, setAsking] = useState<string | null>(null);
  if (me.value === null) return <SignInFirst title={t('duties.title')} doing={t('duties.signInTo')} />;
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {t('duties.title')}
      </h1>
      {error && (
        <p class="alert" role="alert">
          {error}
        </p>
      )}
      {outcome}
      {!items ? (
        <Loading />
      ) : items.length === 0 ? (
        <p>{t('duties.none')}</p>
      ) : (
        <ul class="cards">
          {items.map((d) => (
            <li key={d.assignmentId} class="card">
              <h2>
                <a href={`/occurrences/${d.occurrenceId}`}>{d.title}</a>
              </h2>
              <p>
                {t('duties.line', {
                  role: label('rosterRole', d.role),
                  when: localText(d.startLocal),
                  state: d.coverRequestId ? 'cover' : d.status,
                })}
              </p>
              {asking === d.assignmentId ? (
                <AskForCover
                  duty={d}
                  onDone={async (said) => {
                    setAsking(null);
                    await act(async () => {}, said);
                  }}
                  onCancel={() => setAsking(null)}
                />
              ) : (
                <div class="actions">
                  {d.status !== 'confirmed' && (
                    <button
                      type="button"
                      onClick={() =>
                        act(() => post(`/assignments/${d.assignmentId}/confirm`), t('duties.confirmed'))
                      }
                    >
                      {t('duties.confirm')}
                    </button>
                  )}
                  {d.coverRequestId ? (
                    <button
                      type="button"
                      class="secondary"
                      onClick={() =>
                        act(() => del(`/cover-requests/${d.coverRequestId}`), t('duties.withdrawn'))
                      }
                    >
                      {t('duties.withdraw')}
                    </button>
                  ) : (
                    <button type="button" class="secondary" onClick={() => setAsking(d.assignmentId)}>
                      {t('duties.ask')}
                    </button>
                  )}
                  <button
                    type="button"
                    class="secondary"
                    onClick={() =>
                      act(() => post(`/assignments/${d.assignmentId}/decline`), t('duties.declined'))
                    }
                  >
                    {t('duties.decline')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Asking for cover, with a note for whoever might take it. */
function AskForCover({
  duty,
  onDone,
  onCancel,
}: {
  duty: Duty;
  onDone: (said: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [note, setNote] = useState('');
  const first = useRef<HTMLTextAreaElement>(null);
  useEffect(() => first.current?.focus(), []);
  const ask = useSubmit(async () => {
    const r = await post<{ notified: number }>(`/assignments/${duty.assignmentId}/cover-requests`, { note });
    await onDone(t('duties.asked', { notified: r.notified }));
  });
  return (
    <Form submit={ask.submit} error={ask.error as ApiError | null}>
      <TextArea
        label={t('duties.noteLabel')}
        name="note"
        hint={t('duties.noteHint', { max: COVER_NOTE_MAX })}
        error={ask.error}
        value={note}
        onValue={setNote}
        max={COVER_NOTE_MAX}
        inputRef={first}
      />
      <div class="actions">
        <button type="submit" aria-disabled={ask.busy}>
          {t('duties.ask')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('duties.notNow')}
        </button>
      </div>
    </Form>
  );
}
