/** What a group keeps, and for how long: discussions and attendance records, with a caution when shortened. @module */
import type { ApiError } from '../api';
import { Field } from '../ui';

/** The choices offered (the API takes any whole number of months from 1 to 24). */
const MONTHS = [1, 2, 3, 6, 9, 12, 18, 24];
const monthsLabel = (n: number) => (n === 1 ? '1 month' : `${n} months`);
/** The offered choices, and the group's own when it is not among them. */
const monthChoices = (current: string) =>
  [...new Set([...MONTHS, ...(current ? [Number(current)] : [])])].sort((a, b) => a - b);

/** Whether a new choice keeps things for less time than the saved one ('' is forever). */
function shorter(before: string, after: string): boolean {
  if (after === '') return false;
  return before === '' || Number(after) < Number(before);
}

type Months = 'discussionMonths' | 'attendanceMonths';

export function KeepingFields({
  discussionMonths,
  attendanceMonths,
  saved,
  set,
  error,
}: {
  /** '' for forever. */
  discussionMonths: string;
  attendanceMonths: string;
  /** As last saved (null: a new group), to warn when a period is shortened. */
  saved: Record<Months, string> | null;
  set: (k: Months, v: string) => void;
  error: ApiError | null;
}) {
  return (
    <fieldset>
      <legend>What the group keeps, and for how long</legend>
      <p class="hint">
        Newcomers see this on the group’s page. Past it, Hearth erases what is kept for good.
      </p>
      <Field
        label="Erase discussions"
        name="discussionMonths"
        hint="Counted from a thread’s last post. Pinned threads stay."
        error={error}
      >
        {(a) => (
          <select
            {...a}
            value={discussionMonths}
            onChange={(e) => set('discussionMonths', e.currentTarget.value)}
          >
            <option value="">Never (kept until removed)</option>
            {monthChoices(discussionMonths).map((n) => (
              <option key={n} value={String(n)}>
                After {monthsLabel(n)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {saved && shorter(saved.discussionMonths, discussionMonths) && (
        <p class="notice caution" role="status">
          Threads quiet for longer than this are erased within a quarter of an hour of saving.
        </p>
      )}
      <Field
        label="Erase attendance records"
        name="attendanceMonths"
        hint="Who said they would come, who was on the waiting list, who came and who held a duty, counted from each meetup. The numbers stay."
        error={error}
      >
        {(a) => (
          <select
            {...a}
            value={attendanceMonths}
            onChange={(e) => set('attendanceMonths', e.currentTarget.value)}
          >
            {monthChoices(attendanceMonths).map((n) => (
              <option key={n} value={String(n)}>
                After {monthsLabel(n)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {saved && shorter(saved.attendanceMonths, attendanceMonths) && (
        <p class="notice caution" role="status">
          Names older than this are erased within a quarter of an hour of saving.
        </p>
      )}
    </fieldset>
  );
}
