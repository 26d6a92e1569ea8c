/**
 * The frame every form shares: the form with its error summary first, its buttons last, and a
 * plain labelled input for fields the API does not name. A form built from these looks and
 * behaves like every other (focus on the summary, one press while busy, "Saved." said aloud).
 * @module
 */
import type { ComponentChildren, Ref } from 'preact';
import type { ApiError } from '../api';
import { t } from '../i18n';
import { ErrorSummary, Field, TooLong } from '../ui';

/** A form the browser does not validate (the API's messages are placed by their fields instead). */
export function Form(props: {
  submit: (e: Event) => unknown;
  error: ApiError | null;
  /** Its name for assistive technology, where the page holds several forms. */
  label?: string;
  class?: string;
  children: ComponentChildren;
}) {
  return (
    <form class={props.class} onSubmit={props.submit} noValidate aria-label={props.label}>
      <ErrorSummary error={props.error} />
      {props.children}
    </form>
  );
}

/** A form's one button, saying what it is doing while it does. */
export function SubmitButton({
  busy,
  label,
  busyLabel,
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
}) {
  return (
    <p>
      <button type="submit" aria-disabled={busy}>
        {busy ? busyLabel : label}
      </button>
    </p>
  );
}

/**
 * A form's buttons: the one that sends it, a way back out if there is one, and "Saved." when a
 * form that stays on the page has saved. `look` is the send button's classes ("danger", "small").
 */
export function FormActions(props: {
  busy: boolean;
  label: ComponentChildren;
  look?: string;
  cancel?: { label: string; onClick: () => void };
  saved?: boolean;
}) {
  const small = props.look?.split(' ').includes('small');
  return (
    <div class="actions">
      {/* Focusable while busy (useSubmit runs it once): a disabled button would drop the focus. */}
      <button type="submit" class={props.look} aria-disabled={props.busy}>
        {props.label}
      </button>
      {props.cancel && (
        <button type="button" class={small ? 'secondary small' : 'secondary'} onClick={props.cancel.onClick}>
          {props.cancel.label}
        </button>
      )}
      {props.saved && (
        <span role="status" class="meta">
          {t('forms.saved')}
        </span>
      )}
    </div>
  );
}

/** A labelled input with a fixed id, for a value the API does not name (so has no error of its own). */
export function PlainInput(props: {
  id: string;
  label: string;
  type: 'time' | 'date';
  value: string;
  onValue: (value: string) => void;
  describedBy?: string;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type={props.type}
        value={props.value}
        onInput={(e) => props.onValue(e.currentTarget.value)}
        aria-describedby={props.describedBy}
      />
    </div>
  );
}

/** A labelled text area bound to a value, with hint, field error and what is left of its limit. */
export function TextArea(props: {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  max: number;
  error?: ApiError | null;
  hint?: string;
  rows?: number;
  inputRef?: Ref<HTMLTextAreaElement>;
}) {
  return (
    <Field label={props.label} name={props.name} hint={props.hint} error={props.error}>
      {(a) => (
        <>
          <textarea
            {...a}
            ref={props.inputRef}
            rows={props.rows}
            value={props.value}
            onInput={(e) => props.onValue(e.currentTarget.value)}
          />
          <TooLong value={props.value} max={props.max} />
        </>
      )}
    </Field>
  );
}

/** A button that runs an action at once (no form to fill in), unavailable while it runs. */
export function RunButton(props: {
  run: { busy: boolean; submit: () => unknown };
  look?: string;
  children: ComponentChildren;
}) {
  return (
    <button type="button" class={props.look} disabled={props.run.busy} onClick={() => props.run.submit()}>
      {props.children}
    </button>
  );
}

/** A choice of several: one checkbox an option, `chosen` in the order they were ticked. */
export function Checkboxes<T extends string | number>(props: {
  legend: string;
  options: readonly (readonly [T, string])[];
  chosen: readonly T[];
  onChosen: (chosen: T[]) => void;
  class?: string;
}) {
  const { chosen } = props;
  return (
    <fieldset class={props.class}>
      <legend>{props.legend}</legend>
      {props.options.map(([value, label]) => (
        <label key={value}>
          <input
            type="checkbox"
            checked={chosen.includes(value)}
            onChange={(e) =>
              props.onChosen(e.currentTarget.checked ? [...chosen, value] : chosen.filter((x) => x !== value))
            }
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
