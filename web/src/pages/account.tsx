import { useEffect, useRef, useState } from 'preact/hooks';
import type { MyGroups } from '../../../functions/core/schemas/groups';
import { endingSession, get, post } from '../api';
import { RegionPreference } from '../components/crisis';
import { FormActions, RunButton } from '../components/forms';
import { Languages } from '../components/languages';
import { MutedMembers } from '../components/mutes';
import { NewPassphraseField, PassphraseField } from '../components/passphrase';
import { ReachSection } from '../components/reach';
import { ReadingPreferences } from '../components/reading';
import { t, tx } from '../i18n';
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
  const h = usePage(t('account.title'));
  const [groups, failed] = useLoad(me.value ? async () => (await get<MyGroups>('/me/groups')).items : null, [
    me.value?.userId,
  ]);
  const [message] = useState(flash.value);
  useEffect(() => {
    flash.value = null;
  }, []);
  const signOut = useSignOut('/auth/logout', t('account.signedOut'));
  const everywhere = useSignOut('/auth/logout-everywhere', t('account.signedOutEverywhere'));

  if (me.value === undefined) return <Loading />;
  if (me.value === null) return <SignInFirst title={t('account.title')} doing={t('account.signInDoing')} />;
  const { createdAt } = me.value;
  return (
    <>
      <Notice message={message} />
      <h1 ref={h} tabIndex={-1}>
        {me.value.handle}
      </h1>
      <p class="meta">
        {tx('account.memberSince', undefined, () => (
          <Stamp at={createdAt} day />
        ))}
      </p>
      <section aria-labelledby="my-groups">
        <h2 id="my-groups">{t('account.groups')}</h2>
        {!groups ? (
          <Loading error={failed} />
        ) : groups.length === 0 ? (
          <p>
            {tx('account.noGroups', undefined, (c) => (
              <a href="/">{c}</a>
            ))}
          </p>
        ) : (
          <ul>
            {groups.map((g) => (
              <li key={g.groupId}>
                <a href={`/groups/${g.groupId}`}>{g.name}</a>{' '}
                <span class="meta">
                  {g.status === 'pending' ? t('account.waiting') : t('account.role', { role: g.role })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ReachSection />
      <section aria-labelledby="language">
        <h2 id="language">{t('language.label')}</h2>
        <Languages saying />
      </section>
      <section aria-labelledby="crisis-lines">
        <h2 id="crisis-lines">{t('account.crisisLines')}</h2>
        <p>{t('account.crisisBody')}</p>
        <RegionPreference />
      </section>
      <section aria-labelledby="support">
        <h2 id="support">{t('account.support')}</h2>
        <ul>
          <li>
            {tx('account.safetyPlan', undefined, (c) => (
              <a href="/me/safety-plan">{c}</a>
            ))}
          </li>
          <li>
            <a href="/me/conversations">{t('account.conversations')}</a>
          </li>
          <li>
            <a href="/me/wellbeing">{t('account.wellbeing')}</a>
          </li>
        </ul>
      </section>
      <section aria-labelledby="professional">
        <h2 id="professional">{t('account.professional')}</h2>
        <ProfessionalStanding />
      </section>
      <section aria-labelledby="reading">
        <h2 id="reading">{t('account.warnings')}</h2>
        <ReadingPreferences />
      </section>
      <section aria-labelledby="muted">
        <h2 id="muted">{t('account.muted')}</h2>
        <MutedMembers />
      </section>
      <section aria-labelledby="security">
        <h2 id="security">{t('account.security')}</h2>
        <p>
          {tx('account.codesLeft', { count: me.value.recoveryCodesLeft }, (c) => (
            <strong>{c}</strong>
          ))}{' '}
          {me.value.recoveryCodesLeft < 3 && t('account.codesLow')}
        </p>
        <ErrorSummary error={signOut.error ?? everywhere.error} />
        <div class="actions">
          <RunButton run={signOut} look="secondary">
            {t('account.signOut')}
          </RunButton>
          <RunButton run={everywhere} look="secondary">
            {t('account.signOutEverywhere')}
          </RunButton>
        </div>
        <p class="hint">{t('account.signOutHint', { signOutEverywhere: t('account.signOutEverywhere') })}</p>
        <ChangePassphrase />
      </section>
      <section aria-labelledby="your-data">
        <h2 id="your-data">{t('account.data')}</h2>
        <p>{t('account.dataBody')}</p>
        <p>
          <a class="button secondary" href="/api/me/export" download>
            {t('account.download')}
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
    flash.value = t('account.deleted');
    navigate('/');
  });
  return (
    <section aria-labelledby="delete-account">
      <h2 id="delete-account">{t('account.delete')}</h2>
      <p>{t('account.deleteBody')}</p>
      <p class="hint">{t('account.deleteOwner')}</p>
      {!open ? (
        <button type="button" class="danger" onClick={() => setOpen(true)}>
          {t('account.deleteOpen')}
        </button>
      ) : (
        <form ref={form} onSubmit={submit} noValidate aria-labelledby="delete-account">
          <ErrorSummary error={error} />
          <PassphraseField
            label={t('account.deletePassphrase')}
            name="passphrase"
            value={passphrase}
            onValue={setPassphrase}
            error={error}
          />
          <FormActions
            busy={busy}
            label={busy ? t('account.deleting') : t('account.deleteForGood')}
            look="danger"
            cancel={{ label: t('account.keep'), onClick: () => setOpen(false) }}
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
      <h3 id="change-pass">{t('account.changeHeading')}</h3>
      <ErrorSummary error={error} />
      {done && (
        <p class="notice" role="status">
          {t('account.passphraseChanged')}
        </p>
      )}
      <PassphraseField
        label={t('account.currentPassphrase')}
        name="currentPassphrase"
        value={currentPassphrase}
        onValue={setCurrent}
        error={error}
      />
      <NewPassphraseField
        label={t('account.newPassphrase')}
        name="newPassphrase"
        handle={me.value?.handle ?? ''}
        value={newPassphrase}
        onValue={setNew}
        error={error}
      />
      <p>
        <button type="submit" class="secondary" disabled={busy}>
          {t('account.changeButton')}
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
      ? 'account.verified'
      : standing.status === 'pending'
        ? 'account.applicationPending'
        : 'account.apply';
  return (
    <>
      <p>
        {tx(what, undefined, (c) => (
          <a href="/professional">{c}</a>
        ))}
      </p>
      {standing.admin && (
        <p>
          {tx('account.reviewApplications', undefined, (c) => (
            <a href="/admin/professionals">{c}</a>
          ))}
        </p>
      )}
    </>
  );
}
