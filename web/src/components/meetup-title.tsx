import type { ApiError } from '../api';
import { t } from '../i18n';
import { TextField } from '../ui';

/** A meetup's or a series' title, as every form that sets one asks for it. */
export function MeetupTitleField(props: {
  value: string;
  onValue: (v: string) => void;
  error: ApiError | null;
}) {
  return <TextField label={t('meetupTitle.label')} name="title" maxLength={120} {...props} />;
}
