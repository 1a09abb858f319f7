// The benchmark's in-browser half: pulls, writes, loads and searches the mirror, and times each step.
import type { ContactRow } from '../../src/shared/contact'
import type { SkylightBridge } from '../../src/shared/contract'
import { allRows } from '../../src/renderer/src/db/contacts-repo'
import { deleteAccountDatabase, openAccountDatabase } from '../../src/renderer/src/db/database'
import { isFullRow } from '../../src/renderer/src/db/merge'
import { loadMirrorRows, writeSnapshot } from '../../src/renderer/src/db/snapshot'
import { createSearchClient } from '../../src/renderer/src/search/search-client'
import { SearchIndex } from '../../src/renderer/src/search/search-index'
import { pullContacts, type PullBridge } from '../../src/renderer/src/sync/pull/puller'
import { createReplayer, enqueueMany, pendingCount } from '../../src/renderer/src/sync/outbox'
import { createImportClient, runExport } from '../../src/renderer/src/features/import-export'
import { scanDuplicates } from '../../src/renderer/src/features/duplicates'
import Dexie from 'dexie'
import type { BenchQuery } from '../queries'

const PAGE = 100
/** The fields of a row from the API's list (GET /contacts), as the sandbox's default partial rows. */
const LIST_FIELDS = ['id', 'name', 'phone', 'type', 'blacklisted', 'tags'] as const
const bridge = () => (window as unknown as { skylight: SkylightBridge }).skylight
const open = (accountId: string) => openAccountDatabase(accountId)

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const value = await work()
  return [value, performance.now() - started]
}

/** Rows kept alive on purpose, so the heap can be measured with them. */
let held: unknown = null

