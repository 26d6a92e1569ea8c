/**
 * How a group's sessions go, for its facilitators and owners: attendance per meetup, session
 * feedback per month with its comments, as charts with the same numbers in tables. Totals only,
 * none made of fewer than five answers.
 * @module
 */
import { FEEDBACK_ITEMS, WHO5_BANDS } from '../../../functions/core/outcomes';
import type { GroupDetail } from '../../../functions/core/schemas/groups';
import type { OutcomesView } from '../../../functions/core/schemas/outcomes';
import { get } from '../api';
import { Chart } from '../charts/chart';
import { FiguresTable } from '../components/figures-table';
import { locale, num, t } from '../i18n';
import { useLoad } from '../load';
import { Back, Loading, usePage } from '../ui';
import { dateText } from '../when';

const month = (m: string) =>
  new Intl.DateTimeFormat(locale.value, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.parse(`${m}-01T00:00:00Z`),
  );

/** A WHO-5 range, as numbers ("0–28"). */
const bandText = (band: string) => band.replace('-', '–');

/** The first day of a quarter (`2027-Q2`), for the chart's axis. */
const quarterStart = (q: string) => Date.UTC(Number(q.slice(0, 4)), (Number(q.slice(6)) - 1) * 3, 1);
/** A quarter's mark on the axis, said as the table says it ("Q4 2026"). */
const quarterTick = (ms: number) => {
  const d = new Date(ms);
  // Drawn on a canvas, which reads the words as they are: no isolating marks around the values.
  return t('outcomes.quarterLabel', {
    q: String(Math.floor(d.getUTCMonth() / 3) + 1),
    year: String(d.getUTCFullYear()),
  }).replace(/[\u2066-\u2069]/g, '');
};

/** The four ratings' column headings. */
const ratingHeads = () => FEEDBACK_ITEMS.map((i) => t(`outcomes.item.${i}`));
/** The four ratings' means, as cells ('–' where not shown). */
const meansOf = (means: Record<string, number> | null) =>
  FEEDBACK_ITEMS.map((i) => (means?.[i] === undefined ? '–' : num(means[i])));

const fewer = () => <span class="meta">{t('outcomes.fewer', { k: 5 })}</span>;

