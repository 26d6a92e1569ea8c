/** What a group keeps, and for how long: discussions and attendance records, with a caution when shortened. @module */
import type { ApiError } from '../api';
import { t } from '../i18n';
import { Field } from '../ui';

/** The choices offered (the API takes any whole number of months from 1 to 24). */
const MONTHS = [1, 2, 3, 6, 9, 12, 18, 24];
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
      <legend>{t('keepingFields.legend')}</legend>
      <p class="hint">{t('keepingFields.hint')}</p>
      <Field
        label={t('keepingFields.discussions')}
        name="discussionMonths"
        hint={t('keepingFields.discussionsHint')}
        error={error}
      >
        {(a) => (
          <select
            {...a}
            value={discussionMonths}
            onChange={(e) => set('discussionMonths', e.currentTarget.value)}
          >
            <option value="">{t('keepingFields.never')}</option>
            {monthChoices(discussionMonths).map((n) => (
              <option key={n} value={String(n)}>
                {t('keepingFields.after', { months: n })}
              </option>
            ))}
          </select>
        )}
      </Field>
      {saved && shorter(saved.discussionMonths, discussionMonths) && (
        <p class="notice caution" role="status">
          {t('keepingFields.discussionsShortened')}
        </p>
      )}
      <Field
        label={t('keepingFields.attendance')}
        name="attendanceMonths"
        hint={t('keepingFields.attendanceHint')}
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
                {t('keepingFields.after', { months: n })}
              </option>
            ))}
          </select>
        )}
      </Field>
      {saved && shorter(saved.attendanceMonths, attendanceMonths) && (
        <p class="notice caution" role="status">
          {t('keepingFields.attendanceShortened')}
        </p>
      )}
    </fieldset>
  );
}
