// The session with the real SkylightClient against the real local sandbox, over HTTP on 127.0.0.1.
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSkylightClient } from '../api/client'
import { createMemoryStore } from '../secrets/memory-store'
import { startSandbox, type Sandbox } from '../../sandbox/faults/knobbed-sandbox'
import { createSession } from './session'

let server: Sandbox
let dataDir: string
beforeAll(async () => {
  server = await startSandbox({ contacts: 12, seed: 3 })
  dataDir = await mkdtemp(join(tmpdir(), 'skylight-session-sandbox-'))
})
afterAll(async () => {
  await server.close()
  await rm(dataDir, { recursive: true, force: true })
})

const newSession = () => {
  const store = createMemoryStore()
  const session = createSession({
    store,
    dataDir,
    createClient: createSkylightClient,
    startSandbox: () => startSandbox({ port: 0, contacts: 8 }),
  })
  return { store, session }
}

describe('session against the sandbox', () => {
  it('refuses a wrong key as the server does, and stores nothing', async () => {
    const { store, session } = newSession()
    const result = await session.setKey({ apiKey: 'sk_test_not_the_right_key_000000', baseUrl: server.baseUrl })
    const refusal = !result.ok && result.error.kind === 'validation' ? result.error.fields.apiKey?.[0] : undefined
    expect(refusal).toContain(`refused by ${new URL(server.baseUrl).host}`)
    expect(await store.get(server.baseUrl)).toBeNull()
    expect(await readdir(dataDir)).toEqual([])
    expect(session.client()).toBeNull()
  })

  it('accepts the right key, and its client reads contacts', async () => {
    const { store, session } = newSession()
    const result = await session.setKey({ apiKey: server.apiKey, baseUrl: `${server.baseUrl}/` })
    expect(result.ok && result.data).toMatchObject({ mode: 'account', baseUrl: server.baseUrl })
    expect(await store.get(server.baseUrl)).toBe(server.apiKey)
    const page = await session.client()!.listContacts({ per_page: 5 })
    expect(page.ok && page.data.meta.total).toBe(12)
    await session.clear()
  })

  it('runs the demo on its own sandbox and stops it on clear', async () => {
    const { session } = newSession()
    const started = await session.startDemo()
    expect(started.ok && started.data).toMatchObject({ mode: 'demo', accountId: 'demo' })
    const demoClient = session.client()!
    const page = await demoClient.listContacts({ per_page: 5 })
    expect(page.ok && page.data.meta.total).toBe(8)
    await session.clear()
    const afterStop = await demoClient.listContacts({ per_page: 5 })
    expect(!afterStop.ok && afterStop.error.kind).toBe('offline')
  })
})
