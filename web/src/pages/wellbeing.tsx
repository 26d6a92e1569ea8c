/**
 * My wellbeing: the WHO-5 check-in (five statements about the last two weeks, once a week), the
 * member's own scores over time, and the groups they let count them, anonymously.
 * @module
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { crisisPath } from '../../../functions/core/i18n/locales';
import { bandOf, WHO5_ANSWER_MAX, WHO5_ITEMS, type Who5Item } from '../../../functions/core/outcomes';
import type { WellbeingView } from '../../../functions/core/schemas/outcomes';
import { ApiError, api, get, post } from '../api';
import { Chart } from '../charts/chart';
import { FiguresTable } from '../components/figures-table';
import { Checkboxes, Form, FormActions } from '../components/forms';
import { locale, num, t, tx } from '../i18n';
import { useLoad } from '../load';
import { me } from '../state';
import { Loading, SignInFirst, usePage, useSubmit } from '../ui';
import { dateText } from '../when';

const ANSWERS = Array.from({ length: WHO5_ANSWER_MAX + 1 }, (_, i) => WHO5_ANSWER_MAX - i);

/** What a score says, gently, and what might help. */
function ScoreNote({ score }: { score: number }) {
  const band = bandOf(score);
  if (band === '0-28')
    return (
      <p class="notice caution">
        {tx('wellbeing.low', undefined, (c) => (
          <a href={crisisPath(locale.value)}>{c}</a>
        ))}
      </p>
    );
  if (band === '29-50') return <p class="notice caution">{t('wellbeing.lowish')}</p>;
  return null;
}

function CheckInForm({ onDone }: { onDone: (score: number) => void }) {
  const [answers, setAnswers] = useState<Partial<Record<Who5Item, number>>>({});
  const send = useSubmit(async () => {
    const missing = WHO5_ITEMS.filter((i) => answers[i] === undefined);
    if (missing.length)
      throw new ApiError(
        400,
        'invalid_request',
        t('wellbeing.answerEach'),
        missing.map((i) => ({ path: `body.${i}`, message: t('wellbeing.choose') })),
      );
    onDone((await post<{ score: number }>('/me/wellbeing', answers)).score);
  });
  return (
    <Form submit={send.submit} error={send.error} label={t('wellbeing.checkIn')}>
      <p>{t('wellbeing.lastTwoWeeks')}</p>
      {WHO5_ITEMS.map((item) => {
        const message = send.error?.field(item);
        return (
          <fieldset key={item} class="who5" aria-describedby={message ? `who5-${item}-err` : undefined}>
            <legend>{t(`wellbeing.item.${item}`)}</legend>
            {ANSWERS.map((n) => (
              <label key={n}>
                <input
                  type="radio"
                  name={item}
                  value={n}
                  checked={answers[item] === n}
                  aria-invalid={message ? 'true' : undefined}
                  onChange={() => setAnswers((a) => ({ ...a, [item]: n }))}
                />
                {t(`wellbeing.answer.${n as 0 | 1 | 2 | 3 | 4 | 5}`)}
              </label>
            ))}
            {message && (
              <span id={`who5-${item}-err`} class="error">
                {message}
              </span>
            )}
          </fieldset>
        );
      })}
      <FormActions busy={send.busy} label={t('wellbeing.send')} />
    </Form>
  );
}

function Sharing({ view, onSaved }: { view: WellbeingView; onSaved: (sharing: string[]) => void }) {
  const [chosen, setChosen] = useState(view.sharing);
  const [saved, setSaved] = useState(false);
  const save = useSubmit(async () => {
    setSaved(false);
    onSaved(await api<string[]>('PUT', '/me/wellbeing/sharing', { groups: chosen }));
    setSaved(true);
  });
  if (!view.groups.length) return <p>{t('wellbeing.noGroups')}</p>;
  return (
    <Form submit={save.submit} error={save.error} label={t('wellbeing.sharing')}>
      <Checkboxes
        legend={t('wellbeing.shareWith')}
        options={view.groups.map(
          (g) =>
            [g.groupId, g.researchShare ? t('wellbeing.groupShares', { name: g.name }) : g.name] as const,
        )}
        chosen={chosen}
        onChosen={(c) => {
          setSaved(false);
          setChosen(c);
        }}
      />
      <p class="meta">{t('wellbeing.sharingNote')}</p>
      <FormActions busy={save.busy} label={t('wellbeing.saveSharing')} saved={saved} />
    </Form>
  );
}

export function WellbeingPage() {
  const h = usePage(t('wellbeing.title'));
  const [view, failed, setView] = useLoad(me.value ? () => get<WellbeingView>('/me/wellbeing') : null, [
    me.value?.userId,
  ]);
  const [score, setScore] = useState<number | null>(null);
  const said = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (score !== null) said.current?.focus();
  }, [score]);
  if (me.value === null) return <SignInFirst title={t('wellbeing.title')} doing={t('wellbeing.signInTo')} />;
  if (!view) return <Loading error={failed} />;
  const done = async (s: number) => {
    setScore(s);
    setView(await get<WellbeingView>('/me/wellbeing'));
  };
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {t('wellbeing.title')}
      </h1>
      <p>{t('wellbeing.intro')}</p>
      <p class="meta">{t('wellbeing.notDiagnosis')}</p>
      <section aria-labelledby="check-in">
        <h2 id="check-in">{t('wellbeing.checkIn')}</h2>
        {score !== null && (
          <div tabIndex={-1} ref={said} role="status">
            <p>
              <strong>{t('wellbeing.yourScore', { score })}</strong>
            </p>
            <ScoreNote score={score} />
          </div>
        )}
        {view.nextAt ? (
          <p>{t('wellbeing.next', { date: dateText(view.nextAt) })}</p>
        ) : (
          <CheckInForm onDone={done} />
        )}
      </section>
      <section aria-labelledby="over-time">
        <h2 id="over-time">{t('wellbeing.overTime')}</h2>
        {view.checkIns.length === 0 ? (
          <p>{t('wellbeing.none')}</p>
        ) : (
          <>
            <Chart
              x={view.checkIns.map((c) => Date.parse(c.at))}
              yMax={100}
              series={[
                { label: t('wellbeing.score'), values: view.checkIns.map((c) => c.score), stroke: '#8a3b12' },
              ]}
            />
            <FiguresTable
              caption={t('wellbeing.overTime')}
              head={[t('wellbeing.date'), t('wellbeing.score')]}
              rows={[...view.checkIns]
                .reverse()
                .map((c) => ({ key: c.at, head: dateText(c.at), cells: [num(c.score)] }))}
            />
          </>
        )}
      </section>
      <section aria-labelledby="sharing">
        <h2 id="sharing">{t('wellbeing.sharing')}</h2>
        <Sharing view={view} onSaved={(sharing) => setView({ ...view, sharing })} />
      </section>
    </>
  );
}
