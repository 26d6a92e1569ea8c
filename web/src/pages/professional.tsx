/**
 * Verified professionals in the web app: applying (linked from the account page), and the
 * platform admins' own page for deciding applications; the applicant is told the decision.
 * @module
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { get, post } from '../api';
import { Form } from '../components/forms';
import { t } from '../i18n';
import { me } from '../state';
import { ErrorSummary, Loading, SignInFirst, TextField, usePage, useSubmit } from '../ui';

type Standing = { status: string; admin?: boolean; reason?: string | null };

export function ProfessionalPage() {
  const h = usePage(t('professional.title'));
  const [standing, setStanding] = useState<Standing | null>(null);
  const [f, setF] = useState({ licenceType: '', licenceNumber: '', jurisdiction: '', note: '' });
  const load = async () => setStanding(await get<Standing>('/me/professional'));
  useEffect(() => {
    if (me.value) void load();
  }, [me.value?.userId]);
  // Sent: the form goes, and the keyboard goes to what says the application is in.
  const pending = useRef<HTMLParagraphElement>(null);
  const [applied, setApplied] = useState(false);
  useEffect(() => {
    if (applied) pending.current?.focus();
  }, [applied, standing]);
  const apply = useSubmit(async () => {
    await post('/me/professional-application', f);
    await load();
    setApplied(true);
  });
  if (me.value === null)
    return <SignInFirst title={t('professional.title')} doing={t('professional.signInDoing')} />;
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const status = standing?.status ?? null;
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {t('professional.title')}
      </h1>
      <p>{t('professional.intro')}</p>
      {standing?.admin && (
        <p>
          <a href="/admin/professionals">{t('professional.adminLink')}</a>
        </p>
      )}
      {status === null ? (
        <Loading />
      ) : status === 'verified' ? (
        <p class="notice">{t('professional.youAreVerified')}</p>
      ) : status === 'pending' ? (
        <p class="notice" role="status" tabIndex={-1} ref={pending}>
          {t('professional.pending')}
        </p>
      ) : (
        <Form submit={apply.submit} error={apply.error}>
          {status === 'declined' && (
            <p class="alert">
              {standing?.reason
                ? t('professional.declinedBecause', { reason: standing.reason })
                : t('professional.declined')}
            </p>
          )}
          <TextField
            label={t('professional.licenceType')}
            name="licenceType"
            value={f.licenceType}
            onValue={set('licenceType')}
            error={apply.error}
            maxLength={120}
          />
          <TextField
            label={t('professional.licenceNumber')}
            name="licenceNumber"
            value={f.licenceNumber}
            onValue={set('licenceNumber')}
            error={apply.error}
            maxLength={60}
          />
          <TextField
            label={t('professional.jurisdiction')}
            name="jurisdiction"
            value={f.jurisdiction}
            onValue={set('jurisdiction')}
            error={apply.error}
            maxLength={120}
          />
          <TextField
            label={t('professional.note')}
            name="note"
            value={f.note}
            onValue={set('note')}
            error={apply.error}
            maxLength={1000}
          />
          <button type="submit" aria-disabled={apply.busy}>
            {t('professional.apply')}
          </button>
        </Form>
      )}
    </>
  );
}

type Application = {
  userId: string;
  handle: string;
  licenceType: string;
  licenceNumber: string;
  jurisdiction: string;
  note: string;
};

/** The platform admins' page: applications waiting, each verified or declined with a reason. */
export function AdminProfessionalsPage() {
  const h = usePage(t('professional.adminTitle'));
  const [queue, setQueue] = useState<Application[] | null | 'forbidden'>(null);
  const [news, setNews] = useState<string | null>(null);
  const said = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (news) said.current?.focus();
  }, [news]);
  const load = () =>
    get<{ items: Application[] }>('/admin/professionals')
      .then((q) => setQueue(q.items))
      .catch(() => setQueue('forbidden'));
  useEffect(() => {
    if (me.value) void load();
  }, [me.value?.userId]);
  if (me.value === null)
    return <SignInFirst title={t('professional.adminTitle')} doing={t('professional.adminSignInDoing')} />;
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {t('professional.adminTitle')}
      </h1>
      {news && (
        <p class="notice" role="status" tabIndex={-1} ref={said}>
          {news}
        </p>
      )}
      {queue === null ? (
        <Loading />
      ) : queue === 'forbidden' ? (
        <p class="alert">{t('professional.adminsOnly')}</p>
      ) : queue.length === 0 ? (
        <p>{t('professional.noneWaiting')}</p>
      ) : (
        <ul class="cards">
          {queue.map((a) => (
            <Decide
              key={a.userId}
              a={a}
              onDone={async (said) => {
                await load();
                setNews(said);
              }}
            />
          ))}
        </ul>
      )}
    </>
  );
}

function Decide({ a, onDone }: { a: Application; onDone: (said: string) => Promise<void> }) {
  const [reason, setReason] = useState('');
  const verdict = useRef(false);
  const decide = useSubmit(async () => {
    const verified = verdict.current;
    await post(`/admin/professionals/${a.userId}/verify`, { verified, reason });
    await onDone(
      verified
        ? t('professional.verifiedNews', { handle: a.handle })
        : t('professional.declinedNews', { handle: a.handle }),
    );
  });
  return (
    <li class="card">
      <h2>{a.handle}</h2>
      <p>
        {a.licenceType}, {a.licenceNumber}, {a.jurisdiction}
      </p>
      {a.note && <p class="meta">{a.note}</p>}
      <ErrorSummary error={decide.error} />
      <TextField
        label={t('professional.reason', { handle: a.handle })}
        name="reason"
        value={reason}
        onValue={setReason}
        error={decide.error}
        maxLength={500}
      />
      <div class="actions">
        {([true, false] as const).map((verified) => (
          <button
            key={String(verified)}
            type="button"
            class={verified ? undefined : 'secondary'}
            aria-disabled={decide.busy}
            onClick={() => {
              verdict.current = verified;
              void decide.submit();
            }}
          >
            {verified
              ? t('professional.verify', { handle: a.handle })
              : t('professional.decline', { handle: a.handle })}
          </button>
        ))}
      </div>
    </li>
  );
}
