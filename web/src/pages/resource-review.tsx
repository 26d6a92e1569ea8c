/** The reviewers' queue: suggestions, listings due for review, reported problems. @module */
import { useEffect, useState } from 'preact/hooks';
import { REPORT_PROBLEMS } from '../../../functions/core/resources';
import { get } from '../api';
import { ListSection } from '../components/list-section';
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
  const listed = (r: Resource) => (
    <li key={r.resourceId}>
      <a href={`/resources/${r.resourceId}`}>{r.title}</a> <span class="meta">added by {r.addedBy}</span>
    </li>
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
          <ListSection
            id="suggested"
            title="Suggested"
            items={queue.suggested}
            empty="No suggestions waiting."
            listClass="notes"
            item={listed}
          />
          <ListSection
            id="due"
            title="Needs review"
            items={queue.needsReview}
            empty="Nothing is due for review."
            listClass="notes"
            item={listed}
          />
          <ListSection
            id="problems"
            title="Reported problems"
            items={queue.reports}
            empty="No problems reported."
            listClass="notes"
            item={(p) => (
              <li key={p.reportId}>
                <a href={`/resources/${p.resourceId}`}>{p.title}</a>:{' '}
                {REPORT_PROBLEMS[p.problem as keyof typeof REPORT_PROBLEMS] ?? p.problem}
                {p.note ? ` (“${p.note}”)` : ''}
              </li>
            )}
          />
        </>
      )}
    </>
  );
}
