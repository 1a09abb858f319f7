// `npm run bench [-- --contacts N] [--only notes-search|scale] [--at-rest]`: seeded contacts (100k unless told) through the real app code in Debian Chromium; prints a table, writes results.json.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { availableParallelism, loadavg } from 'node:os'
import { chromium, type Page } from 'playwright-core'
import { build } from 'vite'
import { startHost } from '../src/host/host-server'
import { startSandbox } from '../src/sandbox/faults/knobbed-sandbox'
import { apiBudgetFigures } from './api-budget'
import { benchQueries, type BenchQuery } from './queries'
import type { ScrollPlan, ScrollResult } from './page/scroll-probe'
import { loadLine, percentile, table, verdict, type Figure } from './report'
import { scriptRecall } from './script-recall'
import { AT_REST_ROUNDS, atRestFigures, type AtRest } from './at-rest'
import { bulkTagFigure, type BulkTag } from './bulk-tag'
import { BENCH_HOST, BENCH_WEB, buildBenchPage, call, CHROMIUM, FLAGS, log, ROOT, signInBenchPage } from './bench-page-driver'
import { measureContactsIo } from './contacts-io'
import { measureRequestsPerEdit } from './edit-requests'
import { hydratedMirrorSize, hydrationThroughput } from './hydration'
import { benchArgs, scaleTargets, targetFor100k, withBasis } from './scale'

const ARGS = benchArgs(process.argv.slice(2))
const CONTACTS = ARGS.contacts
/** The targets that depend on the count (bench/scale.ts): the issue's for 100k, or for 500k. */
const TARGETS = scaleTargets(CONTACTS)
const ROUNDS = 20
const MB = 1024 * 1024
const BULK_CONTACTS = 10_000
const REPLAY_INTENTS = 300
const REPLAY_LIMIT = { limit: 20, windowMs: 1000 }
/** 60 fps: one frame every 16.7 ms (DESIGN.md: "scrolling 100k rows at 60 fps"). */
const FRAME_MS = 16.7
/** 8 rows a frame (a fast wheel scroll), 400 frames down then 400 up: 6,400 rows, plus jumps to the far end and the middle. */
const SCROLL_PLAN: ScrollPlan = { stepPx: 320, continuousFrames: 400, holdFrames: 30, idleFrames: 60 }
const SCROLL_PROBE = join(BENCH_WEB, 'scroll-probe.js')
/** `npm run bench -- --only notes-search`: seed, pull, then only the search-with-notes figures (a few minutes less). */
const ONLY_NOTES_SEARCH = ARGS.only === 'notes-search'
/**
 * `npm run bench -- --contacts 500000 --only scale`: seed, pull, then only the figures the issue sets 500k targets for
 * (search p95 with emails and notes, the worker's heap, search ready, first rows), with in-index search and recall.
 */
const ONLY_SCALE = ARGS.only === 'scale'
/** `npm run bench -- --at-rest`: only issue 15's figures (the mirror sealed and unsealed) and the app path's bulk tag, a few minutes rather than many. */
const AT_REST_ONLY = ARGS.atRestOnly

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('Performance.enable')
  const { metrics } = await cdp.send('Performance.getMetrics')
  await cdp.detach()
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN
}

