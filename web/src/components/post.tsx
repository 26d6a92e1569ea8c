/**
 * One post in a discussion, with everything a reader can do with it: react, reply, report, mute
 * its author; edit or delete it if it is theirs; add a note as a verified professional; moderate.
 * Facilitators, moderators and owners see when it may need support.
 * @module
 */
import { signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PostView, Signpost } from '../../../functions/core/schemas/threads';
import type { Reaction, ReportReason } from '../../../functions/core/threads';
import { api, del, post } from '../api';
import { listed, num, t, tx } from '../i18n';
import { label, labelled } from '../labels';
import { Markdown } from '../markdown';
import { ErrorSummary, SelectField, Stamp, Status, useSubmit } from '../ui';
import { Composer, type PostInput } from './composer';
import { Form, FormActions, RunButton, TextArea } from './forms';
import { PostModeration } from './moderation-actions';
import { foldedNow } from './reading';

type Post = PostView;

/** Whether the reader is a verified professional (they may add notes under posts). */
export const professional = signal(false);

const warningOf = (p: Post) =>
  t('post.contentWarning', { warnings: listed(p.contentWarnings.map((c) => label('warning', c))) });

function ContextNoteForm({ p, onChange }: { p: Post; onChange: (p: Post) => void }) {
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');
  const send = useSubmit(async () => {
    const r = await post<{ post: Post }>(`/posts/${p.postId}/context-notes`, { body });
    onChange(r.post);
    setOpen(false);
    setBody('');
  });
  if (!open)
    return (
      <button type="button" class="secondary small" onClick={() => setOpen(true)}>
        {t('post.addNote')}
      </button>
    );
  return (
    <Form submit={send.submit} error={send.error} label={t('post.noteFromProfessional')}>
      <TextArea
        label={t('post.noteLabel')}
        name="body"
        error={send.error}
        value={body}
        onValue={setBody}
        max={1000}
      />
      <FormActions
        busy={send.busy}
        label={t('post.addTheNote')}
        look="small"
        cancel={{ label: t('post.neverMind'), onClick: () => setOpen(false) }}
      />
    </Form>
  );
}

/** Reporting a post: a reason must be chosen (none is chosen for the reporter). */
function ReportForm({ postId, onDone }: { postId: string; onDone: () => void }) {
  const [reason, setReason] = useState<ReportReason | ''>('');
  const [note, setNote] = useState('');
  const [sent, setSent] = useState(false);
  const send = useSubmit(async () => {
    await post(`/posts/${postId}/reports`, { ...(reason ? { reason } : {}), note });
    setSent(true);
  });
  if (sent)
    return (
      <Status message={`${t('post.reportSent')} `}>
        <button type="button" class="secondary small" onClick={onDone}>
          {t('post.close')}
        </button>
      </Status>
    );
  return (
    <Form submit={send.submit} error={send.error} label={t('post.reportThis')}>
      <SelectField
        label={t('post.whatIsWrong')}
        name="reason"
        error={send.error}
        placeholder={t('post.chooseReason')}
        options={labelled('reason')}
        value={reason}
        onValue={setReason}
      />
      <TextArea
        label={t('post.reportNote')}
        name="note"
        error={send.error}
        value={note}
        onValue={setNote}
        max={1000}
      />
      <FormActions
        busy={send.busy}
        label={t('post.sendReport')}
        cancel={{ label: t('post.cancel'), onClick: onDone }}
      />
    </Form>
  );
}

/** Deleting one's own post asks first, and says what stays. */
function DeletePost({ p, onDone, onCancel }: { p: Post; onDone: (p: Post) => void; onCancel: () => void }) {
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => yes.current?.focus(), []);
  const remove = useSubmit(async () => {
    await del(`/posts/${p.postId}`);
    onDone({ ...p, deleted: true, body: '', contentWarnings: [] });
  });
  return (
    <div class="confirm">
      <ErrorSummary error={remove.error} />
      <p>{t('post.deleteQuestion')}</p>
      <div class="actions">
        <button
          type="button"
          class="danger small"
          ref={yes}
          disabled={remove.busy}
          onClick={() => remove.submit()}
        >
          {t('post.deleteConfirm')}
        </button>
        <button type="button" class="secondary small" onClick={onCancel}>
          {t('post.keepIt')}
        </button>
      </div>
    </div>
  );
}

/** Muting an author: their posts in this group are hidden from the reader alone, with undo. */
function MuteAuthor({ p }: { p: Post }) {
  const [muteId, setMuteId] = useState<string | null>(null);
  const mute = useSubmit(async () => {
    const r = await post<{ items: { muteId: string; displayName: string }[] }>('/me/mutes', {
      postId: p.postId,
    });
    setMuteId(r.items.find((m) => m.displayName === p.author.displayName)?.muteId ?? null);
  });
  const undo = useSubmit(async () => {
    if (muteId) await del(`/me/mutes/${muteId}`);
    setMuteId(null);
  });
  if (muteId)
    return (
      <Status message={`${t('post.muted', { name: p.author.displayName })} `}>
        <RunButton run={undo} look="secondary small">
          {t('post.undo')}
        </RunButton>
      </Status>
    );
  return (
    <RunButton run={mute} look="secondary small">
      {t('post.mute', { name: p.author.displayName })}
    </RunButton>
  );
}

