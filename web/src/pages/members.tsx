import { useEffect, useState } from 'preact/hooks';
import { can, removalRefused } from '../../../functions/core/groups';
import type { GroupDetail, InviteView, MemberView } from '../../../functions/core/schemas/groups';
import type { ApiError } from '../api';
import { del, get, patch, post } from '../api';
import { Form, FormActions, RunButton } from '../components/forms';
import { ListSection } from '../components/list-section';
import { ROLE_NAMES } from '../labels';
import { ErrorSummary, Loading, Stamp, TooLong, usePage, useSubmit } from '../ui';
import { stamp } from '../when';

type Page = { items: MemberView[]; nextCursor: string | null };

export function MembersPage({ groupId }: { groupId: string }) {
  const [group, setGroup] = useState<GroupDetail | null>(null);
  const [members, setMembers] = useState<MemberView[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [invite, setInvite] = useState<string | null>(null);
  const [invites, setInvites] = useState<InviteView[]>([]);
  const h = usePage(group ? `Members of ${group.name}` : 'Members');

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
  const rank = Object.keys(ROLE_NAMES);
  const active = members
    .filter((m) => m.status === 'active')
    .sort(
      (a, b) => rank.indexOf(a.role) - rank.indexOf(b.role) || a.displayName.localeCompare(b.displayName),
    );

  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        Members of {group.name}
      </h1>
      <p>
        <a href={`/groups/${groupId}`}>Back to the group</a>
      </p>
      <ErrorSummary error={actError} />
      <ListSection
        id="requests"
        title="Requests to join"
        items={pending}
        empty="No one is waiting."
        listClass="cards"
        item={(m) => (
          <li class="card" key={m.userId}>
            <p>
              <strong>{m.displayName}</strong>{' '}
              <span class="meta">
                asked <Stamp at={m.joinedAt} day />
              </span>
            </p>
            <div class="actions">
              <button type="button" onClick={() => update(m.userId, { status: 'active' })}>
                Approve {m.displayName}
              </button>
              <button type="button" class="secondary" onClick={() => update(m.userId, { status: 'removed' })}>
                Decline
              </button>
            </div>
          </li>
        )}
      />
      <section aria-labelledby="list">
        <h2 id="list">Members ({active.length})</h2>
        <div class="table-wrap">
          <table class="stack">
            <thead>
              <tr>
                <th scope="col">Name in this group</th>
                <th scope="col">Role</th>
                <th scope="col">Joined</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {active.map((m) => (
                <tr key={m.userId}>
                  <td data-label="Name">{m.displayName}</td>
                  <td data-label="Role">
                    {can(group.membership, 'assign-roles') ? (
                      <select
                        aria-label={`Role of ${m.displayName}`}
                        value={m.role}
                        onChange={(e) => update(m.userId, { role: e.currentTarget.value })}
                      >
                        {Object.entries(ROLE_NAMES).map(([k, v]) => (
                          <option key={k} value={k}>
                            {v}
                          </option>
                        ))}
                      </select>
                    ) : (
                      ROLE_NAMES[m.role]
                    )}
                  </td>
                  <td data-label="Joined">
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
            More members
          </RunButton>
        )}
      </section>
      <section aria-labelledby="invites">
        <h2 id="invites">Invite someone</h2>
        <p>An invite link works for 7 days. Share it privately; anyone with it can ask to join.</p>
        <RunButton run={makeInvite} look="secondary">
          Create invite link
        </RunButton>
        <ErrorSummary error={makeInvite.error} />
        {invite && (
          <p>
            <label for="invite-url">Invite link (shown once)</label>
            <input id="invite-url" readOnly value={invite} onFocus={(e) => e.currentTarget.select()} />
          </p>
        )}
        {invites.length > 0 && (
          <>
            <h3>Invite links</h3>
            <ul class="invites">
              {invites.map((i) => {
                const expired = Date.parse(i.expiresAt) <= Date.now();
                const state = i.revoked
                  ? 'withdrawn'
                  : expired
                    ? 'expired'
                    : `works until ${stamp(i.expiresAt)}`;
                return (
                  <li key={i.inviteId}>
                    <span>
                      Created <Stamp at={i.createdAt} day />, {state}
                    </span>{' '}
                    {!i.revoked && !expired && (
                      <button type="button" class="secondary" onClick={() => withdraw(i.inviteId)}>
                        Withdraw
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

const PAUSES = [
  [1, 'an hour'],
  [24, 'a day'],
  [72, 'three days'],
  [168, 'a week'],
] as const;

/** A moderator pauses a member's posting for a while (they still read), or lets them post again. */
function PausePosting({ groupId, m, onDone }: { groupId: string; m: MemberView; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [hours, setHours] = useState('24');
  const [reason, setReason] = useState('');
  const act = useSubmit(async () => {
    await post(
      `/groups/${groupId}/members/${m.userId}/${m.silencedUntil ? 'unsilence' : 'silence'}`,
      m.silencedUntil ? { reason: reason || 'Paused long enough' } : { hours: Number(hours), reason },
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
            Paused until <Stamp at={m.silencedUntil} />
          </span>
        )}
        <button
          type="button"
          class="secondary"
          onClick={() => setOpen(true)}
          aria-label={`${m.silencedUntil ? 'Let them post again' : 'Pause posting'}: ${m.displayName}`}
        >
          {m.silencedUntil ? 'Let them post again' : 'Pause posting'}
        </button>
      </>
    );
  return (
    <Form class="reason" submit={act.submit} error={act.error}>
      {!m.silencedUntil && (
        <div class="field">
          <label for={`pause-${m.userId}`}>Pause {m.displayName}’s posting for</label>
          <select id={`pause-${m.userId}`} value={hours} onChange={(e) => setHours(e.currentTarget.value)}>
            {PAUSES.map(([h, label]) => (
              <option key={h} value={h}>
                {label}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="field">
        <label for={`pause-why-${m.userId}`}>Why? (they are told; kept in the moderation log)</label>
        <input
          id={`pause-why-${m.userId}`}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
        <TooLong value={reason} max={300} />
      </div>
      <FormActions
        busy={act.busy}
        label={m.silencedUntil ? 'Let them post again' : 'Pause posting'}
        cancel={{ label: 'Never mind', onClick: () => setOpen(false) }}
      />
    </Form>
  );
}

/** Removing a member asks first, and says what goes with them. */
function RemoveMember({ name, onRemove }: { name: string; onRemove: () => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" class="secondary" onClick={() => setAsking(true)} aria-label={`Remove ${name}`}>
        Remove
      </button>
    );
  return (
    <span class="actions">
      <span>
        Remove {name}? Their places at upcoming meetups go to the next in line, and any duties back to the
        roster.
      </span>
      <button type="button" class="danger" onClick={() => void onRemove()}>
        Yes, remove
      </button>
      <button type="button" class="secondary" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
