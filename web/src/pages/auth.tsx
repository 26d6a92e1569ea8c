import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Me } from '../../../functions/core/schemas/accounts';
import { type ApiError, post } from '../api';
import { Form, SubmitButton } from '../components/forms';
import { NewPassphraseField, PassphraseField } from '../components/passphrase';
import { locale, t, tx } from '../i18n';
import { flash, leaveGuard, loadMe, location, me, navigate } from '../state';
import { TextField, usePage, useSubmit } from '../ui';

/** Where to go after signing in: back to the page that sent you here, if it is one of ours. */
function returnTo(otherwise = '/'): string {
  const next = location.value.searchParams.get('next');
  return next?.startsWith('/') && !next.startsWith('//') ? next : otherwise;
}

function RecoveryCodes({ handle, codes }: { handle: string; codes: string[] }) {
  const h = usePage(t('auth.codesTitle'));
  const [saved, setSaved] = useState(false);
  // They are shown once: a click on the menu before they are kept would lose them for good.
  useEffect(() => {
    leaveGuard.ask = saved ? null : t('auth.leaveUnsaved');
    return () => {
      leaveGuard.ask = null;
    };
  }, [saved, locale.value]);
  const href = useMemo(() => {
    const text = `${t('auth.codesFile', { handle })}\n\n${codes.join('\n')}\n`;
    return URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  }, [handle, codes, locale.value]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  return (
    <section aria-labelledby="codes-title">
      <h1 id="codes-title" ref={h} tabIndex={-1}>
        {t('auth.codesTitle')}
      </h1>
      <p class="lead">
        {tx('auth.codesLead', undefined, (c) => (
          <strong>{c}</strong>
        ))}
      </p>
      <ol class="codes card" aria-label={t('auth.codesList')}>
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      <div class="actions">
        <a class="button secondary" href={href} download="hearth-recovery-codes.txt">
          {t('auth.download')}
        </a>
      </div>
      <p>{t('auth.keepPrivate')}</p>
      <label class="check">
        <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.currentTarget.checked)} />
        {t('auth.codesSaved')}
      </label>
      <p>
        <button type="button" disabled={!saved} onClick={() => navigate(returnTo('/welcome'))}>
          {t('auth.continue')}
        </button>
      </p>
    </section>
  );
}

/** The handle an account is known by (never a name, unless the person chooses one). */
function HandleField(props: {
  value: string;
  onValue: (v: string) => void;
  error: ApiError | null;
  hint?: string;
}) {
  return <TextField label={t('auth.handle')} name="handle" autocomplete="username" {...props} />;
}

export function SignUpPage() {
  const h = usePage(t('auth.joinTitle'));
  const [handle, setHandle] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const { busy, error, submit } = useSubmit(async () => {
    const res = await post<{ user: Me; recoveryCodes: string[] }>('/auth/signup', { handle, passphrase });
    setCodes(res.recoveryCodes);
    me.value = res.user;
  });
  if (codes) return <RecoveryCodes handle={handle} codes={codes} />;
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {t('auth.joinTitle')}
      </h1>
      <p class="lead">{t('auth.joinLead')}</p>
      <Form submit={submit} error={error}>
        <HandleField value={handle} onValue={setHandle} error={error} hint={t('auth.handleHint')} />
        <NewPassphraseField
          label={t('auth.passphrase')}
          name="passphrase"
          handle={handle}
          value={passphrase}
          onValue={setPassphrase}
          error={error}
        />
        <SubmitButton busy={busy} label={t('auth.create')} busyLabel={t('auth.creating')} />
        <p>
          {tx('auth.haveAccount', undefined, (c) => (
            <a href="/signin">{c}</a>
          ))}
        </p>
      </Form>
    </>
  );
}

export function SignInPage() {
  const h = usePage(t('auth.signInTitle'));
  const [handle, setHandle] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    // Who they are, as every page load asks it (with what the navigation needs: whether they facilitate).
    await post('/auth/login', { handle, passphrase });
    await loadMe();
    flash.value = t('auth.welcomeBack', { handle: me.value?.handle });
    navigate(returnTo());
  });
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {t('auth.signInTitle')}
      </h1>
      <Form submit={submit} error={error}>
        <HandleField value={handle} onValue={setHandle} error={error} />
        <PassphraseField
          label={t('auth.passphrase')}
          name="passphrase"
          value={passphrase}
          onValue={setPassphrase}
          error={error}
        />
        <SubmitButton busy={busy} label={t('auth.signIn')} busyLabel={t('auth.signingIn')} />
        <p>
          {tx(
            'auth.forgot',
            undefined,
            (c) => (
              <a href="/recover">{c}</a>
            ),
            (c) => (
              <a href="/signup">{c}</a>
            ),
          )}
        </p>
      </Form>
    </>
  );
}

export function RecoverPage() {
  const h = usePage(t('auth.recoverTitle'));
  const [handle, setHandle] = useState('');
  const [recoveryCode, setCode] = useState('');
  const [newPassphrase, setPassphrase] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    const res = await post<{ user: Me; recoveryCodesLeft: number }>('/auth/recover', {
      handle,
      recoveryCode,
      newPassphrase,
    });
    await loadMe();
    flash.value = t('auth.recovered', { count: res.recoveryCodesLeft });
    navigate('/account');
  });
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {t('auth.recoverTitle')}
      </h1>
      <p class="lead">{t('auth.recoverLead')}</p>
      <Form submit={submit} error={error}>
        <HandleField value={handle} onValue={setHandle} error={error} />
        <TextField
          label={t('auth.recoveryCode')}
          name="recoveryCode"
          hint={t('auth.recoveryCodeHint', { example: '7KQ2-M9XD-4HTR-BW3C' })}
          autocomplete="off"
          value={recoveryCode}
          onValue={setCode}
          error={error}
        />
        <NewPassphraseField
          label={t('auth.newPassphrase')}
          name="newPassphrase"
          handle={handle}
          value={newPassphrase}
          onValue={setPassphrase}
          error={error}
        />
        <SubmitButton busy={busy} label={t('auth.setNew')} busyLabel={t('auth.checking')} />
      </Form>
    </>
  );
}