async function main(): Promise<void> {
  const started = Date.now()
  const loadAtStart = loadavg()[0]
  log('building the bench page')
  await buildBenchPage()
  // The scroll probe runs inside the real app page (evaluated, so the app's CSP does not apply): one self-contained script.
  await build({
    root: join(ROOT, 'bench/page'),
    logLevel: 'warn',
    configFile: false,
    build: {
      outDir: BENCH_WEB,
      emptyOutDir: false,
      lib: { entry: join(ROOT, 'bench/page/scroll-probe.ts'), formats: ['iife'], name: 'benchScrollProbe', fileName: () => 'scroll-probe.js' },
    },
  })

  log(`seeding ${CONTACTS.toLocaleString('en')} contacts`)
  const sandbox = await startSandbox({ port: 0, contacts: CONTACTS, knobs: { rows: 'full' } })
  const queries = benchQueries(sandbox.store.all())
  const host = await startHost({ port: 0, rendererDir: BENCH_HOST })
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true })
  try {
    const context = await browser.newContext()
    const page = await context.newPage()
    page.on('pageerror', (error) => log(`bench page error: ${error.message}`))
    const accountId = await signInBenchPage(page, host.url, sandbox)

    log('pulling through the real client and the host bridge')
    const pull = await call<{ ms: number; count: number; outcome: string }>(page, 'pull', accountId)
    log(`pulled ${pull.count} rows in ${Math.round(pull.ms)} ms (${pull.outcome})`)
    if (ONLY_NOTES_SEARCH) {
      const notes = await notesSearchFigures(page, accountId, queries)
      process.stdout.write(`\n${table(notes)}\n\n${loadLine(loadAtStart)}\n`)
      return
    }
    if (ONLY_SCALE) {
      const figures = await scaleFigures(page, context, host.url, accountId, queries)
      process.stdout.write(
        `\n${table(figures)}\n\n${CONTACTS.toLocaleString('en')} contacts; bench took ${Math.round((Date.now() - started) / 1000)} s; ` +
          `${loadLine(loadAtStart)}\n`,
      )
      const missed = figures.filter((f) => verdict(f) === 'MISSED')
      if (missed.length) process.stdout.write(`MISSED: ${missed.map((f) => f.name).join('; ')}\n`)
      return
    }
    log('issue 15: the costs of sealing the mirror, sealed and unsealed')
    const atRest = await call<AtRest>(page, 'atRest', accountId, queries, AT_REST_ROUNDS, BULK_CONTACTS)
    if (AT_REST_ONLY) {
      // The app path's bulk tag too (the signed-in account's sealed mirror): every bulk tag figure in one short run.
      const bulk = await call<BulkTag>(page, 'bulkTag', accountId, BULK_CONTACTS)
      process.stdout.write(`\n${table([bulkTagFigure(bulk, BULK_CONTACTS), ...atRestFigures(atRest, BULK_CONTACTS, TARGETS)])}\n\n${loadLine(loadAtStart)}\n`)
      return
    }
    log('the same pull from memory (writes only)')
    const memoryPull = await call<MemoryPull>(page, 'pullFromMemory', accountId)
    log(`pulled ${memoryPull.count} rows from memory in ${Math.round(memoryPull.ms)} ms (${memoryPull.outcome}) into an empty mirror`)
    const steady = memoryPull.steady
    log(`re-pulled ${steady.count} partial rows over the full mirror in ${Math.round(steady.ms)} ms (${steady.outcome}); full rows kept: ${steady.fullRowsKept}`)
    log('raw bulkPut of the same rows into a scratch database')
    const raw = await call<{ toArrayMs: number; pagedMs: number; singleMs: number; overwriteMs: number; rows: number }>(page, 'bulkPutBaseline', accountId)
    log('writing the snapshot')
    const snapshot = await call<{ count: number; writeMs: number; loadMs: number; source: string; loaded: number }>(page, 'snapshot', accountId)

    log(`searching: ${queries.length} queries x ${ROUNDS} rounds`)
    const search = await call<InIndexSearch>(page, 'search', accountId, queries, ROUNDS)
    log(`the same queries through the search worker: ${queries.length} x ${ROUNDS} round trips`)
    const worker = await call<{ samples: number[]; deepMs: number }>(page, 'workerSearch', accountId, queries, ROUNDS)

    const baseHeap = await heapUsed(page)
    await call(page, 'holdIndex', accountId)
    const indexHeap = (await heapUsed(page)) - baseHeap
    await call(page, 'release')
    const notesSearch = await notesSearchFigures(page, accountId, queries)
    const benchPage = page

    log('10,000-contact bulk tag, applied and queued')
    const bulk = await call<BulkTag>(benchPage, 'bulkTag', accountId, BULK_CONTACTS)

    const contactsIo = await measureContactsIo(benchPage, accountId, sandbox.store.all())

    log('cold start of the app page, then scrolling its table')
    const cold = await coldStart(context, host.url)
    log(`scroll during the launch pull: ${describeScroll(cold.scroll.duringPull)}`)
    log(`scroll after the pull, at rest: ${describeScroll(cold.scroll.idle)}`)

    log(`replay against a rate limit of ${REPLAY_LIMIT.limit} requests per ${REPLAY_LIMIT.windowMs} ms`)
    const replay = await replayThroughput(context, host.url)
    log(`hydration against a rate limit, then the ${CONTACTS / 1000}k mirror with notes on disk`)
    const hydration = [...(await hydrationThroughput(context, host.url)), targetFor100k(await hydratedMirrorSize(benchPage, accountId), CONTACTS)]
    const budget = await apiBudgetFigures(log)

    log('requests per changed contact of bulk edits picked by a tag filter and by a search (bench/requests-per-edit.ts, alone: npm run bench:edits)')
    const editRequests = await measureRequestsPerEdit()

    const workerP95 = percentile(worker.samples, 95)
    const [searchP50, searchP95, ...recall] = inIndexFigures(search, queries)
    const figures: Figure[] = [
      searchP50,
      searchP95,
      {
        name: 'search p95 via the worker (app path)',
        value: workerP95,
        unit: 'ms',
        target: FRAME_MS,
        note:
          `what the app waits for: createSearchClient postMessage round trip to the search worker, ${queries.length} queries x ${ROUNDS} after one untimed pass; ` +
          `${workerP95 < 2 ? 'also' : 'NOT'} under the 2 ms search target, which applies to the in-index row; target here is one frame (issue: "searchable in under a frame"); ` +
          `p50 ${percentile(worker.samples, 50).toFixed(2)} ms, max ${Math.max(...worker.samples).toFixed(1)} ms; offset 5000 page ${worker.deepMs.toFixed(1)} ms`,
      },
      ...recall,
      ...notesSearch,
      ...launchFigures(cold),
      {
        name: 'pull write ratio, empty mirror, full rows',
        value: memoryPull.ms / raw.pagedMs,
        unit: 'x',
        target: 1.3,
        note:
          `first pull: pullContacts from a memory bridge into an empty mirror ${(memoryPull.ms / 1000).toFixed(1)} s vs raw bulkPut in pages of 100 ${(raw.pagedMs / 1000).toFixed(1)} s ` +
          `(one bulkPut call ${(raw.singleMs / 1000).toFixed(1)} s); over HTTP via the host and sandbox ${(pull.ms / 1000).toFixed(1)} s (${pull.outcome})`,
      },
      {
        name: 'pull write ratio, steady state, partial rows',
        value: steady.outcome === 'completed' && steady.fullRowsKept ? steady.ms / raw.pagedMs : null,
        unit: 'x',
        target: 1.3,
        note:
          `re-pull of list rows (${steady.fields} fields: id, name, phone, type, blacklisted, tags) over the mirror holding all ${steady.count.toLocaleString('en')} full rows: ` +
          `read + merge + write ${(steady.ms / 1000).toFixed(1)} s (${steady.outcome}) vs the same raw bulkPut ${(raw.pagedMs / 1000).toFixed(1)} s ` +
          `(for context: raw bulkPut of those pages over a full table ${(raw.overwriteMs / 1000).toFixed(1)} s); ` +
          `merged rows kept their other fields: ${steady.fullRowsKept ? 'yes' : 'NO'} (${steady.checked} checked)`,
      },
      scrollFigure('scroll p95 frame, at rest', cold.scroll.idle, 'app page after its launch pull ended'),
      scrollFigure('scroll p95 frame, during launch pull', cold.scroll.duringPull, 'app page right after search ready, its launch pull running'),
      targetFor100k(
        { name: 'renderer heap after search ready', value: cold.heap / MB, unit: 'MB', target: 120, note: `app page JSHeapUsedSize after GC; worker's rows + index measured on a page: +${(indexHeap / MB).toFixed(1)} MB` },
        CONTACTS,
      ),
      bulkTagFigure(bulk, BULK_CONTACTS),
      ...contactsIo.figures.map((figure) => targetFor100k(figure, CONTACTS)),
      {
        name: 'replay throughput (share of the rate limit)',
        value: replay.shareOfLimit,
        unit: '%',
        target: 90,
        atLeast: true,
        note: `${replay.intents} blacklist changes, ${replay.requests} requests in ${(replay.ms / 1000).toFixed(1)} s; limit ${REPLAY_LIMIT.limit}/${REPLAY_LIMIT.windowMs} ms`,
      },
      { name: 'replay requests answered 429', value: replay.rateLimitedShare, unit: '%', target: 1, note: `${replay.rateLimited} of ${replay.requests}` },
      ...hydration,
      ...budget,
      ...atRestFigures(atRest, BULK_CONTACTS, TARGETS),
      ...editRequests,
    ]
    const info = {
      indexBuildMs: search.buildMs,
      snapshotWriteMs: snapshot.writeMs,
      snapshotLoadMs: snapshot.loadMs,
      tableToArrayMs: raw.toArrayMs,
      workerHeapEstimateMB: indexHeap / MB,
      loadAverage: { start: loadAtStart, end: loadavg()[0], cores: availableParallelism() },
      contactsIo: contactsIo.info,
      scroll: { plan: SCROLL_PLAN, ...Object.fromEntries(Object.entries(cold.scroll).map(([k, run]) => [k, scrollSummary(run)])) },
    }
    process.stdout.write(`\n${table(figures)}\n\n`)
    process.stdout.write(
      `index build ${info.indexBuildMs.toFixed(0)} ms; snapshot write ${info.snapshotWriteMs.toFixed(0)} ms, load ${info.snapshotLoadMs.toFixed(0)} ms ` +
        `(${snapshot.source}, ${snapshot.loaded} rows) vs toArray ${info.tableToArrayMs.toFixed(0)} ms; bench took ${Math.round((Date.now() - started) / 1000)} s; ` +
        `load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end (${availableParallelism()} cores: other processes compete with the bench)\n`,
    )
    const missed = figures.filter((f) => verdict(f) === 'MISSED')
    if (missed.length) process.stdout.write(`MISSED: ${missed.map((f) => f.name).join('; ')}\n`)
    const unmeasured = figures.filter((f) => verdict(f) === 'n/a')
    if (unmeasured.length) process.stdout.write(`NOT MEASURED (see the note): ${unmeasured.map((f) => f.name).join('; ')}\n`)
    const results = {
      measuredAt: new Date().toISOString(),
      contacts: CONTACTS,
      chromium: browser.version(),
      figures: figures.map((f) => ({ ...f, result: verdict(f) })),
      info,
      queries: queries.map((q, i) => ({
        ...q,
        total: search.totals[i],
        found: search.found[i] ?? undefined,
        latinFirst: search.latinFirst[i] ?? undefined,
        p95Ms: percentile(search.samples[i], 95),
      })),
    }
    await writeFile(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`)
    log('wrote bench/results.json')
  } finally {
    await browser.close()
    await host.close()
    await sandbox.close()
  }
}

interface NotesSearch {
  buildMs: number
  notesMs: number
  contacts: number
  noteCount: number
  noteWords: number
  appSamples: number[][]
  appSamplesWithoutNotes: number[][]
  noteSamples: number[][]
  noteQueries: string[]
  noteTotals: number[]
}

/**
 * Issue 13: search with emails and notes indexed (the notes made on the bench page, 3 a contact on
 * average), timed in-index like the row above it, and the heap its rows, index and note words take.
 */
async function notesSearchFigures(page: Page, accountId: string, queries: BenchQuery[]): Promise<Figure[]> {
  log(`search with emails and notes indexed: ${queries.length} queries and the note queries x ${ROUNDS} rounds`)
  const baseHeap = await heapUsed(page)
  const run = await call<NotesSearch>(page, 'searchWithNotes', accountId, queries, ROUNDS)
  const heap = (await heapUsed(page)) - baseHeap
  await call(page, 'release')
  const all = [...run.appSamples.flat(), ...run.noteSamples.flat()]
  const app = percentile(run.appSamples.flat(), 95)
  const appWithout = percentile(run.appSamplesWithoutNotes.flat(), 95)
  const slowest = run.noteQueries
    .map((text, i) => ({ text, p95: percentile(run.noteSamples[i], 95), total: run.noteTotals[i] }))
    .sort((a, b) => b.p95 - a.p95)
    .slice(0, 3)
  return [
    {
      name: 'search p95, in-index, emails + notes indexed',
      value: percentile(all, 95),
      unit: 'ms',
      target: TARGETS.searchP95Ms,
      note: withBasis(
        `SearchIndex with ${run.noteCount.toLocaleString('en')} notes of ${run.contacts.toLocaleString('en')} contacts read in (${run.noteWords.toLocaleString('en')} distinct note words), ` +
        `the app's ${queries.length} queries + ${run.noteQueries.length} note queries x ${ROUNDS}; app queries alone p95 ${app.toFixed(2)} ms, ` +
        `the same queries on an index without notes, timed in turn with them, ${appWithout.toFixed(2)} ms (ratio ${(app / appWithout).toFixed(2)}); ` +
        `note queries p95 ${percentile(run.noteSamples.flat(), 95).toFixed(2)} ms (slowest: ${slowest.map((q) => `"${q.text}" ${q.p95.toFixed(2)} ms, ${q.total} matches`).join('; ')}); ` +
          `index built in ${Math.round(run.buildMs)} ms, notes indexed in ${Math.round(run.notesMs)} ms more`,
        CONTACTS,
      ),
    },
    {
      name: 'worker rows + index with emails and notes',
      value: heap / MB,
      unit: 'MB',
      target: TARGETS.workerHeapMB,
      note: withBasis(
        'JSHeapUsedSize after GC on the bench page, holding what the search worker holds once its notes loaded (rows, index, note words; no note text), less the page before',
        CONTACTS,
      ),
    },
  ]
}

