/**
 * A personal safety plan, in the six parts of the Stanley-Brown plan: written ahead, read in a
 * hard moment, step by step. Only its owner ever reads it.
 * @module
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  SAFETY_PLAN_PART_MAX,
  SAFETY_PLAN_PARTS,
  type SafetyPlanPart,
} from '../../../functions/core/safety-plan';
import type { SafetyPlanView } from '../../../functions/core/schemas/support';
import { type ApiError, api, get } from '../api';
import { RegionPreference } from '../components/crisis';
import { Form, TextArea } from '../components/forms';
import { crisisHref, locale, type MessageKey, t, tx } from '../i18n';
import { leaveGuard, loadMe, me } from '../state';
import { Loading, SignInFirst, Stamp, usePage, useSubmit } from '../ui';

const PARTS = Object.keys(SAFETY_PLAN_PARTS) as SafetyPlanPart[];

/** A part's title or prompt in the reader's language (the rules keep the English). */
const partText = (part: SafetyPlanPart, what: 'Title' | 'Prompt') =>
  t(`safetyPlan.${part}${what}` as MessageKey);

export function SafetyPlanPage() {
  const h = usePage(t('safetyPlan.title'));
  const [plan, setPlan] = useState<SafetyPlanView | null>(null);
  const [saved, setSaved] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  // Written and not saved yet (offline, say): leaving the page asks first.
  const [unsaved, setUnsaved] = useState(false);
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // Refused (the session ended meanwhile): who is signed in is asked again, and the page follows.
    if (me.value)
      void get<SafetyPlanView>('/me/safety-plan')
        .then(setPlan)
        .catch((e: ApiError) => (e.status === 401 ? loadMe() : setFailed(e.message)));
  }, [me.value?.userId]);
  useEffect(() => {
    leaveGuard.ask = unsaved ? t('safetyPlan.leave') : null;
    return () => {
      leaveGuard.ask = null;
    };
  }, [unsaved, locale.value]);
  const save = useSubmit(async () => {
    const { updatedAt: _, ...parts } = plan!;
    setPlan(await api<SafetyPlanView>('PUT', '/me/safety-plan', parts));
    setSaved(true);
    setUnsaved(false);
  });
  useEffect(() => {
    if (saved) status.current?.focus();
  }, [saved]);
  if (me.value === null)
    return <SignInFirst title={t('safetyPlan.title')} doing={t('safetyPlan.signInToKeep')} />;
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {t('safetyPlan.title')}
      </h1>
      <p>{t('safetyPlan.intro')}</p>
      <p class="danger-now">
        {tx(
          'safetyPlan.dangerNow',
          undefined,
          (c) => (
            <strong>{c}</strong>
          ),
          (c) => (
            <a href={crisisHref()}>{c}</a>
          ),
        )}
      </p>
      {!plan ? (
        <Loading error={failed} />
      ) : (
        <Form submit={save.submit} error={save.error} label={t('safetyPlan.title')}>
          {PARTS.map((part, i) => (
            <TextArea
              key={part}
              label={t('safetyPlan.partLabel', { number: i + 1, title: partText(part, 'Title') })}
              hint={partText(part, 'Prompt')}
              name={part}
              error={save.error}
              rows={3}
              value={plan[part]}
              onValue={(v) => {
                setSaved(false);
                setUnsaved(true);
                setPlan({ ...plan, [part]: v });
              }}
              max={SAFETY_PLAN_PART_MAX}
            />
          ))}
          <div class="actions">
            <button type="submit" disabled={save.busy}>
              {t('safetyPlan.save')}
            </button>
          </div>
          {saved && plan.updatedAt && (
            <p class="notice" role="status" tabIndex={-1} ref={status}>
              {tx('safetyPlan.saved', undefined, () => (
                <Stamp at={plan.updatedAt!} />
              ))}
            </p>
          )}
        </Form>
      )}
      <section aria-labelledby="lines">
        <h2 id="lines">{t('safetyPlan.lines')}</h2>
        <RegionPreference />
      </section>
    </>
  );
}
