/** A list of like rows a person edits in place: each row's fields, a way to remove it, and one to add another. @module */
import type { ComponentChildren } from 'preact';
import { t } from '../i18n';

export function Rows<T extends object>(props: {
  legend: string;
  items: T[];
  onItems: (items: T[]) => void;
  /** The row "add" appends. */
  fresh: () => T;
  /** The add button's words ("Add dates away"). */
  add: string;
  /** One row's fields, given a way to change that row alone. */
  children: (item: T, i: number, change: (part: Partial<T>) => void) => ComponentChildren;
}) {
  const { items, onItems } = props;
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {items.map((item, i) => (
        // Keyed by position: the rows carry no id, and a removed row's inputs must not linger.
        <div class="row" key={`${i}-${items.length}`}>
          {props.children(item, i, (part) => onItems(items.map((x, j) => (j === i ? { ...x, ...part } : x))))}
          <button
            type="button"
            class="secondary small"
            onClick={() => onItems(items.filter((_, j) => j !== i))}
          >
            {t('rows.remove')}
          </button>
        </div>
      ))}
      <button type="button" class="secondary small" onClick={() => onItems([...items, props.fresh()])}>
        {props.add}
      </button>
    </fieldset>
  );
}