interface InIndexSearch {
  buildMs: number
  samples: number[][]
  found: (boolean | null)[]
  totals: number[]
  latinFirst: (boolean | null)[]
}

/** Search p50 and p95 in-index (list rows' fields and whatever else the mirror holds, no notes), then typo and script recall. */
function inIndexFigures(search: InIndexSearch, queries: BenchQuery[]): Figure[] {
  const all = search.samples.flat()
  const typos = queries.map((q, i) => [q, search.found[i]] as const).filter(([q]) => q.kind === 'typo')
  const missedTypos = typos.filter(([, found]) => !found).map(([q]) => q.text)
  const byKind = (kind: BenchQuery['kind']) => percentile(search.samples.filter((_, i) => queries[i].kind === kind).flat(), 95)
  return [
    { name: 'search p50, in-index (limit 50)', value: percentile(all, 50), unit: 'ms', target: TARGETS.searchP95Ms },
    {
      name: 'search p95, in-index (limit 50)',
      value: percentile(all, 95),
      unit: 'ms',
      target: TARGETS.searchP95Ms,
      note: withBasis(
        `the issue's < ${TARGETS.searchP95Ms} ms target is checked here: SearchIndex.search built on the bench page (in ${Math.round(search.buildMs)} ms), no messaging; ${queries.length} queries x ${ROUNDS}; ` +
          `p95 by kind: ${(['prefix', 'name', 'typo', 'email', 'phone', 'tag', 'script'] as const).map((k) => `${k} ${byKind(k).toFixed(2)}`).join(', ')}`,
        CONTACTS,
      ),
    },
    { name: 'one-edit typo recall', value: (100 * (typos.length - missedTypos.length)) / typos.length, unit: '%', target: 100, atLeast: true, note: `${typos.length} queries (insert/delete/substitute/swap)${missedTypos.length ? `; missed: ${missedTypos.join(' | ')}` : ''}` },
    ...scriptRecall(queries, search.found, search.latinFirst),
  ]
}

