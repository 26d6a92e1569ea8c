import type { ComponentChildren } from 'preact';
import { num, t } from '../i18n';

/**
 * A titled part of a page that lists things: how many in its heading, what it says when there
 * are none, and each item as `item` draws it (an `<li>` with its key).
 */
export function ListSection<T>(props: {
  id: string;
  title: string;
  items: readonly T[];
  empty: string;
  listClass: string;
  item: (item: T) => ComponentChildren;
}) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>
        {t('listSection.heading', { title: props.title, count: num(props.items.length) })}
      </h2>
      {props.items.length === 0 ? (
        <p>{props.empty}</p>
      ) : (
        <ul class={props.listClass}>{props.items.map(props.item)}</ul>
      )}
    </section>
  );
}
