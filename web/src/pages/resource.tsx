/** A listing's page: its trust, a problem report, and verifying or removing it for those who may. @module */
import { useEffect, useState } from 'preact/hooks';
import type { REPORT_PROBLEMS } from '../../../functions/core/resources';
import { del, get, post } from '../api';
import { Form, FormActions, RunButton } from '../components/forms';
import { languagesOf, placeOf, Reach, type Resource, standingIn, Trust } from '../components/resource-parts';
import { t } from '../i18n';
import { label, labelled } from '../labels';
import { me, navigate } from '../state';
import { Back, ErrorSummary, Loading, TextField, usePage, useSubmit } from '../ui';

export function ResourcePage({ resourceId }: { resourceId: string }) {
  const [r, setR] = useState<Resource | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [professional, setProfessional] = useState(false);
  const [curator, setCurator] = useState(false);
  const h = usePage(r?.title ?? t('resource.title'));
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
          {t('resource.title')}
        </h1>
        <p class="alert" role="alert">
          {error}
        </p>
      </>
    );
  if (!r) return <Loading />;
  return (
    <>
      <Back href={`/resources${r.scope === 'global' ? '' : `?scope=${r.scope}`}`}>
        {t('resource.backToAll')}
      </Back>
      <h1 ref={h} tabIndex={-1}>
        {r.title}
      </h1>
      <Trust r={r} />
      <p>{r.description}</p>
      <Reach r={r} />
      <dl class="facts">
        <dt>{t('resource.kind')}</dt>
        <dd>{label('category', r.category)}</dd>
        <dt>{t('resource.where')}</dt>
        <dd>{placeOf(r)}</dd>
        {r.address && (
          <>
            <dt>{t('resource.address')}</dt>
            <dd>{r.address}</dd>
          </>
        )}
        {r.accessNotes && (
          <>
            <dt>{t('resource.access')}</dt>
            <dd>{r.accessNotes}</dd>
          </>
        )}
        {r.hours && (
          <>
            <dt>{t('resource.hours')}</dt>
            <dd>{r.hours}</dd>
          </>
        )}
        <dt>{t('resource.cost')}</dt>
        <dd>{label('cost', r.cost)}</dd>
        <dt>{t('resource.languages')}</dt>
        <dd>{languagesOf(r)}</dd>
        {r.audience && (
          <>
            <dt>{t('resource.audience')}</dt>
            <dd>{r.audience}</dd>
          </>
        )}
      </dl>
      {(professional || curator) && (
        <div class="actions">
          <ErrorSummary error={verify.error ?? list.error ?? remove.error} />
          {professional && (
            <RunButton run={verify}>
              {r.status === 'suggested' ? t('resource.verifyAndList') : t('resource.verifyAgain')}
            </RunButton>
          )}
          {curator && r.status === 'suggested' && !professional && (
            <RunButton run={list}>{t('resource.list')}</RunButton>
          )}
          {curator && (
            <RunButton run={remove} look="danger">
              {r.status === 'suggested' ? t('resource.turnDown') : t('resource.takeOut')}
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
        {t('resource.reportSent')}
      </p>
    );
  if (!open)
    return (
      <button type="button" class="secondary" onClick={() => setOpen(true)}>
        {t('resource.reportOpen')}
      </button>
    );
  return (
    <Form submit={send.submit} error={send.error} label={t('resource.reportLabel')}>
      <fieldset>
        <legend>{t('resource.whatIsWrong')}</legend>
        {labelled('problem').map(([k, name]) => (
          <label key={k}>
            <input type="radio" name="problem" checked={problem === k} onChange={() => setProblem(k)} />
            {name}
          </label>
        ))}
      </fieldset>
      <TextField
        label={t('resource.reportNote')}
        name="note"
        value={note}
        onValue={setNote}
        error={send.error}
        maxLength={1000}
      />
      <FormActions
        busy={send.busy}
        label={t('resource.send')}
        cancel={{ label: t('resource.neverMind'), onClick: () => setOpen(false) }}
      />
    </Form>
  );
}
