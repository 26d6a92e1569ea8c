/** The numbers behind a chart, as a table (folded, for whoever wants them; screen readers read it). @module */
import type { ComponentChildren } from 'preact';
import { t } from '../i18n';

export function FiguresTable(props: {
  caption: string;
  head: string[];
  rows: { key: string; head: ComponentChildren; cells: ComponentChildren[] }[];
}) {
  return (
    <details>
      <summary>{t('outcomes.numbers')}</summary>
      <div class="table-wrap">
        {/* At a phone's width each row stands as a card, each number named by its column. */}
        <table class="stack figures">
          <caption class="visually-hidden">{props.caption}</caption>
          <thead>
            <tr>
              {props.head.map((h) => (
                <th scope="col" key={h}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.head}</th>
                {r.cells.map((c, i) => (
                  <td key={i} data-label={props.head[i + 1]}>
                    {c}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
