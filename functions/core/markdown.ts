/**
 * The markdown subset posts are written in, parsed to a tree that the web app renders as
 * elements: paragraphs, line breaks, *emphasis*, **strong**, bulleted and numbered lists, and
 * links to http(s) addresses. Nothing in a post ever becomes markup: there is no raw HTML, no
 * image, and every character outside that syntax is text, so there is nothing to sanitise.
 * @module
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'em'; children: Inline[] }
  | { type: 'strong'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'br' };

export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] };

/** Where links may go: http and https only (no javascript:, data:, or relative tricks). */
export function safeHref(raw: string): string | null {
  const trimmed = raw.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** Inline syntax: links first, then strong, then emphasis; anything unmatched stays text. */
function inline(source: string, depth = 0): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ type: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const link = depth < 3 ? /^\[([^\]\n]{1,300})\]\(([^)\s]{1,2000})\)/.exec(rest) : null;
    if (link) {
      const href = safeHref(link[2]!);
      if (href) {
        flush();
        out.push({
          type: 'link',
          href,
          children: inline(link[1]!, depth + 1).filter((n) => n.type !== 'link'),
        });
        i += link[0].length;
        continue;
      }
    }
    const strong = depth < 3 ? /^\*\*(?=\S)([\s\S]*?\S)\*\*/.exec(rest) : null;
    if (strong) {
      flush();
      out.push({ type: 'strong', children: inline(strong[1]!, depth + 1) });
      i += strong[0].length;
      continue;
    }
    const em = depth < 3 ? /^[*_](?=\S)([^*_\n]*?\S)[*_]/.exec(rest) : null;
    // Underscores do not emphasise inside words (snake_case stays as typed).
    const inWord = (at: number) => /[\p{L}\p{N}]/u.test(source[at] ?? '');
    if (
      em &&
      em[0][0] === em[0].at(-1) &&
      (em[0][0] === '*' || (!inWord(i - 1) && !inWord(i + em[0].length)))
    ) {
      flush();
      out.push({ type: 'em', children: inline(em[1]!, depth + 1) });
      i += em[0].length;
      continue;
    }
    if (source[i] === '\n') {
      flush();
      out.push({ type: 'br' });
      i++;
      continue;
    }
    text += source[i];
    i++;
  }
  flush();
  return out;
}

const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;

/** Parses a post. Blocks are separated by blank lines; a run of list lines is a list. */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', children: inline(paragraph.join('\n')) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    const kind = BULLET.test(line) ? BULLET : NUMBERED.test(line) ? NUMBERED : null;
    if (kind) {
      endParagraph();
      const items: Inline[][] = [];
      while (i < lines.length && kind.test(lines[i]!)) {
        items.push(inline(kind.exec(lines[i]!)![1]!));
        i++;
      }
      blocks.push({ type: 'list', ordered: kind === NUMBERED, items });
      continue;
    }
    if (line.trim() === '') endParagraph();
    else paragraph.push(line.trim());
    i++;
  }
  endParagraph();
  return blocks;
}

/** The plain text of a tree (for previews, notifications and crisis checks). */
export function plainText(blocks: Block[]): string {
  const of = (nodes: Inline[]): string =>
    nodes.map((n) => (n.type === 'text' ? n.text : n.type === 'br' ? '\n' : of(n.children))).join('');
  return blocks
    .map((b) => (b.type === 'paragraph' ? of(b.children) : b.items.map(of).join('\n')))
    .join('\n\n');
}
