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
import type { ReportOutcome } from '../../../functions/core/support';
import type { ReportReason } from '../../../functions/core/threads';
import { get, post } from '../api';
import { ListSection } from '../components/list-section';
import { moderates, PostModeration } from '../components/moderation-actions';
import { listed, t, tx } from '../i18n';
import { label, labelled } from '../labels';
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
    await onDone(t('moderationPage.settled', { outcome, count: r.count }));
  });
  const choices = labelled('outcome').filter(([o]) => !(o === 'hidden' && r.post?.hidden));
  return (
    <form
      onSubmit={settle.submit}
      noValidate
      aria-label={
        r.post
          ? t('moderationPage.settleOf', { name: r.post.author.displayName })
          : t('moderationPage.settleOfGone')
      }
    >
      <ErrorSummary error={settle.error} />
      <fieldset>
        <legend>{t('moderationPage.how')}</legend>
        {choices.map(([o, name]) => (
          <label key={o}>
            <input
              type="radio"
              name={`outcome-${r.postId}`}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />
            {o === 'hidden' ? t('moderationPage.hideThePost') : name}
          </label>
        ))}
      </fieldset>
      {settle.error?.field('outcome') && <p class="error">{settle.error.field('outcome')}</p>}
      <Field
        label={outcome === 'hidden' ? t('moderationPage.whyHidden') : t('moderationPage.noteForLog')}
        name="reason"
        error={settle.error}
      >
        {(a) => <input {...a} type="text" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
      <TooLong value={reason} max={300} />
      <div class="actions">
        <button type="submit" class="small" disabled={settle.busy}>
          {t('moderationPage.settle')}
        </button>
      </div>
    </form>
  );
}

export function ModerationPage({ groupId }: { groupId: string }) {
  const h = usePage(t('moderationPage.title'));
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
  if (me.value === null)
    return <SignInFirst title={t('moderationPage.title')} doing={t('moderationPage.signInTo')} />;
  return (
    <>
      <Back href={`/groups/${groupId}/threads`}>
        {group ? t('moderationPage.discussionsIn', { group: group.name }) : t('moderationPage.discussions')}
      </Back>
      <h1 ref={h} tabIndex={-1}>
        {t('moderationPage.title')}
      </h1>
      <p>
        <a href={`/groups/${groupId}/support`}>{t('moderationPage.supportLink')}</a>
        {can(group?.membership, 'read-audit') && (
          <>
            {' '}
            · <a href={`/groups/${groupId}/log`}>{t('moderationPage.logLink')}</a>
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
            title={t('moderationPage.reported')}
            items={reports}
            empty={t('moderationPage.noReports')}
            listClass="posts"
            item={(r) => (
              <li key={r.postId} class="card post">
                <p class="meta">
                  {tx(
                    'moderationPage.reportedBy',
                    {
                      count: r.count,
                      reasons: listed(
                        r.reasons.map((x) =>
                          x.count > 1
                            ? t('moderationPage.reasonCount', {
                                reason: label('reason', x.reason),
                                count: x.count,
                              })
                            : label('reason', x.reason),
                        ),
                      ),
                    },
                    (c) => (
                      <strong>{c}</strong>
                    ),
                    () => (
                      <Stamp at={r.lastAt} />
                    ),
                  )}
                  {r.post?.hidden ? ` · ${t('moderationPage.hidden')}` : ''}
                </p>
                {r.reasons.some((x) => x.reason === 'crisis') && (
                  <p class="support-flag">
                    {tx('moderationPage.crisis', undefined, (c) => (
                      <a href={`/groups/${groupId}/support`}>{c}</a>
                    ))}
                  </p>
                )}
                {r.notes.length > 0 && (
                  <ul>
                    {r.notes.map((n) => (
                      <li key={n}>{t('moderationPage.reporterNote', { note: n })}</li>
                    ))}
                  </ul>
                )}
                {r.post ? (
                  <blockquote>
                    <p class="meta">{t('moderationPage.wrote', { name: r.post.author.displayName })}</p>
                    <Markdown text={r.post.body} />
                  </blockquote>
                ) : (
                  <p class="meta">{t('moderationPage.gone')}</p>
                )}
                <p>
                  <a href={`/threads/${r.threadId}#post-${r.postId}`}>{t('moderationPage.seeInThread')}</a>
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
            title={t('moderationPage.waiting')}
            items={waiting}
            empty={t('moderationPage.noWaiting')}
            listClass="posts"
            item={(w) => (
              <li key={w.post.postId} class="card post">
                <p class="meta">
                  {tx(
                    'moderationPage.waitingIn',
                    undefined,
                    () => (
                      <strong>{w.post.author.displayName}</strong>
                    ),
                    () => (
                      <a href={`/threads/${w.thread.threadId}`}>{w.thread.title}</a>
                    ),
                  )}{' '}
                  · <Stamp at={w.post.createdAt} />
                  {w.post.mayNeedSupport ? ` · ${t('moderationPage.mayNeedSupport')}` : ''}
                </p>
                <Markdown text={w.post.body} />
                <PostModeration p={w.post} onDone={load} />
              </li>
            )}
          />
          {!moderates(group) && group && <p class="meta">{t('moderationPage.onlyModerators')}</p>}
        </>
      )}
    </>
  );
}
