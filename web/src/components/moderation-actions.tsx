/**
 * What a moderator does to a post or a thread, each with a reason the moderation log keeps.
 * @module
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { can } from '../../../functions/core/groups';
import type { GroupDetail } from '../../../functions/core/schemas/groups';
import type { PostView } from '../../../functions/core/schemas/threads';
import { post } from '../api';
import { t } from '../i18n';
import { ErrorSummary, TextField, TooLong, useSubmit } from '../ui';
import { FormActions, RunButton } from './forms';

/** Whether the signed-in person moderates the group. */
export const moderates = (group: GroupDetail | null) =>
  !!group?.membership && can({ role: group.membership.role, status: group.membership.status }, 'moderate');

/** A moderator's action that asks why first; the reason goes to the moderation log. */
export function ReasonAction({
  label,
  why,
  confirm,
  danger,
  act,
}: {
  label: string;
  /** The reason field's label ("Why? (hide: kept in the moderation log)"). */
  why: string;
  confirm: string;
  danger?: boolean;
  act: (reason: string) => Promise<unknown>;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const form = useRef<HTMLFormElement>(null);
  // Asked why: the keyboard goes to the reason.
  useEffect(() => {
    if (open) form.current?.querySelector('input')?.focus();
  }, [open]);
  const { busy, error, submit } = useSubmit(async () => {
    // What it acted on keeps the keyboard (the post, else the page), as the form goes away.
    const target = form.current?.parentElement?.closest<HTMLElement>('[tabindex="-1"]');
    await act(reason);
    setOpen(false);
    setReason('');
    target?.focus();
  });
  if (!open)
    return (
      <button type="button" class="secondary small" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  return (
    <form class="reason" onSubmit={submit} noValidate ref={form}>
      <ErrorSummary error={error} />
      <TextField label={why} name="reason" value={reason} onValue={setReason} error={error} />
      <TooLong value={reason} max={300} />
      <FormActions
        busy={busy}
        label={confirm}
        look={danger ? 'danger small' : 'small'}
        cancel={{ label: t('moderationActions.neverMind'), onClick: () => setOpen(false) }}
      />
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
      <span class="label">{t('moderationActions.moderator')}</span>
      {p.pending && !p.hidden && (
        <RunButton run={approve} look="small">
          {t('moderationActions.approve')}
        </RunButton>
      )}
      {p.hidden ? (
        <ReasonAction
          label={t('moderationActions.restore')}
          why={t('moderationActions.whyRestore')}
          confirm={t('moderationActions.restoreConfirm')}
          act={async (reason) => {
            await post(`/posts/${p.postId}/restore`, { reason });
            await onDone();
          }}
        />
      ) : (
        <ReasonAction
          label={t('moderationActions.hide')}
          why={t('moderationActions.whyHide')}
          confirm={t('moderationActions.hideConfirm')}
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
