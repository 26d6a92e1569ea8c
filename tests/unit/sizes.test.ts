/**
 * One concern per file, one step per function: no source file of functions/ or web/src over 400
 * lines, and no function of either over 150 (a function's body, from its `{` to its `}`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../../scripts/build';

const FILE_LINES = 400;
const FUNCTION_LINES = 150;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Where the brace opened at `open` closes, strings and comments skipped. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '/' && text[i + 1] === '/') i = text.indexOf('\n', i);
    else if (ch === '/' && text[i + 1] === '*') i = text.indexOf('*/', i) + 1;
    else if (ch === "'" || ch === '"' || ch === '`') {
      for (i++; i < text.length && text[i] !== ch; i++) if (text[i] === '\\') i++;
    } else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
    if (i < 0) return text.length;
  }
  return text.length;
}

/** Bodies of function declarations, arrow functions with a block, and methods. */
const STARTS = /function\b[^\n{]*\{|=>\s*\{|^\s+(?:async\s+)?\w+\([^\n]*\)[^\n;=]*\{\s*$/gm;

function longFunctions(text: string, limit: number): { line: number; lines: number }[] {
  const found: { line: number; lines: number }[] = [];
  for (const m of text.matchAll(STARTS)) {
    const open = m.index! + m[0].lastIndexOf('{');
    const first = text.slice(0, open).split('\n').length;
    const lines = text.slice(0, closing(text, open)).split('\n').length - first + 1;
    if (lines > limit) found.push({ line: first, lines });
  }
  return found;
}

describe('sizes', () => {
  it(`keeps every source file to ${FILE_LINES} lines`, () => {
    const long = ['functions', 'web/src']
      .flatMap((dir) => sources(join(root, dir)))
      .map((file) => [relative(root, file), readFileSync(file, 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > FILE_LINES);
    expect(long).toEqual([]);
  });

  it(`keeps every function to ${FUNCTION_LINES} lines`, () => {
    const long = ['functions', 'web/src']
      .flatMap((dir) => sources(join(root, dir)))
      .flatMap((file) =>
        longFunctions(readFileSync(file, 'utf8'), FUNCTION_LINES).map(
          (f) => `${relative(root, file)}:${f.line} (${f.lines} lines)`,
        ),
      );
    expect(long).toEqual([]);
  });

  it('measures a function from its opening brace to its closing one, strings and comments aside', () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `  const a${i} = '}'; // }`).join('\n');
    const text = `export function short() {\n${body(10)}\n}\n\nconst long = async () => {\n${body(160)}\n};\n`;
    expect(longFunctions(text, FUNCTION_LINES)).toEqual([{ line: 14, lines: 162 }]);
  });
});
