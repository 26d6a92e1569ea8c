/** Putting a cancelled meetup back on, for its organisers, while it is still ahead. */
import { useEffect, useState } from 'preact/hooks';
import type { MeetupView, OccurrenceView } from '../../../functions/core/schemas/meetups';
import { whyNotRestore } from '../../../functions/core/series';
import { get, post, serverNow } from '../api';
import { t } from '../i18n';
import { ErrorSummary, useSubmit } from '../ui';

/** What restoring told, in words: "Back on. 2 people who had a place or a duty were told…". */
export const restoredText = (told: number): string => t('restoreMeetup.restored', { told });

export function RestoreMeetup({ o, onDone }: { o: OccurrenceView; onDone: (news: string) => void }) {
  // A series' own state decides too: the whole series may be cancelled.
  const [series, setSeries] = useState<string | null>(o.recurring ? null : 'scheduled');
  useEffect(() => {
    if (o.recurring) void get<MeetupView>(`/meetups/${o.meetupId}`).then((m) => setSeries(m.status));
  }, [o.meetupId, o.recurring]);
  const restore = useSubmit(async () => {
    const r = await post<{ occurrence: OccurrenceView; told: number }>(
      `/occurrences/${o.occurrenceId}/restore`,
    );
    onDone(restoredText(r.told));
  });
  if (series === null) return null;
  const why = whyNotRestore(
    { status: o.status, startAt: Date.parse(o.startAt), cancelReason: o.cancelReason },
    series,
    serverNow(),
  );
  if (why) {
    // core's reason, in the reader's words: the same tests, in the same order, as whyNotRestore's.
    const reason =
      o.status !== 'cancelled'
        ? 'notCancelled'
        : Date.parse(o.startAt) <= serverNow()
          ? 'passed'
          : series === 'cancelled'
            ? 'series'
            : 'newDates';
    return <p class="meta">{t('restoreMeetup.cannot', { reason })}</p>;
  }
  return (
    <>
      <ErrorSummary error={restore.error} />
      <p class="hint">{t('restoreMeetup.hint')}</p>
      <p>
        <button type="button" class="secondary" aria-disabled={restore.busy} onClick={() => restore.submit()}>
          {t('restoreMeetup.putBack')}
        </button>
      </p>
    </>
  );
}
