/**
 * The support queue, for a group's facilitators, moderators and owners: members whose posts may
 * need support. Someone takes a request ("I'm on it"; the others see who), records what was done,
 * and closes it. Requests nobody takes go to every moderator and owner after the group's time.
 * @module
 */
import { useEffect, useState } from 'preact/hooks';
import type { GroupDetail } from '../../../functions/core/schemas/groups';
import type { SupportRequestView } from '../../../functions/core/schemas/support';
import type { SupportAction } from '../../../functions/core/support';
import { ApiError, get, post } from '../api';
import { RunButton, TextArea } from '../components/forms';
import { t, tx } from '../i18n';
import { label, labelled } from '../labels';
import { Loaded, usePaged } from '../load';
import { location, me } from '../state';
import { Back, ErrorSummary, SelectField, SignInFirst, Stamp, Status, usePage, useSubmit } from '../ui';

type Request = SupportRequestView;

/** What was done: noted while it is open, or noted as the request closes. */
function ActionForm({ r, onDone }: { r: Request; onDone: (r: Request, message: string) => void }) {
  const [action, setAction] = useState<SupportAction | ''>('');
  const [note, setNote] = useState('');
  const [closing, setClosing] = useState(false);
  const send = useSubmit(async () => {
    const after = await post<Request>(`/support/${r.requestId}/${closing ? 'close' : 'actions'}`, {
      ...(action ? { action } : {}),
      note,
    });
    setAction('');
    setNote('');
    onDone(after, closing ? t('support.closedFor', { name: r.member.displayName }) : t('support.noted'));
  });
  return (
    <form onSubmit={send.submit} noValidate aria-label={t('support.doneFor', { name: r.member.displayName })}>
      <ErrorSummary error={send.error} />
      <SelectField
        label={t('support.whatWasDone')}
        name="action"
        error={send.error}
        placeholder={t('support.chooseOne')}
        options={labelled('supportAction')}
        value={action}
        onValue={setAction}
      />
      <TextArea
        label={t('support.note')}
        name="note"
        error={send.error}
        value={note}
        onValue={setNote}
        max={1000}
        rows={2}
      />
      <div class="actions">
        <button type="submit" class="small secondary" disabled={send.busy} onClick={() => setClosing(false)}>
          {t('support.noteIt')}
        </button>
        <button type="submit" class="small" disabled={send.busy} onClick={() => setClosing(true)}>
          {t('support.noteAndClose')}
        </button>
      </div>
    </form>
  );
}

