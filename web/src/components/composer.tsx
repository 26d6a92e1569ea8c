/**
 * Writing in a discussion: the composer (title, body with preview, content-warning labels), and
 * what shows instead when a moderator paused the member's posting.
 * @module
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { GroupDetail } from '../../../functions/core/schemas/groups';
import { CONTENT_WARNINGS, type ContentWarning, POST_MAX } from '../../../functions/core/threads';
import { Markdown } from '../markdown';
import { Field, Stamp, TooLong, useSubmit } from '../ui';
import { Checkboxes, Form, TextArea } from './forms';

/** Title-less composer with preview and content-warning labels. */
export function Composer(props: {
  label: string;
  submitLabel: string;
  /** The text field's label (default: "Your reply", or "First post" with a title). */
  bodyLabel?: string;
  /** Shown before posting; open until the member's first post in the group. */
  membership?: GroupDetail['membership'];
  withTitle?: boolean;
  guidelines?: string;
  /** What the fields start with (editing a post). */
  initial?: { body: string; contentWarnings: ContentWarning[] };
  /** Puts the keyboard in the text as the composer opens. */
  autoFocus?: boolean;
  /** Offers "Cancel" beside the submit button. */
  onCancel?: () => void;
  onSubmit: (input: { title?: string; body: string; contentWarnings: ContentWarning[] }) => Promise<void>;
}) {
  const [title, setTitle] = useState('');
  const [body, setBody] = useState(props.initial?.body ?? '');
  const [labels, setLabels] = useState<ContentWarning[]>(props.initial?.contentWarnings ?? []);
  const [preview, setPreview] = useState(false);
  const body_ = useRef<HTMLTextAreaElement>(null);
  // Opened to edit a post or answer one: the text is where the keyboard goes.
  useEffect(() => {
    if (props.autoFocus) body_.current?.focus();
  }, []);
  const send = useSubmit(async () => {
    await props.onSubmit({ ...(props.withTitle ? { title } : {}), body, contentWarnings: labels });
    setTitle('');
    setBody('');
    setLabels([]);
    setPreview(false);
  });
  return (
    <Form class="composer" submit={send.submit} error={send.error} label={props.label}>
      {props.guidelines && (
        <details open={!props.membership?.hasPosted}>
          <summary>The group’s guidelines, before you post</summary>
          <p class="guidelines">{props.guidelines}</p>
        </details>
      )}
      {props.withTitle && (
        <Field label="Title" name="title" error={send.error}>
          {(a) => <input {...a} type="text" value={title} onInput={(e) => setTitle(e.currentTarget.value)} />}
        </Field>
      )}
      {props.withTitle && <TooLong value={title} max={140} />}
      <TextArea
        label={props.bodyLabel ?? (props.withTitle ? 'First post' : 'Your reply')}
        name="body"
        hint="*emphasis*, **strong**, lists with - or 1., and [links](https://…)."
        error={send.error}
        value={body}
        onValue={setBody}
        max={POST_MAX}
        inputRef={body_}
      />
      <Checkboxes
        legend="Content warnings (readers see your post folded behind them)"
        options={Object.entries(CONTENT_WARNINGS) as [ContentWarning, string][]}
        chosen={labels}
        onChosen={setLabels}
      />
      {preview && body && (
        <section class="card" aria-label="Preview">
          <Markdown text={body} />
        </section>
      )}
      <div class="actions">
        <button type="submit" disabled={send.busy}>
          {props.submitLabel}
        </button>
        <button type="button" class="secondary" onClick={() => setPreview(!preview)} aria-pressed={preview}>
          Preview
        </button>
        {props.onCancel && (
          <button type="button" class="secondary" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </Form>
  );
}

/** The composer, or why a moderator paused the member's posting and until when. */
export function Paused({
  membership,
  children,
}: {
  membership?: GroupDetail['membership'];
  children: ComponentChildren;
}) {
  if (!membership?.silenced) return <>{children}</>;
  return (
    <p class="notice">
      A moderator has paused your posting here until <Stamp at={membership.silenced.until} />:{' '}
      {membership.silenced.reason} You can still read, and reach the facilitators from the group’s page.
    </p>
  );
}

/** What a composer hands over. */
export type PostInput = Parameters<Parameters<typeof Composer>[0]['onSubmit']>[0];
