import { useEffect, useState } from 'preact/hooks';
import { can, INVITE_HEADER } from '../../../functions/core/groups';
import { canSchedule, canSeeAttendees } from '../../../functions/core/meetups';
import type { GroupDetail } from '../../../functions/core/schemas/groups';
import { ApiError, del, get, post } from '../api';
import { AskFacilitator } from '../components/crisis';
import { Form } from '../components/forms';
import { UpcomingMeetups } from '../components/occurrence-cards';
import { crisisHref, list, t, tx } from '../i18n';
import { label, languageName, sizeName } from '../labels';
import { landed } from '../landed';
import { flash, location, me } from '../state';
import { ErrorSummary, Field, Loading, Notice, TooLong, usePage, useSubmit } from '../ui';
import { zoneText } from '../when';

export function GroupPage({ groupId }: { groupId: string }) {
  // Invite links carry the token in the fragment, which browsers never send to a server.
  const invite = new URLSearchParams(location.value.hash.slice(1)).get('invite') ?? undefined;
  // As the server rendered it for a visitor, if this is the visit's first page: read again on
  // opening all the same, since a member sees more of it.
  const [group, setGroup] = useState<GroupDetail | null | undefined>(() =>
    invite ? undefined : landed<GroupDetail>(`/groups/${groupId}`),
  );
  // Until it is read again, the page is what a visitor sees: whether a signed-in person is a
  // member is not known yet, so they are not offered to join meanwhile.
  const [asVisitor, setAsVisitor] = useState(group !== undefined);
  const [failed, setFailed] = useState<string | null>(null);
  const load = async () => {
    try {
      setGroup(await get<GroupDetail>(`/groups/${groupId}`, invite ? { [INVITE_HEADER]: invite } : {}));
      setAsVisitor(false);
      setFailed(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setGroup(null);
      else setFailed((e as Error).message);
    }
  };
  useEffect(() => {
    void load();
  }, [groupId, invite, me.value?.userId]);

  const h = usePage(group ? group.name : t('group.title'));
  const [message] = useState(flash.value);
  useEffect(() => {
    flash.value = null;
  }, []);
  if (group === undefined && failed)
    return (
      <>
        <h1 ref={h} tabIndex={-1}>
          {t('group.title')}
        </h1>
        <p class="alert" role="alert">
          {failed}
        </p>
      </>
    );
  if (group === undefined) return <Loading />;
  if (group === null) {
    return (
      <>
        <h1 ref={h} tabIndex={-1}>
          {t('group.notFound')}
        </h1>
        <p>{t('group.notFoundBody')}</p>
      </>
    );
  }
  const m = group.membership;
  const active = m?.status === 'active';
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {group.name}
      </h1>
      <Notice message={message} />
      <ul class="tags" aria-label={t('group.focus')}>
        {group.focus.map((f) => (
          <li key={f}>{label('focus', f)}</li>
        ))}
      </ul>
      <p class="meta">
        {group.visibility === 'private' ? `${t('group.private')} · ` : ''}
        {group.area ? `${group.area} · ` : ''}
        {label('join', group.joinPolicy)} · {sizeName(group.sizeBand)} ·{' '}
        {t('group.timesIn', { zone: zoneText(group.timezone) })}
      </p>
      <p class="meta">{t('directory.inLanguages', { languages: list(group.languages.map(languageName)) })}</p>
      {m && (
        <p class="notice" role="status">
          {m.status === 'pending'
            ? t('group.pending')
            : m.alias
              ? t('group.yourRoleAlias', { role: label('role', m.role), alias: m.alias })
              : t('group.yourRole', { role: label('role', m.role) })}
        </p>
      )}
      <section aria-labelledby="about">
        <h2 id="about">{t('group.about')}</h2>
        <p class="guidelines">{group.description}</p>
        {group.researchShare && <p class="meta">{t('group.researchShare')}</p>}
        <dl>
          <dt>
            <strong>{t('group.tone', { tone: label('tone', group.tone) })}</strong>
          </dt>
          <dd>{label('toneText', group.tone)}</dd>
          <dt>
            <strong>{label('moderation', group.moderationPolicy)}</strong>
          </dt>
          <dd>{label('policy', group.moderationPolicy)}</dd>
        </dl>
      </section>
      <section aria-labelledby="kept">
        <h2 id="kept">{t('group.kept')}</h2>
        <dl>
          <dt>
            <strong>{t('group.keptThreads')}</strong>
          </dt>
          <dd>
            {group.discussionMonths === null
              ? t('group.threadsKept')
              : t('group.threadsErased', { months: group.discussionMonths })}
          </dd>
          <dt>
            <strong>{t('group.keptAttendance')}</strong>
          </dt>
          <dd>{t('group.attendanceErased', { months: group.attendanceMonths })}</dd>
        </dl>
      </section>
      {(group.visibility === 'public' || active) && (
        <UpcomingMeetups groupId={group.groupId} canSchedule={canSchedule(m)} />
      )}
      <section aria-labelledby="guidelines">
        <h2 id="guidelines">{t('group.guidelines')}</h2>
        <div class="card guidelines">{group.guidelines}</div>
      </section>
      {!m && !(asVisitor && me.value) && <JoinForm group={group} invite={invite} onJoined={load} />}
      {m && (
        <section aria-labelledby="manage">
          <h2 id="manage" class="visually-hidden">
            {t('group.membership')}
          </h2>
          <div class="actions">
            {active && (
              <a class="button" href={`/groups/${group.groupId}/threads`}>
                {t('group.discussions')}
              </a>
            )}
            {can(m, 'edit') && (
              <a class="button secondary" href={`/groups/${group.groupId}/edit`}>
                {t('group.edit')}
              </a>
            )}
            {can(m, 'review-members') && (
              <a class="button secondary" href={`/groups/${group.groupId}/members`}>
                {t('group.members')}
              </a>
            )}
            {canSeeAttendees(m) && (
              <a class="button secondary" href={`/groups/${group.groupId}/roster`}>
                {t('group.roster')}
              </a>
            )}
            {canSeeAttendees(m) && (
              <a class="button secondary" href={`/groups/${group.groupId}/support`}>
                {t('group.support')}
              </a>
            )}
            {canSeeAttendees(m) && (
              <a class="button secondary" href={`/groups/${group.groupId}/conversations`}>
                {t('group.conversations')}
              </a>
            )}
            {can(m, 'schedule') && (
              <a class="button secondary" href={`/groups/${group.groupId}/outcomes`}>
                {t('group.outcomes')}
              </a>
            )}
            {can(m, 'moderate') && (
              <a class="button secondary" href={`/groups/${group.groupId}/moderation`}>
                {t('group.moderation')}
              </a>
            )}
            <LeaveButton group={group} onLeft={load} />
          </div>
        </section>
      )}
      {active && (
        <section aria-labelledby="talk">
          <h2 id="talk">{t('group.talk')}</h2>
          <p>{t('group.talkBody')}</p>
          <AskFacilitator groupId={group.groupId} label={t('group.talkButton')} />
          <p class="meta">
            {tx(
              'group.talkMeta',
              undefined,
              (c) => (
                <a href="/me/conversations">{c}</a>
              ),
              (c) => (
                <a href={crisisHref()}>{c}</a>
              ),
            )}
          </p>
        </section>
      )}
    </>
  );
}

