// Seals every record of every table at rest: only the primary key and indexed fields stay clear (DBCore middleware).
import type { DBCore, DBCoreAddRequest, DBCoreCursor, DBCoreMutateResponse, DBCorePutRequest, DBCoreTable, DBCoreTableSchema, DBCoreTransaction, Dexie, Middleware } from 'dexie'
import { keepingAlive } from './keep-alive'
import { NativePromise } from './native-promise'
import { openPayload, SEALED, sealContext, sealPayloads, UnreadableRecordError, type Unsealed } from './sealing'

/** A stored record that would not open (tampered, or sealed with another key): reported, never shown. */
export interface UnreadableRecord {
  table: string
  key: unknown
}
export type UnreadableListener = (record: UnreadableRecord) => void

export interface SealOptions {
  key: CryptoKey
  /**
   * Whether a record stored in clear (written before the copy was sealed) is read as it is. True only until the
   * copy's migration is done (seal-migration.ts); after that, a clear record is as suspect as a broken seal.
   */
  acceptPlain(): boolean
}

/** Records sealed before their writes start: big enough that chunks add little, small enough to overlap the writes. */
export const WRITE_CHUNK = 1000

const listenersByDb = new WeakMap<Dexie, Set<UnreadableListener>>()

/** Hears every record this database handle found unreadable (and left out of what it returned). */
export function subscribeUnreadable(db: Dexie, listener: UnreadableListener): () => void {
  let listeners = listenersByDb.get(db)
  if (!listeners) listenersByDb.set(db, (listeners = new Set()))
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The payload of a record that is no object (a table with outbound keys may store any value). */
const BARE = '$value'

/** Which fields a table keeps clear (its key and what its indexes read), and which of them the seal binds. */
interface Layout {
  table: string
  clear: string[]
  /** The clear fields known when a record is sealed: all but an auto-incremented key, which IndexedDB adds later. */
  bound: string[]
}

function layoutOf(schema: DBCoreTableSchema): Layout {
  const fields = (keyPath: string | string[] | null): string[] =>
    // 'a.b' is kept clear as all of 'a': IndexedDB must read it. The mirror's indexes name top-level fields only.
    keyPath === null ? [] : (Array.isArray(keyPath) ? keyPath : [keyPath]).map((path) => path.split('.')[0]!)
  const key = fields(schema.primaryKey.keyPath)
  const clear = [...new Set([...key, ...schema.indexes.flatMap((index) => fields(index.keyPath))])]
  const bound = schema.primaryKey.autoIncrement ? clear.filter((field) => !key.includes(field)) : clear
  return { table: schema.name, clear, bound }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer)

/** What a record keeps in clear (its key and indexed fields), and the payload the rest is sealed into. */
function split(layout: Layout, value: unknown): { stored: Record<string, unknown>; unsealed: Unsealed } {
  if (!isRecord(value)) return { stored: {}, unsealed: { context: sealContext(layout.table, []), payload: { [BARE]: value } } }
  const stored: Record<string, unknown> = {}
  const payload: Record<string, unknown> = {}
  for (const [field, fieldValue] of Object.entries(value)) {
    if (layout.clear.includes(field)) stored[field] = fieldValue
    else payload[field] = fieldValue
  }
  return { stored, unsealed: { context: sealContext(layout.table, layout.bound.map((field) => stored[field])), payload } }
}

/** The records as IndexedDB stores them: clear fields, and the rest sealed under `$sealed`. */
function sealAll(key: CryptoKey, layout: Layout, values: readonly unknown[]): Promise<Record<string, unknown>[]> {
  const records = values.map((value) => split(layout, value))
  const sealing = sealPayloads(key, records.map((record) => record.unsealed))
  return sealing.then((sealed) => records.map(({ stored }, i) => Object.assign(stored, { [SEALED]: sealed[i] })))
}

/** The record as the app wrote it; rejects with UnreadableRecordError when its seal does not hold. */
async function open(options: SealOptions, layout: Layout, stored: unknown): Promise<unknown> {
  if (stored === undefined) return undefined
  if (!isRecord(stored) || !(SEALED in stored)) {
    if (options.acceptPlain()) return stored
    throw new UnreadableRecordError()
  }
  const clear: Record<string, unknown> = {}
  for (const field of layout.clear) if (field in stored) clear[field] = stored[field]
  const hasFields = layout.clear.some((field) => field in stored)
  const context = sealContext(layout.table, hasFields ? layout.bound.map((field) => stored[field]) : [])
  const payload = (await openPayload(options.key, context, stored[SEALED] as Uint8Array<ArrayBuffer>)) as Record<string, unknown>
  if (!hasFields && BARE in payload) return payload[BARE]
  return { ...clear, ...payload }
}

/**
 * The DBCore middleware `openAccountDatabase` installs when it has a data key, at the bottom of the stack, so
 * everything above it (Dexie's hooks, caches, live queries, contact-writes) sees plain records. Writes are sealed
 * and reads opened inside the caller's own transaction (keep-alive.ts): a read-then-write transaction stays one
 * transaction. A record that does not open is reported to `subscribeUnreadable` and left out: a `get` answers
 * undefined, a query or cursor skips it.
 */
export function sealMiddleware(db: Dexie, options: SealOptions): Middleware<DBCore> {
  const report = (record: UnreadableRecord) => {
    for (const listener of [...(listenersByDb.get(db) ?? [])]) listener(record)
  }
  return {
    stack: 'dbcore',
    name: 'seal',
    // Below Dexie's own middlewares (the lowest is -1): nothing else ever sees a sealed record.
    level: -2,
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name)
          return sealedTable(table, layoutOf(table.schema), options, report)
        },
      }
    },
  }
}

