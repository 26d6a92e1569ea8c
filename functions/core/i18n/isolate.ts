/**
 * Names and titles inside a right-to-left sentence: a Latin title in an Arabic sentence, with the
 * quotation marks and colon around it, is reordered by the bidirectional algorithm unless it is
 * isolated (FSI … PDI, Unicode's first-strong isolate). Only the values a message shows as they
 * are get isolated; those it chooses by (plural, select) or formats (number) are left alone.
 * @module
 */

type Token = string | [string] | [string, string, ...unknown[]];

const known = new WeakMap<object, Set<string>>();

/**
 * The names of the values a compiled message shows as they are (`{title}`, not `{n, plural}`),
 * found once per message (a right-to-left page asks on every message it says).
 */
export function shownAsIs(compiled: unknown): Set<string> {
  if (compiled && typeof compiled === 'object') {
    const found = known.get(compiled);
    if (found) return found;
  }
  const names = new Set<string>();
  const walk = (tokens: unknown): void => {
    if (!Array.isArray(tokens)) return;
    for (const token of tokens as Token[]) {
      if (!Array.isArray(token)) continue;
      if (token.length === 1) names.add(token[0]);
      else if (token[2] && typeof token[2] === 'object')
        for (const branch of Object.values(token[2] as Record<string, unknown>)) walk(branch);
    }
  };
  walk(compiled);
  if (compiled && typeof compiled === 'object') known.set(compiled, names);
  return names;
}

const FSI = '\u2068';
const PDI = '\u2069';

/** `values` with each text shown as it is isolated, for a right-to-left language's sentence. */
export function isolated<T extends Record<string, unknown>>(compiled: unknown, values: T): T {
  const plain = shownAsIs(compiled);
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      plain.has(k) && typeof v === 'string' && v ? `${FSI}${v}${PDI}` : v,
    ]),
  ) as T;
}
