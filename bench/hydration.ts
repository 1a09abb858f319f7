// Hydration's bench figures: its throughput against a rate-limited sandbox, as a share of its budget; the mirror's size once hydrated.
import type { BrowserContext, Page } from 'playwright-core'
import { startSandbox } from '../src/sandbox/faults/knobbed-sandbox'
import { call, signInBenchPage } from './bench-page-driver'
import type { Figure } from './report'

/** Enough contacts for two requests each to outlast several rate windows. */
const HYDRATE_CONTACTS = 300
const HYDRATE_LIMIT = { limit: 20, windowMs: 1000 }
/** Hydration's share of the announced limit (the default setting): what main's limiter allows it beside other work. */
const HYDRATE_SHARE = 0.5
const MB = 1024 * 1024

/**
 * The real hydrator in the bench page, through the host bridge and the real client, against a
 * sandbox with partial list rows and a rate limit: requests per second as a share of hydration's
 * budget (its share of the limit), and how many answers were 429.
 */
export async function hydrationThroughput(context: BrowserContext, url: string): Promise<Figure[]> {
  const limited = await startSandbox({ port: 0, contacts: HYDRATE_CONTACTS, knobs: { rows: 'partial', rateLimit: HYDRATE_LIMIT } })
  const page = await context.newPage()
  try {
    const accountId = await signInBenchPage(page, url, limited)
    await call<number>(page, 'prepareHydration', accountId)
    // Only hydration's own requests count: not the sign-in check nor the pull before it.
    await new Promise((resolve) => setTimeout(resolve, HYDRATE_LIMIT.windowMs))
    const before = { ...limited.stats }
    const run = await call<{ ms: number; hydrated: number; total: number }>(page, 'hydrate', accountId)
    const requests = limited.stats.requests - before.requests
    const rateLimited = limited.stats.rateLimited - before.rateLimited
    const perSecond = requests / (run.ms / 1000)
    const limitPerSecond = HYDRATE_LIMIT.limit / (HYDRATE_LIMIT.windowMs / 1000)
    const budget = limitPerSecond * HYDRATE_SHARE
    return [
      {
        name: 'hydration throughput (share of its budget)',
        value: (100 * perSecond) / budget,
        unit: '%',
        target: 90,
        atLeast: true,
        note:
          `${run.hydrated} of ${run.total} contacts (partial list rows: a GET and a notes list each), ${requests} requests in ${(run.ms / 1000).toFixed(1)} s = ` +
          `${perSecond.toFixed(1)}/s; budget ${HYDRATE_SHARE * 100} % of ${HYDRATE_LIMIT.limit}/${HYDRATE_LIMIT.windowMs} ms = ${budget}/s; ` +
          `${((100 * perSecond) / limitPerSecond).toFixed(0)} % of the whole limit` +
          (perSecond > budget * 1.05 ? ' (above its budget: main did not hold hydration to its share)' : ''),
      },
      { name: 'hydration requests answered 429', value: (100 * rateLimited) / Math.max(1, requests), unit: '%', target: 1, note: `${rateLimited} of ${requests}` },
    ]
  } finally {
    await page.close()
    await limited.close()
  }
}

/** The 100k mirror with every contact's notes (3 on average) and freshness stamps: what it weighs on disk. */
export async function hydratedMirrorSize(page: Page, accountId: string): Promise<Figure> {
  const size = await call<{ before: number; after: number; notes: number; contacts: number }>(page, 'hydratedMirrorSize', accountId)
  return {
    name: `mirror on disk, ${size.contacts / 1000}k hydrated contacts with notes`,
    value: size.after / MB,
    unit: 'MB',
    // The issue sets no target for the size: a ceiling of 1 GB, so a blow-up shows.
    target: 1024,
    note:
      `navigator.storage.estimate() of the origin (the mirror, its snapshot, the bench's scratch copies) after ${size.notes.toLocaleString('en')} notes and the freshness stamps: ` +
      `${(size.before / MB).toFixed(0)} MB before, +${((size.after - size.before) / MB).toFixed(0)} MB`,
  }
}
