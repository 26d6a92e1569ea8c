import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { codePoints, PASSPHRASE_MAX, PASSPHRASE_MIN } from '../../../functions/core/accounts';
import type { StrengthResponse } from '../../../functions/core/schemas/accounts';
import type { SuggestionKey, WarningKey } from '../../../functions/core/strength';
import { type ApiError, post } from '../api';
import { t, tx } from '../i18n';
import { Field, TextField } from '../ui';

/** What a new passphrase should be, in the reader's language. */
export const passHint = () => t('passphrase.hint', { min: PASSPHRASE_MIN, max: PASSPHRASE_MAX });

/** The passphrase a person has now, asked to sign in or to confirm something that cannot be undone. */
export function PassphraseField(props: {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  error: ApiError | null;
}) {
  return <TextField type="password" autocomplete="current-password" {...props} />;
}

/** The meter's words for the server's scores, 0 to 4. */
/** What makes a passphrase weak and what would help, in the reader's words (the estimate sends keys). */
function advice(s: StrengthResponse): string {
  const why = s.warning ? t(`zxcvbn.warning.${s.warning as WarningKey}`) : '';
  const first = s.suggestions[0] as SuggestionKey | undefined;
  return [why, first ? t(`zxcvbn.suggestion.${first}`) : t('passphrase.addWord')].filter(Boolean).join(' ');
}

const levels = () => [
  t('passphrase.veryWeak'),
  t('passphrase.weak'),
  t('passphrase.fair'),
  t('passphrase.good'),
  t('passphrase.strong'),
];

/**
 * A new passphrase, with a strength meter under it: the server's own estimate, so "too easy to
 * guess" here is what it would refuse, with what would make it stronger.
 */
export function NewPassphraseField(props: {
  label: string;
  name: string;
  handle: string;
  value: string;
  onValue: (value: string) => void;
  error?: ApiError | null;
}) {
  const [strength, setStrength] = useState<StrengthResponse | null>(null);
  // The field's error is about the passphrase that was sent: once it is changed, the meter speaks.
  const [refused, setRefused] = useState<string | null>(null);
  useEffect(() => {
    setRefused(props.error?.field(props.name) ? props.value : null);
  }, [props.error]);
  const sent = refused !== null && refused !== props.value ? null : props.error;
  // Too easy to guess: the advice in the reader's words, from the estimate of what was sent.
  const error =
    sent?.fieldError(props.name)?.key === 'passphraseTooEasy' && strength
      ? sent.withField(props.name, t('api.passphraseTooEasy', { advice: advice(strength) }))
      : sent;
  useEffect(() => {
    if (!props.value) return setStrength(null);
    let live = true;
    // Asked after a pause in typing, so the meter neither flickers nor chatters to screen readers.
    // The estimate runs on the server, whose dictionaries are too large to send to a phone.
    const timer = setTimeout(async () => {
      try {
        const s = await post<StrengthResponse>('/auth/passphrase-strength', {
          passphrase: props.value,
          handle: props.handle,
        });
        if (live) setStrength(s);
      } catch {
        if (live) setStrength(null); // offline or busy: the field's own check still runs on submit
      }
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [props.value, props.handle]);
  const short = codePoints(props.value) < PASSPHRASE_MIN;
  const bold = (c: ComponentChildren) => <strong>{c}</strong>;
  return (
    <Field label={props.label} name={props.name} hint={passHint()} error={error}>
      {(a) => (
        <>
          <input
            {...a}
            aria-describedby={[a['aria-describedby'], `${a.id}-strength`].filter(Boolean).join(' ')}
            type="password"
            autocomplete="new-password"
            value={props.value}
            onInput={(e) => props.onValue(e.currentTarget.value)}
          />
          <div id={`${a.id}-strength`} class="strength">
            {strength && props.value && (
              <>
                <meter
                  min={0}
                  max={4}
                  low={2.5}
                  high={3.5}
                  optimum={4}
                  value={strength.score}
                  aria-hidden="true"
                />
                <span aria-live="polite">
                  {tx(
                    short
                      ? 'passphrase.strengthShort'
                      : strength.enough
                        ? 'passphrase.strength'
                        : 'passphrase.strengthWeak',
                    { level: levels()[strength.score] ?? levels()[0], min: PASSPHRASE_MIN },
                    bold,
                  )}
                </span>
                {!strength.enough && !short && !error?.field(props.name) && (
                  <span class="hint">{advice(strength)}</span>
                )}
              </>
            )}
          </div>
        </>
      )}
    </Field>
  );
}
