/** "My duties": a facilitator's duties in every group, to confirm, decline, or ask cover for (with a note). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { COVER_NOTE_MAX, ROSTER_ROLES } from '../../../functions/core/roster';
import type { DutyView as Duty } from '../../../functions/core/schemas/roster';
import { type ApiError, del, get, post } from '../api';
import { Form, TextArea } from '../components/forms';
import { me } from '../state';
import { Loading, SignInFirst, useOutcome, usePage, useSubmit } from '../ui';
import { localText } from '../when';

export function MyDutiesPage() {
  const h = usePage('My duties');
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
  if (me.value === null) return <SignInFirst title="My duties" doing="see your duties" />;
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        My duties
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
        <p>No duties ahead. When you are given one, it shows here to confirm.</p>
      ) : (
        <ul class="cards">
          {items.map((d) => (
            <li key={d.assignmentId} class="card">
              <h2>
                <a href={`/occurrences/${d.occurrenceId}`}>{d.title}</a>
              </h2>
              <p>
                {ROSTER_ROLES[d.role]}, {localText(d.startLocal)} ·{' '}
                {d.coverRequestId
                  ? 'asking for cover'
                  : d.status === 'confirmed'
                    ? 'confirmed'
                    : 'please confirm'}
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
                        act(() => post(`/assignments/${d.assignmentId}/confirm`), 'Confirmed. Thank you.')
                      }
                    >
                      Confirm
                    </button>
                  )}
                  {d.coverRequestId ? (
                    <button
                      type="button"
                      class="secondary"
                      onClick={() =>
                        act(
                          () => del(`/cover-requests/${d.coverRequestId}`),
                          'Your request for cover is withdrawn: the duty is still yours.',
                        )
                      }
                    >
                      Withdraw my request for cover
                    </button>
                  ) : (
                    <button type="button" class="secondary" onClick={() => setAsking(d.assignmentId)}>
                      Ask for cover
                    </button>
                  )}
                  <button
                    type="button"
                    class="secondary"
                    onClick={() =>
                      act(
                        () => post(`/assignments/${d.assignmentId}/decline`),
                        'Declined: the duty is a gap on the roster now, and the owners see it.',
                      )
                    }
                  >
                    Decline
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
    await onDone(
      r.notified > 0
        ? `Asked: ${r.notified === 1 ? '1 facilitator who is free was' : `${r.notified} facilitators who are free were`} told. The duty stays yours until someone takes it.`
        : 'Nobody else is free to take it just now, so the group’s owners have been told. The duty stays yours until someone takes it.',
    );
  });
  return (
    <Form submit={ask.submit} error={ask.error as ApiError | null}>
      <TextArea
        label="A note for whoever might cover (optional)"
        name="note"
        hint={`Up to ${COVER_NOTE_MAX} characters. Everyone who could take it reads it.`}
        error={ask.error}
        value={note}
        onValue={setNote}
        max={COVER_NOTE_MAX}
        inputRef={first}
      />
      <div class="actions">
        <button type="submit" aria-disabled={ask.busy}>
          Ask for cover
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          Not now
        </button>
      </div>
    </Form>
  );
}