/** The app page's marks after a cold start on the filled mirror. */
function launchFigures(cold: LaunchMarks): Figure[] {
  return [
    { name: 'first rows after launch', value: cold.firstRowsMs, unit: 'ms', target: TARGETS.firstRowsMs, note: withBasis(cold.note, CONTACTS) },
    { name: 'search ready after launch', value: cold.searchReadyMs, unit: 'ms', target: TARGETS.searchReadyMs, note: withBasis(cold.readyNote, CONTACTS) },
  ]
}

interface WorkerReady {
  ms: number
  report: { rows: number; source: string; loadMs: number; buildMs: number } | null
  p95Ms: number
}

/**
 * The figures the issue sets 500k targets for, alone (`--only scale`): the snapshot written as the app does after a
 * completed pull, in-index search and recall, search with emails and notes and the heap it takes, search ready
 * through the real worker on the bench page, then a cold start of the app page (its marks only: no scroll runs).
 */
async function scaleFigures(page: Page, context: import('playwright-core').BrowserContext, url: string, accountId: string, queries: BenchQuery[]): Promise<Figure[]> {
  log('writing the snapshot, as the app does after a completed pull')
  const snapshot = await call<{ count: number; writeMs: number }>(page, 'snapshot', accountId)
  log(`snapshot of ${snapshot.count} rows written in ${Math.round(snapshot.writeMs)} ms`)
  log(`searching in-index: ${queries.length} queries x ${ROUNDS} rounds`)
  const search = await call<InIndexSearch>(page, 'search', accountId, queries, ROUNDS)
  const notes = await notesSearchFigures(page, accountId, queries)
  log('search ready through the real worker on the bench page')
  const ready = await call<WorkerReady>(page, 'workerReady', accountId, queries)
  log('cold start of the app page (marks only)')
  const cold = await coldStart(context, url, { scroll: false })
  const split = ready.report ? `: open + load ${Math.round(ready.report.loadMs)} ms (${ready.report.source}, ${ready.report.rows.toLocaleString('en')} rows), build ${Math.round(ready.report.buildMs)} ms` : ''
  return [
    ...inIndexFigures(search, queries),
    ...notes,
    {
      name: 'search ready, worker alone',
      value: ready.ms,
      unit: 'ms',
      target: TARGETS.searchReadyMs,
      note: withBasis(`createSearchClient on the bench page's sealed mirror to its ready${split}; then its queries p95 ${ready.p95Ms.toFixed(2)} ms through the worker`, CONTACTS),
    },
    ...launchFigures(cold),
  ]
}

