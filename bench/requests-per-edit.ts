// Requests per changed contact when a bulk edit replays, counted at the sandbox: a 10,000-contact bulk tag picked by a
// tag filter, a 200-contact one picked by a text search (and the same without its query, as before list-page rebase).
// The app's replayer runs in Node over fake-indexeddb; edit-requests.ts loads this through Vite (the renderer's code
// gathers its catalogs with import.meta.glob) for `npm run bench`, or alone.
import 'fake-indexeddb/auto'
import { createSkylightClient, type SkylightClient } from '../src/main/api/client'
import { createRateLimiter } from '../src/main/api/limiter'
import { deleteAccountDatabase, openAccountDatabase, type ContactsDb } from '../src/renderer/src/db/database'
import { SearchIndex } from '../src/renderer/src/search/search-index'
import { createReplayer, enqueueMany, inProcessLocks, pageQueryFor, pendingCount, type ReplayerOptions, type SelectionOrigin } from '../src/renderer/src/sync/outbox'
import { startSandbox, type Sandbox } from '../src/sandbox/faults/knobbed-sandbox'
import type { Figure } from './report'

const TAGGED = 10_000
const ACCOUNT_CONTACTS = 20_000
const SEARCHED = 200
const FAIR = 'fair-2026'
/** Contacts another user takes out of the filter after the bulk edit was queued: the pages never show them again. */
const MOVED_MEANWHILE = 25

function log(message: string): void {
  process.stdout.write(`[bench] ${message}\n`)
}

/** The outbox's channels over the real client, as main serves them to the page. */
function bridgeOver(client: SkylightClient): ReplayerOptions['bridge'] {
  return {
    'contacts.get': ({ id }) => client.getContact(id),
    'contacts.list': (query) => client.listContacts(query),
    'contacts.create': ({ contact }) => client.createContact(contact),
    'contacts.update': ({ id, patch }) => client.updateContact(id, patch),
    'contacts.delete': ({ id }) => client.deleteContact(id),
    'contacts.toggleBlacklist': ({ id }) => client.toggleBlacklist(id),
    'notes.list': ({ id }) => client.listNotes(id),
    'notes.add': ({ id, content }) => client.addNote(id, content),
    'lists.add': ({ id, list_id }) => client.addToList(id, list_id),
    'segments.add': ({ id, segment_id }) => client.addToSegment(id, segment_id),
  }
}

interface Replayed {
  changed: number
  requests: number
  byRoute: Record<string, number>
  ms: number
}

/**
 * Queues "add tag `tag`" for `ids` as the bulk action does (one batch, with the query they were
 * picked under when `origin` is given), lets `meanwhile` change the server, then replays with the
 * real replayer until the queue is empty, counting every request the sandbox answered.
 */
async function bulkTag(sandbox: Sandbox, db: ContactsDb, ids: readonly number[], tag: string, origin: SelectionOrigin | null, meanwhile: () => void = () => {}): Promise<Replayed> {
  const queued = await enqueueMany(
    db,
    ids.map((contactId) => ({ kind: 'addTags' as const, contactId, tags: [tag] })),
    new Date(),
    origin ? { pages: pageQueryFor(origin) } : {},
  )
  if (!queued.ok) throw new Error(queued.error.message)
  meanwhile()
  const before = { requests: sandbox.stats.requests, byRoute: { ...sandbox.stats.byRoute } }
  const client = createSkylightClient({ baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey, limiter: createRateLimiter() })
  const replayer = createReplayer({ db, bridge: bridgeOver(client), locks: inProcessLocks(), concurrency: 8, idleCheckMs: 200 })
  const started = performance.now()
  replayer.start()
  await replayer.settled()
  const ms = performance.now() - started
  await replayer.stop()
  const left = await pendingCount(db)
  if (left > 0) throw new Error(`${left} intents were left in the queue`)
  const byRoute = Object.fromEntries(Object.entries(sandbox.stats.byRoute).flatMap(([route, count]) => (count > (before.byRoute[route] ?? 0) ? [[route, count - (before.byRoute[route] ?? 0)]] : [])))
  return { changed: ids.length, requests: sandbox.stats.requests - before.requests, byRoute, ms }
}

