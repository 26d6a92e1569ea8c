import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ApiError } from './api';
import { inBrowser } from './browser';
import { locale, num, t, tx } from './i18n';
import { location } from './state';
import { dayText, stamp } from './when';

export function Field(props: {
  label: string;
  name: string;
  /** The control's id, where something else names it (else one is made). */
  id?: string;
  hint?: string;
  error?: ApiError | null;
  children: (attrs: Record<string, unknown>) => ComponentChildren;
}) {
  // The same id where the server rendered the page and where the app renders it over (see main.tsx).
  const made = useId();
  const id = props.id ?? made;
  const message = props.error?.field(props.name);
  const described = [props.hint ? `${id}-hint` : '', message ? `${id}-err` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.hint && (
        <span id={`${id}-hint`} class="hint">
          {props.hint}
        </span>
      )}
      {props.children({
        id,
        name: props.name,
        'aria-invalid': message ? 'true' : undefined,
        'aria-describedby': described || undefined,
      })}
      {message && (
        <span id={`${id}-err`} class="error">
          {message}
        </span>
      )}
    </div>
  );
}

/** An error summary that takes focus, so screen-reader and keyboard users hear what went wrong. */
export function ErrorSummary({ error }: { error: ApiError | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  // Each field's problem links to its field, named by its label; the message is not said twice.
  const inputOf = (path: string) =>
    document.querySelector<HTMLInputElement>(
      `form [name="${CSS.escape(path.split('.').slice(1).join('.'))}"]`,
    );
  const saidByField = error.fields.some((f) => f.message === error.message);
  // In the order the fields are on the page; problems with no field of their own last.
  const fields = error.fields
    .map((f) => ({ ...f, input: inputOf(f.path) }))
    .sort((a, b) =>
      a.input === b.input
        ? 0
        : !a.input || !b.input
          ? Number(!a.input) - Number(!b.input)
          : a.input.compareDocumentPosition(b.input) & Node.DOCUMENT_POSITION_FOLLOWING
            ? -1
            : 1,
    );
  return (
    <div class="alert" role="alert" tabIndex={-1} ref={ref}>
      <p>{saidByField ? t('ui.pleaseCheck') : error.message}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => {
            const input = f.input;
            // A choice among radio buttons is named by its group's legend.
            const label =
              input?.type === 'radio'
                ? input.closest('fieldset')?.querySelector('legend')?.textContent
                : input?.labels?.[0]?.textContent;
            return (
              <li key={f.path}>
                {input ? (
                  <a
                    href={`#${input.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      input.focus();
                    }}
                  >
                    {label ? t('ui.fieldProblem', { label, message: f.message }) : f.message}
                  </a>
                ) : (
                  f.message
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** Runs a submit handler with a busy state and an error to show. */
export function useSubmit<T>(action: () => Promise<T>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // A button that stays focusable while busy (aria-disabled) may be pressed again: once is enough.
  const running = useRef(false);
  async function submit(e?: Event) {
    e?.preventDefault();
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', (err as Error).message));
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }
  return { busy, error, submit, setError };
}

let landed = false;

/** On the server (functions/pages): the title of the page last rendered. */
export const renderedTitle = { text: '' };

/**
 * Sets the document title and, after an in-app navigation, moves focus to the page heading so a
 * screen reader announces the new page. The first page of a visit keeps the browser's own focus
 * (so the skip link stays the first stop).
 */
export function usePage(title: string) {
  if (!inBrowser) renderedTitle.text = title;
  const ref = useRef<HTMLHeadingElement>(null);
  // A page that shows "Loading…" first has no heading yet: the focus waits for it.
  const pending = useRef(false);
  // A change of language retitles the page, but the person stays where they are (the language row).
  const spoken = useRef(locale.value);
  useEffect(() => {
    document.title = t('ui.pageTitle', { title });
    if (spoken.current === locale.value) pending.current = landed;
    spoken.current = locale.value;
  }, [title, locale.value]);
  useEffect(() => {
    if (!pending.current || !ref.current) return;
    pending.current = false;
    // Unless the person has already moved on to something on the page.
    const at = document.activeElement;
    if (!at || at === document.body || !document.querySelector('main')?.contains(at)) ref.current.focus();
  });
  useEffect(() => {
    const timer = setTimeout(() => {
      landed = true;
    }, 0);
    return () => clearTimeout(timer);
  }, []);
  return ref;
}

/** "Loading…", or, when it could not load, why. */
export function Loading({ error }: { error?: string | null }) {
  if (error)
    return (
      <p class="alert" role="alert">
        {error}
      </p>
    );
  return (
    <p role="status" aria-live="polite">
      {t('ui.loading')}
    </p>
  );
}

/**
 * What a signed-out visitor sees on a page that needs an account: the way in, and back to this
 * very page (its query too) afterwards. `doing` ends "… or join Hearth to {doing}.": in es and fr
 * an infinitive ("ver tus turnos"), in de a zu-infinitive ("deine Dienste zu sehen"), in ar a
 * verbal noun ("عرض مناوباتك").
 */
export function SignInFirst({ title, doing }: { title: string; doing: string }) {
  const h = usePage(title);
  const next = encodeURIComponent(location.value.pathname + location.value.search);
  return (
    <>
      <h1 ref={h} tabIndex={-1}>
        {title}
      </h1>
      <p>
        {tx(
          'ui.signInFirst',
          { doing },
          (c) => (
            <a href={`/signin?next=${next}`}>{c}</a>
          ),
          (c) => (
            <a href={`/signup?next=${next}`}>{c}</a>
          ),
        )}
      </p>
    </>
  );
}

/** The way back up, above a page's heading ("← Discussions"). */
export function Back({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <p>
      <a href={href}>
        {tx('ui.back', undefined, () => (
          <>{children}</>
        ))}
      </a>
    </p>
  );
}

/**
 * A number typed in a field, as the API should judge it: empty is 0 (too few), a number is sent as
 * one, anything else as the text itself, so the answer is "Use a number" rather than about a 0.
 */
export function asNumber(typed: string): number | string {
  const text = typed.trim();
  if (text === '') return 0;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

/** A field's own aria-describedby (its hint, its error) with more ids. */
export const describedBy = (a: Record<string, unknown>, ...ids: string[]) =>
  [a['aria-describedby'], ...ids].filter(Boolean).join(' ');

/** A labelled text input bound to a value, with hint and field error. */
export function TextField(props: {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  error?: ApiError | null;
  hint?: string;
  type?: 'text' | 'password';
  autocomplete?: string;
  maxLength?: number;
}) {
  return (
    <Field label={props.label} name={props.name} hint={props.hint} error={props.error}>
      {(a) => (
        <>
          <input
            {...a}
            // Preact types each input type separately; these attributes suit both text and password.
            {...({ type: props.type ?? 'text', autocomplete: props.autocomplete } as Record<string, string>)}
            // No maxLength: the browser would cut a pasted text silently. The count says it instead.
            value={props.value}
            onInput={(e) => props.onValue(e.currentTarget.value)}
          />
          {props.maxLength !== undefined && <TooLong value={props.value} max={props.maxLength} />}
        </>
      )}
    </Field>
  );
}

/**
 * Actions whose buttons may vanish with what they did: `act(run, news)` runs one, then `refresh`,
 * and `outcome` (an element to place) says what happened, or what went wrong, where the keyboard then is.
 */
export function useOutcome(refresh: () => Promise<unknown>) {
  const [said, setSaid] = useState<{ text: string; error: boolean } | null>(null);
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (said) ref.current?.focus();
  }, [said]);
  const act = async (run: () => Promise<unknown>, news: string) => {
    setSaid(null);
    try {
      await run();
      await refresh();
      setSaid({ text: news, error: false });
    } catch (e) {
      setSaid({ text: (e as Error).message, error: true });
    }
  };
  const outcome = said ? (
    <p class={said.error ? 'alert' : 'notice'} role={said.error ? 'alert' : 'status'} tabIndex={-1} ref={ref}>
      {said.text}
    </p>
  ) : null;
  return { act, outcome };
}

/** A one-off message carried over from the previous page ("Welcome back"). */
export function Notice({ message }: { message: string | null }) {
  return message ? (
    <p class="notice" role="status">
      {message}
    </p>
  ) : null;
}

/** A moment as the viewer reads it, in their own zone, and machine-readable. `day`: the date alone. */
export function Stamp({ at, day }: { at: string | number; day?: boolean }) {
  return <time dateTime={new Date(at).toISOString()}>{day ? dayText(at) : stamp(at)}</time>;
}

/**
 * What an action did, said where the person is: a status line that takes focus when its message
 * changes, so keyboard and screen-reader users hear it too. Nothing when there is no message.
 */
export function Status({ message, children }: { message: string | null; children?: ComponentChildren }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <p class="notice" role="status" tabIndex={-1} ref={ref}>
      {message}
      {children}
    </p>
  );
}

/**
 * Said under a text field whose text is past its limit, as it is typed (nothing is cut: the
 * person decides what to shorten, and the server refuses it too).
 */
export function TooLong({ value, max }: { value: string; max: number }) {
  const over = value.trim().length - max;
  // Near the limit, how much is left; past it, by how much, and that nothing is sent cut.
  if (over <= 0)
    return -over < Math.max(10, max * 0.1) ? (
      <span class="meta" aria-live="polite">
        {t('ui.charactersLeft', { count: Math.max(0, -over) })}
      </span>
    ) : null;
  return (
    <span class="error" role="status">
      {t('ui.charactersOver', { count: over, max: num(max) })}
    </span>
  );
}

/**
 * A choice from a list, by its label. `placeholder`: nothing is chosen at first, and it says what
 * to choose; `error`: the API's message for the field (`name`, or `id`) is placed by it.
 */
export function SelectField<T extends string>(props: {
  label: string;
  id?: string;
  name?: string;
  value: T | '';
  options: readonly (readonly [T, string])[];
  onValue: (value: T) => void;
  placeholder?: string;
  error?: ApiError | null;
}) {
  return (
    <Field label={props.label} id={props.id} name={props.name ?? props.id ?? ''} error={props.error}>
      {(a) => (
        <select {...a} value={props.value} onChange={(e) => props.onValue(e.currentTarget.value as T)}>
          {props.placeholder !== undefined && (
            <option value="" disabled>
              {props.placeholder}
            </option>
          )}
          {props.options.map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