interface LaunchMarks {
  firstRowsMs: number | null
  searchReadyMs: number | null
  heap: number
  note: string
  readyNote: string
}

interface ColdStart extends LaunchMarks {
  scroll: { duringPull: ScrollOutcome; idle: ScrollOutcome }
}

interface MemoryPull {
  ms: number
  count: number
  outcome: string
  steady: { ms: number; count: number; outcome: string; fields: number; fullRowsKept: boolean; checked: number }
}

interface ScrollRun extends ScrollResult {
  /** The app's sync indicator before and after the scroll. */
  syncBefore: string
  syncAfter: string
  /** The machine's 1-minute load average after the run: other processes compete for its cores. */
  loadAverage: number
}

/** A scroll run, or why there was none (the table never showed rows). */
type ScrollOutcome = ScrollRun | { failed: string }

const markTime = (page: Page, name: string) =>
  page.evaluate((name) => performance.getEntriesByName(name, 'mark')[0]?.startTime ?? null, name)

/** Opens the real app page on the filled mirror and reads its marks, relative to navigation start; then scrolls its table. */
async function coldStart(context: import('playwright-core').BrowserContext, url: string): Promise<ColdStart>
/** Without the scroll runs: the marks only, and the page closed at once. */
async function coldStart(context: import('playwright-core').BrowserContext, url: string, options: { scroll: false }): Promise<LaunchMarks>
async function coldStart(context: import('playwright-core').BrowserContext, url: string, options = { scroll: true }): Promise<LaunchMarks | ColdStart> {
  const app = await context.newPage()
  await app.goto(url)
  await app.waitForFunction(() => performance.getEntriesByName('skylight:search-ready', 'mark').length > 0, undefined, { timeout: 60_000 }).catch(() => {})
  const firstRowsMs = await markTime(app, 'skylight:first-rows')
  const searchReadyMs = await markTime(app, 'skylight:search-ready')
  const heap = await heapUsed(app)
  const marks: LaunchMarks = {
    firstRowsMs,
    searchReadyMs,
    heap,
    note: 'app page mark skylight:first-rows (first rows painted), from navigation start',
    readyNote: 'app page mark skylight:search-ready (worker index built), from navigation start',
  }
  if (!options.scroll) {
    await app.close()
    return marks
  }
  // The app starts its pull once search is ready: the first scroll runs beside it, the second once it has ended.
  await app.evaluate(await readFile(SCROLL_PROBE, 'utf8'))
  const duringPull = await scrollTable(app)
  await app
    .waitForFunction(() => document.querySelector('[data-test="sync-text"]')?.textContent?.startsWith('Synced'), undefined, { timeout: 180_000, polling: 500 })
    .catch(async () => log(`the app's launch pull did not end within 3 minutes (sync "${await syncText(app)}"); scrolling anyway`))
  // The completed pull makes the worker re-read the mirror and save its snapshot; let that settle too.
  await app.waitForTimeout(3000)
  const idle = await scrollTable(app)
  await app.close()
  return { ...marks, scroll: { duringPull, idle } }
}

