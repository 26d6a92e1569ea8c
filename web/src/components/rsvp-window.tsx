import type { ApiError } from '../api';

/** The duties each meetup needs, for the roster, and how many must be filled for it to run. */
/** When RSVPs open (hours before each meetup; '' as soon as it is scheduled) and close (minutes before). */
const OPENS: [string, string][] = [
  ['', 'As soon as it is scheduled'],
  ['24', '1 day before'],
  ['48', '2 days before'],
  ['72', '3 days before'],
  ['168', '1 week before'],
  ['336', '2 weeks before'],
  ['672', '4 weeks before'],
];

const CLOSES: [string, string][] = [
  ['0', 'When it starts'],
  ['15', '15 minutes before'],
  ['60', '1 hour before'],
  ['180', '3 hours before'],
  ['1440', '1 day before'],
  ['2880', '2 days before'],
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
  const withCurrent = (options: [string, string][], v: string, unit: string) =>
    options.some(([o]) => o === v) ? options : [...options, [v, `${v} ${unit} before`] as [string, string]];
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
      <legend>RSVPs</legend>
      <div class="row">
        {choose('rsvp-opens', 'RSVPs open', 'opens', withCurrent(OPENS, value.opens, 'hours'))}
        {choose('rsvp-closes', 'RSVPs close', 'closes', withCurrent(CLOSES, value.closes, 'minutes'))}
      </div>
      <p class="meta">For a series, counted from each meetup.</p>
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
