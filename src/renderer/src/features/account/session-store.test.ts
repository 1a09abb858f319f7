import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { setBridge } from '../../bridge'
import { fakeBridge, type CallLog } from '../../test-support/fake-bridge'
import { useSessionStore } from './session-store'
import type { AuthStatus } from '../../../../shared/contract'

const signedOut: AuthStatus = {
  mode: 'signed_out',
  baseUrl: null,
  keyHint: null,
  accountId: null,
  storage: 'keychain',
  storageWarning: null,
}
const account: AuthStatus = {
  ...signedOut,
  mode: 'account',
  baseUrl: 'https://dashboard.skylightchat.com',
  keyHint: 'sk_live_…1234',
  accountId: 'acc-1',
}

describe('session store', () => {
  let log: CallLog
  beforeEach(() => {
    setActivePinia(createPinia())
    log = []
  })
  afterEach(() => setBridge(null))

  it('loads the status main reports and is signed out until a key or the demo is set', async () => {
    setBridge(fakeBridge({ 'auth.status': async () => ({ ok: true, data: signedOut }) }, log))
    const session = useSessionStore()
    expect(await session.load()).toBe(true)
    expect(session.status).toEqual(signedOut)
    expect(session.signedIn).toBe(false)
  })

  it('signs in with the key and base URL the user typed', async () => {
    setBridge(fakeBridge({ 'auth.setKey': async () => ({ ok: true, data: account }) }, log))
    const session = useSessionStore()
    expect(await session.setKey('sk_live_abcd1234', 'https://dashboard.skylightchat.com')).toBe(true)
    expect(log).toEqual([
      { channel: 'auth.setKey', args: { apiKey: 'sk_live_abcd1234', baseUrl: 'https://dashboard.skylightchat.com' } },
    ])
    expect(session.signedIn).toBe(true)
    expect(session.error).toBeNull()
  })

  it('keeps the previous status and exposes the refusal when the key is refused', async () => {
    const refusal = { kind: 'unauthorized', message: 'The server refused this API key.' } as const
    setBridge(
      fakeBridge({
        'auth.status': async () => ({ ok: true, data: signedOut }),
        'auth.setKey': async () => ({ ok: false, error: refusal }),
      }),
    )
    const session = useSessionStore()
    await session.load()
    expect(await session.setKey('sk_live_wrong', 'https://dashboard.skylightchat.com')).toBe(false)
    expect(session.status).toEqual(signedOut)
    expect(session.error).toEqual(refusal)
    expect(session.pending).toBeNull()
  })

  it('replaces a refused key for the account signed in, at its own address', async () => {
    const renewed = { ...account, keyHint: 'sk_live_…9999' }
    setBridge(
      fakeBridge(
        {
          'auth.status': async () => ({ ok: true, data: account }),
          'auth.setKey': async () => ({ ok: true, data: renewed }),
        },
        log,
      ),
    )
    const session = useSessionStore()
    await session.load()
    expect(await session.replaceKey('sk_live_new_key_9999')).toBe(true)
    expect(log.at(-1)).toEqual({
      channel: 'auth.setKey',
      args: { apiKey: 'sk_live_new_key_9999', baseUrl: 'https://dashboard.skylightchat.com', keepAccount: true },
    })
    expect(session.status).toEqual(renewed)
  })

  it('marks the call in flight so only its button spins', async () => {
    let answer: (value: { ok: true; data: AuthStatus }) => void = () => {}
    setBridge(fakeBridge({ 'demo.start': () => new Promise((resolve) => (answer = resolve)) }))
    const session = useSessionStore()
    const started = session.startDemo()
    expect(session.pending).toBe('demo')
    answer({ ok: true, data: { ...signedOut, mode: 'demo', accountId: 'demo' } })
    await started
    expect(session.pending).toBeNull()
    expect(session.status?.mode).toBe('demo')
  })

  it('returns to signed out after sign-out', async () => {
    setBridge(
      fakeBridge({
        'auth.setKey': async () => ({ ok: true, data: account }),
        'auth.clear': async () => ({ ok: true, data: signedOut }),
      }),
    )
    const session = useSessionStore()
    await session.setKey('sk_live_abcd1234', 'https://dashboard.skylightchat.com')
    expect(await session.signOut()).toBe(true)
    expect(session.signedIn).toBe(false)
  })

  it('turns a broken transport into an error value instead of throwing', async () => {
    setBridge(fakeBridge({ 'auth.status': () => Promise.reject(new Error('socket closed')) }))
    const session = useSessionStore()
    expect(await session.load()).toBe(false)
    expect(session.error).toMatchObject({ kind: 'internal', message: expect.stringContaining('socket closed') })
  })
})
