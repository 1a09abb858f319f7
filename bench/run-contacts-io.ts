// `npm run bench:contacts-io`: issue 16's figures alone (import check, CSV and vCard export, duplicate scan) on the mirror state
// the full bench measures them in: 100k contacts pulled, a snapshot written, then 20,000 rows changed by two bulk tags.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { availableParallelism, loadavg } from 'node:os'
import { chromium } from 'playwright-core'
import { startHost } from '../src/host/host-server'
import { startSandbox } from '../src/sandbox/faults/knobbed-sandbox'
import { BENCH_HOST, buildBenchPage, call, CHROMIUM, FLAGS, log, ROOT, signInBenchPage } from './bench-page-driver'
import { measureContactsIo } from './contacts-io'
import { table, verdict } from './report'

const CONTACTS = 100_000
const BULK_CONTACTS = 10_000

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0]
  log('building the bench page')
  await buildBenchPage()
  log(`seeding ${CONTACTS.toLocaleString('en')} contacts`)
  const sandbox = await startSandbox({ port: 0, contacts: CONTACTS, knobs: { rows: 'full' } })
  const host = await startHost({ port: 0, rendererDir: BENCH_HOST })
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true })
  try {
    const context = await browser.newContext()
    const page = await context.newPage()
    page.on('pageerror', (error) => log(`bench page error: ${error.message}`))
    const accountId = await signInBenchPage(page, host.url, sandbox)
    log('pulling through the real client and the host bridge, then writing the snapshot')
    await call(page, 'pull', accountId)
    await call(page, 'snapshot', accountId)
    log('two bulk tags of 10,000 contacts each, as the full bench runs before these figures')
    await call(page, 'bulkTag', accountId, BULK_CONTACTS)
    const { figures, info } = await measureContactsIo(page, accountId, sandbox.store.all())
    process.stdout.write(`\n${table(figures)}\n\n`)
    const ratios = Object.entries(info.ratios).map(([name, ratio]) => `${name} ${ratio.toFixed(2)}x`)
    const cpu = Object.entries(info.cpuMs).map(([name, ms]) => `${name} ${Math.round(ms)} ms`)
    process.stdout.write(
      `a plain toArray() of the same rows took ${Math.round(info.toArrayMs)} ms; each figure over it: ${ratios.join(', ')}\n` +
        `CPU used by the browser's processes and the host (a figure's cost, whatever else the machine runs): ${cpu.join(', ')}\n` +
        `load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end (${availableParallelism()} cores: other processes compete with the bench)\n`,
    )
    const missed = figures.filter((f) => verdict(f) === 'MISSED')
    if (missed.length) process.stdout.write(`MISSED: ${missed.map((f) => f.name).join('; ')}\n`)
    await writeFile(
      join(ROOT, 'out/contacts-io.json'),
      `${JSON.stringify({ measuredAt: new Date().toISOString(), figures: figures.map((f) => ({ ...f, result: verdict(f) })), info, loadAtStart }, null, 2)}\n`,
    )
  } finally {
    await browser.close()
    await host.close()
    await sandbox.close()
  }
}

await main()