const bench = {
  async signIn(apiKey: string, baseUrl: string): Promise<string> {
    const status = await bridge()['auth.setKey']({ apiKey, baseUrl })
    if (!status.ok || !status.data.accountId) throw new Error(`sign-in failed: ${JSON.stringify(status)}`)
    return status.data.accountId
  },

  /** The real puller over the host's /rpc bridge (real client, real sandbox). */
  async pull(accountId: string) {
    const db = await open(accountId)
    const [outcome, ms] = await timed(() => pullContacts(db, bridge()))
    const count = await db.contacts.count()
    db.close()
    return { ms, count, outcome: outcome.status === 'failed' ? `failed: ${outcome.error.kind} ${outcome.error.message}` : outcome.status }
  },

  /**
   * The puller's writes alone: pullContacts into a scratch account from a bridge answering
   * pages of the mirror's rows from memory, so no network time hides in the figure. First into
   * the empty scratch mirror (full rows: no read needed), then the steady state: a re-pull of
   * partial list rows (the fields the API's list returns) over the now full mirror, which reads,
   * merges and writes every page.
   */
  async pullFromMemory(accountId: string) {
    const source = await open(accountId)
    const rows = (await allRows(source)).sort((a, b) => a.id - b.id)
    source.close()
    const scratchId = 'bench-scratch-pull'
    await deleteAccountDatabase(scratchId)
    const db = await open(scratchId)
    const lastPage = Math.ceil(rows.length / PAGE)
    const memoryBridge = (source: ContactRow[]): PullBridge => ({
      'contacts.list': async (query) => {
        const page = query.page ?? 1
        const data = source.slice((page - 1) * PAGE, page * PAGE)
        return { ok: true, data: { data, meta: { current_page: page, last_page: lastPage, per_page: PAGE, total: source.length } } }
      },
      // Every pass sees every row of the scratch mirror: no row is ever unseen, so no contact is asked about.
      'contacts.get': async () => ({ ok: false, error: { kind: 'not_found', message: 'Contact not found.' } }),
    })
    const [outcome, ms] = await timed(() => pullContacts(db, memoryBridge(rows)))
    const count = await db.contacts.count()

    const partial = rows.map((row) => {
      const listRow: Record<string, unknown> = {}
      for (const key of LIST_FIELDS) if (row[key] !== undefined) listRow[key] = row[key]
      return listRow as ContactRow
    })
    const [steady, steadyMs] = await timed(() => pullContacts(db, memoryBridge(partial)))
    // The merge kept the fields the list leaves out: a row that lost its email or dates would make the figure meaningless.
    const sample = await db.contacts.bulkGet(rows.filter((_, i) => i % 997 === 0).map((row) => row.id))
    const kept = sample.every((row) => row !== undefined && isFullRow(row))
    const steadyCount = await db.contacts.count()
    db.close()
    await deleteAccountDatabase(scratchId)
    return {
      ms,
      count,
      outcome: outcome.status,
      steady: { ms: steadyMs, count: steadyCount, outcome: steady.status, fields: LIST_FIELDS.length, fullRowsKept: kept, checked: sample.length },
    }
  },

  /**
   * Raw Dexie bulkPut of the mirror's rows into a scratch database: pages of 100 (then the same
   * pages again over the full table, for context), then one call.
   */
  async bulkPutBaseline(accountId: string) {
    const db = await open(accountId)
    const [rows, toArrayMs] = await timed(() => allRows(db))
    db.close()
    const result = { toArrayMs, pagedMs: 0, singleMs: 0, overwriteMs: 0, rows: rows.length }
    for (const mode of ['paged', 'single'] as const) {
      const name = `bench-scratch-${mode}`
      await Dexie.delete(name)
      const scratch = new Dexie(name)
      scratch.version(1).stores({ contacts: 'id, name' })
      await scratch.open()
      const table = scratch.table<ContactRow, number>('contacts')
      const [, ms] = await timed(async () => {
        if (mode === 'single') return void (await table.bulkPut(rows))
        for (let i = 0; i < rows.length; i += PAGE) await table.bulkPut(rows.slice(i, i + PAGE))
      })
      result[`${mode}Ms`] = ms
      if (mode === 'paged') {
        // For context only: the same pages again, now over a table holding every row.
        const [, overwriteMs] = await timed(async () => {
          for (let i = 0; i < rows.length; i += PAGE) await table.bulkPut(rows.slice(i, i + PAGE))
        })
        result.overwriteMs = overwriteMs
      }
      scratch.close()
      await Dexie.delete(name)
    }
    return result
  },

  async snapshot(accountId: string) {
    const db = await open(accountId)
    const [count, writeMs] = await timed(() => writeSnapshot(db))
    const [load, loadMs] = await timed(() => loadMirrorRows(db))
    db.close()
    return { count, writeMs, loadMs, source: load.source, loaded: load.rows.length }
  },

  /** Builds a SearchIndex on this page and times every query (limit 50, the first page). */
  async search(accountId: string, queries: BenchQuery[], rounds: number) {
    const db = await open(accountId)
    const { rows } = await loadMirrorRows(db)
    db.close()
    const [index, buildMs] = await timed(async () => new SearchIndex(rows))
    for (const query of queries) index.search(query.text, {}, 50)
    const samples: number[][] = queries.map(() => [])
    for (let round = 0; round < rounds; round++) {
      queries.forEach((query, i) => {
        const started = performance.now()
        index.search(query.text, {}, 50)
        samples[i].push(performance.now() - started)
      })
    }
    // Seeded names repeat (a few dozen "Sarah Johnson"s), so recall looks at every match, not the first 50.
    const found = queries.map((query) => (query.expectId === undefined ? null : index.search(query.text, {}, Infinity).ids.includes(query.expectId)))
    const totals = queries.map((query) => index.search(query.text, {}, 50).total)
    // Latin spellings of Cyrillic and Greek names: no name written in Latin letters after one found by its spelling.
    const names = new Map(rows.map((row) => [row.id, row.name ?? '']))
    const latinFirst = queries.map((query) => {
      if (!query.latinFirst) return null
      const latin = index.search(query.text, {}, Infinity).ids.map((id) => /\p{Script=Latin}/u.test(names.get(id) ?? ''))
      return latin.indexOf(false) < 0 || !latin.slice(latin.indexOf(false)).includes(true)
    })
    return { buildMs, samples, found, totals, latinFirst }
  },

  /** The same queries through the search worker: postMessage round trips as the UI sees them. */
  async workerSearch(accountId: string, queries: BenchQuery[], rounds: number) {
    const db = await open(accountId)
    const client = createSearchClient(accountId, { db })
    await client.ready
    // One untimed pass first, as the in-index figure does.
    for (const query of queries) await client.query({ text: query.text, filters: {}, offset: 0, limit: 50 })
    const samples: number[] = []
    for (let round = 0; round < rounds; round++) {
      for (const query of queries) {
        const started = performance.now()
        await client.query({ text: query.text, filters: {}, offset: 0, limit: 50 })
        samples.push(performance.now() - started)
      }
    }
    const [, deepMs] = await timed(() => client.query({ text: 'a', filters: {}, offset: 5000, limit: 50 }))
    client.close()
    db.close()
    return { samples, deepMs }
  },

  /** Loads the mirror and builds the index on this page and keeps them: the worker's heap, measured here. */
  async holdIndex(accountId: string) {
    const db = await open(accountId)
    const { rows } = await loadMirrorRows(db)
    db.close()
    held = { byId: new Map(rows.map((row) => [row.id, row])), index: new SearchIndex(rows) }
    return rows.length
  },

  release() {
    held = null
  },

  /**
   * A bulk tag of `count` contacts applied to the mirror and queued, as the app's `t` does:
   * the first call (cold caches) and a second one on other contacts, each timed.
   */
  async bulkTag(accountId: string, count: number) {
    const db = await open(accountId)
    const ids = (await db.contacts.limit(count * 2).primaryKeys()) as number[]
    const times: number[] = []
    for (const [round, slice] of [ids.slice(0, count), ids.slice(count, count * 2)].entries()) {
      const [result, ms] = await timed(() => enqueueMany(db, slice.map((contactId) => ({ kind: 'addTags' as const, contactId, tags: [`bench-${round}`] }))))
      if (!result.ok) throw new Error(result.error.message)
      times.push(ms)
    }
    const queued = await pendingCount(db)
    await db.outbox.clear()
    db.close()
    return { firstMs: times[0], secondMs: times[1], queued }
  },

  /** A plain read of every row (no snapshot): what the contacts figures are compared with, on this page, in this run. */
  async readAll(accountId: string) {
    const db = await open(accountId)
    const [rows, toArrayMs] = await timed(() => allRows(db))
    db.close()
    return { toArrayMs, rows: rows.length }
  },

  /**
   * The import check as the import screen runs it: the file read in the import worker (decode, parse,
   * columns), then every row mapped, validated and looked up among the account's contacts there.
   */
  async importCheck(accountId: string, csv: string) {
    const client = createImportClient()
    try {
      const file = new File([csv], 'bench-leads.csv', { type: 'text/csv' })
      const started = performance.now()
      // As the import screen does: the worker loads the mirror once the file is read (while a user would map its columns).
      const read = await client.read(file, { accountId })
      const readMs = performance.now() - started
      if (!read.ok) throw new Error(`import refused: ${read.error.kind}`)
      const preview = await client.preview({ accountId, mapping: null, options: { defaultCountry: 'DE', defaultChannel: 'whatsapp', importTag: 'bench' } })
      const ms = performance.now() - started
      if (!preview.ok) throw new Error(`import refused: ${preview.error.kind}`)
      return { ms, readMs, rows: preview.data.rows.length, counts: preview.data.counts }
    } finally {
      client.close()
    }
  },

  /** The page's longest stretch without a turn while it does nothing for `ms`: what the machine's load alone costs the export's figure. */
  async idleGap(ms: number) {
    let longestGap = 0
    let last = performance.now()
    const probe = setInterval(() => {
      const now = performance.now()
      longestGap = Math.max(longestGap, now - last)
      last = now
    }, 0)
    await new Promise((resolve) => setTimeout(resolve, ms))
    clearInterval(probe)
    return longestGap
  },

  /** Every contact exported through main's save path (the host's folder), chunk by chunk, as the export dialog does. */
  async exportAll(accountId: string, kind: 'csv' | 'vcard-4.0') {
    let longestGap = 0
    let last = performance.now()
    // How long the page went without a turn for other work while exporting.
    const probe = setInterval(() => {
      const now = performance.now()
      longestGap = Math.max(longestGap, now - last)
      last = now
    }, 0)
    try {
      const [result, ms] = await timed(() => runExport(accountId, { ids: 'all', kind, notes: true, fileName: `bench.${kind === 'csv' ? 'csv' : 'vcf'}` }))
      if (!result.ok || !result.data) throw new Error(result.ok ? 'cancelled' : result.error.message)
      return { ms, count: result.data.count, bytes: result.data.bytes, longestGapMs: longestGap }
    } finally {
      clearInterval(probe)
    }
  },

  /** The duplicate scan as the duplicates screen runs it: its worker loads the mirror and groups it. */
  async duplicateScan(accountId: string) {
    const [outcome, ms] = await timed(() => scanDuplicates(accountId))
    if (!outcome.ok) throw new Error(outcome.message)
    const { groups, scanned } = outcome.scan
    return { ms, scanned, groups: groups.length, byReason: { phone: groups.filter((g) => g.reason === 'phone').length, email: groups.filter((g) => g.reason === 'email').length, name: groups.filter((g) => g.reason === 'name').length } }
  },

  /** Pulls a small account and queues `count` blacklist changes on distinct contacts. */
  async prepareReplay(accountId: string, count: number) {
    const db = await open(accountId)
    await pullContacts(db, bridge())
    const rows = (await db.contacts.limit(count).toArray()) as ContactRow[]
    const queued = await enqueueMany(db, rows.map((row) => ({ kind: 'setBlacklisted' as const, contactId: row.id, blacklisted: !row.blacklisted })))
    db.close()
    if (!queued.ok) throw new Error(queued.error.message)
    return rows.length
  },

  /** The real replayer until the queue is empty, timed. */
  async replay(accountId: string) {
    const db = await open(accountId)
    const replayer = createReplayer({ db, bridge: bridge(), concurrency: 8 })
    const [, ms] = await timed(async () => {
      replayer.start()
      while ((await pendingCount(db)) > 0) await new Promise((resolve) => setTimeout(resolve, 25))
    })
    await replayer.stop()
    db.close()
    return ms
  },
}

Object.assign(window, { bench, benchHeld: () => held !== null })
