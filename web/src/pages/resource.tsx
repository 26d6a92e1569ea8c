/** A listing's page: its trust, a problem report, and verifying or removing it for those who may. @module */
import { useEffect, useState } from 'preact/hooks';
import {
  languages as allLanguages,
  COSTS,
  REPORT_PROBLEMS,
  RESOURCE_CATEGORIES,
} from '../../../functions/core/resources';
import { del, get, post } from '../api';
import { Form, FormActions, RunButton } from '../components/forms';
import { placeOf, Reach, type Resource, standingIn, Trust } from '../components/resource-parts';
import { me, navigate } from '../state';
import { ErrorSummary, Loading, TextField, usePage, useSubmit } from '../ui';

export function ResourcePage({ resourceId }: { resourceId: string }) {
  const [r, setR] = useState<Resource | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [professional, setProfessional] = useState(false);
  const [curator, setCurator] = useState(false);
  const h = usePage(r?.title ?? 'Resource');
  const load = () =>
    get<Resource>(`/resources/${resourceId}`)
      .then(setR)
      .catch((e: Error) => setError(e.message));
  useEffect(() => {
    void load();
    if (me.value)
      void standingIn(resourceId.length === 33 ? resourceId.slice(0, 22) : 'global').then((s) => {
        setProfessional(s.professional);
        setCurator(s.curates);
      });
  }, [resourceId, me.value?.userId]);
  const verify = useSubmit(async () => {
    setR(await post<Resource>(`/resources/${resourceId}/verify`));
  });
  const list = useSubmit(async () => {
    setR(await post<Resource>(`/resources/${resourceId}/list`));
  });
  const remove = useSubmit(async () => {
    await del(`/resources/${resourceId}`);
    navigate('/resources');
  });
  if (error)
    return (
      <>
        <h1 ref={h} tabIndex={-1}>
          Resource
        </h1>
        <p class="alert" role="alert">
          {error}
        </p>
      </>
    );
  if (!r) return <Loading />;
  return (
    <>
      <p>
        <a href={`/resources${r.scope === 'global' ? '' : `?scope=${r.scope}`}`}>← Resources</a>
      </p>
      <h1 ref={h} tabIndex={-1}>
        {r.title}
      </h1>
      <Trust r={r} />
      <p>{r.description}</p>
      <Reach r={r} />
      <dl class="facts">
        <dt>Kind</dt>
        <dd>{RESOURCE_CATEGORIES[r.category]}</dd>
        <dt>Where</dt>
        <dd>{placeOf(r)}</dd>
        {r.address && (
          <>
            <dt>Address</dt>
            <dd>{r.address}</dd>
          </>
        )}
        {r.accessNotes && (
          <>
            <dt>Access</dt>
            <dd>{r.accessNotes}</dd>
          </>
        )}
        {r.hours && (
          <>
            <dt>Hours</dt>
            <dd>{r.hours}</dd>
          </>
        )}
        <dt>Cost</dt>
        <dd>{COSTS[r.cost]}</dd>
        <dt>Languages</dt>
        <dd>{r.languages.map((l) => allLanguages().get(l) ?? l).join(', ')}</dd>
        {r.audience && (
          <>
            <dt>For</dt>
            <dd>{r.audience}</dd>
          </>
        )}
      </dl>
      {(professional || curator) && (
        <div class="actions">
          <ErrorSummary error={verify.error ?? list.error ?? remove.error} />
          {professional && (
            <RunButton run={verify}>
              {r.status === 'suggested' ? 'Verify and list it' : 'Verify it is still right'}
            </RunButton>
          )}
          {curator && r.status === 'suggested' && !professional && <RunButton run={list}>List it</RunButton>}
          {curator && (
            <RunButton run={remove} look="danger">
              {r.status === 'suggested' ? 'Turn it down' : 'Take it out of the directory'}
            </RunButton>
          )}
        </div>
      )}
      {me.value && <ReportProblem resourceId={resourceId} />}
    </>
  );
}

function ReportProblem({ resourceId }: { resourceId: string }) {
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<keyof typeof REPORT_PROBLEMS>('wrong_number');
  const [note, setNote] = useState('');
  const [sent, setSent] = useState(false);
  const send = useSubmit(async () => {
    await post(`/resources/${resourceId}/reports`, { problem, note });
    setSent(true);
  });
  if (sent)
    return (
      <p class="notice" role="status">
        Thank you: the reviewers will look at it.
      </p>
    );
  if (!open)
    return (
      <button type="button" class="secondary" onClick={() => setOpen(true)}>
        Report a problem with this listing
      </button>
    );
  return (
    <Form submit={send.submit} error={send.error} label="Report a problem">
      <fieldset>
        <legend>What is wrong?</legend>
        {(Object.keys(REPORT_PROBLEMS) as (keyof typeof REPORT_PROBLEMS)[]).map((k) => (
          <label key={k}>
            <input type="radio" name="problem" checked={problem === k} onChange={() => setProblem(k)} />
            {REPORT_PROBLEMS[k]}
          </label>
        ))}
      </fieldset>
      <TextField
        label="Anything the reviewers should know (optional)"
        name="note"
        value={note}
        onValue={setNote}
        error={send.error}
        maxLength={1000}
      />
      <FormActions
        busy={send.busy}
        label="Send"
        cancel={{ label: 'Never mind', onClick: () => setOpen(false) }}
      />
    </Form>
  );
}
