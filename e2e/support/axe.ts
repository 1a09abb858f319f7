// axe-core, the engine behind browsers' accessibility audits, run in the app's page against WCAG 2.1 A and AA.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import type { AxeResults, Result } from 'axe-core'

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
/** Rules outside WCAG's tags that the audit met too: a level-one heading, named dialogs, content in landmarks. */
const ALSO = ['page-has-heading-one', 'aria-dialog-name', 'region']
let source: Promise<string> | undefined

/** One line per violated rule and distinct failure (a colour pair, a missing attribute), with the first element at fault. */
function describe(violation: Result): string[] {
  const byFailure = new Map<string, string[]>()
  for (const node of violation.nodes) {
    const failure = (node.failureSummary ?? '').replace(/\s+/g, ' ').replace(/^Fix (any|all) of the following: /, '')
    byFailure.set(failure, [...(byFailure.get(failure) ?? []), node.target.join(' ')])
  }
  return [...byFailure].map(([failure, targets]) => `${violation.id}: ${failure} — ${targets.length} like ${targets[0]}`)
}

/**
 * The WCAG 2.1 AA rules (and ALSO) the page as it stands violates, described; [] when none. axe is evaluated
 * rather than added as a script tag: the app's Content-Security-Policy refuses inline scripts.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  source ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  const loaded = await page.evaluate(() => 'axe' in window)
  if (!loaded) await page.evaluate(await source)
  type RunOnly = { type: 'tag' | 'rule'; values: string[] }
  const run = (runOnly: RunOnly) =>
    page.evaluate(
      (runOnly) => (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, { runOnly, resultTypes: ['violations'] }),
      runOnly,
    ) as Promise<AxeResults>
  // One run after the other: axe refuses to start while a run is going.
  const wcag = await run({ type: 'tag', values: WCAG_21_AA })
  const also = await run({ type: 'rule', values: ALSO })
  return [...wcag.violations, ...also.violations].flatMap(describe)
}
