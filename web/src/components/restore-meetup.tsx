/** Putting a cancelled meetup back on, for its organisers, while it is still ahead. */
import { useEffect, useState } from 'preact/hooks';
import type { MeetupView, OccurrenceView } from '../../../functions/core/schemas/meetups';
import { whyNotRestore } from '../../../functions/core/series';
import { get, post, serverNow } from '../api';
import { ErrorSummary, useSubmit } from '../ui';

/** What restoring told, in words: "Back on. 2 people who had a place or a duty were told…". */
export function restoredText(told: number): string {
  if (told === 0) return 'Back on. Nobody had a place or a duty to lose.';
  const who =
    told === 1 ? '1 person who had a place or a duty was' : `${told} people who had a place or a duty were`;
  return `Back on. ${who} told, and can RSVP again.`;
}

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
  if (why) return <p class="meta">It cannot be put back on: {why.charAt(0).toLowerCase() + why.slice(1)}.</p>;
  return (
    <>
      <ErrorSummary error={restore.error} />
      <p class="hint">
        Nobody’s place or duty comes back (people may have made other plans): everyone who had one is told,
        and can RSVP again.
      </p>
      <p>
        <button type="button" class="secondary" aria-disabled={restore.busy} onClick={() => restore.submit()}>
          Put this meetup back on
        </button>
      </p>
    </>
  );
}
