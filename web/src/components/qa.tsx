/**
 * A meetup as a Q&A with a verified professional, on its page: organisers ask one of the group's
 * verified professionals; the professional accepts; members ask (anonymously if they choose),
 * support questions, and read the answers, which stay with the meetup afterwards.
 * @module
 */
import { useEffect, useState } from 'preact/hooks';
import { QUESTION_MAX } from '../../../functions/core/qa';
import type { GroupDetail } from '../../../functions/core/schemas/groups';
import type { OccurrenceView } from '../../../functions/core/schemas/meetups';
import type { QaView, QuestionList } from '../../../functions/core/schemas/qa';
import { api, get, post, serverNow } from '../api';
import { t } from '../i18n';
import { me } from '../state';
import { useOutcome, useSubmit } from '../ui';
import { Form, FormActions, RunButton, TextArea } from './forms';
import { Questions } from './qa-questions';

/** Organisers: ask one of the group's verified professionals to answer questions. */
function AskProfessional({ o, onDone }: { o: OccurrenceView; onDone: () => Promise<unknown> }) {
  const [pros, setPros] = useState<{ userId: string; displayName: string }[] | null>(null);
  const [chosen, setChosen] = useState('');
  useEffect(() => {
    get<{ items: { userId: string; displayName: string }[] }>(`/groups/${o.groupId}/professionals`).then(
      (r) => setPros(r.items),
      () => setPros([]),
    );
  }, [o.groupId]);
  const send = useSubmit(async () => {
    await api('PUT', `/occurrences/${o.occurrenceId}/qa`, { professionalId: chosen });
    await onDone();
  });
  if (!pros) return null;
  if (!pros.length) return <p class="meta">{t('qa.noProfessionals')}</p>;
  return (
    <Form submit={send.submit} error={send.error} label={t('qa.make')}>
      <div class="field">
        <label for="qa-pro">{t('qa.choose')}</label>
        <select
          id="qa-pro"
          name="professionalId"
          value={chosen}
          onChange={(e) => setChosen(e.currentTarget.value)}
        >
          <option value="">{t('qa.choosePlaceholder')}</option>
          {pros.map((p) => (
            <option key={p.userId} value={p.userId}>
              {p.displayName}
            </option>
          ))}
        </select>
      </div>
      <FormActions busy={send.busy} label={t('qa.ask')} />
    </Form>
  );
}

export function QaSection({
  o,
  group,
  onDecided,
}: {
  o: OccurrenceView;
  group: GroupDetail | null;
  /** The professional accepted or declined: the meetup's page is read again (where it meets). */
  onDecided: () => void;
}) {
  const [view, setView] = useState<QaView['qa'] | undefined>(undefined);
  const [questions, setQuestions] = useState<QuestionList | null>(null);
  const load = async () => {
    const qa = (await get<QaView>(`/occurrences/${o.occurrenceId}/qa`)).qa;
    setView(qa);
    const member = group?.membership?.status === 'active';
    setQuestions(
      qa?.status === 'accepted' && member
        ? await get<QuestionList>(`/occurrences/${o.occurrenceId}/questions`)
        : null,
    );
  };
  useEffect(() => {
    void load().catch(() => setView(null));
  }, [o.occurrenceId, me.value?.userId, group?.membership?.status]);
  const { act, outcome } = useOutcome(load);
  const organiser =
    group?.membership?.status === 'active' && ['owner', 'facilitator'].includes(group.membership.role);
  const ended = Date.parse(o.endAt) <= serverNow();
  if (view === undefined) return null;
  if (!view) {
    if (!organiser || ended || o.status !== 'scheduled') return null;
    return (
      <section aria-labelledby="qa" class="card">
        <h2 id="qa">{t('qa.heading')}</h2>
        <p>{t('qa.offer')}</p>
        <AskProfessional o={o} onDone={() => act(async () => {}, t('qa.askedThem'))} />
      </section>
    );
  }
  const pro = view.professional;
  return (
    <section aria-labelledby="qa" class="card qa">
      <h2 id="qa">{t('qa.heading')}</h2>
      {outcome}
      <p>
        <strong>
          {t('qa.with', { name: pro.displayName, field: pro.licenceType, where: pro.jurisdiction })}
        </strong>
      </p>
      {view.status !== 'accepted' ? (
        view.mine && view.status === 'invited' ? (
          <>
            <p>{t('qa.asked')}</p>
            <p class="actions">
              <RunButton
                run={{
                  busy: false,
                  submit: () =>
                    act(async () => {
                      await post(`/occurrences/${o.occurrenceId}/qa/accept`);
                      onDecided();
                    }, t('qa.accepted')),
                }}
              >
                {t('qa.accept')}
              </RunButton>{' '}
              <RunButton
                look="secondary"
                run={{
                  busy: false,
                  submit: () =>
                    act(async () => {
                      await post(`/occurrences/${o.occurrenceId}/qa/decline`);
                      onDecided();
                    }, t('qa.declined')),
                }}
              >
                {t('qa.decline')}
              </RunButton>
            </p>
          </>
        ) : (
          <>
            <p class="meta">
              {view.status === 'invited'
                ? t('qa.waiting', { name: pro.displayName })
                : t('qa.declinedBy', { name: pro.displayName })}
            </p>
            {organiser && (
              <p>
                <RunButton
                  look="secondary small"
                  run={{
                    busy: false,
                    submit: () =>
                      act(() => api('DELETE', `/occurrences/${o.occurrenceId}/qa`), t('qa.withdrawn')),
                  }}
                >
                  {t('qa.withdraw')}
                </RunButton>
              </p>
            )}
          </>
        )
      ) : (
        <>
          {view.mine && !ended && <p>{t('qa.youAnswer')}</p>}
          <p class="meta">{t('qa.isNot')}</p>
          {questions && <Questions o={o} list={questions} ended={ended} onChange={load} />}
          {questions && !ended && !view.mine && <AskQuestion o={o} onAsked={load} />}
        </>
      )}
    </section>
  );
}

/** A member's question, with the choice to ask it anonymously. */
function AskQuestion({ o, onAsked }: { o: OccurrenceView; onAsked: () => Promise<void> }) {
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [sent, setSent] = useState(false);
  const send = useSubmit(async () => {
    setSent(false);
    await post(`/occurrences/${o.occurrenceId}/questions`, { body, anonymous });
    setBody('');
    setSent(true);
    await onAsked();
  });
  return (
    <Form submit={send.submit} error={send.error} label={t('qa.askForm')}>
      <TextArea
        label={t('qa.yourQuestion')}
        name="body"
        value={body}
        onValue={setBody}
        max={QUESTION_MAX}
        error={send.error}
        rows={3}
      />
      <label class="check">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.currentTarget.checked)} />
        {t('qa.anonymous')}
      </label>
      <FormActions busy={send.busy} label={t('qa.send')} />
      {sent && (
        <p role="status" class="meta">
          {t('qa.sent')}
        </p>
      )}
    </Form>
  );
}
