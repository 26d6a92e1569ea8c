/**
 * Moderation in the web app: the actions a moderator takes on a post or a thread (each with a
 * reason, which the moderation log keeps), and the group's queue of waiting posts and reports.
 * @module
 */
import { useEffect, useState } from 'preact/hooks';
import { can } from '../../../functions/core/groups';
import type { GroupDetail } from '../../../functions/core/schemas/groups';
import type { PostView } from '../../../functions/core/schemas/threads';
import { REPORT_REASONS } from '../../../functions/core/threads';
import { get, post } from '../api';
import { Markdown } from '../markdown';
import { me } from '../state';
import { ErrorSummary, Loading, SignInFirst, Stamp, TextField, usePage, useSubmit } from '../ui';

/** Whether the signed-in person moderates the group. */
export const moderates = (group: GroupDetail | null) =>
  !!group?.membership && can({ role: group.membership.role, status: group.membership.status }, 'moderate');

/** A moderator's action that asks why first; the reason goes to the moderation log. */
export function ReasonAction({
  label,
  confirm,
  danger,
  act,
}: {
  label: string;
  confirm: string;
  danger?: boolean;
  act: (reason: string) => Promise<unknown>;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    await act(reason);
    setOpen(false);
    setReason('');
  });
  if (!open)
    return (
      <button type="button" class="secondary small" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  return (
    <form class="reason" onSubmit={submit} noValidate>
      <ErrorSummary error={error} />
      <TextField
        label={`Why? (${label.toLowerCase()}: kept in the moderation log)`}
        name="reason"
        value={reason}
        onValue={setReason}
        error={error}
        maxLength={300}
      />
      <div class="actions">
        <button type="submit" class={danger ? 'danger small' : 'small'} disabled={busy}>
          {confirm}
        </button>
        <button type="button" class="secondary small" onClick={() => setOpen(false)}>
          Never mind
        </button>
      </div>
    </form>
  );
}

/** Approve, hide or restore one post. */
export function PostModeration({ p, onDone }: { p: PostView; onDone: () => Promise<void> }) {
  const approve = useSubmit(async () => {
    await post(`/posts/${p.postId}/approve`);
    await onDone();
  });
  if (p.deleted) return null;
  return (
    <div class="actions moderation">
      <span class="label">Moderator:</span>
      {p.pending && !p.hidden && (
        <button type="button" class="small" disabled={approve.busy} onClick={() => approve.submit()}>
          Approve
        </button>
      )}
      {p.hidden ? (
        <ReasonAction
          label="Restore"
          confirm="Restore the post"
          act={async (reason) => {
            await post(`/posts/${p.postId}/restore`, { reason });
            await onDone();
          }}
        />
      ) : (
        <ReasonAction
          label="Hide"
          confirm="Hide the post"
          danger
          act={async (reason) => {
            await post(`/posts/${p.postId}/hide`, { reason });
            await onDone();
          }}
        />
      )}
    </div>
  );
}

interface Waiting {
  post: PostView;
  thread: { threadId: string; title: string };
}
interface Report {
  reportId: string;
  postId: string;
  threadId: string;
  reason: keyof typeof REPORT_REASONS;
  note: string;
  createdAt: string;
  post: { body: string; author: { displayName: string }; hidden: boolean } | null;
}

export function ModerationPage({ groupId }: { groupId: string }) {
  const h = usePage('Moderation');
  const [group, setGroup] = useState<GroupDetail | null>(null);
  const [waiting, setWaiting] = useState<Waiting[] | null>(null);
  const [reports, setReports] = useState<Report[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async () => {
    try {
      const [w, r] = await Promise.all([
        get<{ items: Waiting[] }>(`/groups/${groupId}/waiting?limit=50`),
        get<{ items: Report[] }>(`/groups/${groupId}/reports?limit=50`),
      ]);
      setWaiting(w.items);
      setReports(r.items);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => {
    if (!me.value) return;
    void get<GroupDetail>(`/groups/${groupId}`).then(setGroup);
    void load();
  }, [groupId, me.value?.userId]);
  if (me.value === null)
    return <SignInFirst title="Moderation" next={`/groups/${groupId}/moderation`} doing="moderate" />;
  return (
    <>
      <p>
        <a href={`/groups/${groupId}/threads`}>← Discussions{group ? ` in ${group.name}` : ''}</a>
      </p>
      <h1 ref={h} tabIndex={-1}>
        Moderation
      </h1>
      {error ? (
        <p class="alert" role="alert">
          {error}
        </p>
      ) : !waiting || !reports ? (
        <Loading />
      ) : (
        <>
          <section aria-labelledby="waiting">
            <h2 id="waiting">Waiting for approval ({waiting.length})</h2>
            {waiting.length === 0 ? (
              <p>No posts are waiting.</p>
            ) : (
              <ul class="posts">
                {waiting.map((w) => (
                  <li key={w.post.postId} class="card post">
                    <p class="meta">
                      <strong>{w.post.author.displayName}</strong> in{' '}
                      <a href={`/threads/${w.thread.threadId}`}>{w.thread.title}</a> ·{' '}
                      <Stamp at={w.post.createdAt} />
                      {w.post.mayNeedSupport ? ' · may need support' : ''}
                    </p>
                    <Markdown text={w.post.body} />
                    <PostModeration p={w.post} onDone={load} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="reports">
            <h2 id="reports">Reports ({reports.length})</h2>
            {reports.length === 0 ? (
              <p>No reports.</p>
            ) : (
              <ul class="posts">
                {reports.map((r) => (
                  <li key={r.reportId} class="card post">
                    <p class="meta">
                      <strong>{REPORT_REASONS[r.reason]}</strong> · <Stamp at={r.createdAt} />
                      {r.post?.hidden ? ' · hidden' : ''}
                    </p>
                    {r.note && <p>Note from the reporter: {r.note}</p>}
                    {r.post ? (
                      <blockquote>
                        <p class="meta">{r.post.author.displayName} wrote:</p>
                        <Markdown text={r.post.body} />
                      </blockquote>
                    ) : (
                      <p class="meta">The post no longer exists.</p>
                    )}
                    <p>
                      <a href={`/threads/${r.threadId}#post-${r.postId}`}>See it in its thread</a>
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
