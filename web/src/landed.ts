/**
 * The answers a landing page was rendered with on the server (functions/pages), written into the
 * document as a JSON block (not a script: the CSP stays strict). The part of the page that shows
 * one starts from it, so the app's first render is what is already on screen, with no request
 * and no flash of "Loading…". Each is taken once: a later visit to the same page asks afresh.
 * On the server, the renderer gives the same answers here before it renders.
 * @module
 */
import { inBrowser } from './browser';

/** The block's id in the document (functions/pages/document.ts writes it). */
export const LANDED_ID = 'landed';

let answers: Record<string, unknown> | undefined;

function fromDocument(): Record<string, unknown> {
  const block = inBrowser ? document.getElementById(LANDED_ID) : null;
  try {
    return block?.textContent ? (JSON.parse(block.textContent) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The answer to `GET /api<path>` the page was rendered with, once; undefined when there was none. */
export function landed<T>(path: string): T | undefined {
  answers ??= fromDocument();
  if (!Object.hasOwn(answers, path)) return undefined;
  const answer = answers[path] as T;
  // On the server every render is given its own; in the browser the first page takes each once.
  if (inBrowser) delete answers[path];
  return answer;
}

/** On the server: the answers the next render shows. */
export function renderWith(given: Record<string, unknown>): void {
  answers = given;
}
