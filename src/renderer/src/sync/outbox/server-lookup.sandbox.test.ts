// Looking up a create whose response was lost, against the real sandbox: many look-alikes, one of ours.
import { afterEach, describe, expect, it } from 'vitest'
import { createSkylightClient } from '../../../../main/api/client'
import { createRateLimiter } from '../../../../main/api/limiter'
import { startSandbox, type Sandbox } from '../../../../sandbox/faults/knobbed-sandbox'
import { testBridge } from './test-support/sandbox-bridge'
import { findCreatedContact, MAX_LOOKUP_PAGES } from './server-lookup'

let sandbox: Sandbox
afterEach(async () => {
  await sandbox.close()
})

async function setup(lookAlikes: number) {
  sandbox = await startSandbox({ port: 0, contacts: 0, seed: 3 })
  for (let i = 0; i < lookAlikes; i += 1) sandbox.store.create({ name: `Diana ${i}`, type: 'instagram' })
  const client = createSkylightClient({ baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey, limiter: createRateLimiter(), retry: { attempts: 1, baseDelayMs: 5 }, timeoutMs: 3_000 })
  return testBridge(client).bridge
}

describe('findCreatedContact', () => {
  it('finds a lost create behind more than a page of contacts whose names contain its name', async () => {
    const bridge = await setup(250)
    const sentAt = new Date().toISOString()
    const ours = sandbox.store.create({ name: 'Ana', type: 'instagram' })
    const found = await findCreatedContact(bridge, { name: 'Ana', type: 'instagram' }, sentAt, new Set())
    expect(found).toEqual({ ok: true, data: expect.objectContaining({ id: ours.id, name: 'Ana' }) })
  })

  it('answers none when the create never reached the server, after reading every page', async () => {
    const bridge = await setup(250)
    const before = sandbox.stats.requests
    const found = await findCreatedContact(bridge, { name: 'Ana', type: 'instagram' }, new Date().toISOString(), new Set())
    expect(found).toEqual({ ok: true, data: null })
    expect(sandbox.stats.requests - before).toBeLessThanOrEqual(MAX_LOOKUP_PAGES)
  })

  it('does not take a look-alike of another channel type, nor one another create claimed', async () => {
    const bridge = await setup(0)
    const sentAt = new Date().toISOString()
    sandbox.store.create({ name: 'Ana', type: 'telegram', phone: '+14155550101' })
    const claimed = sandbox.store.create({ name: 'Ana', type: 'instagram' })
    const found = await findCreatedContact(bridge, { name: 'Ana', type: 'instagram' }, sentAt, new Set([claimed.id]))
    expect(found).toEqual({ ok: true, data: null })
  })

  it('tells apart two creates alike but for their tags', async () => {
    const bridge = await setup(0)
    const sentAt = new Date().toISOString()
    const tagged = sandbox.store.create({ name: 'Bo', type: 'instagram', tags: ['c'] })
    sandbox.store.create({ name: 'Bo', type: 'instagram' })
    const untagged = sandbox.store.all().find((contact) => contact.name === 'Bo' && contact.tags.length === 0)!
    expect(await findCreatedContact(bridge, { name: 'Bo', type: 'instagram', tags: ['c'] }, sentAt, new Set())).toEqual({ ok: true, data: expect.objectContaining({ id: tagged.id }) })
    expect(await findCreatedContact(bridge, { name: 'Bo', type: 'instagram' }, sentAt, new Set())).toEqual({ ok: true, data: expect.objectContaining({ id: untagged.id }) })
  })
})
