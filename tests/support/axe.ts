/**
 * axe-core over a page, with two checks of our own: the page fits its width (no sideways
 * scrolling), and no maxlength cuts a pasted text silently. The page must bypass the CSP so
 * axe's script can be injected.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Violation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

export async function audit(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: object) => Promise<{ violations: unknown[] }> } })
      .axe;
    return (
      await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] } })
    ).violations;
  })) as Violation[];
  // Not axe's, but checked on every page as well: the page fits its width (no sideways scrolling),
  // and no maxlength cuts a pasted text silently.
  const wide = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  const cutting = await page
    .locator('input[maxlength], textarea[maxlength]')
    .evaluateAll((els) => els.map((e) => e.id || e.getAttribute('name') || e.tagName));
  return [
    ...violations.map(
      (v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    ),
    ...cutting.map((f) => `maxlength on ${f}: a pasted text would be cut without a word`),
    ...(wide > 1 ? [`the page is ${wide}px wider than the screen: it scrolls sideways`] : []),
  ];
}