const syncText = (page: Page) => page.evaluate(() => document.querySelector('[data-test="sync-text"]')?.textContent?.trim() ?? '')

/** Scrolls the real app's contacts table one step per frame (bench/page/scroll-probe.ts), timing every frame. */
async function scrollTable(app: Page): Promise<ScrollOutcome> {
  try {
    await app.waitForSelector('[data-test="contact-table"] [data-test="contact-row"]', { timeout: 30_000 })
    const syncBefore = await syncText(app)
    const result = await app.evaluate(
      (plan) => (window as unknown as { benchScroll: { run(plan: ScrollPlan): Promise<ScrollResult> } }).benchScroll.run(plan),
      SCROLL_PLAN,
    )
    return { ...result, syncBefore, syncAfter: await syncText(app), loadAverage: loadavg()[0] }
  } catch (error) {
    const shown = await app.evaluate(() => document.body.innerText.replace(/\s+/g, ' ').slice(0, 200)).catch(() => '?')
    return { failed: `${error instanceof Error ? error.message.split('\n')[0] : String(error)}; the page showed: "${shown}"` }
  }
}

/**
 * Frame figures of a scroll run. requestAnimationFrame timestamps are frame begin times, whole
 * vsyncs apart, but Chromium clamps them to 0.1 ms with jitter: a frame on time reads anywhere
 * from 16.5 to 16.8 ms. So every interval counts as a whole number of vsyncs and the frame time is
 * that many vsyncs; the raw figures stay alongside. The vsync is the mean of the intervals at rest
 * near their median, so frames missed while "at rest" (a busy page) do not stretch it.
 */
