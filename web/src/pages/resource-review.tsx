/** The reviewers' queue: suggestions, listings due for review, reported problems. @module */
import { useEffect, useState } from 'preact/hooks';
import { REPORT_PROBLEMS } from '../../../functions/core/resources';
import { get } from '../api';
import { ListSection } from '../components/list-section';
import { type Resource, standingIn } from '../components/resource-parts';
import { t, tx } from '../i18n';
import { label } from '../labels';
import { location, me } from '../state';
import { Back, Loading, SignInFirst, usePage } from '../ui';

export function ReviewQueuePage() {
  const h = usePage(t('resourceReview.title'));
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
  if (me.value === null)
    return <SignInFirst title={t('resourceReview.title')} doing={t('resourceReview.signInDoing')} />;
  const listed = (r: Resource) => (
    <li key={r.resourceId}>
      <a href={`/resources/${r.resourceId}`}>{r.title}</a>{' '}
      <span class="meta">{t('resourceReview.addedBy', { name: r.addedBy })}</span>
    </li>
  );
  return (
    <>
      <Back href={`/resources?scope=${scope}`}>{t('resourceReview.backToAll')}</Back>
      <h1 ref={h} tabIndex={-1}>
        {t('resourceReview.title')}
      </h1>
      {error ? (
        <p class="alert" role="alert">
          {error}
        </p>
      ) : reviewer === false ? (
        <p>
          {tx('resourceReview.notReviewer', { scope: scope === 'global' ? 'global' : 'group' }, (c) => (
            <a href="/professional">{c}</a>
          ))}
        </p>
      ) : !queue ? (
        <Loading />
      ) : (
        <>
          <ListSection
            id="suggested"
            title={t('resourceReview.suggested')}
            items={queue.suggested}
            empty={t('resourceReview.noSuggestions')}
            listClass="notes"
            item={listed}
          />
          <ListSection
            id="due"
            title={t('resourceReview.needsReview')}
            items={queue.needsReview}
            empty={t('resourceReview.nothingDue')}
            listClass="notes"
            item={listed}
          />
          <ListSection
            id="problems"
            title={t('resourceReview.reported')}
            items={queue.reports}
            empty={t('resourceReview.noProblems')}
            listClass="notes"
            item={(p) => (
              <li key={p.reportId}>
                {tx(
                  p.note ? 'resourceReview.problemWithNote' : 'resourceReview.problem',
                  {
                    problem: Object.hasOwn(REPORT_PROBLEMS, p.problem)
                      ? label('problem', p.problem as keyof typeof REPORT_PROBLEMS)
                      : p.problem,
                  },
                  () => (
                    <a href={`/resources/${p.resourceId}`}>{p.title}</a>
                  ),
                  () => (
                    <>{p.note}</>
                  ),
                )}
              </li>
            )}
          />
        </>
      )}
    </>
  );
}