function JoinForm({
  group,
  invite,
  onJoined,
}: {
  group: GroupDetail;
  invite?: string;
  onJoined: () => void;
}) {
  const [accept, setAccept] = useState(false);
  const [alias, setAlias] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    await post(`/groups/${group.groupId}/members`, {
      acceptGuidelines: accept ? true : undefined,
      ...(alias.trim() ? { alias: alias.trim() } : {}),
      ...(invite ? { invite } : {}),
    });
    onJoined();
  });
  // Not yet known who this is (the page as the server drew it, or the app's first moments): a
  // member is never first told to sign in.
  if (me.value === undefined) return null;
  if (!me.value) {
    const next = encodeURIComponent(location.value.pathname + location.value.search + location.value.hash);
    return (
      <p>
        {tx(
          'group.signInToJoin',
          undefined,
          (c) => (
            <a href={`/signup?next=${next}`}>{c}</a>
          ),
          (c) => (
            <a href={`/signin?next=${next}`}>{c}</a>
          ),
        )}
      </p>
    );
  }
  if (group.joinPolicy === 'invite' && !invite) {
    return <p>{t('group.byInvitation')}</p>;
  }
  return (
    <section aria-labelledby="join">
      <h2 id="join">{t('group.joinHeading')}</h2>
      <Form submit={submit} error={error}>
        <Field
          label={t('group.alias')}
          name="alias"
          hint={t('group.aliasHint', { handle: me.value.handle })}
          error={error}
        >
          {(a) => (
            <>
              <input {...a} value={alias} onInput={(e) => setAlias(e.currentTarget.value)} />
              <TooLong value={alias} max={32} />
            </>
          )}
        </Field>
        <label class="check">
          <input
            type="checkbox"
            checked={accept}
            onChange={(e) => setAccept(e.currentTarget.checked)}
            aria-describedby="accept-err"
          />
          {t('group.accept')}
        </label>
        {error?.field('acceptGuidelines') && (
          <span id="accept-err" class="error">
            {error.field('acceptGuidelines')}
          </span>
        )}
        <p>
          <button type="submit" disabled={busy}>
            {group.joinPolicy === 'approval' ? t('group.askToJoin') : t('group.join')}
          </button>
        </p>
      </Form>
    </section>
  );
}

function LeaveButton({ group, onLeft }: { group: GroupDetail; onLeft: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const { busy, error, submit } = useSubmit(async () => {
    await del(`/groups/${group.groupId}/members/me`);
    setConfirming(false);
    onLeft();
  });
  const pending = group.membership?.status === 'pending';
  return (
    <>
      {!confirming ? (
        <button type="button" class="secondary" onClick={() => setConfirming(true)}>
          {pending ? t('group.withdrawRequest') : t('group.leave')}
        </button>
      ) : (
        <span class="actions">
          <span>{pending ? t('group.withdrawAsk') : t('group.leaveAsk')}</span>
          <button type="button" class="danger" disabled={busy} onClick={() => submit()}>
            {pending ? t('group.withdrawYes') : t('group.leaveYes')}
          </button>
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>
            {t('group.cancel')}
          </button>
        </span>
      )}
      <ErrorSummary error={error} />
    </>
  );
}