export function OutcomesPage({ groupId }: { groupId: string }) {
  const [data, failed] = useLoad(
    async () =>
      Promise.all([get<GroupDetail>(`/groups/${groupId}`), get<OutcomesView>(`/groups/${groupId}/outcomes`)]),
    [groupId],
  );
  const h = usePage(t('outcomes.title'));
  if (!data) return <Loading error={failed} />;
  const [group, o] = data;
  const attendance = o.attendance;
  const months = o.feedback.months;
  const titles = new Map(attendance.map((a) => [a.occurrenceId, a.title]));
  /** A meetup's row: its title, kept apart from the page's direction, over its date. */
  const meetupHead = (title: string | undefined, startAt: string) => (
    <>
      {title && (
        <>
          <bdi>{title}</bdi>
          <br />
        </>
      )}
      <span class="meta">{dateText(startAt)}</span>
    </>
  );
  /** The meetups with enough answers to show. */
  const shown = o.feedback.meetups.filter((m) => m.means);
  return (
    <>
      <Back href={`/groups/${groupId}`}>{group.name}</Back>
      <h1 ref={h} tabIndex={-1}>
        {t('outcomes.title')}
      </h1>
      <p>{t('outcomes.intro', { k: o.kMin })}</p>
      {group.membership?.role === 'owner' && group.researchShare && (
        <p>
          <a class="button secondary" href={`/api/groups/${groupId}/outcomes.csv`} download>
            {t('outcomes.download')}
          </a>
          <br />
          <span class="meta">{t('outcomes.downloadNote')}</span>
        </p>
      )}

      <section aria-labelledby="attendance">
        <h2 id="attendance">{t('outcomes.attendance')}</h2>
        {attendance.length === 0 ? (
          <p>{t('outcomes.noMeetups')}</p>
        ) : (
          <>
            <Chart
              x={attendance.map((a) => Date.parse(a.startAt))}
              series={[
                {
                  label: t('outcomes.inPerson'),
                  values: attendance.map((a) => a.inPerson),
                  stroke: '#8a3b12',
                },
                {
                  label: t('outcomes.online'),
                  values: attendance.map((a) => a.online),
                  stroke: '#1d4ed8',
                  dash: [6, 4],
                },
              ]}
            />
            <FiguresTable
              caption={t('outcomes.attendance')}
              head={[
                t('outcomes.meetup'),
                t('outcomes.inPerson'),
                t('outcomes.online'),
                t('outcomes.counted'),
              ]}
              rows={attendance.map((a) => ({
                key: a.occurrenceId,
                head: meetupHead(a.title, a.startAt),
                cells: [a.inPerson, a.online, a.headcount].map((n) => (n === null ? '–' : num(n))),
              }))}
            />
          </>
        )}
      </section>

      <section aria-labelledby="feedback-figures">
        <h2 id="feedback-figures">{t('outcomes.feedback')}</h2>
        {months.length === 0 && shown.length === 0 ? (
          <p>{t('outcomes.noFeedback')}</p>
        ) : (
          <>
            <p class="meta">{t('outcomes.feedbackScale')}</p>
            {/* A meetup's figures are final two weeks after it; its month's, once the month is over. */}
            {months.length === 0 && <p>{t('outcomes.noMonthYet')}</p>}
            {months.some((m) => m.means) && (
              <Chart
                x={months.map((m) => Date.parse(`${m.month}-15T00:00:00Z`))}
                per="month"
                yMax={10}
                series={FEEDBACK_ITEMS.map((i, n) => ({
                  label: t(`outcomes.item.${i}`),
                  values: months.map((m) => m.means?.[i] ?? null),
                  stroke: ['#8a3b12', '#1d4ed8', '#14532d', '#6b21a8'][n]!,
                  ...(n % 2 ? { dash: [6, 4] } : {}),
                }))}
              />
            )}
            {months.length > 0 && (
              <FiguresTable
                caption={t('outcomes.feedback')}
                head={[t('outcomes.month'), t('outcomes.answers'), ...ratingHeads()]}
                rows={months.map((m) => ({
                  key: m.month,
                  head: month(m.month),
                  cells: [m.answers === null ? fewer() : num(m.answers), ...meansOf(m.means)],
                }))}
              />
            )}
            <h3>{t('outcomes.byMeetup')}</h3>
            {shown.length === 0 ? (
              <p>{t('outcomes.noneByMeetup', { k: o.kMin })}</p>
            ) : (
              <>
                <Chart
                  x={shown.map((m) => Date.parse(m.startAt))}
                  yMax={10}
                  series={[
                    {
                      label: t('outcomes.item.overall'),
                      values: shown.map((m) => m.means?.overall ?? null),
                      stroke: '#6b21a8',
                    },
                  ]}
                />
                <FiguresTable
                  caption={t('outcomes.byMeetup')}
                  head={[t('outcomes.meetup'), t('outcomes.answers'), ...ratingHeads()]}
                  rows={shown.map((m) => ({
                    key: m.occurrenceId,
                    head: meetupHead(titles.get(m.occurrenceId), m.startAt),
                    cells: [m.answers === null ? fewer() : num(m.answers), ...meansOf(m.means)],
                  }))}
                />
              </>
            )}
            <h3>{t('outcomes.comments')}</h3>
            {months.every((m) => m.comments.length === 0) ? (
              <p>{t('outcomes.noComments', { k: o.kMin })}</p>
            ) : (
              months
                .filter((m) => m.comments.length)
                .map((m) => (
                  <div key={m.month}>
                    <h4>{month(m.month)}</h4>
                    <ul class="comments">
                      {m.comments.map((c, i) => (
                        // The comment's own direction inside, the list's outside: its bullet stays on the page's side.
                        <li key={i}>
                          <bdi>{c}</bdi>
                        </li>
                      ))}
                    </ul>
                  </div>
                ))
            )}
          </>
        )}
      </section>
      <section aria-labelledby="wellbeing-figures">
        <h2 id="wellbeing-figures">{t('outcomes.wellbeing')}</h2>
        {o.wellbeing.length === 0 ? (
          <p>{t('outcomes.noWellbeing')}</p>
        ) : (
          <>
            <p class="meta">{t('outcomes.wellbeingNote')}</p>
            {o.wellbeing.some((q) => q.bands) && (
              <Chart
                x={o.wellbeing.map((q) => quarterStart(q.quarter))}
                per="month"
                tick={quarterTick}
                yMax={100}
                yUnit="%"
                series={WHO5_BANDS.map((b, n) => ({
                  label: bandText(b),
                  values: o.wellbeing.map((q) =>
                    q.bands && q.members ? Math.round(((q.bands[b] ?? 0) / q.members) * 100) : null,
                  ),
                  stroke: ['#9f1d1d', '#8a3b12', '#1d4ed8', '#14532d'][n]!,
                  ...(n % 2 ? { dash: [6, 4] } : {}),
                }))}
              />
            )}
            <FiguresTable
              caption={t('outcomes.wellbeing')}
              head={[t('outcomes.quarter'), t('outcomes.members'), ...WHO5_BANDS.map(bandText)]}
              rows={o.wellbeing.map((q) => ({
                key: q.quarter,
                head: t('outcomes.quarterLabel', { q: q.quarter.slice(6), year: q.quarter.slice(0, 4) }),
                cells: [
                  q.members === null ? fewer() : num(q.members),
                  ...WHO5_BANDS.map((b) => (q.bands?.[b] === undefined ? '–' : num(q.bands[b]))),
                ],
              }))}
            />
          </>
        )}
      </section>
    </>
  );
}
