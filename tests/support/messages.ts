/** What an ICU message uses, for tests that compare a translation with its English. */
import { parse, type Token } from '@messageformat/parser';

/** The names of the values a message uses, and its element tags (`<0>…</0>`). */
export function uses(message: string): { values: string[]; tags: string[] } {
  const values = new Set<string>();
  const tags = new Set<string>();
  const walk = (tokens: Token[]): void => {
    for (const token of tokens) {
      if (token.type === 'content') for (const t of token.value.matchAll(/<\/?(\d+)\/?>/g)) tags.add(t[1]!);
      else if (token.type !== 'octothorpe') {
        values.add(token.arg);
        if ('cases' in token) for (const c of token.cases) walk(c.tokens);
      }
    }
  };
  walk(parse(message));
  return { values: [...values].sort(), tags: [...tags].sort() };
}
