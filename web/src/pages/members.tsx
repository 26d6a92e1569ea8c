import { useEffect, useState } from 'preact/hooks';
import { can, removalRefused } from '../../../functions/core/groups';
import type { GroupDetail, InviteView, MemberView } from '../../../functions/core/schemas/groups';
import type { ApiError } from '../api';
import { del, get, patch, post } from '../api';
import { Form, FormActions, RunButton } from '../components/forms';
import { ListSection } from '../components/list-section';
import { t, tx } from '../i18n';
import { label, labelled } from '../labels';
import { ErrorSummary, Loading, Stamp, TooLong, usePage, useSubmit } from '../ui';
import { stamp } from '../when';

type Page = { items: MemberView[]; nextCursor: string | null };

export function MembersPage({ groupId }: { groupId: string }) {
  const [group, setGroup] = useState<GroupDetail | null>(null);
  const [members, setMembers] = useState<MemberView[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [invite, setInvite] = useState<string | null>(null);
  const [invites, setInvites] = useState<InviteView[]>([]);
  const h = usePage(group ? t('members.titleOf', { name: group.name }) : t('members.title'));

  const load = useSubmit(async () => {
    const [g, page, links] = await Promise.all([
      get<GroupDetail>(`/groups/${groupId}`),
      get<Page>(`/groups/${groupId}/members?limit=50`),
      get<{ items: InviteView[] }>(`/groups/${groupId}/invites`),
    ]);
    setGroup(g);
    setInvites(links.items);
    setMembers(page.items);
    setCursor(page.nextCursor);
  });
  const more = useSubmit(async () => {
    const page = await get<Page>(`/groups/${groupId}/members?limit=50&cursor=${cursor}`);
    setMembers([...(members ?? []), ...page.items]);
    setCursor(page.nextCursor);
  });
  const [actError, setActError] = useState<ApiError | null>(null);
  const update = async (userId: string, change: Record<string, string>) => {
    setActError(null);
    try {
      const updated = await patch<MemberView>(`/groups/${groupId}/members/${userId}`, change);
      setMembers((list) =>
        change.status === 'removed'
          ? (list ?? []).filter((m) => m.userId !== userId)
          : (list ?? []).map((m) => (m.userId === userId ? updated : m)),
      );
    } catch (e) {
      setActError(e as ApiError);
    }
  };
  const makeInvite = useSubmit(async () => {
    const res = await post<InviteView & { url: string }>(`/groups/${groupId}/invites`, {
      expiresInHours: 168,
    });
    setInvite(res.url);
    setInvites([res, ...invites]);
  });
  const withdraw = async (inviteId: string) => {
    setActError(null);
    try {
      await del(`/groups/${groupId}/invites/${inviteId}`);
      setInvites((list) => list.map((i) => (i.inviteId === inviteId ? { ...i, revoked: true } : i)));
    } catch (e) {
      setActError(e as ApiError);
    }
  };
  useEffect(() => {
    void load.submit();
  }, [groupId]);

  if (load.error) return <ErrorSummary error={load.error} />;
  if (!group || !members) return <Loading />;
  const pending = members.filter((m) => m.status === 'pending');
  const roles = labelled('role');
  const rank = roles.map(([k]) => k as string);
  const active = members
    .filter((m) => m.status === 'active')
    .sort(
      (a, b) => rank.indexOf(a.role) - rank.indexOf(b.role) || a.displayName.localeCompare(b.displayName),
    );

  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {t('members.titleOf', { name: group.name })}
      </h1>
      <p>
        <a href={`/groups/${groupId}`}>{t('members.back')}</a>
      </p>
      <ErrorSummary error={actError} />
      <ListSection
        id="requests"
        title={t('members.requests')}
        items={pending}
        empty={t('members.noRequests')}
        listClass="cards"
        item={(m) => (
          <li class="card" key={m.userId}>
            <p>
              <strong>{m.displayName}</strong>{' '}
              <span class="meta">
                {tx('members.asked', undefined, () => (
                  <Stamp at={m.joinedAt} day />
                ))}
              </span>
            </p>
            <div class="actions">
              <button type="button" onClick={() => update(m.userId, { status: 'active' })}>
                {t('members.approve', { name: m.displayName })}
              </button>
              <button type="button" class="secondary" onClick={() => update(m.userId, { status: 'removed' })}>
                {t('members.decline')}
              </button>
            </div>
          </li>
        )}
      />
      <section aria-labelledby="list">
        <h2 id="list">{t('members.count', { count: active.length })}</h2>
        <div class="table-wrap">
          <table class="stack">
            <thead>
              <tr>
                <th scope="col">{t('members.nameColumn')}</th>
                <th scope="col">{t('members.role')}</th>
                <th scope="col">{t('members.joined')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('members.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {active.map((m) => (
                <tr key={m.userId}>
                  <td data-label={t('members.name')}>{m.displayName}</td>
                  <td data-label={t('members.role')}>
                    {can(group.membership, 'assign-roles') ? (
                      <select
                        aria-label={t('members.roleOf', { name: m.displayName })}
                        value={m.role}
                        onChange={(e) => update(m.userId, { role: e.currentTarget.value })}
                      >
                        {roles.map(([k, v]) => (
                          <option key={k} value={k}>
                            {v}
                          </option>
                        ))}
                      </select>
                    ) : (
                      label('role', m.role)
                    )}
                  </td>
                  <td data-label={t('members.joined')}>
                    <Stamp at={m.joinedAt} day />
                  </td>
                  <td>
                    <div class="actions">
                      {group.membership && !removalRefused(group.membership, m) && (
                        <RemoveMember
                          name={m.displayName}
                          onRemove={() => update(m.userId, { status: 'removed' })}
                        />
                      )}
                      {(m.role === 'member' || m.role === 'facilitator') && (
                        <PausePosting groupId={groupId} m={m} onDone={() => load.submit()} />
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {cursor && (
          <RunButton run={more} look="secondary">
            {t('members.more')}
          </RunButton>
        )}
      </section>
      <section aria-labelledby="invites">
        <h2 id="invites">{t('members.invite')}</h2>
        <p>{t('members.inviteBody')}</p>
        <RunButton run={makeInvite} look="secondary">
          {t('members.createInvite')}
        </RunButton>
        <ErrorSummary error={makeInvite.error} />
        {invite && (
          <p>
            <label for="invite-url">{t('members.inviteUrl')}</label>
            <input id="invite-url" readOnly value={invite} onFocus={(e) => e.currentTarget.select()} />
          </p>
        )}
        {invites.length > 0 && (
          <>
            <h3>{t('members.inviteLinks')}</h3>
            <ul class="invites">
              {invites.map((i) => {
                const expired = Date.parse(i.expiresAt) <= Date.now();
                const state = i.revoked ? 'withdrawn' : expired ? 'expired' : 'works';
                return (
                  <li key={i.inviteId}>
                    <span>
                      {tx('members.inviteState', { state, until: stamp(i.expiresAt) }, () => (
                        <Stamp at={i.createdAt} day />
                      ))}
                    </span>{' '}
                    {!i.revoked && !expired && (
                      <button type="button" class="secondary" onClick={() => withdraw(i.inviteId)}>
                        {t('members.withdraw')}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>
    </>
  );
}

/** How long a pause may last, in hours, and its name in the reader's language. */
const pauses = () =>
  [
    [1, t('members.pauseHour')],
    [24, t('members.pauseDay')],
    [72, t('members.pauseThreeDays')],
    [168, t('members.pauseWeek')],
  ] as const;

/** A moderator pauses a member's posting for a while (they still read), or lets them post again. */
function PausePosting({ groupId, m, onDone }: { groupId: string; m: MemberView; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [hours, setHours] = useState('24');
  const [reason, setReason] = useState('');
  const act = useSubmit(async () => {
    await post(
      `/groups/${groupId}/members/${m.userId}/${m.silencedUntil ? 'unsilence' : 'silence'}`,
      m.silencedUntil ? { reason: reason || t('members.pausedEnough') } : { hours: Number(hours), reason },
    );
    setOpen(false);
    setReason('');
    onDone();
  });
  if (!open)
    return (
      <>
        {m.silencedUntil && (
          <span class="meta">
            {tx('members.pausedUntil', undefined, () => (
              <Stamp at={m.silencedUntil!} />
            ))}
          </span>
        )}
        <button
          type="button"
          class="secondary"
          onClick={() => setOpen(true)}
          aria-label={
            m.silencedUntil
              ? t('members.unpauseName', { name: m.displayName })
              : t('members.pauseName', { name: m.displayName })
          }
        >
          {m.silencedUntil ? t('members.unpause') : t('members.pause')}
        </button>
      </>
    );
  return (
    <Form class="reason" submit={act.submit} error={act.error}>
      {!m.silencedUntil && (
        <div class="field">
          <label for={`pause-${m.userId}`}>{t('members.pauseFor', { name: m.displayName })}</label>
          <select id={`pause-${m.userId}`} value={hours} onChange={(e) => setHours(e.currentTarget.value)}>
            {pauses().map(([h, name]) => (
              <option key={h} value={h}>
                {name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="field">
        <label for={`pause-why-${m.userId}`}>{t('members.pauseWhy')}</label>
        <input
          id={`pause-why-${m.userId}`}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
        <TooLong value={reason} max={300} />
      </div>
      <FormActions
        busy={act.busy}
        label={m.silencedUntil ? t('members.unpause') : t('members.pause')}
        cancel={{ label: t('members.neverMind'), onClick: () => setOpen(false) }}
      />
    </Form>
  );
}

/** Removing a member asks first, and says what goes with them. */
function RemoveMember({ name, onRemove }: { name: string; onRemove: () => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button
        type="button"
        class="secondary"
        onClick={() => setAsking(true)}
        aria-label={t('members.removeName', { name })}
      >
        {t('members.remove')}
      </button>
    );
  return (
    <span class="actions">
      <span>{t('members.removeAsk', { name })}</span>
      <button type="button" class="danger" onClick={() => void onRemove()}>
        {t('members.removeYes')}
      </button>
      <button type="button" class="secondary" onClick={() => setAsking(false)}>
        {t('members.cancel')}
      </button>
    </span>
  );
}
