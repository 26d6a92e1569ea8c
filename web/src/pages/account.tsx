import { useEffect, useRef, useState } from 'preact/hooks';
import type { MyGroups } from '../../../functions/core/schemas/groups';
import { endingSession, get, post } from '../api';
import { RegionPreference } from '../components/crisis';
import { FormActions, RunButton } from '../components/forms';
import { MutedMembers } from '../components/mutes';
import { NewPassphraseField, PassphraseField } from '../components/passphrase';
import { ReachSection } from '../components/reach';
import { ReadingPreferences } from '../components/reading';
import { ROLE_NAMES } from '../labels';
import { useLoad } from '../load';
import { flash, me, navigate } from '../state';
import { ErrorSummary, Loading, Notice, SignInFirst, Stamp, usePage, useSubmit } from '../ui';

/** Signing out here or everywhere: what was kept for the session goes, and the home page says so. */
function useSignOut(path: string, said: string) {
  return useSubmit(async () => {
    endingSession();
    await post(path);
    me.value = null;
    flash.value = said;
    navigate('/');
  });
}

export function AccountPage() {
  const h = usePage('Your account');
  const [groups, failed] = useLoad(me.value ? async () => (await get<MyGroups>('/me/groups')).items : null, [
    me.value?.userId,
  ]);
  const [message] = useState(flash.value);
  useEffect(() => {
    flash.value = null;
  }, []);
  const signOut = useSignOut('/auth/logout', 'You are signed out.');
  const everywhere = useSignOut('/auth/logout-everywhere', 'You are signed out on every device.');

  if (me.value === undefined) return <Loading />;
  if (me.value === null) return <SignInFirst title="Your account" doing="see your account" />;
  return (
    <>
      <Notice message={message} />
      <h1 ref={h} tabIndex={-1}>
        {me.value.handle}
      </h1>
      <p class="meta">
        Member since <Stamp at={me.value.createdAt} day />
      </p>
      <section aria-labelledby="my-groups">
        <h2 id="my-groups">Your groups</h2>
        {!groups ? (
          <Loading error={failed} />
        ) : groups.length === 0 ? (
          <p>
            You have not joined a group yet. <a href="/">Find one</a>.
          </p>
        ) : (
          <ul>
            {groups.map((g) => (
              <li key={g.groupId}>
                <a href={`/groups/${g.groupId}`}>{g.name}</a>{' '}
                <span class="meta">
                  {g.status === 'pending' ? 'waiting for approval' : ROLE_NAMES[g.role].toLowerCase()}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ReachSection />
      <section aria-labelledby="crisis-lines">
        <h2 id="crisis-lines">Crisis lines</h2>
        <p>
          Choose where you are and Hearth shows you that country’s free crisis lines when a post sounds like
          things are really hard. It is never guessed from your connection.
        </p>
        <RegionPreference />
      </section>
      <section aria-labelledby="support">
        <h2 id="support">Your support</h2>
        <ul>
          <li>
            <a href="/me/safety-plan">My safety plan</a>: what helps you in a hard moment, for your eyes only.
          </li>
          <li>
            <a href="/me/conversations">Your conversations with facilitators</a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="professional">
        <h2 id="professional">If you are a mental-health professional</h2>
        <ProfessionalStanding />
      </section>
      <section aria-labelledby="reading">
        <h2 id="reading">Content warnings</h2>
        <ReadingPreferences />
      </section>
      <section aria-labelledby="muted">
        <h2 id="muted">Muted members</h2>
        <MutedMembers />
      </section>
      <section aria-labelledby="security">
        <h2 id="security">Security</h2>
        <p>
          Recovery codes left: <strong>{me.value.recoveryCodesLeft}</strong>.{' '}
          {me.value.recoveryCodesLeft < 3 && 'You are running low; keep the ones you have safe.'}
        </p>
        <ErrorSummary error={signOut.error ?? everywhere.error} />
        <div class="actions">
          <RunButton run={signOut} look="secondary">
            Sign out
          </RunButton>
          <RunButton run={everywhere} look="secondary">
            Sign out everywhere
          </RunButton>
        </div>
        <p class="hint">
          “Sign out everywhere” ends your sessions on every device, for example a shared computer.
        </p>
        <ChangePassphrase />
      </section>
      <section aria-labelledby="your-data">
        <h2 id="your-data">Your data</h2>
        <p>
          Everything Hearth keeps about you, as one file: your groups and aliases, RSVPs, duties, posts,
          settings and notifications. Nothing about anyone else, and none of your secrets.
        </p>
        <p>
          <a class="button secondary" href="/api/me/export" download>
            Download your data
          </a>
        </p>
      </section>
      <DeleteAccount />
    </>
  );
}

/** Deleting one's account, for good, after saying what goes and asking for the passphrase. */
function DeleteAccount() {
  const [open, setOpen] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const form = useRef<HTMLFormElement>(null);
  // Opening the confirmation puts the keyboard in its passphrase field.
  useEffect(() => {
    if (open) form.current?.querySelector('input')?.focus();
  }, [open]);
  const { busy, error, submit } = useSubmit(async () => {
    endingSession();
    await post('/me/delete', { passphrase });
    me.value = null;
    flash.value = 'Your account is deleted. Take care of yourself.';
    navigate('/');
  });
  return (
    <section aria-labelledby="delete-account">
      <h2 id="delete-account">Delete your account</h2>
      <p>
        This cannot be undone. Your places at meetups go to the next in line, any duties go back to the
        roster, you leave every group, the text of everything you posted is erased (“Post deleted” stays in
        its place), your calendar link stops working, and your account is gone. Your handle stays taken, so no
        one else can use it.
      </p>
      <p class="hint">If you are the only owner of a group, make someone else an owner first.</p>
      {!open ? (
        <button type="button" class="danger" onClick={() => setOpen(true)}>
          Delete my account…
        </button>
      ) : (
        <form ref={form} onSubmit={submit} noValidate aria-labelledby="delete-account">
          <ErrorSummary error={error} />
          <PassphraseField
            label="Your passphrase, to confirm"
            name="passphrase"
            value={passphrase}
            onValue={setPassphrase}
            error={error}
          />
          <FormActions
            busy={busy}
            label={busy ? 'Deleting…' : 'Delete my account for good'}
            look="danger"
            cancel={{ label: 'Keep my account', onClick: () => setOpen(false) }}
          />
        </form>
      )}
    </section>
  );
}

function ChangePassphrase() {
  const [currentPassphrase, setCurrent] = useState('');
  const [newPassphrase, setNew] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, submit } = useSubmit(async () => {
    await post('/me/passphrase', { currentPassphrase, newPassphrase });
    setCurrent('');
    setNew('');
    setDone(true);
  });
  return (
    <form onSubmit={submit} noValidate aria-labelledby="change-pass">
      <h3 id="change-pass">Change passphrase</h3>
      <ErrorSummary error={error} />
      {done && (
        <p class="notice" role="status">
          Passphrase changed. Your other devices are signed out.
        </p>
      )}
      <PassphraseField
        label="Current passphrase"
        name="currentPassphrase"
        value={currentPassphrase}
        onValue={setCurrent}
        error={error}
      />
      <NewPassphraseField
        label="New passphrase"
        name="newPassphrase"
        handle={me.value?.handle ?? ''}
        value={newPassphrase}
        onValue={setNew}
        error={error}
      />
      <p>
        <button type="submit" class="secondary" disabled={busy}>
          Change passphrase
        </button>
      </p>
    </form>
  );
}

/** Where they stand as a professional, and the one step that fits: apply, wait, or review others. */
function ProfessionalStanding() {
  const [standing, setStanding] = useState<{ status: string; admin?: boolean } | null>(null);
  useEffect(() => {
    void get<{ status: string; admin?: boolean }>('/me/professional')
      .then(setStanding)
      .catch(() => setStanding({ status: 'none' }));
  }, []);
  if (!standing) return null;
  const what =
    standing.status === 'verified'
      ? [
          'You are a verified professional',
          ': you check listings in the resource directory and may add a note under a post.',
        ]
      : standing.status === 'pending'
        ? ['Your application is waiting for review', ': you are told here when it is decided.']
        : [
            'Apply to be a verified professional',
            ': verified professionals check listings in the resource directory and may add a note under a post.',
          ];
  return (
    <>
      <p>
        <a href="/professional">{what[0]}</a>
        {what[1]}
      </p>
      {standing.admin && (
        <p>
          <a href="/admin/professionals">Review applications to be a verified professional</a> (platform
          admins).
        </p>
      )}
    </>
  );
}
