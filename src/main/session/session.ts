// The signed-in state of the app: which mode it is in, the key, and the one SkylightClient that uses it.
import type { AuthStatus, DataKeyGrant } from '../../shared/contract'
import { fail, ok, type ApiError, type Result } from '../../shared/result'
import { desktopText } from '../i18n/desktop-text'
import type { SkylightClient } from '../api/client'
import type { SandboxServer } from '../../sandbox/sandbox-server'
import { createDataKeys } from '../secrets/data-keys'
import type { SecretStore } from '../secrets/secret-store'
import { hostOf, normaliseBaseUrl } from './base-url'
import { accountFingerprint, keyHint } from './key-hint'
import { clearSettings, readSettings, writeSettings } from './settings-file'
import { apiKeyProblem, notReplaceable, refusalFor } from './sign-in-errors'

/** The part of the sandbox the session needs: where it listens, its key, and how to stop it. */
export type DemoSandbox = Pick<SandboxServer, 'baseUrl' | 'apiKey' | 'close'>

export interface SessionDeps {
  store: SecretStore
  dataDir: string
  createClient: (o: { baseUrl: string; apiKey: string }) => SkylightClient
  /** Starts the local demo server on a random loopback port with a random key (kept in memory only). */
  startSandbox: () => Promise<DemoSandbox>
  /**
   * Test hosts only: hand the page no data key, so its offline copy is written unsealed (the control case of
   * the at-rest e2e, which must find the plain text its sealed run does not).
   */
  plainOfflineCopy?: boolean
}

export interface Session {
  /** At start-up: reopens the remembered account if its key is still in the store. */
  restore(): Promise<void>
  status(): Promise<AuthStatus>
  /**
   * Tests the key with one real call first; a refused key changes nothing. With `keepAccount` the key
   * replaces the signed-in account's (same base URL), which keeps its account id and so its local data.
   */
  setKey(input: KeyInput): Promise<Result<AuthStatus>>
  /** Forgets everything: the data key first (the offline copy is unreadable at once), the stored key, the settings and a running demo. */
  clear(): Promise<AuthStatus>
  /** The open account's data key (made and stored on first use); fails when signed out or the keychain fails. */
  dataKey(): Promise<Result<DataKeyGrant>>
  startDemo(): Promise<Result<AuthStatus>>
  client(): SkylightClient | null
  dispose(): Promise<void>
}

export type KeyInput = { apiKey: string; baseUrl: string; keepAccount?: boolean }

type Active =
  | { mode: 'account'; baseUrl: string; apiKey: string; accountId: string; client: SkylightClient }
  | { mode: 'demo'; baseUrl: string; apiKey: string; accountId: 'demo'; client: SkylightClient; sandbox: DemoSandbox }

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))
const internal = (message: string): ApiError => ({ kind: 'internal', message })