function scrollSummary(outcome: ScrollOutcome) {
  if ('failed' in outcome) return outcome
  const run = outcome
  const restMedian = percentile(run.idleIntervals, 50)
  const onTime = run.idleIntervals.filter((ms) => Math.abs(ms - restMedian) < restMedian / 4)
  const vsync = onTime.reduce((a, b) => a + b, 0) / onTime.length
  const vsyncs = run.intervals.map((ms) => Math.max(1, Math.round(ms / vsync)))
  const frameMs = vsyncs.map((n) => n * vsync)
  return {
    p50Ms: percentile(frameMs, 50),
    p95Ms: percentile(frameMs, 95),
    maxMs: Math.max(...run.intervals),
    rawP50Ms: percentile(run.intervals, 50),
    rawP95Ms: percentile(run.intervals, 95),
    overBudgetPct: (100 * vsyncs.filter((n) => n > 1).length) / vsyncs.length,
    rawOverBudgetPct: (100 * run.intervals.filter((ms) => ms > FRAME_MS).length) / run.intervals.length,
    // A frame interval of n vsyncs means n - 1 frames were not produced.
    droppedFrames: vsyncs.reduce((sum, n) => sum + n - 1, 0),
    frames: run.frames,
    vsyncMs: vsync,
    idleRawP95Ms: percentile(run.idleIntervals, 95),
    idleMissedVsyncs: run.idleIntervals.filter((ms) => Math.round(ms / vsync) > 1).length,
    appScriptPerScrollP50Ms: percentile(run.scrollWork, 50),
    appScriptPerScrollP95Ms: percentile(run.scrollWork, 95),
    scrollEvents: run.scrollWork.length,
    longTasks: run.longTasks.length,
    longestTaskMs: run.longTasks.length ? Math.max(...run.longTasks) : 0,
    rowsScrolled: run.rowsScrolled,
    total: run.total,
    viewportHeight: run.viewportHeight,
    missingFrames: run.missingFrames,
    loadingFrames: run.loadingFrames,
    lastRow: run.lastRow,
    middleRow: run.middleRow,
    syncBefore: run.syncBefore,
    syncAfter: run.syncAfter,
    loadAverage: run.loadAverage,
  }
}

function describeScroll(run: ScrollOutcome): string {
  const s = scrollSummary(run)
  if ('failed' in s) return `NOT MEASURED: ${s.failed}`
  return (
    `p50 ${s.p50Ms.toFixed(1)} / p95 ${s.p95Ms.toFixed(1)} / max ${s.maxMs.toFixed(0)} ms (raw p95 ${s.rawP95Ms.toFixed(1)}), ${s.overBudgetPct.toFixed(1)}% over one frame, ` +
    `${s.droppedFrames} dropped of ${s.frames}; app script per scroll p50 ${s.appScriptPerScrollP50Ms.toFixed(1)} / p95 ${s.appScriptPerScrollP95Ms.toFixed(1)} ms; ` +
    `long tasks ${s.longTasks} (longest ${s.longestTaskMs.toFixed(0)} ms); rows not shown ${s.missingFrames} frames, loading ${s.loadingFrames}; ` +
    `last row ${JSON.stringify(s.lastRow)}; sync "${s.syncBefore}" -> "${s.syncAfter}"; load average ${s.loadAverage.toFixed(1)}`
  )
}

