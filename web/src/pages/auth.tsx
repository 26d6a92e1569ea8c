import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Me } from '../../../functions/core/schemas/accounts';
import { type ApiError, post } from '../api';
import { Form, SubmitButton } from '../components/forms';
import { NewPassphraseField, PassphraseField } from '../components/passphrase';
import { flash, leaveGuard, loadMe, location, me, navigate } from '../state';
import { TextField, usePage, useSubmit } from '../ui';

/** Where to go after signing in: back to the page that sent you here, if it is one of ours. */
function returnTo(otherwise = '/'): string {
  const next = location.value.searchParams.get('next');
  return next?.startsWith('/') && !next.startsWith('//') ? next : otherwise;
}

function RecoveryCodes({ handle, codes }: { handle: string; codes: string[] }) {
  const h = usePage('Save your recovery codes');
  const [saved, setSaved] = useState(false);
  // They are shown once: a click on the menu before they are kept would lose them for good.
  useEffect(() => {
    leaveGuard.ask = saved
      ? null
      : 'Your recovery codes are shown only now, and are the only way back into your account if you forget your passphrase. Leave without saving them?';
    return () => {
      leaveGuard.ask = null;
    };
  }, [saved]);
  const href = useMemo(() => {
    const text = `Hearth recovery codes for ${handle}\nEach code works once.\n\n${codes.join('\n')}\n`;
    return URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  }, [handle, codes]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  return (
    <section aria-labelledby="codes-title">
      <h1 id="codes-title" ref={h} tabIndex={-1}>
        Save your recovery codes
      </h1>
      <p class="lead">
        Hearth never asks for your email, so these codes are the only way back into your account if you forget
        your passphrase. Each works once. <strong>They are shown only now.</strong>
      </p>
      <ol class="codes card" aria-label="Recovery codes">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      <div class="actions">
        <a class="button secondary" href={href} download="hearth-recovery-codes.txt">
          Download as a text file
        </a>
      </div>
      <p>Keep them somewhere private: a password manager, or on paper at home.</p>
      <label class="check">
        <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.currentTarget.checked)} />I have
        saved my recovery codes
      </label>
      <p>
        <button type="button" disabled={!saved} onClick={() => navigate(returnTo('/welcome'))}>
          Continue
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
  return <TextField label="Handle" name="handle" autocomplete="username" {...props} />;
}

export function SignUpPage() {
  const h = usePage('Join Hearth');
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
        Join Hearth
      </h1>
      <p class="lead">
        Choose a handle: it need not be your name. No email, no phone number. In each group you can also use a
        different alias.
      </p>
      <Form submit={submit} error={error}>
        <HandleField
          value={handle}
          onValue={setHandle}
          error={error}
          hint="3 to 32 letters, digits, dots, dashes or underscores."
        />
        <NewPassphraseField
          label="Passphrase"
          name="passphrase"
          handle={handle}
          value={passphrase}
          onValue={setPassphrase}
          error={error}
        />
        <SubmitButton busy={busy} label="Create account" busyLabel="Creating your account…" />
        <p>
          Already have an account? <a href="/signin">Sign in</a>.
        </p>
      </Form>
    </>
  );
}

export function SignInPage() {
  const h = usePage('Sign in');
  const [handle, setHandle] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    // Who they are, as every page load asks it (with what the navigation needs: whether they facilitate).
    await post('/auth/login', { handle, passphrase });
    await loadMe();
    flash.value = `Welcome back, ${me.value?.handle}.`;
    navigate(returnTo());
  });
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        Sign in
      </h1>
      <Form submit={submit} error={error}>
        <HandleField value={handle} onValue={setHandle} error={error} />
        <PassphraseField
          label="Passphrase"
          name="passphrase"
          value={passphrase}
          onValue={setPassphrase}
          error={error}
        />
        <SubmitButton busy={busy} label="Sign in" busyLabel="Signing in…" />
        <p>
          Forgot your passphrase? <a href="/recover">Use a recovery code</a>. New?{' '}
          <a href="/signup">Join Hearth</a>.
        </p>
      </Form>
    </>
  );
}

export function RecoverPage() {
  const h = usePage('Recover your account');
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
    flash.value = `Your passphrase is changed and other devices are signed out. ${res.recoveryCodesLeft} recovery codes left.`;
    navigate('/account');
  });
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        Recover your account
      </h1>
      <p class="lead">Use one of the recovery codes you saved when you joined. Each code works once.</p>
      <Form submit={submit} error={error}>
        <HandleField value={handle} onValue={setHandle} error={error} />
        <TextField
          label="Recovery code"
          name="recoveryCode"
          hint="Like 7KQ2-M9XD-4HTR-BW3C"
          autocomplete="off"
          value={recoveryCode}
          onValue={setCode}
          error={error}
        />
        <NewPassphraseField
          label="New passphrase"
          name="newPassphrase"
          handle={handle}
          value={newPassphrase}
          onValue={setPassphrase}
          error={error}
        />
        <SubmitButton busy={busy} label="Set new passphrase" busyLabel="Checking…" />
      </Form>
    </>
  );
}
