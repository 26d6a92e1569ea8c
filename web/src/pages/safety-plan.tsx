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
import { leaveGuard, loadMe, me } from '../state';
import { Loading, SignInFirst, Stamp, usePage, useSubmit } from '../ui';

const PARTS = Object.keys(SAFETY_PLAN_PARTS) as SafetyPlanPart[];

export function SafetyPlanPage() {
  const h = usePage('My safety plan');
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
    leaveGuard.ask = unsaved
      ? 'Your safety plan has changes that are not saved yet. Leave without them?'
      : null;
    return () => {
      leaveGuard.ask = null;
    };
  }, [unsaved]);
  const save = useSubmit(async () => {
    const { updatedAt: _, ...parts } = plan!;
    setPlan(await api<SafetyPlanView>('PUT', '/me/safety-plan', parts));
    setSaved(true);
    setUnsaved(false);
  });
  useEffect(() => {
    if (saved) status.current?.focus();
  }, [saved]);
  if (me.value === null) return <SignInFirst title="My safety plan" doing="keep a safety plan" />;
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        My safety plan
      </h1>
      <p>
        A plan you write while things are calmer, to follow one step at a time when they are not. Only you can
        read it: not the group’s facilitators, not Hearth’s admins. It is in your data download, and it is
        deleted with your account.
      </p>
      <p class="danger-now">
        <strong>If you are in danger now, call your local emergency number</strong> or{' '}
        <a href="/crisis.html">see the crisis lines</a>.
      </p>
      {!plan ? (
        <Loading error={failed} />
      ) : (
        <Form submit={save.submit} error={save.error} label="My safety plan">
          {PARTS.map((part, i) => (
            <TextArea
              key={part}
              label={`${i + 1}. ${SAFETY_PLAN_PARTS[part].title}`}
              hint={SAFETY_PLAN_PARTS[part].prompt}
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
              Save my plan
            </button>
          </div>
          {saved && plan.updatedAt && (
            <p class="notice" role="status" tabIndex={-1} ref={status}>
              Saved <Stamp at={plan.updatedAt} />.
            </p>
          )}
        </Form>
      )}
      <section aria-labelledby="lines">
        <h2 id="lines">Crisis lines where you are</h2>
        <RegionPreference />
      </section>
    </>
  );
}
