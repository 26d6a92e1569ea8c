/** A group's meetups by month. @module */
import { useEffect, useState } from 'preact/hooks';
import type { OccurrenceView } from '../../../functions/core/schemas/meetups';
import { get } from '../api';
import type { Page } from '../components/occurrence-cards';
import { locale, t } from '../i18n';
import { weekdayName } from '../labels';
import { Back, Loading, usePage } from '../ui';
import { formatIn, zoneText } from '../when';

/** A month grid of a group's meetups (in the group's zone). */
export function MonthView({ groupId, month }: { groupId: string; month: string }) {
  const [items, setItems] = useState<OccurrenceView[] | null>(null);
  const [zone, setZone] = useState<string>('UTC');
  const [year, m] = month.split('-').map(Number) as [number, number];
  useEffect(() => {
    setItems(null);
    const from = new Date(Date.UTC(year, m - 1, 1) - 86_400_000).toISOString();
    const to = new Date(Date.UTC(year, m, 1) + 86_400_000).toISOString();
    void get<Page>(`/groups/${groupId}/occurrences?from=${from}&to=${to}&limit=50`).then((p) => {
      setItems(p.items);
      if (p.items[0]) setZone(p.items[0].timezone);
    });
  }, [groupId, month]);
  const first = new Date(Date.UTC(year, m - 1, 1));
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const label = new Intl.DateTimeFormat(locale.value, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(first);
  const shift = (n: number) => {
    const d = new Date(Date.UTC(year, m - 1 + n, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  };
  const dayOf = (o: OccurrenceView) => o.startLocal.slice(0, 10);
  const cells = [...Array(lead).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  return (
    <section aria-labelledby="month">
      <div class="actions month-nav">
        <a href={`/groups/${groupId}/schedule?month=${shift(-1)}`} aria-label={t('schedule.previousMonth')}>
          ←
        </a>
        <h2 id="month">{label}</h2>
        <a href={`/groups/${groupId}/schedule?month=${shift(1)}`} aria-label={t('schedule.nextMonth')}>
          →
        </a>
      </div>
      {!items ? (
        <Loading />
      ) : (
        <>
          <table class="month">
            <caption class="visually-hidden">{t('schedule.caption', { month: label })}</caption>
            <thead>
              <tr>
                {[0, 1, 2, 3, 4, 5, 6].map((d) => (
                  <th scope="col" key={d}>
                    {weekdayName(d, 'short')}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: Math.ceil(cells.length / 7) }, (_, w) => (
                <tr key={w}>
                  {cells.slice(w * 7, w * 7 + 7).map((d, i) => {
                    const date = d ? `${month}-${String(d).padStart(2, '0')}` : '';
                    const here = d ? items.filter((o) => dayOf(o) === date) : [];
                    return (
                      <td key={i} class={here.length ? 'has' : undefined}>
                        {d && <span class="day">{d}</span>}
                        {here.map((o) => (
                          <a
                            key={o.occurrenceId}
                            href={`/occurrences/${o.occurrenceId}`}
                            class={o.status === 'cancelled' ? 'cancelled' : ''}
                          >
                            {o.startLocal.slice(11)} {o.title}
                          </a>
                        ))}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <p class="meta">{t('schedule.timesIn', { zone: zoneText(zone) })}</p>
          {items.length === 0 && <p>{t('schedule.none')}</p>}
          <ul class="month-list" aria-label={t('schedule.listLabel')}>
            {items
              .filter((o) => o.startLocal.startsWith(month))
              .map((o) => (
                <li key={o.occurrenceId}>
                  <a href={`/occurrences/${o.occurrenceId}`}>
                    {formatIn(o.startAt, o.timezone)} · {o.title}
                  </a>
                  {o.status === 'cancelled' ? ` ${t('schedule.cancelled')}` : ''}
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A group's month of meetups, on a page of its own. */
export function SchedulePage({ groupId, month }: { groupId: string; month: string }) {
  const h = usePage(t('schedule.title'));
  return (
    <>
      <Back href={`/groups/${groupId}`}>{t('schedule.backToGroup')}</Back>
      <h1 ref={h} tabIndex={-1}>
        {t('schedule.title')}
      </h1>
      <MonthView groupId={groupId} month={month} />
    </>
  );
}
