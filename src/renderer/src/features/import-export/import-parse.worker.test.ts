import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { FromImportWorker, ToImportWorker } from './import-protocol'

/** Loads the worker module against a stand-in for the worker scope, as the browser would run it. */
async function startWorker() {
  const posted: FromImportWorker[] = []
  const scope = { onmessage: null as ((event: MessageEvent<ToImportWorker>) => void) | null, postMessage: (m: FromImportWorker) => posted.push(m) }
  vi.stubGlobal('self', scope)
  vi.resetModules()
  await import('./import-parse.worker')
  return { posted, send: (message: ToImportWorker) => scope.onmessage!({ data: message } as MessageEvent<ToImportWorker>) }
}

afterEach(() => vi.unstubAllGlobals())

const buffer = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer

describe('the import worker', () => {
  it('answers a read with the parsed file, under the request id', async () => {
    const worker = await startWorker()
    worker.send({ type: 'read', id: 7, name: 'leads.csv', bytes: buffer('Name;Handy\nAnna;0171 1234567\n') })
    const answer = worker.posted.at(-1)
    expect(answer).toMatchObject({
      type: 'read',
      id: 7,
      result: { ok: true, data: { format: 'csv', records: 2, delimiter: ';', head: [['Name', 'Handy'], ['Anna', '0171 1234567']], mapping: { targets: ['name', 'mobile'] } } },
    })
  })

  it('previews the file it read against the account\'s mirror, under the request id', async () => {
    const worker = await startWorker()
    worker.send({ type: 'read', id: 1, name: 'leads.csv', bytes: buffer('Name;Handy\nAnna;0171 1234567\n') })
    worker.send({ type: 'preview', id: 2, request: { accountId: `worker-${Math.random()}`, mapping: null, options: { defaultCountry: 'DE', defaultChannel: 'whatsapp', importTag: '' } }, key: null })
    await vi.waitFor(() => expect(worker.posted.at(-1)).toMatchObject({ type: 'preview', id: 2, result: { ok: true, data: { counts: { new: 1, duplicate: 0, invalid: 0 } } } }))
  })

  it('answers with the reason a file cannot be read', async () => {
    const worker = await startWorker()
    worker.send({ type: 'read', id: 8, name: 'leads.csv', bytes: new ArrayBuffer(0) })
    expect(worker.posted).toEqual([{ type: 'read', id: 8, result: { ok: false, error: { kind: 'empty' } } }])
  })

  it('posts progress while reading a large file', async () => {
    const worker = await startWorker()
    let now = 0
    vi.spyOn(Date, 'now').mockImplementation(() => (now += 1000))
    worker.send({ type: 'read', id: 9, name: 'leads.csv', bytes: buffer('name,phone\n' + 'Anna Example,+4930123456\n'.repeat(60_000)) })
    vi.restoreAllMocks()
    const progress = worker.posted.filter((m) => m.type === 'progress')
    expect(progress.length).toBeGreaterThan(1)
    expect(progress.every((m) => m.id === 9)).toBe(true)
    expect(worker.posted.at(-1)).toMatchObject({ type: 'read', id: 9, result: { ok: true } })
  })
})
