import type { ApiError } from '../api';
import { t } from '../i18n';

/** The duties each meetup needs, for the roster, and how many must be filled for it to run. */
/** When RSVPs open (hours before each meetup; '' as soon as it is scheduled) and close (minutes before). */
const opens = (): [string, string][] => [
  ['', t('rsvpWindow.whenScheduled')],
  ...[24, 48, 72].map((h): [string, string] => [String(h), t('rsvpWindow.daysBefore', { count: h / 24 })]),
  ...[168, 336, 672].map((h): [string, string] => [
    String(h),
    t('rsvpWindow.weeksBefore', { count: h / 168 }),
  ]),
];

const closes = (): [string, string][] => [
  ['0', t('rsvpWindow.whenItStarts')],
  ['15', t('rsvpWindow.minutesBefore', { count: 15 })],
  ['60', t('rsvpWindow.hoursBefore', { count: 1 })],
  ['180', t('rsvpWindow.hoursBefore', { count: 3 })],
  ['1440', t('rsvpWindow.daysBefore', { count: 1 })],
  ['2880', t('rsvpWindow.daysBefore', { count: 2 })],
];

export interface RsvpWindow {
  opens: string;
  closes: string;
}

export function RsvpWindowFields({
  value,
  set,
  error,
}: {
  value: RsvpWindow;
  set: (w: RsvpWindow) => void;
  error: ApiError | null;
}) {
  const problem = error?.field('rsvpClosesMinutesBefore') ?? error?.field('rsvpOpensHoursBefore');
  // A series may hold a value set outside these choices: offer it too.
  const withCurrent = (options: [string, string][], v: string, unit: 'hoursBefore' | 'minutesBefore') =>
    options.some(([o]) => o === v)
      ? options
      : [...options, [v, t(`rsvpWindow.${unit}`, { count: Number(v) })] as [string, string]];
  const choose = (id: string, label: string, key: keyof RsvpWindow, options: [string, string][]) => (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value[key]}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? 'rsvp-window-err' : undefined}
        onChange={(e) => set({ ...value, [key]: e.currentTarget.value })}
      >
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <fieldset>
      <legend>{t('rsvpWindow.legend')}</legend>
      <div class="row">
        {choose(
          'rsvp-opens',
          t('rsvpWindow.opens'),
          'opens',
          withCurrent(opens(), value.opens, 'hoursBefore'),
        )}
        {choose(
          'rsvp-closes',
          t('rsvpWindow.closes'),
          'closes',
          withCurrent(closes(), value.closes, 'minutesBefore'),
        )}
      </div>
      <p class="meta">{t('rsvpWindow.counted')}</p>
      {problem && (
        <p id="rsvp-window-err" class="error">
          {problem}
        </p>
      )}
    </fieldset>
  );
}

/** The request fields of an RSVP window. */
export const rsvpWindowBody = (w: RsvpWindow) => ({
  ...(w.opens ? { rsvpOpensHoursBefore: Number(w.opens) } : {}),
  rsvpClosesMinutesBefore: Number(w.closes),
});