function RequestCard({
  r,
  me: myName,
  onChange,
}: {
  r: Request;
  /** The viewer's name in the group, so their own part reads "you". */
  me: string;
  onChange: (r: Request, message: string) => void;
}) {
  const take = useSubmit(async () => {
    try {
      onChange(await post<Request>(`/support/${r.requestId}/take`), t('support.tookIt'));
    } catch (e) {
      // Someone else was quicker: show who has it.
      if (!(e instanceof ApiError) || e.status !== 409) throw e;
      onChange(await get<Request>(`/support/${r.requestId}`), e.message);
    }
  });
  return (
    <li class={`card support ${r.status}`} id={`request-${r.requestId}`} tabIndex={-1}>
      <h2>{r.member.displayName}</h2>
      <p class="meta">
        {tx('support.opened', undefined, () => (
          <Stamp at={r.openedAt} />
        ))}
        {r.matchCount > 1 && (
          <>
            {' · '}
            {tx('support.matched', { count: r.matchCount }, () => (
              <Stamp at={r.lastMatchAt} />
            ))}
          </>
        )}
      </p>
      <p class="status-line">
        {r.status === 'closed' ? (
          tx('support.closedAt', undefined, () => <Stamp at={r.closedAt!} />)
        ) : r.takenBy ? (
          tx(
            r.takenBy.displayName === myName ? 'support.youAreOnIt' : 'support.theyAreOnIt',
            { name: r.takenBy.displayName },
            (c) => <strong>{c}</strong>,
            () => <Stamp at={r.takenAt!} />,
          )
        ) : r.escalatedAt ? (
          <strong>{t('support.escalated')}</strong>
        ) : (
          tx(
            'support.notTaken',
            undefined,
            (c) => <strong>{c}</strong>,
            () => <Stamp at={r.escalatesAt} />,
          )
        )}
      </p>
      <ul class="matched">
        {r.posts.map((p) => (
          <li key={p.postId}>
            {tx(
              'support.matchedPost',
              undefined,
              () => (
                <a href={p.href}>
                  {tx('support.postOf', undefined, () => (
                    <Stamp at={p.at} />
                  ))}
                </a>
              ),
              () => (
                <>{p.excerpt ?? <em>{t('support.deletedSince')}</em>}</>
              ),
            )}
          </li>
        ))}
      </ul>
      {r.conversationId && (
        <p>
          {tx('support.askedToReach', { name: r.member.displayName }, (c) => (
            <a href={`/conversations/${r.conversationId}`}>{c}</a>
          ))}
        </p>
      )}
      {r.actions.length > 0 && (
        <ul class="actions-done">
          {r.actions.map((a) => (
            <li key={a.at}>
              {tx(
                a.note ? 'support.actionWithNote' : 'support.action',
                { action: label('supportAction', a.action), by: a.by.displayName },
                () => (
                  <Stamp at={a.at} />
                ),
                () => (
                  <>{a.note}</>
                ),
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorSummary error={take.error} />
      {r.status === 'open' && <RunButton run={take}>{t('support.take')}</RunButton>}
      {r.status !== 'closed' && <ActionForm r={r} onDone={onChange} />}
    </li>
  );
}

export function SupportPage({ groupId }: { groupId: string }) {
  const closed = location.value.searchParams.get('status') === 'closed';
  const h = usePage(closed ? t('support.closedTitle') : t('support.title'));
  const [group, setGroup] = useState<GroupDetail | null>(null);
  const [done, setDone] = useState<string | null>(null);
  /** The request a notification led to, when it is not among these (taken and closed since). */
  const [followed, setFollowed] = useState<Request | null>(null);
  const { items, setItems, error, reload, more } = usePaged<Request>(
    me.value ? `/groups/${groupId}/support${closed ? '?status=closed' : ''}` : null,
  );
  useEffect(() => {
    if (me.value) void get<GroupDetail>(`/groups/${groupId}`).then(setGroup);
  }, [groupId, me.value?.userId]);
  useEffect(() => setDone(null), [closed]);
  // A notification leads to one request: bring it into view, with the keyboard, once the list is
  // there; one closed since is shown on its own, so the person sees what became of it.
  useEffect(() => {
    const id = location.value.hash.slice(1);
    if (!items || !id.startsWith('request-')) return;
    const card = document.getElementById(id);
    if (card) {
      card.scrollIntoView({ block: 'start' });
      card.focus({ preventScroll: true });
    } else if (!followed)
      void get<Request>(`/support/${id.slice(8)}`)
        .then(setFollowed)
        .catch(() => null);
  }, [items, followed]);
  const myName = group?.membership?.alias ?? me.value?.handle ?? '';
  if (me.value === null) return <SignInFirst title={t('support.title')} doing={t('support.signInToSee')} />;
  return (
    <>
      <Back href={`/groups/${groupId}`}>{group?.name ?? t('support.group')}</Back>
      <h1 ref={h} tabIndex={-1}>
        {closed ? t('support.closedTitle') : t('support.title')}
      </h1>
      <p>{t('support.intro')}</p>
      <p>
        {closed ? (
          <a href={`/groups/${groupId}/support`}>{t('support.openRequests')}</a>
        ) : (
          <a href={`/groups/${groupId}/support?status=closed`}>{t('support.closedRequests')}</a>
        )}{' '}
        ·{' '}
        <button
          type="button"
          class="secondary small"
          onClick={() => void reload().then(() => setDone(t('support.upToDate')))}
        >
          {t('support.refresh')}
        </button>
      </p>
      <Status message={done} />
      {followed && !items?.some((x) => x.requestId === followed.requestId) && (
        <section aria-labelledby="followed">
          <h2 id="followed">{t('support.followed')}</h2>
          <ul class="cards support-queue">
            <RequestCard
              r={followed}
              me={myName}
              onChange={(after, message) => {
                setFollowed(after);
                setDone(message);
              }}
            />
          </ul>
        </section>
      )}
      <Loaded
        error={error}
        items={items}
        empty={<p>{closed ? t('support.noneClosed') : t('support.noneOpen')}</p>}
      >
        {(items) => (
          <>
            <ul class="cards support-queue">
              {items.map((r) => (
                <RequestCard
                  key={r.requestId}
                  r={r}
                  me={myName}
                  onChange={(after, message) => {
                    setItems(
                      after.status === 'closed' && !closed
                        ? items.filter((x) => x.requestId !== after.requestId)
                        : items.map((x) => (x.requestId === after.requestId ? after : x)),
                    );
                    setDone(message);
                  }}
                />
              ))}
            </ul>
            {more}
          </>
        )}
      </Loaded>
    </>
  );
}
