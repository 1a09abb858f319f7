import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ok, type ApiError, type Result } from '../../shared/result'
import type { SkylightClient } from '../api/client'
import { createMemoryStore } from '../secrets/memory-store'
import type { SecretStore } from '../secrets/secret-store'
import { createSession, type DemoSandbox, type SessionDeps } from './session'
import { SETTINGS_FILE } from './settings-file'

const GOOD_KEY = 'sk_live_4f9a8b7c6d5e4f3a2b1c1234'
const OTHER_GOOD_KEY = 'sk_live_0000aaaa1111bbbb2222cccc'
const WRONG_KEY = 'sk_live_wrongwrongwrongwrong9999'
const BASE = 'https://skylight.example'

/** How the fake server answers `listContacts` for a key. */
const answers: Record<string, ApiError | 'ok'> = {
  [GOOD_KEY]: 'ok',
  [OTHER_GOOD_KEY]: 'ok',
  'sk_demo_sandbox_key_000000000001': 'ok',
  [WRONG_KEY]: { kind: 'unauthorized', message: 'Unauthenticated.' },
  sk_live_offline_000000000000000: { kind: 'offline', message: 'fetch failed' },
  sk_live_timeout_000000000000000: { kind: 'timeout', message: 'timed out' },
  sk_live_server_0000000000000000: { kind: 'server', message: 'SkyLight had a problem (500).', status: 500 },
  sk_live_notfound_00000000000000: { kind: 'not_found', message: 'Not found.' },
}

type Harness = ReturnType<typeof harness>

/** A session with a fake client and a fake sandbox, recording what reached them. */
function harness(dataDir: string, store: SecretStore = createMemoryStore()) {
  const tried: Array<{ baseUrl: string; apiKey: string }> = []
  const sandboxes: Array<DemoSandbox & { closed: boolean }> = []
  const deps: SessionDeps = {
    store,
    dataDir,
    createClient: ({ baseUrl, apiKey }) => {
      const fake = {
        baseUrl,
        listContacts: async (): Promise<Result<unknown>> => {
          tried.push({ baseUrl, apiKey })
          const answer = answers[apiKey] ?? { kind: 'unauthorized', message: 'Unauthenticated.' }
          return answer === 'ok' ? ok({ data: [], meta: { current_page: 1, last_page: 1, per_page: 1, total: 0 } }) : { ok: false, error: answer }
        },
      }
      // Only listContacts is called by the session; the rest of the client is out of these tests' scope.
      return fake as unknown as SkylightClient
    },
    startSandbox: async () => {
      const sandbox = {
        baseUrl: `http://127.0.0.1:${41000 + sandboxes.length}`,
        apiKey: 'sk_demo_sandbox_key_000000000001',
        closed: false,
        close: async () => {
          sandbox.closed = true
        },
      }
      sandboxes.push(sandbox)
      return sandbox
    },
  }
  return { session: createSession(deps), deps, store, tried, sandboxes }
}

const settingsText = () => readFile(join(dataDir, SETTINGS_FILE), 'utf8').catch(() => '')
const filesText = async () => {
  const names = await readdir(dataDir)
  return (await Promise.all(names.map((name) => readFile(join(dataDir, name), 'utf8')))).join('\n')
}
const signIn = async (h: Harness, apiKey = GOOD_KEY, baseUrl = BASE) => {
  const result = await h.session.setKey({ apiKey, baseUrl })
  if (!result.ok) throw new Error(`sign-in refused: ${result.error.message}`)
  return result.data
}

let dataDir: string
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'skylight-session-'))
})
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

