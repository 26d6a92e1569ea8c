/**
 * The moderation page: new members' posts waiting for approval, and reported posts (one row per
 * post, with how many reported it and why), each settled with an outcome or dismissed. Links to
 * the support queue and, for owners, the moderation log.
 * @module
 */

import { useEffect, useState } from 'preact/hooks';
import { can } from '../../../functions/core/groups';
import type { GroupDetail } from '../../../functions/core/schemas/groups';
import type { PostView } from '../../../functions/core/schemas/threads';
import { REPORT_OUTCOMES, type ReportOutcome } from '../../../functions/core/support';
import { REPORT_REASONS, type ReportReason } from '../../../functions/core/threads';
import { get, post } from '../api';
import { ListSection } from '../components/list-section';
import { moderates, PostModeration } from '../components/moderation-actions';
import { Markdown } from '../markdown';
import { me } from '../state';
import {
  Back,
  ErrorSummary,
  Field,
  Loading,
  SignInFirst,
  Stamp,
  Status,
  TooLong,
  usePage,
  useSubmit,
} from '../ui';

interface Waiting {
  post: PostView;
  thread: { threadId: string; title: string };
}
interface Report {
  postId: string;
  threadId: string;
  count: number;
  reasons: { reason: ReportReason; count: number }[];
  notes: string[];
  firstAt: string;
  lastAt: string;
  post: { body: string; author: { displayName: string }; hidden: boolean } | null;
}

/** Settling one reported post: how, and why (the log keeps it; a hidden post's author reads it). */
function SettleForm({ r, onDone }: { r: Report; onDone: (message: string) => Promise<void> }) {
  const [outcome, setOutcome] = useState<ReportOutcome | ''>('');
  const [reason, setReason] = useState('');
  const settle = useSubmit(async () => {
    await post(`/posts/${r.postId}/reports/settle`, { ...(outcome ? { outcome } : {}), reason });
    await onDone(
      `${outcome === 'dismissed' ? 'Dismissed' : `Settled: ${REPORT_OUTCOMES[outcome as ReportOutcome].toLowerCase()}`}. The ${r.count === 1 ? 'reporter was' : `${r.count} reporters were`} told it was handled.`,
    );
  });
  const choices = (Object.keys(REPORT_OUTCOMES) as ReportOutcome[]).filter(
    (o) => !(o === 'hidden' && r.post?.hidden),
  );
  return (
    <form
      onSubmit={settle.submit}
      noValidate
      aria-label={`Settle the report of ${r.post?.author.displayName ?? 'a post'}’s post`}
    >
      <ErrorSummary error={settle.error} />
      <fieldset>
        <legend>How is it settled?</legend>
        {choices.map((o) => (
          <label key={o}>
            <input
              type="radio"
              name={`outcome-${r.postId}`}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />
            {o === 'hidden' ? 'Hide the post' : REPORT_OUTCOMES[o]}
          </label>
        ))}
      </fieldset>
      {settle.error?.field('outcome') && <p class="error">{settle.error.field('outcome')}</p>}
      <Field
        label={
          outcome === 'hidden' ? 'Why is it hidden? (its author sees this)' : 'Note for the log (optional)'
        }
        name="reason"
        error={settle.error}
      >
        {(a) => <input {...a} type="text" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
      <TooLong value={reason} max={300} />
      <div class="actions">
        <button type="submit" class="small" disabled={settle.busy}>
          Settle the report
        </button>
      </div>
    </form>
  );
}

export function ModerationPage({ groupId }: { groupId: string }) {
  const h = usePage('Moderation');
  const [group, setGroup] = useState<GroupDetail | null>(null);
  const [waiting, setWaiting] = useState<Waiting[] | null>(null);
  const [reports, setReports] = useState<Report[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
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
  if (me.value === null) return <SignInFirst title="Moderation" doing="moderate" />;
  return (
    <>
      <Back href={`/groups/${groupId}/threads`}>Discussions{group ? ` in ${group.name}` : ''}</Back>
      <h1 ref={h} tabIndex={-1}>
        Moderation
      </h1>
      <p>
        <a href={`/groups/${groupId}/support`}>Support requests</a>
        {can(group?.membership, 'read-audit') && (
          <>
            {' '}
            · <a href={`/groups/${groupId}/log`}>Moderation log</a>
          </>
        )}
      </p>
      <Status message={done} />
      {error ? (
        <p class="alert" role="alert">
          {error}
        </p>
      ) : !waiting || !reports ? (
        <Loading />
      ) : (
        <>
          <ListSection
            id="reports"
            title="Reported posts"
            items={reports}
            empty="No reports waiting."
            listClass="posts"
            item={(r) => (
              <li key={r.postId} class="card post">
                <p class="meta">
                  <strong>
                    Reported by {r.count} {r.count === 1 ? 'member' : 'members'}
                  </strong>
                  :{' '}
                  {r.reasons
                    .map((x) => `${REPORT_REASONS[x.reason]}${x.count > 1 ? ` (${x.count})` : ''}`)
                    .join(', ')}{' '}
                  · last <Stamp at={r.lastAt} />
                  {r.post?.hidden ? ' · hidden' : ''}
                </p>
                {r.reasons.some((x) => x.reason === 'crisis') && (
                  <p class="support-flag">
                    Someone may be in crisis: the author’s support request is on the{' '}
                    <a href={`/groups/${groupId}/support`}>Support requests</a> page.
                  </p>
                )}
                {r.notes.length > 0 && (
                  <ul>
                    {r.notes.map((n) => (
                      <li key={n}>Note from a reporter: {n}</li>
                    ))}
                  </ul>
                )}
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
                <SettleForm
                  r={r}
                  onDone={async (message) => {
                    await load();
                    setDone(message);
                  }}
                />
              </li>
            )}
          />
          <ListSection
            id="waiting"
            title="Waiting for approval"
            items={waiting}
            empty="No posts are waiting."
            listClass="posts"
            item={(w) => (
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
            )}
          />
          {!moderates(group) && group && <p class="meta">Only moderators and owners can act here.</p>}
        </>
      )}
    </>
  );
}
