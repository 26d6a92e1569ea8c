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

/**
 * axe's findings on `url` as `page`'s person sees it, at `width`, once `ready` shows: in a context
 * of its own that lets axe in (the person's own pages stay under the CSP), with their cookies and,
 * given one, their clock.
 */
export async function auditAs(
  page: Page,
  url: string,
  opts: { width: number; ready: string; now?: number },
): Promise<string[]> {
  const browser = page.context().browser()!;
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: opts.width, height: 800 } });
  try {
    await context.addCookies(await page.context().cookies());
    if (opts.now !== undefined) await context.clock.setFixedTime(opts.now);
    const other = await context.newPage();
    await other.goto(url);
    await other.locator(opts.ready).first().waitFor();
    return await audit(other);
  } finally {
    await context.close();
  }
}