const describeRun = (run: Replayed) =>
  `${run.requests.toLocaleString('en')} requests for ${run.changed.toLocaleString('en')} contacts in ${(run.ms / 1000).toFixed(1)} s (${Object.entries(run.byRoute)
    .map(([route, count]) => `${route} ${count.toLocaleString('en')}`)
    .join(', ')})`

/** A name word the local search finds about `count` contacts by: the bulk's selection is every match. */
function searchSelection(index: SearchIndex, words: readonly string[], count: number): { text: string; ids: number[] } {
  let best: { text: string; total: number } | null = null
  for (const text of words) {
    const { total } = index.search(text, {}, 0)
    if (!best || Math.abs(total - count) < Math.abs(best.total - count)) best = { text, total }
  }
  if (!best) throw new Error('no names to search')
  return { text: best.text, ids: index.search(best.text, {}, best.total).ids }
}

export async function requestsPerEdit(): Promise<Figure[]> {
  const sandbox = await startSandbox({ port: 0, contacts: ACCOUNT_CONTACTS, seed: 7 })
  const accountId = 'bench-requests-per-edit'
  await deleteAccountDatabase(accountId)
  const db = await openAccountDatabase(accountId)
  try {
    // Every second contact carries the fair's tag on the server; the mirror holds the account, as after a pull.
    const all = sandbox.store.all()
    const fair = all.filter((_, i) => i % 2 === 0).map((contact) => contact.id)
    for (const id of fair) sandbox.store.update(id, { tags: [...sandbox.store.get(id)!.tags, FAIR] })
    await db.contacts.bulkPut(sandbox.store.all())

    log(`bulk tag of the ${TAGGED.toLocaleString('en')} contacts the filter "${FAIR}" shows, replayed against the sandbox`)
    const picked = (await db.contacts.bulkGet(fair)).filter((row) => row?.tags?.includes(FAIR)).map((row) => row!.id)
    const byTag = await bulkTag(sandbox, db, picked.slice(0, TAGGED), 'called', { text: '', filters: { tag: FAIR } }, () => {
      // Another user re-tags a few of them before replay: they fall back to their own GET.
      for (const id of picked.slice(0, MOVED_MEANWHILE * 40).filter((_, i) => i % 40 === 0)) sandbox.store.update(id, { tags: ['moved'] })
    })
    log(describeRun(byTag))

    const index = new SearchIndex(await db.contacts.toArray())
    const familyNames = [...new Set(all.slice(0, 400).map((contact) => contact.name.split(' ').at(-1)!.toLowerCase()))]
    const search = searchSelection(index, familyNames, SEARCHED)
    log(`bulk tag of the ${search.ids.length} contacts the search "${search.text}" shows, with and without its query`)
    const bySearch = await bulkTag(sandbox, db, search.ids, 'searched', { text: search.text, filters: {} })
    log(describeRun(bySearch))
    const oneByOne = await bulkTag(sandbox, db, search.ids, 'searched-again', null)
    log(describeRun(oneByOne))

    return [
      {
        name: `requests per changed contact, ${TAGGED / 1000}k bulk tag by tag filter`,
        value: byTag.requests / byTag.changed,
        unit: 'req',
        target: 1.1,
        note:
          `bulk tag queued with its query (?tag=${FAIR}), replayed by the real replayer through the real client, requests counted at the sandbox ` +
          `(${ACCOUNT_CONTACTS.toLocaleString('en')} contacts, partial list rows): ${describeRun(byTag)}; ${MOVED_MEANWHILE} re-tagged by another user before replay; ` +
          `without its query each contact costs a GET and a PUT (2.0)`,
      },
      {
        name: `requests per changed contact, ${SEARCHED} bulk tag by text search`,
        value: bySearch.requests / bySearch.changed,
        unit: 'req',
        target: 2,
        note: `"${search.text}": the local search's matches, pages of ?search=${search.text}: ${describeRun(bySearch)}; the same bulk without its query: ${(oneByOne.requests / oneByOne.changed).toFixed(2)} (${describeRun(oneByOne)})`,
      },
    ]
  } finally {
    db.close()
    await deleteAccountDatabase(accountId)
    await sandbox.close()
  }
}