/** A scroll run as a figure: p95 frame interval against one 60 fps frame; the value is void when the rows never showed. */
function scrollFigure(name: string, run: ScrollOutcome, where: string): Figure {
  const s = scrollSummary(run)
  if ('failed' in s) return { name, value: null, unit: 'ms', target: FRAME_MS, note: `${where}; NOT MEASURED: ${s.failed}` }
  const rendered = s.lastRow.name !== null && s.middleRow.name !== null
  return {
    name,
    value: rendered ? s.p95Ms : null,
    unit: 'ms',
    target: FRAME_MS,
    note:
      `${where}; ${s.rowsScrolled.toLocaleString('en')} rows scrolled 8 a frame + jumps to the end and the middle of ${s.total.toLocaleString('en')}, ` +
      `${s.viewportHeight} px view; frame = requestAnimationFrame interval in whole vsyncs of ${s.vsyncMs.toFixed(2)} ms (timer clamping makes on-time frames read 16.5-16.8 ms; ` +
      `raw p95 ${s.rawP95Ms.toFixed(1)} ms, ${s.rawOverBudgetPct.toFixed(0)}% raw > ${FRAME_MS} ms); p50 ${s.p50Ms.toFixed(1)} ms, max ${s.maxMs.toFixed(0)} ms; ` +
      `${s.overBudgetPct.toFixed(1)}% of ${s.frames} frames over ${FRAME_MS} ms, ${s.droppedFrames} dropped; ` +
      `app script per scroll event p50 ${s.appScriptPerScrollP50Ms.toFixed(1)} / p95 ${s.appScriptPerScrollP95Ms.toFixed(1)} ms; long tasks ${s.longTasks} (longest ${s.longestTaskMs.toFixed(0)} ms); ` +
      `frames with a row in view not rendered ${s.missingFrames}, still loading ${s.loadingFrames}; ` +
      `last row ${s.lastRow.name ? `"${s.lastRow.name}" after ${s.lastRow.framesToName} frames` : 'NEVER showed a name'}; ` +
      `sync "${s.syncBefore}" -> "${s.syncAfter}"; load average ${s.loadAverage.toFixed(1)} on ${availableParallelism()} cores`,
  }
}

interface ReplayFigures {
  ms: number
  intents: number
  requests: number
  rateLimited: number
  shareOfLimit: number
  rateLimitedShare: number
}

/**
 * The real replayer in the bench page, through the host bridge and the real client, against a
 * sandbox with a rate limit: requests per second as a share of the limit, and how many got a 429.
 */
async function replayThroughput(context: import('playwright-core').BrowserContext, url: string): Promise<ReplayFigures> {
  const limited = await startSandbox({ port: 0, contacts: REPLAY_INTENTS, knobs: { rows: 'full', rateLimit: REPLAY_LIMIT } })
  const page = await context.newPage()
  try {
    const accountId = await signInBenchPage(page, url, limited)
    const intents = await call<number>(page, 'prepareReplay', accountId, REPLAY_INTENTS)
    // Only the replay's own requests count: not the sign-in check nor the pull before it.
    await new Promise((resolve) => setTimeout(resolve, REPLAY_LIMIT.windowMs))
    const before = { ...limited.stats }
    const ms = await call<number>(page, 'replay', accountId)
    const requests = limited.stats.requests - before.requests
    const rateLimited = limited.stats.rateLimited - before.rateLimited
    const perSecond = requests / (ms / 1000)
    const limitPerSecond = REPLAY_LIMIT.limit / (REPLAY_LIMIT.windowMs / 1000)
    return {
      ms,
      intents,
      requests,
      rateLimited,
      shareOfLimit: (100 * perSecond) / limitPerSecond,
      rateLimitedShare: (100 * rateLimited) / Math.max(1, requests),
    }
  } finally {
    await page.close()
    await limited.close()
  }
}

await main()