function sealedTable(table: DBCoreTable, layout: Layout, options: SealOptions, report: (record: UnreadableRecord) => void): DBCoreTable {
  const alive = <T>(trans: DBCoreTransaction, work: Promise<T>) => keepingAlive(trans as unknown as IDBTransaction, table.name, work)
  /** Opens what a read returned, inside its transaction; records stored in clear (or none) need no WebCrypto, nor a keep-alive. */
  const opened = (trans: DBCoreTransaction, stored: readonly unknown[], keys?: readonly unknown[]): Promise<unknown[]> =>
    stored.some((record) => isRecord(record) && SEALED in record) ? alive(trans, openAll(stored, keys)) : openAll(stored, keys)
  const keyOf = (stored: unknown, fallback?: unknown) => (table.schema.primaryKey.extractKey && isRecord(stored) ? table.schema.primaryKey.extractKey(stored) : fallback)

  /** Opens records in order; an unreadable one is reported and becomes `undefined`. */
  const openAll = (stored: readonly unknown[], keys?: readonly unknown[]): Promise<unknown[]> =>
    NativePromise.all(
      stored.map((record, i) =>
        open(options, layout, record).catch((error: unknown) => {
          if (!(error instanceof UnreadableRecordError)) throw error
          report({ table: layout.table, key: keyOf(record, keys?.[i]) })
          return undefined
        }),
      ),
    )

  /**
   * A big write, sealed and written a chunk at a time: each chunk's writes go to IndexedDB (which works on them in
   * another process) as soon as it is sealed, while the next chunk is sealed here, instead of the writes waiting
   * for every record to be sealed. The chunks' answers are joined as one answer for the whole request.
   */
  async function writeInChunks(req: DBCoreAddRequest | DBCorePutRequest): Promise<DBCoreMutateResponse> {
    const written: Promise<DBCoreMutateResponse | null>[] = []
    // A chunk whose write failed outright stops the next ones, and its error is the request's (never left unhandled meanwhile).
    const failure: { failed: boolean; error?: unknown } = { failed: false }
    for (let start = 0; start < req.values.length && !failure.failed; start += WRITE_CHUNK) {
      const end = start + WRITE_CHUNK
      const values = await alive(req.trans, sealAll(options.key, layout, req.values.slice(start, end)))
      const chunk = table.mutate({ ...req, values, ...(req.keys ? { keys: req.keys.slice(start, end) } : {}) })
      written.push(
        chunk.catch((error: unknown) => {
          failure.failed = true
          failure.error = error
          return null
        }),
      )
    }
    const settled = await NativePromise.all(written)
    if (failure.failed) throw failure.error
    const responses = settled.filter((response): response is DBCoreMutateResponse => response !== null)
    const failures: Record<number, Error> = {}
    responses.forEach((response, chunk) => {
      for (const [index, error] of Object.entries(response.failures)) failures[chunk * WRITE_CHUNK + Number(index)] = error
    })
    return {
      numFailures: responses.reduce((sum, response) => sum + response.numFailures, 0),
      failures,
      results: responses.flatMap((response) => response.results ?? []),
      lastResult: responses[responses.length - 1]!.lastResult,
    }
  }

  return {
    ...table,
    mutate(req) {
      if (req.type !== 'add' && req.type !== 'put') return table.mutate(req)
      if (req.values.length <= WRITE_CHUNK) return alive(req.trans, sealAll(options.key, layout, req.values)).then((values) => table.mutate({ ...req, values }))
      return writeInChunks(req)
    },
    get(req) {
      return table.get(req).then((stored) => opened(req.trans, [stored], [req.key]).then(([value]) => value))
    },
    getMany(req) {
      return table.getMany(req).then((stored) => opened(req.trans, stored, req.keys))
    },
    query(req) {
      if (!req.values) return table.query(req)
      return table.query(req).then((response) =>
        opened(req.trans, response.result).then((values) => ({ ...response, result: values.filter((value) => value !== undefined) })),
      )
    },
    openCursor(req) {
      if (!req.values) return table.openCursor(req)
      return table.openCursor(req).then((cursor) => (cursor ? openingCursor(cursor, (stored) => opened(req.trans, [stored], [cursor.primaryKey])) : null))
    },
  }
}

/**
 * A cursor whose `value` is the opened record. Each step waits for its record to open before the caller's callback
 * runs; an unreadable record is skipped (it was reported when it failed to open).
 */
function openingCursor(cursor: DBCoreCursor, openOne: (stored: unknown) => Promise<unknown[]>): DBCoreCursor {
  let value: unknown
  const wrapper: DBCoreCursor = {
    get trans() {
      return cursor.trans
    },
    get key() {
      return cursor.key
    },
    get primaryKey() {
      return cursor.primaryKey
    },
    get value() {
      return value
    },
    get done() {
      return cursor.done
    },
    continue: (key?: unknown) => cursor.continue(key),
    continuePrimaryKey: (key: unknown, primaryKey: unknown) => cursor.continuePrimaryKey(key, primaryKey),
    advance: (count: number) => cursor.advance(count),
    stop: (result?: unknown) => cursor.stop(result),
    fail: (error: Error) => cursor.fail(error),
    start(onNext) {
      return cursor.start(() => {
        openOne(cursor.value).then(
          ([opened]) => {
            if (opened === undefined) return cursor.continue()
            value = opened
            try {
              onNext()
            } catch (error) {
              cursor.fail(error as Error)
            }
          },
          (error: unknown) => cursor.fail(error as Error),
        )
      })
    },
    next() {
      let gotOne = 1
      return wrapper.start(() => (gotOne-- ? wrapper.continue() : wrapper.stop())).then(() => wrapper)
    },
  }
  return wrapper
}