export function createSession(deps: SessionDeps): Session {
  const { store, dataDir } = deps
  const dataKeys = createDataKeys(store)
  let active: Active | null = null
  /** The last account's base URL while signed out, so the sign-in form can offer it again. */
  let rememberedBaseUrl: string | null = null
  let restoring: Promise<void> = Promise.resolve()

  // Changes run one after another: two quick clicks must not start two sandboxes or interleave key writes.
  let queue: Promise<unknown> = Promise.resolve()
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task)
    queue = run.catch(() => undefined)
    return run
  }

  const statusNow = (): AuthStatus => ({
    mode: active?.mode ?? 'signed_out',
    baseUrl: active?.baseUrl ?? rememberedBaseUrl,
    keyHint: active ? keyHint(active.apiKey) : null,
    accountId: active?.accountId ?? null,
    storage: store.kind,
    storageWarning: store.warning,
  })

  /** A sandbox that fails to close is already unusable; closing must not fail a sign-in or sign-out. */
  const stopDemo = async (previous: Active | null) => {
    if (previous?.mode === 'demo') await previous.sandbox.close().catch(() => undefined)
  }

  /** Best effort: a key left behind for an account we no longer use is worth a try to remove, not a failure. */
  const forgetKeys = async (baseUrls: Iterable<string>) => {
    for (const baseUrl of new Set(baseUrls)) await store.delete(baseUrl).catch(() => undefined)
  }

  async function restoreNow(): Promise<void> {
    try {
      const settings = await readSettings(dataDir)
      if (!settings) return
      // The file may have been edited by hand: hold it to the same rules as the sign-in form.
      const checked = normaliseBaseUrl(settings.baseUrl)
      if (!checked.ok) return
      const baseUrl = checked.data
      rememberedBaseUrl = baseUrl
      const apiKey = await store.get(baseUrl)
      if (!apiKey) return
      // The saved id wins: after a key was replaced, the new key's fingerprint names no database.
      const accountId = settings.accountId ?? accountFingerprint(baseUrl, apiKey)
      active = { mode: 'account', baseUrl, apiKey, accountId, client: deps.createClient({ baseUrl, apiKey }) }
    } catch (error) {
      // A keychain or disk that fails at start-up leaves the user signed out, able to sign in again.
      console.warn(`Could not reopen the saved session: ${messageOf(error)}`)
    }
  }

  /** The typed address and key, held to the sign-in rules before the key is sent anywhere. */
  function readKeyInput(input: KeyInput): Result<{ baseUrl: string; apiKey: string }> {
    const normalised = normaliseBaseUrl(input.baseUrl)
    if (!normalised.ok) return normalised
    const apiKey = input.apiKey.trim()
    const problem = apiKeyProblem(apiKey)
    return problem ? fail(problem) : ok({ baseUrl: normalised.data, apiKey })
  }

  /** One real call with the key: its client when the server accepts it, the reason otherwise. */
  async function tryKey(baseUrl: string, apiKey: string): Promise<Result<SkylightClient>> {
    const client = deps.createClient({ baseUrl, apiKey })
    const tried = await client.listContacts({ per_page: 1 })
    return tried.ok ? ok(client) : fail(refusalFor(tried.error, hostOf(baseUrl)))
  }

  async function setKeyNow(input: KeyInput): Promise<Result<AuthStatus>> {
    const read = readKeyInput(input)
    if (!read.ok) return read
    return input.keepAccount ? replaceKeyNow(read.data.baseUrl, read.data.apiKey) : signInNow(read.data.baseUrl, read.data.apiKey)
  }

  async function replaceKeyNow(baseUrl: string, apiKey: string): Promise<Result<AuthStatus>> {
    const current = active
    if (current?.mode !== 'account' || current.baseUrl !== baseUrl) return fail(notReplaceable(hostOf(baseUrl)))
    const tried = await tryKey(baseUrl, apiKey)
    if (!tried.ok) return tried
    // The id is saved before the key: a crash in between restarts on the old key, still in this account.
    try {
      await writeSettings(dataDir, { version: 1, mode: 'account', baseUrl, accountId: current.accountId })
    } catch (error) {
      return fail(internal(desktopText('main.session.settingsNotSaved', { reason: messageOf(error) })))
    }
    try {
      await store.set(baseUrl, apiKey)
    } catch (error) {
      return fail(internal(desktopText('main.session.keyNotSaved', { reason: messageOf(error) })))
    }
    active = { ...current, apiKey, client: tried.data }
    return ok(statusNow())
  }

  async function signInNow(baseUrl: string, apiKey: string): Promise<Result<AuthStatus>> {
    const tried = await tryKey(baseUrl, apiKey)
    if (!tried.ok) return tried
    const client = tried.data
    const accountId = accountFingerprint(baseUrl, apiKey)

    const saved = await readSettings(dataDir).catch(() => null)
    const keyBefore = await store.get(baseUrl).catch(() => null)
    try {
      await store.set(baseUrl, apiKey)
    } catch (error) {
      return fail(internal(desktopText('main.session.keyNotSaved', { reason: messageOf(error) })))
    }
    try {
      await writeSettings(dataDir, { version: 1, mode: 'account', baseUrl, accountId })
    } catch (error) {
      // The previous session stays, so does the key its settings go with: the new key must not pair with its account id.
      if (keyBefore === null) await forgetKeys([baseUrl])
      else await store.set(baseUrl, keyBefore).catch(() => undefined)
      return fail(internal(desktopText('main.session.settingsNotSaved', { reason: messageOf(error) })))
    }

    const previous = active
    active = { mode: 'account', baseUrl, apiKey, accountId, client }
    rememberedBaseUrl = baseUrl
    await stopDemo(previous)
    const oldAccounts = [saved?.baseUrl, previous?.mode === 'account' ? previous.baseUrl : undefined]
    await forgetKeys(oldAccounts.filter((url): url is string => url !== undefined && url !== baseUrl))
    return ok(statusNow())
  }

  async function clearNow(): Promise<AuthStatus> {
    const previous = active
    const saved = await readSettings(dataDir).catch(() => null)
    // The data key goes first, and must go: once it is gone, the copy left on disk is unreadable even if the
    // page never deletes it. A keychain that refuses leaves the user signed in, to try again.
    for (const accountId of new Set([previous?.accountId, saved?.accountId])) {
      if (accountId) await dataKeys.forget(accountId)
    }
    active = null
    rememberedBaseUrl = null
    await stopDemo(previous)
    await clearSettings(dataDir)
    // Unlike after a switch of account, a key that cannot be deleted here must be reported.
    for (const baseUrl of new Set([saved?.baseUrl, previous?.mode === 'account' ? previous.baseUrl : undefined])) {
      if (baseUrl !== undefined) await store.delete(baseUrl)
    }
    return statusNow()
  }

  async function dataKeyNow(): Promise<Result<DataKeyGrant>> {
    const current = active
    if (!current) return fail({ kind: 'signed_out', message: desktopText('main.ipc.signedOut') })
    const sessionOnly = store.kind === 'memory'
    if (deps.plainOfflineCopy) return ok({ accountId: current.accountId, key: null, sessionOnly })
    try {
      const { key } = await dataKeys.get(current.accountId)
      return ok({ accountId: current.accountId, key, sessionOnly })
    } catch (error) {
      return fail(internal(desktopText('main.session.dataKeyUnavailable', { reason: messageOf(error) })))
    }
  }

  async function startDemoNow(): Promise<Result<AuthStatus>> {
    if (active?.mode === 'demo') return ok(statusNow())
    let sandbox: DemoSandbox
    try {
      sandbox = await deps.startSandbox()
    } catch (error) {
      return fail(internal(desktopText('main.session.demoFailed', { reason: messageOf(error) })))
    }
    // The stored account (if any) is left as it is: the demo is a visit, and a restart returns to the account.
    active = {
      mode: 'demo',
      baseUrl: sandbox.baseUrl,
      apiKey: sandbox.apiKey,
      accountId: 'demo',
      client: deps.createClient({ baseUrl: sandbox.baseUrl, apiKey: sandbox.apiKey }),
      sandbox,
    }
    return ok(statusNow())
  }

  return {
    restore: () => (restoring = serially(restoreNow)),
    status: async () => {
      await restoring
      return statusNow()
    },
    setKey: (input) => serially(() => setKeyNow(input)),
    clear: () => serially(clearNow),
    dataKey: async () => {
      await restoring
      return dataKeyNow()
    },
    startDemo: () => serially(startDemoNow),
    client: () => active?.client ?? null,
    dispose: () =>
      serially(async () => {
        const previous = active
        active = null
        await stopDemo(previous)
      }),
  }
}
