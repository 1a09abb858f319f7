// The benchmark's in-browser half: pulls, writes, loads and searches the mirror, and times each step.
import type { ContactRow } from '../../src/shared/contact'
import type { SkylightBridge } from '../../src/shared/contract'
import { allRows } from '../../src/renderer/src/db/contacts-repo'
import { deleteAccountDatabase, openAccountDatabase } from '../../src/renderer/src/db/database'
import { isFullRow } from '../../src/renderer/src/db/merge'
import { holdMirrorKey } from '../../src/renderer/src/db/mirror-keys'
import { importDataKey } from '../../src/renderer/src/db/sealing'
import { firstRowsByName, loadMirrorRows, writeSnapshot } from '../../src/renderer/src/db/snapshot'
import { createSearchClient, type IndexReport } from '../../src/renderer/src/search/search-client'
import { SearchIndex } from '../../src/renderer/src/search/search-index'
import { pullContacts, type PullBridge } from '../../src/renderer/src/sync/pull/puller'
import { createReplayer, enqueueMany, pendingCount } from '../../src/renderer/src/sync/outbox'
import { createHydrator, type HydrationState } from '../../src/renderer/src/sync/hydrate'
import { createImportClient, runExport } from '../../src/renderer/src/features/import-export'
import { scanDuplicates } from '../../src/renderer/src/features/duplicates'
import Dexie from 'dexie'
import type { BenchQuery } from '../queries'
import { NOTE_QUERIES, benchNotes } from './bench-notes'

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
    // The account's data key, as the app holds it: the bench reads and writes the same sealed mirror the app opens.
    const grant = await bridge()['auth.dataKey']({})
    if (!grant.ok || !grant.data.key) throw new Error(`no data key: ${JSON.stringify(grant)}`)
    holdMirrorKey(status.data.accountId, await importDataKey(grant.data.key))
    return status.data.accountId
  },

  /**
   * Issue 15's costs, with the mirror sealed and unsealed, on a scratch account each: the first pull's writes from
   * memory (full rows) against raw bulkPut in pages of 100; a cold open to the first 50 rows by name (the snapshot's
   * head); search ready through the real worker (open, load, build); search p95 through it; a 10k bulk tag applied
   * and queued. The same rows, the same page, one mode after the other.
   */
  async atRest(accountId: string, queries: BenchQuery[], rounds: number, bulkCount: number) {
    const source = await open(accountId)
    const rows = (await allRows(source)).sort((a, b) => a.id - b.id)
    source.close()
    const rawName = 'bench-at-rest-raw'
    await Dexie.delete(rawName)
    const raw = new Dexie(rawName)
    raw.version(1).stores({ contacts: 'id, name' })
    await raw.open()
    const rawTable = raw.table<ContactRow, number>('contacts')
    const [, rawMs] = await timed(async () => {
      for (let i = 0; i < rows.length; i += PAGE) await rawTable.bulkPut(rows.slice(i, i + PAGE))
    })
    raw.close()
    await Dexie.delete(rawName)
    const lastPage = Math.ceil(rows.length / PAGE)
    const memoryBridge: PullBridge = {
      'contacts.list': async (query) => {
        const page = query.page ?? 1
        return { ok: true, data: { data: rows.slice((page - 1) * PAGE, page * PAGE), meta: { current_page: page, last_page: lastPage, per_page: PAGE, total: rows.length } } }
      },
      'contacts.get': async () => ({ ok: false, error: { kind: 'not_found', message: 'Contact not found.' } }),
    }
    const modes: Record<string, unknown>[] = []
    for (const sealed of [false, true]) {
      const scratchId = `bench-at-rest-${sealed ? 'sealed' : 'plain'}`
      await deleteAccountDatabase(scratchId)
      holdMirrorKey(scratchId, sealed ? await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']) : null)
      const db = await open(scratchId)
      const [pulled, pullMs] = await timed(() => pullContacts(db, memoryBridge))
      // As the app does after a completed pull (from its worker): the snapshot the next cold start reads.
      await writeSnapshot(db)
      db.close()

      const [first, firstRowsMs] = await timed(async () => {
        const cold = await open(scratchId)
        const rowsShown = await firstRowsByName(cold, 50)
        return { cold, rowsShown: rowsShown.length }
      })
      const [search, searchReadyMs] = await timed(async () => {
        const client = createSearchClient(scratchId, { db: first.cold })
        await client.ready
        return client
      })
      const samples: number[] = []
      for (const query of queries) await search.query({ text: query.text, filters: {}, offset: 0, limit: 50 })
      for (let round = 0; round < rounds; round++) {
        for (const query of queries) {
          const [, ms] = await timed(() => search.query({ text: query.text, filters: {}, offset: 0, limit: 50 }))
          samples.push(ms)
        }
      }
      search.close()
      const ids = rows.slice(0, bulkCount).map((row) => row.id)
      const [queued, bulkMs] = await timed(() => enqueueMany(first.cold, ids.map((contactId) => ({ kind: 'addTags' as const, contactId, tags: ['bench-at-rest'] }))))
      if (!queued.ok) throw new Error(queued.error.message)
      first.cold.close()
      await deleteAccountDatabase(scratchId)
      samples.sort((a, b) => a - b)
      modes.push({
        sealed,
        pull: pulled.status,
        pullMs,
        pullRatio: pullMs / rawMs,
        firstRowsMs,
        firstRows: first.rowsShown,
        searchReadyMs,
        searchP95Ms: samples[Math.min(samples.length - 1, Math.ceil(samples.length * 0.95) - 1)],
        bulkTagMs: bulkMs,
      })
    }
    return { rawMs, rows: rows.length, modes }
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

  /**
   * Search ready through the real worker, as the at-rest figures time it: createSearchClient on the mirror to its
   * ready (open with the key, load the snapshot, build the index), with the worker's own split; then one pass of
   * the queries through it for their p95.
   */
  async workerReady(accountId: string, queries: BenchQuery[]) {
    const db = await open(accountId)
    const [client, ms] = await timed(async () => {
      const client = createSearchClient(accountId, { db })
      await client.ready
      return client
    })
    const mark = performance.getEntriesByName('skylight:search-ready', 'mark').at(-1) as PerformanceMark | undefined
    const samples: number[] = []
    for (const query of queries) {
      const [, queryMs] = await timed(() => client.query({ text: query.text, filters: {}, offset: 0, limit: 50 }))
      samples.push(queryMs)
    }
    client.close()
    db.close()
    samples.sort((a, b) => a - b)
    return { ms, report: (mark?.detail as IndexReport | undefined) ?? null, p95Ms: samples[Math.ceil(samples.length * 0.95) - 1] }
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
   * Search with emails and notes indexed, as the worker holds it once the notes loaded: the mirror's
   * rows, notes made here (3 a contact on average), the index built and the notes read into it,
   * then the app's queries and note queries timed, each beside the same query on an index without
   * notes (the ratio holds when the machine is busy). Index, rows and note words are kept for the heap figure.
   */
  async searchWithNotes(accountId: string, queries: BenchQuery[], rounds: number) {
    const db = await open(accountId)
    const { rows } = await loadMirrorRows(db)
    db.close()
    let notes: Map<number, string[]> | null = benchNotes(rows.map((row) => row.id))
    let noteCount = 0
    for (const contents of notes.values()) noteCount += contents.length
    const [index, buildMs] = await timed(async () => new SearchIndex(rows))
    const [, notesMs] = await timed(async () => {
      for (const [id, contents] of notes!) index.readNotes(id, contents)
      index.notesRead()
    })
    // The worker keeps no note text: only the words, in the index.
    notes = null
    let plain: SearchIndex | null = new SearchIndex(rows)
    const texts = [...queries.map((query) => query.text), ...NOTE_QUERIES]
    for (const text of texts) index.search(text, {}, 50)
    const samples: number[][] = texts.map(() => [])
    const withoutNotes: number[][] = texts.map(() => [])
    for (let round = 0; round < rounds; round++) {
      // Each index first every other round: neither gains from running second.
      const order = round % 2 ? ([plain!, index] as const) : ([index, plain!] as const)
      texts.forEach((text, i) => {
        for (const each of order) {
          const started = performance.now()
          each.search(text, {}, 50)
          ;(each === index ? samples : withoutNotes)[i].push(performance.now() - started)
        }
      })
    }
    plain = null
    held = { byId: new Map(rows.map((row) => [row.id, row])), index }
    return {
      buildMs,
      notesMs,
      contacts: rows.length,
      noteCount,
      noteWords: index.notes.dictionary.length,
      appSamples: samples.slice(0, queries.length),
      appSamplesWithoutNotes: withoutNotes.slice(0, queries.length),
      noteSamples: samples.slice(queries.length),
      noteQueries: NOTE_QUERIES,
      noteTotals: NOTE_QUERIES.map((text) => index.search(text, {}, 50).total),
    }
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
    if (!outcome.ok) throw new Error(`${outcome.failure.code}: ${outcome.failure.detail}`)
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

  /** Pulls an account (partial list rows) for hydration; says how many contacts it holds. */
  async prepareHydration(accountId: string) {
    const db = await open(accountId)
    await pullContacts(db, bridge())
    const count = await db.contacts.count()
    db.close()
    return count
  },

  /** The real hydrator through the host bridge until every contact's details and notes are read, timed. */
  async hydrate(accountId: string) {
    const db = await open(accountId)
    let finish: () => void = () => {}
    const finished = new Promise<void>((resolve) => (finish = resolve))
    let last: HydrationState | null = null
    const hydrator = createHydrator({
      db,
      bridge: bridge(),
      onChange: (state) => {
        last = state
        if (state.status === 'done') finish()
      },
    })
    const [, ms] = await timed(async () => {
      hydrator.start()
      await finished
    })
    await hydrator.stop()
    db.close()
    const state = last as HydrationState | null
    return { ms, hydrated: state?.hydrated ?? 0, total: state?.total ?? 0 }
  },

  /**
   * The mirror as hydration leaves it: every contact with 1 to 5 notes (3 on average, 60 to 180
   * characters) and its freshness stamps, written in pages; the origin's storage before and after.
   */
  async hydratedMirrorSize(accountId: string) {
    const db = await open(accountId)
    const before = (await navigator.storage.estimate()).usage ?? 0
    const ids = ((await db.contacts.toCollection().primaryKeys()) as number[]).filter((id) => id > 0)
    const sentence = 'Called about the spring order; wants the price list and a visit next week before the fair. '
    let noteId = 1
    let notes = 0
    const now = Date.now()
    for (let start = 0; start < ids.length; start += 5_000) {
      const chunk = ids.slice(start, start + 5_000)
      const rows = chunk.flatMap((contactId) =>
        Array.from({ length: 1 + (contactId % 5) }, (_, i) => ({
          id: noteId++,
          contactId,
          content: sentence.repeat(1 + ((contactId + i) % 2)).slice(0, 60 + ((contactId * 7 + i * 31) % 121)),
          created_at: new Date(now - (contactId + i) * 60_000).toISOString(),
        })),
      )
      notes += rows.length
      await db.notes.bulkPut(rows)
      await db.freshness.bulkPut(chunk.map((id) => ({ id, details: now, notes: now })))
    }
    db.close()
    const after = (await navigator.storage.estimate()).usage ?? 0
    return { before, after, notes, contacts: ids.length }
  },
}

Object.assign(window, { bench, benchHeld: () => held !== null })
