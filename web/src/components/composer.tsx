/**
 * Writing in a discussion: the composer (title, body with preview, content-warning labels), and
 * what shows instead when a moderator paused the member's posting.
 * @module
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { LOCALE_NAMES, LOCALES, type Locale } from '../../../functions/core/i18n/locales';
import type { GroupDetail } from '../../../functions/core/schemas/groups';
import { type ContentWarning, POST_MAX } from '../../../functions/core/threads';
import { locale, t, tx } from '../i18n';
import { labelled } from '../labels';
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
  initial?: { body: string; contentWarnings: ContentWarning[]; language?: Locale };
  /** Puts the keyboard in the text as the composer opens. */
  autoFocus?: boolean;
  /** Offers "Cancel" beside the submit button. */
  onCancel?: () => void;
  onSubmit: (input: {
    title?: string;
    body: string;
    contentWarnings: ContentWarning[];
    language: Locale;
  }) => Promise<void>;
}) {
  const [title, setTitle] = useState('');
  const [body, setBody] = useState(props.initial?.body ?? '');
  const [labels, setLabels] = useState<ContentWarning[]>(props.initial?.contentWarnings ?? []);
  const [preview, setPreview] = useState(false);
  // The language it is written in (its crisis phrases are read in it): the reader's, unless changed.
  const [language, setLanguage] = useState<Locale>(props.initial?.language ?? locale.value);
  const body_ = useRef<HTMLTextAreaElement>(null);
  // Opened to edit a post or answer one: the text is where the keyboard goes.
  useEffect(() => {
    if (props.autoFocus) body_.current?.focus();
  }, []);
  const send = useSubmit(async () => {
    await props.onSubmit({ ...(props.withTitle ? { title } : {}), body, contentWarnings: labels, language });
    setTitle('');
    setBody('');
    setLabels([]);
    setPreview(false);
  });
  return (
    <Form class="composer" submit={send.submit} error={send.error} label={props.label}>
      {props.guidelines && (
        <details open={!props.membership?.hasPosted}>
          <summary>{t('composer.guidelines')}</summary>
          <p class="guidelines">{props.guidelines}</p>
        </details>
      )}
      {props.withTitle && (
        <Field label={t('composer.title')} name="title" error={send.error}>
          {(a) => <input {...a} type="text" value={title} onInput={(e) => setTitle(e.currentTarget.value)} />}
        </Field>
      )}
      {props.withTitle && <TooLong value={title} max={140} />}
      <TextArea
        label={props.bodyLabel ?? (props.withTitle ? t('composer.firstPost') : t('composer.yourReply'))}
        name="body"
        hint={t('composer.formatting')}
        error={send.error}
        value={body}
        onValue={setBody}
        max={POST_MAX}
        inputRef={body_}
      />
      <Field label={t('composer.language')} name="language" error={send.error}>
        {(a) => (
          <select {...a} value={language} onChange={(e) => setLanguage(e.currentTarget.value as Locale)}>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NAMES[l]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Checkboxes
        legend={t('composer.warnings')}
        options={labelled('warning')}
        chosen={labels}
        onChosen={setLabels}
      />
      {preview && body && (
        <section class="card" aria-label={t('composer.preview')}>
          <Markdown text={body} />
        </section>
      )}
      <div class="actions">
        <button type="submit" disabled={send.busy}>
          {props.submitLabel}
        </button>
        <button type="button" class="secondary" onClick={() => setPreview(!preview)} aria-pressed={preview}>
          {t('composer.preview')}
        </button>
        {props.onCancel && (
          <button type="button" class="secondary" onClick={props.onCancel}>
            {t('composer.cancel')}
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
  const { until, reason } = membership.silenced;
  return (
    <p class="notice">
      {tx(
        'composer.paused',
        undefined,
        () => (
          <Stamp at={until} />
        ),
        () => (
          <>{reason}</>
        ),
      )}
    </p>
  );
}

/** What a composer hands over. */
export type PostInput = Parameters<Parameters<typeof Composer>[0]['onSubmit']>[0];