describe('session: setKey', () => {
  it('accepts a working key: stores it under the base URL and reports only a hint', async () => {
    const h = harness(dataDir)
    const status = await signIn(h, GOOD_KEY, 'https://skylight.example/')
    expect(status).toMatchObject({ mode: 'account', baseUrl: BASE, keyHint: 'sk_live_…1234', storage: 'memory' })
    expect(status.accountId).toMatch(/^[0-9a-f]{16}$/)
    expect(status.storageWarning).toMatch(/session only/)
    expect(JSON.stringify(status)).not.toContain(GOOD_KEY)
    expect(status.keyHint).not.toBe(GOOD_KEY)
    expect(await h.store.get(BASE)).toBe(GOOD_KEY)
    expect(h.session.client()).not.toBeNull()
    expect(h.tried).toEqual([{ baseUrl: BASE, apiKey: GOOD_KEY }])
  })

  it('writes the base URL to the settings file, never the key', async () => {
    const h = harness(dataDir)
    await signIn(h)
    const text = await settingsText()
    expect(text).toContain(BASE)
    expect(text).not.toContain(GOOD_KEY)
    expect(text).not.toContain(GOOD_KEY.slice(-12))
  })

  it('refuses a wrong key on the apiKey field, stores nothing and keeps the previous session', async () => {
    const h = harness(dataDir)
    const before = await signIn(h)
    const result = await h.session.setKey({ apiKey: WRONG_KEY, baseUrl: 'https://other.example' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.kind).toBe('validation')
    expect(result.error.kind === 'validation' && result.error.fields.apiKey?.[0]).toMatch(/refused by other\.example/)
    expect(await h.store.get('https://other.example')).toBeNull()
    expect(await h.session.status()).toEqual(before)
    expect(await settingsText()).not.toContain('other.example')
  })

  it('refuses a wrong key when signed out, leaving nothing on disk or in the store', async () => {
    const h = harness(dataDir)
    const result = await h.session.setKey({ apiKey: WRONG_KEY, baseUrl: BASE })
    expect(result.ok).toBe(false)
    expect(await h.store.get(BASE)).toBeNull()
    expect(await readdir(dataDir)).toEqual([])
    expect((await h.session.status()).mode).toBe('signed_out')
    expect(h.session.client()).toBeNull()
  })

  it('refuses http://example.com before sending the key anywhere', async () => {
    const h = harness(dataDir)
    const result = await h.session.setKey({ apiKey: GOOD_KEY, baseUrl: 'http://example.com' })
    expect(!result.ok && result.error.kind === 'validation' && Object.keys(result.error.fields)).toEqual(['baseUrl'])
    expect(h.tried).toEqual([])
    expect(await h.store.get('http://example.com')).toBeNull()
  })

  it('allows http on 127.0.0.1', async () => {
    const h = harness(dataDir)
    expect((await signIn(h, GOOD_KEY, 'http://127.0.0.1:4100/')).baseUrl).toBe('http://127.0.0.1:4100')
  })

  it('says the host could not be reached when offline or timing out, and stores nothing', async () => {
    const h = harness(dataDir)
    for (const [apiKey, kind] of [['sk_live_offline_000000000000000', 'offline'], ['sk_live_timeout_000000000000000', 'timeout']]) {
      const result = await h.session.setKey({ apiKey: apiKey!, baseUrl: BASE })
      expect(!result.ok && result.error).toMatchObject({ kind, message: expect.stringMatching(/^Could not reach skylight\.example/) })
    }
    expect(await h.store.get(BASE)).toBeNull()
  })

  it('passes other failures on with their own message', async () => {
    const h = harness(dataDir)
    const result = await h.session.setKey({ apiKey: 'sk_live_server_0000000000000000', baseUrl: BASE })
    expect(!result.ok && result.error).toEqual(answers.sk_live_server_0000000000000000)
  })

  it('blames the address when the host has no SkyLight API there', async () => {
    const result = await harness(dataDir).session.setKey({ apiKey: 'sk_live_notfound_00000000000000', baseUrl: BASE })
    expect(!result.ok && result.error.kind === 'validation' && Object.keys(result.error.fields)).toEqual(['baseUrl'])
  })

  it('refuses a key with spaces inside without trying it', async () => {
    const h = harness(dataDir)
    const result = await h.session.setKey({ apiKey: 'sk_live_ab cd', baseUrl: BASE })
    expect(!result.ok && result.error.kind === 'validation' && Object.keys(result.error.fields)).toEqual(['apiKey'])
    expect(h.tried).toEqual([])
  })

  it('keeps the previous session when the key cannot be saved', async () => {
    const broken: SecretStore = { ...createMemoryStore(), set: async () => Promise.reject(new Error('keychain locked')) }
    const h = harness(dataDir, broken)
    const result = await h.session.setKey({ apiKey: GOOD_KEY, baseUrl: BASE })
    expect(!result.ok && result.error).toMatchObject({ kind: 'internal', message: expect.stringMatching(/keychain locked/) })
    expect((await h.session.status()).mode).toBe('signed_out')
    expect(await readdir(dataDir)).toEqual([])
  })

  it('puts the previous key back when the settings of a new sign-in cannot be written', async () => {
    const h = harness(dataDir)
    await signIn(h)
    await breakSettingsFile()
    const result = await h.session.setKey({ apiKey: OTHER_GOOD_KEY, baseUrl: BASE })
    expect(!result.ok && result.error.kind).toBe('internal')
    expect(await h.store.get(BASE)).toBe(GOOD_KEY)
    const elsewhere = await h.session.setKey({ apiKey: OTHER_GOOD_KEY, baseUrl: 'https://other.example' })
    expect(!elsewhere.ok && elsewhere.error.kind).toBe('internal')
    expect(await h.store.get('https://other.example')).toBeNull()
  })

  it('removes the old account key when switching to another address', async () => {
    const h = harness(dataDir)
    await signIn(h, GOOD_KEY, BASE)
    const status = await signIn(h, OTHER_GOOD_KEY, 'https://other.example')
    expect(status.baseUrl).toBe('https://other.example')
    expect(await h.store.get(BASE)).toBeNull()
    expect(await h.store.get('https://other.example')).toBe(OTHER_GOOD_KEY)
  })
})

/** Makes the next settings write fail: a directory stands where the file is renamed to. */
const breakSettingsFile = async () => {
  await rm(join(dataDir, SETTINGS_FILE), { force: true })
  await mkdir(join(dataDir, SETTINGS_FILE, 'blocker'), { recursive: true })
}

describe('session: replacing a refused key (keepAccount)', () => {
  const replace = (h: Harness, apiKey = OTHER_GOOD_KEY, baseUrl = BASE) => h.session.setKey({ apiKey, baseUrl, keepAccount: true })

  it('keeps the account id, so the local data and queued edits stay, and uses the new key from then on', async () => {
    const h = harness(dataDir)
    const before = await signIn(h)
    const oldClient = h.session.client()
    const result = await replace(h)
    expect(result.ok && result.data).toEqual({ ...before, keyHint: 'sk_live_…cccc' })
    expect(await h.store.get(BASE)).toBe(OTHER_GOOD_KEY)
    expect(h.session.client()).not.toBe(oldClient)
    expect(h.tried.at(-1)).toEqual({ baseUrl: BASE, apiKey: OTHER_GOOD_KEY })
  })

  it('keeps the same account id after a restart, and after a second replacement', async () => {
    const store = createMemoryStore()
    const h = harness(dataDir, store)
    const { accountId } = await signIn(h)
    await replace(h)
    const after = harness(dataDir, store)
    await after.session.restore()
    expect(await after.session.status()).toMatchObject({ mode: 'account', accountId, keyHint: 'sk_live_…cccc' })
    const again = await replace(after, GOOD_KEY)
    expect(again.ok && again.data.accountId).toBe(accountId)
    const restarted = harness(dataDir, store)
    await restarted.session.restore()
    expect((await restarted.session.status()).accountId).toBe(accountId)
    expect(await filesText()).not.toContain(OTHER_GOOD_KEY)
  })

  it('changes nothing when the new key is refused too', async () => {
    const h = harness(dataDir)
    const before = await signIn(h)
    const settings = await settingsText()
    const result = await replace(h, WRONG_KEY)
    expect(!result.ok && result.error.kind === 'validation' && result.error.fields.apiKey?.[0]).toMatch(/refused by skylight\.example/)
    expect(await h.session.status()).toEqual(before)
    expect(await h.store.get(BASE)).toBe(GOOD_KEY)
    expect(await settingsText()).toBe(settings)
  })

  it('refuses, without sending the key, when no account is signed in at that address', async () => {
    const signedOut = harness(dataDir)
    const demo = harness(join(dataDir, 'demo'))
    await demo.session.startDemo()
    const elsewhere = harness(join(dataDir, 'elsewhere'))
    await signIn(elsewhere, GOOD_KEY, 'https://other.example')
    elsewhere.tried.length = 0
    for (const h of [signedOut, demo, elsewhere]) {
      const statusBefore = await h.session.status()
      const result = await replace(h)
      expect(!result.ok && result.error.kind === 'validation' && result.error.fields.baseUrl?.[0]).toMatch(/No account is signed in at skylight\.example/)
      expect(h.tried).toEqual([])
      expect(await h.session.status()).toEqual(statusBefore)
    }
    expect(await signedOut.store.get(BASE)).toBeNull()
  })

  it('holds the address to the https rule before anything else', async () => {
    const h = harness(dataDir)
    await signIn(h)
    const result = await replace(h, OTHER_GOOD_KEY, 'http://skylight.example')
    expect(!result.ok && result.error.kind === 'validation' && result.error.fields.baseUrl?.[0]).toMatch(/must use https/)
    expect(h.tried).toHaveLength(1)
  })

  it('keeps the old key when the settings cannot be written', async () => {
    const h = harness(dataDir)
    const before = await signIn(h)
    await breakSettingsFile()
    const result = await replace(h)
    expect(!result.ok && result.error).toMatchObject({ kind: 'internal', message: expect.stringMatching(/settings could not be saved/) })
    expect(await h.session.status()).toEqual(before)
    expect(await h.store.get(BASE)).toBe(GOOD_KEY)
  })
})

describe('session: demo', () => {
  it('starts the sandbox and keeps its key out of the store and the settings', async () => {
    const h = harness(dataDir)
    const result = await h.session.startDemo()
    expect(result.ok && result.data).toMatchObject({ mode: 'demo', accountId: 'demo', baseUrl: 'http://127.0.0.1:41000' })
    expect(await h.store.get('http://127.0.0.1:41000')).toBeNull()
    expect(await readdir(dataDir)).toEqual([])
    expect(h.session.client()).not.toBeNull()
  })

  it('starts one sandbox however often it is asked', async () => {
    const h = harness(dataDir)
    await Promise.all([h.session.startDemo(), h.session.startDemo()])
    await h.session.startDemo()
    expect(h.sandboxes).toHaveLength(1)
  })

  it('closes the sandbox on clear', async () => {
    const h = harness(dataDir)
    await h.session.startDemo()
    const status = await h.session.clear()
    expect(h.sandboxes[0]!.closed).toBe(true)
    expect(status).toMatchObject({ mode: 'signed_out', baseUrl: null, keyHint: null, accountId: null })
    expect(h.session.client()).toBeNull()
  })

  it('closes the sandbox when a real key is set', async () => {
    const h = harness(dataDir)
    await h.session.startDemo()
    await signIn(h)
    expect(h.sandboxes[0]!.closed).toBe(true)
    expect((await h.session.status()).mode).toBe('account')
  })

  it('keeps the sandbox running when the real key is refused', async () => {
    const h = harness(dataDir)
    await h.session.startDemo()
    await h.session.setKey({ apiKey: WRONG_KEY, baseUrl: BASE })
    expect(h.sandboxes[0]!.closed).toBe(false)
    expect((await h.session.status()).mode).toBe('demo')
  })

  it('closes the sandbox on dispose', async () => {
    const h = harness(dataDir)
    await h.session.startDemo()
    await h.session.dispose()
    expect(h.sandboxes[0]!.closed).toBe(true)
  })

  it('reports a sandbox that fails to start', async () => {
    const session = createSession({
      store: createMemoryStore(),
      dataDir,
      createClient: () => ({}) as SkylightClient,
      startSandbox: () => Promise.reject(new Error('EADDRINUSE')),
    })
    const result = await session.startDemo()
    expect(!result.ok && result.error).toMatchObject({ kind: 'internal', message: expect.stringMatching(/EADDRINUSE/) })
    expect((await session.status()).mode).toBe('signed_out')
  })
})

describe('session: restart', () => {
  it('restores the account from the settings and the store', async () => {
    const store = createMemoryStore() // stands in for a keychain that outlives the process
    const before = await signIn(harness(dataDir, store))
    const after = harness(dataDir, store)
    await after.session.restore()
    expect(await after.session.status()).toEqual(before)
    expect(after.session.client()).not.toBeNull()
  })

  it('starts signed out, offering the last address, when the key did not survive', async () => {
    await signIn(harness(dataDir))
    const after = harness(dataDir) // a fresh memory store: the key is gone
    await after.session.restore()
    expect(await after.session.status()).toMatchObject({ mode: 'signed_out', baseUrl: BASE, keyHint: null })
    expect(after.session.client()).toBeNull()
  })

  it('starts signed out after clear, with the key and settings gone', async () => {
    const store = createMemoryStore()
    const h = harness(dataDir, store)
    await signIn(h)
    await h.session.clear()
    expect(await store.get(BASE)).toBeNull()
    expect(await readdir(dataDir)).toEqual([])
    const after = harness(dataDir, store)
    await after.session.restore()
    expect(await after.session.status()).toMatchObject({ mode: 'signed_out', baseUrl: null })
  })

  it('does not restore the demo, and returns to a stored account after a demo visit', async () => {
    const store = createMemoryStore()
    const h = harness(dataDir, store)
    await signIn(h)
    await h.session.startDemo()
    const after = harness(dataDir, store)
    await after.session.restore()
    expect((await after.session.status()).mode).toBe('account')
    const fresh = harness(join(dataDir, 'other'))
    await fresh.session.startDemo()
    const afterDemo = harness(join(dataDir, 'other'))
    await afterDemo.session.restore()
    expect((await afterDemo.session.status()).mode).toBe('signed_out')
  })

  it('reopens the fingerprint account from a settings file written before ids were kept', async () => {
    const store = createMemoryStore()
    const before = await signIn(harness(dataDir, store))
    await writeFile(join(dataDir, SETTINGS_FILE), JSON.stringify({ version: 1, mode: 'account', baseUrl: BASE }))
    const after = harness(dataDir, store)
    await after.session.restore()
    expect(await after.session.status()).toEqual(before)
  })

  it('ignores a settings file edited to point at plain http', async () => {
    const store = createMemoryStore()
    await store.set('http://evil.example', GOOD_KEY)
    await writeFile(join(dataDir, SETTINGS_FILE), JSON.stringify({ version: 1, mode: 'account', baseUrl: 'http://evil.example' }))
    const h = harness(dataDir, store)
    await h.session.restore()
    expect(await h.session.status()).toMatchObject({ mode: 'signed_out', baseUrl: null })
    expect(h.session.client()).toBeNull()
  })

  it('answers status only once restore is done', async () => {
    const store = createMemoryStore()
    await signIn(harness(dataDir, store))
    const h = harness(dataDir, store)
    void h.session.restore()
    expect((await h.session.status()).mode).toBe('account')
  })

  it('never writes the key to any file in the data dir', async () => {
    const h = harness(dataDir)
    await signIn(h)
    await h.session.startDemo()
    await signIn(h, OTHER_GOOD_KEY)
    const text = await filesText()
    expect(text).not.toContain(GOOD_KEY)
    expect(text).not.toContain(OTHER_GOOD_KEY)
    expect(text).not.toContain('sk_demo_sandbox_key')
  })
})

describe('session: the offline copy’s data key', () => {
  /** A memory store that records what was deleted, in order, and can be made to refuse deletes. */
  function recordingStore() {
    const inner = createMemoryStore()
    const deleted: string[] = []
    let refuse = false
    const store: SecretStore = {
      kind: 'keychain',
      warning: null,
      get: (account) => inner.get(account),
      set: (account, secret) => inner.set(account, secret),
      delete: async (account) => {
        if (refuse) throw new Error('The keychain is locked.')
        deleted.push(account)
        await inner.delete(account)
      },
    }
    return { store, deleted, refuseDeletes: () => (refuse = true) }
  }

  it('gives the signed-in account one key, the same after a restart', async () => {
    const { store } = recordingStore()
    const h = harness(dataDir, store)
    const status = await signIn(h)
    const first = await h.session.dataKey()
    expect(first).toEqual(ok({ accountId: status.accountId, key: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/), sessionOnly: false }))
    const after = harness(dataDir, store)
    await after.session.restore()
    expect(await after.session.dataKey()).toEqual(first)
  })

  it('says the copy lasts this session only when there is no keychain', async () => {
    const h = harness(dataDir)
    await signIn(h)
    const grant = await h.session.dataKey()
    expect(grant.ok && grant.data.sessionOnly).toBe(true)
  })

  it('refuses when signed out', async () => {
    const result = await harness(dataDir).session.dataKey()
    expect(!result.ok && result.error.kind).toBe('signed_out')
  })

  it('gives a test host that asked for a plain copy no key', async () => {
    const h = harness(dataDir)
    const session = createSession({ ...h.deps, plainOfflineCopy: true })
    await session.startDemo()
    expect(await session.dataKey()).toEqual(ok({ accountId: 'demo', key: null, sessionOnly: true }))
  })

  it('deletes the data key before the API key on sign-out', async () => {
    const { store, deleted } = recordingStore()
    const h = harness(dataDir, store)
    const { accountId } = await signIn(h)
    await h.session.dataKey()
    await h.session.clear()
    expect(deleted).toEqual([`skylight-contacts:data-key:${accountId}`, BASE])
    expect(await store.get(`skylight-contacts:data-key:${accountId}`)).toBeNull()
  })

  it('stays signed in, key and settings kept, when the data key cannot be deleted', async () => {
    const { store, refuseDeletes } = recordingStore()
    const h = harness(dataDir, store)
    await signIn(h)
    refuseDeletes()
    await expect(h.session.clear()).rejects.toThrow('locked')
    expect((await h.session.status()).mode).toBe('account')
    expect(await store.get(BASE)).toBe(GOOD_KEY)
    expect(await settingsText()).toContain(BASE)
  })
})