export function PostItem({
  p,
  groupId,
  onChange,
  onSignpost,
  mod,
  onReply,
  replies,
}: {
  p: Post;
  groupId: string;
  onChange: (p: Post) => void;
  /** An edit that matched a crisis phrase: show the author the panel. */
  onSignpost?: (s: NonNullable<Signpost>) => void;
  /** The reader moderates: approve, hide and restore, reloading after. */
  mod?: () => Promise<void>;
  /** Answer this post (top-level posts of an open thread). */
  onReply?: (input: PostInput) => Promise<void>;
  /** The answers to it, nested one level. */
  replies?: ComponentChildren;
}) {
  const [open, setOpen] = useState<'report' | 'reply' | 'edit' | 'delete' | null>(null);
  const item = useRef<HTMLLIElement>(null);
  const toggle = (what: typeof open) => setOpen(open === what ? null : what);
  const react = async (kind: Reaction) => {
    const r = await post<{ post: Post }>(`/posts/${p.postId}/reactions`, {
      kind,
      reacted: !p.reactions.mine.includes(kind),
    });
    onChange(r.post);
  };
  const body: ComponentChildren = p.deleted ? (
    <p class="meta">{t('post.deleted')}</p>
  ) : (
    <div lang={p.language}>
      <Markdown text={p.body} />
    </div>
  );
  return (
    <li class="card post" id={`post-${p.postId}`} tabIndex={-1} ref={item}>
      <p class="meta">
        <strong>{p.author.displayName}</strong> · <Stamp at={p.createdAt} />
        {p.editedAt && !p.deleted ? ` · ${t('post.edited')}` : ''}
        {p.pending ? ` · ${t('post.waiting')}` : ''}
      </p>
      {p.mayNeedSupport && !p.deleted && (
        <p class="support-flag">
          {tx('post.mayNeedSupport', undefined, (c) => (
            <a href={`/groups/${groupId}/support`}>{c}</a>
          ))}
        </p>
      )}
      {p.hidden && <p class="alert">{t('post.hiddenBy', { reason: p.hidden.reason })}</p>}
      {open === 'edit' ? (
        <Composer
          label={t('post.editYourPost')}
          bodyLabel={t('post.yourPost')}
          submitLabel={t('post.saveChanges')}
          initial={{
            body: p.body,
            contentWarnings: p.contentWarnings,
            ...(p.language ? { language: p.language } : {}),
          }}
          autoFocus
          onCancel={() => setOpen(null)}
          onSubmit={async (input) => {
            const r = await api<{ post: Post; signpost: Signpost }>('PATCH', `/posts/${p.postId}`, {
              body: input.body,
              contentWarnings: input.contentWarnings,
              language: input.language,
            });
            onChange(r.post);
            setOpen(null);
            if (r.signpost) onSignpost?.(r.signpost);
            else item.current?.focus();
          }}
        />
      ) : p.contentWarnings.length > 0 && !p.deleted ? (
        p.contentWarnings.some((c) => foldedNow().includes(c)) ? (
          <details>
            <summary>{warningOf(p)}</summary>
            {body}
          </details>
        ) : (
          <>
            <p class="meta">{warningOf(p)}</p>
            {body}
          </>
        )
      ) : (
        body
      )}
      {!p.deleted && open !== 'edit' && (
        <div class="actions reactions">
          {labelled('reaction').map(([k, name]) => (
            <button
              key={k}
              type="button"
              class="secondary small"
              aria-pressed={p.reactions.mine.includes(k)}
              onClick={() => react(k)}
            >
              {t('post.reactionCount', { reaction: name, count: num(p.reactions.counts[k]) })}
            </button>
          ))}
          {onReply && (
            <button
              type="button"
              class="secondary small"
              onClick={() => toggle('reply')}
              aria-expanded={open === 'reply'}
            >
              {t('post.replyTo', { name: p.author.displayName })}
            </button>
          )}
          {p.mine ? (
            <>
              <button type="button" class="secondary small" onClick={() => toggle('edit')}>
                {t('post.edit')}
              </button>
              <button
                type="button"
                class="secondary small"
                onClick={() => toggle('delete')}
                aria-expanded={open === 'delete'}
              >
                {t('post.delete')}
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                class="secondary small"
                onClick={() => toggle('report')}
                aria-expanded={open === 'report'}
              >
                {t('post.report')}
              </button>
              <MuteAuthor p={p} />
            </>
          )}
        </div>
      )}
      {p.reactions.who && Object.values(p.reactions.who).some((w) => w.length) && (
        <p class="meta">
          {labelled('reaction')
            .filter(([k]) => p.reactions.who![k].length)
            .map(([k, name]) => t('post.reactedBy', { reaction: name, names: listed(p.reactions.who![k]) }))
            .join(' · ')}
        </p>
      )}
      {open === 'report' && <ReportForm postId={p.postId} onDone={() => setOpen(null)} />}
      {open === 'delete' && (
        <DeletePost
          p={p}
          onDone={(d) => {
            setOpen(null);
            onChange(d);
            item.current?.focus();
          }}
          onCancel={() => setOpen(null)}
        />
      )}
      {p.contextNotes.map((n) => (
        <aside key={n.at} class="context-note" aria-label={t('post.noteFromProfessional')}>
          <p class="meta">{t('post.noteBy', { name: n.by })}</p>
          <p>{n.body}</p>
        </aside>
      ))}
      {professional.value && !p.deleted && <ContextNoteForm p={p} onChange={onChange} />}
      {mod && <PostModeration p={p} onDone={mod} />}
      {replies}
      {open === 'reply' && onReply && (
        <Composer
          label={t('post.replyTo', { name: p.author.displayName })}
          bodyLabel={t('post.yourReplyTo', { name: p.author.displayName })}
          submitLabel={t('post.sendReply')}
          autoFocus
          onCancel={() => setOpen(null)}
          onSubmit={async (input) => {
            await onReply(input);
            setOpen(null);
          }}
        />
      )}
    </li>
  );
}
