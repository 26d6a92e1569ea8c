/** The reviewers' queue: suggestions, listings due for review, reported problems. @module */
import { useEffect, useState } from 'preact/hooks';
import { REPORT_PROBLEMS } from '../../../functions/core/resources';
import { get } from '../api';
import { type Resource, standingIn } from '../components/resource-parts';
import { location, me } from '../state';
import { Back, Loading, SignInFirst, usePage } from '../ui';

export function ReviewQueuePage() {
  const h = usePage('Review queue');
  const scope = location.value.searchParams.get('scope') ?? 'global';
  const [queue, setQueue] = useState<{
    suggested: Resource[];
    needsReview: Resource[];
    reports: { reportId: string; resourceId: string; title: string; problem: string; note: string }[];
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Whether they review this directory is asked first: someone who does not is told so, and how
  // to become one, rather than refused.
  const [reviewer, setReviewer] = useState<boolean | null>(null);
  useEffect(() => {
    if (!me.value) return;
    void standingIn(scope)
      .then(async (s) => {
        setReviewer(s.professional || s.curates);
        if (s.professional || s.curates)
          setQueue(await get<NonNullable<typeof queue>>(`/review-queue?scope=${scope}`));
      })
      .catch((e: Error) => setError(e.message));
  }, [scope, me.value?.userId]);
  if (me.value === null) return <SignInFirst title="Review queue" doing="review resources" />;
  const list = (rs: Resource[], empty: string) =>
    rs.length === 0 ? (
      <p>{empty}</p>
    ) : (
      <ul class="notes">
        {rs.map((r) => (
          <li key={r.resourceId}>
            <a href={`/resources/${r.resourceId}`}>{r.title}</a>{' '}
            <span class="meta">added by {r.addedBy}</span>
          </li>
        ))}
      </ul>
    );
  return (
    <>
      <Back href={`/resources?scope=${scope}`}>Resources</Back>
      <h1 ref={h} tabIndex={-1}>
        Review queue
      </h1>
      {error ? (
        <p class="alert" role="alert">
          {error}
        </p>
      ) : reviewer === false ? (
        <p>
          The review queue is for this directory’s reviewers: verified professionals
          {scope === 'global' ? ' and platform admins' : ', and the group’s owners and moderators'}. If you
          work in mental health, you can <a href="/professional">apply to be verified</a>.
        </p>
      ) : !queue ? (
        <Loading />
      ) : (
        <>
          <section aria-labelledby="suggested">
            <h2 id="suggested">Suggested ({queue.suggested.length})</h2>
            {list(queue.suggested, 'No suggestions waiting.')}
          </section>
          <section aria-labelledby="due">
            <h2 id="due">Needs review ({queue.needsReview.length})</h2>
            {list(queue.needsReview, 'Nothing is due for review.')}
          </section>
          <section aria-labelledby="problems">
            <h2 id="problems">Reported problems ({queue.reports.length})</h2>
            {queue.reports.length === 0 ? (
              <p>No problems reported.</p>
            ) : (
              <ul class="notes">
                {queue.reports.map((p) => (
                  <li key={p.reportId}>
                    <a href={`/resources/${p.resourceId}`}>{p.title}</a>:{' '}
                    {REPORT_PROBLEMS[p.problem as keyof typeof REPORT_PROBLEMS] ?? p.problem}
                    {p.note ? ` (“${p.note}”)` : ''}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
