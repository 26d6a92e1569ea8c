import { useEffect, useState } from 'preact/hooks';
import { can, INVITE_HEADER } from '../../../functions/core/groups';
import { canSchedule, canSeeAttendees } from '../../../functions/core/meetups';
import { attendanceKeptText, discussionsKeptText } from '../../../functions/core/retention';
import type { GroupDetail } from '../../../functions/core/schemas/groups';
import { ApiError, del, get, post } from '../api';
import { AskFacilitator } from '../components/crisis';
import { Form } from '../components/forms';
import { UpcomingMeetups } from '../components/occurrence-cards';
import {
  FOCUS_TAGS,
  JOIN_NAMES,
  MODERATION_NAMES,
  MODERATION_POLICIES,
  ROLE_NAMES,
  TONE_NAMES,
  TONES,
} from '../labels';
import { flash, location, me } from '../state';
import { ErrorSummary, Field, Loading, Notice, TooLong, usePage, useSubmit } from '../ui';

export function GroupPage({ groupId }: { groupId: string }) {
  // Invite links carry the token in the fragment, which browsers never send to a server.
  const invite = new URLSearchParams(location.value.hash.slice(1)).get('invite') ?? undefined;
  const [group, setGroup] = useState<GroupDetail | null | undefined>(undefined);
  const [failed, setFailed] = useState<string | null>(null);
  const load = async () => {
    try {
      setGroup(await get<GroupDetail>(`/groups/${groupId}`, invite ? { [INVITE_HEADER]: invite } : {}));
      setFailed(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setGroup(null);
      else setFailed((e as Error).message);
    }
  };
  useEffect(() => {
    void load();
  }, [groupId, invite, me.value?.userId]);

  const h = usePage(group ? group.name : 'Group');
  const [message] = useState(flash.value);
  useEffect(() => {
    flash.value = null;
  }, []);
  if (group === undefined && failed)
    return (
      <>
        <h1 ref={h} tabIndex={-1}>
          Group
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
          Group not found
        </h1>
        <p>
          This group does not exist, or it is private. If someone invited you, open the full invite link they
          sent.
        </p>
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
      <ul class="tags" aria-label="Focus">
        {group.focus.map((f) => (
          <li key={f}>{FOCUS_TAGS[f]}</li>
        ))}
      </ul>
      <p class="meta">
        {group.visibility === 'private' ? 'Private group · ' : ''}
        {group.area ? `${group.area} · ` : ''}
        {JOIN_NAMES[group.joinPolicy]} · {group.sizeBand} · Times shown in {group.timezone.replace(/_/g, ' ')}
      </p>
      {m && (
        <p class="notice" role="status">
          {m.status === 'pending'
            ? 'You asked to join. A moderator will look at your request soon.'
            : `Your role here: ${ROLE_NAMES[m.role]}.${m.alias ? ` Others see you as “${m.alias}”.` : ''}`}
        </p>
      )}
      <section aria-labelledby="about">
        <h2 id="about">About</h2>
        <p class="guidelines">{group.description}</p>
        <dl>
          <dt>
            <strong>Tone: {TONE_NAMES[group.tone]}</strong>
          </dt>
          <dd>{TONES[group.tone]}</dd>
          <dt>
            <strong>{MODERATION_NAMES[group.moderationPolicy]}</strong>
          </dt>
          <dd>{MODERATION_POLICIES[group.moderationPolicy]}</dd>
        </dl>
      </section>
      <section aria-labelledby="kept">
        <h2 id="kept">What the group keeps</h2>
        <dl>
          <dt>
            <strong>Threads and posts</strong>
          </dt>
          <dd>{discussionsKeptText(group.discussionMonths)}.</dd>
          <dt>
            <strong>Who came to meetups</strong>
          </dt>
          <dd>{attendanceKeptText(group.attendanceMonths)}.</dd>
        </dl>
      </section>
      {(group.visibility === 'public' || active) && (
        <UpcomingMeetups groupId={group.groupId} canSchedule={canSchedule(m)} />
      )}
      <section aria-labelledby="guidelines">
        <h2 id="guidelines">Community guidelines</h2>
        <div class="card guidelines">{group.guidelines}</div>
      </section>
      {!m && <JoinForm group={group} invite={invite} onJoined={load} />}
      {m && (
        <section aria-labelledby="manage">
          <h2 id="manage" class="visually-hidden">
            Your membership
          </h2>
          <div class="actions">
            {active && (
              <a class="button" href={`/groups/${group.groupId}/threads`}>
                Discussions
              </a>
            )}
            {can(m, 'edit') && (
              <a class="button secondary" href={`/groups/${group.groupId}/edit`}>
                Edit group
              </a>
            )}
            {can(m, 'review-members') && (
              <a class="button secondary" href={`/groups/${group.groupId}/members`}>
                Members and requests
              </a>
            )}
            {canSeeAttendees(m) && (
              <a class="button secondary" href={`/groups/${group.groupId}/roster`}>
                Roster
              </a>
            )}
            {canSeeAttendees(m) && (
              <a class="button secondary" href={`/groups/${group.groupId}/support`}>
                Support requests
              </a>
            )}
            {canSeeAttendees(m) && (
              <a class="button secondary" href={`/groups/${group.groupId}/conversations`}>
                Conversations with members
              </a>
            )}
            {can(m, 'moderate') && (
              <a class="button secondary" href={`/groups/${group.groupId}/moderation`}>
                Moderation
              </a>
            )}
            <LeaveButton group={group} onLeft={load} />
          </div>
        </section>
      )}
      {active && (
        <section aria-labelledby="talk">
          <h2 id="talk">Talk to a facilitator</h2>
          <p>
            If something is on your mind, you can ask the group’s facilitators to reach out. It is a private
            conversation: only they read what you write, and you can close it at any time.
          </p>
          <AskFacilitator groupId={group.groupId} label="Talk to a facilitator" />
          <p class="meta">
            <a href="/me/conversations">Your conversations with facilitators</a> · Facilitators are peers, not
            a crisis service: if you are in danger, <a href="/crisis.html">get help now</a>.
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
  if (!me.value) {
    const next = encodeURIComponent(location.value.pathname + location.value.search + location.value.hash);
    return (
      <p>
        <a href={`/signup?next=${next}`}>Join Hearth</a> or <a href={`/signin?next=${next}`}>sign in</a> to
        join this group.
      </p>
    );
  }
  if (group.joinPolicy === 'invite' && !invite) {
    return <p>This group is joined by invitation. Ask a member for an invite link.</p>;
  }
  return (
    <section aria-labelledby="join">
      <h2 id="join">Join this group</h2>
      <Form submit={submit} error={error}>
        <Field
          label="Alias in this group (optional)"
          name="alias"
          hint={`Shown instead of your handle (${me.value.handle}) to people in this group.`}
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
          I have read the community guidelines above and agree to follow them
        </label>
        {error?.field('acceptGuidelines') && (
          <span id="accept-err" class="error">
            {error.field('acceptGuidelines')}
          </span>
        )}
        <p>
          <button type="submit" disabled={busy}>
            {group.joinPolicy === 'approval' ? 'Ask to join' : 'Join group'}
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
          {pending ? 'Withdraw request' : 'Leave group'}
        </button>
      ) : (
        <span class="actions">
          <span>
            {pending
              ? 'Withdraw your request?'
              : 'Leave this group? Your places at its upcoming meetups go to the next in line, and any duties back to the roster.'}
          </span>
          <button type="button" class="danger" disabled={busy} onClick={() => submit()}>
            Yes, {pending ? 'withdraw' : 'leave'}
          </button>
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      )}
      <ErrorSummary error={error} />
    </>
  );
}
