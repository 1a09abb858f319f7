// The signed-in state of the app: which mode it is in, the key, and the one SkylightClient that uses it.
import type { AuthStatus } from '../../shared/contract'
import { fail, ok, type ApiError, type Result } from '../../shared/result'
import type { SkylightClient } from '../api/client'
import type { Sandbox } from '../sandbox/server'
import type { SecretStore } from '../secrets/secret-store'
import { hostOf, normaliseBaseUrl } from './base-url'
import { accountFingerprint, keyHint } from './key-hint'
import { clearSettings, readSettings, writeSettings } from './settings-file'
import { apiKeyProblem, refusalFor } from './sign-in-errors'

/** The part of the sandbox the session needs: where it listens, its key, and how to stop it. */
export type DemoSandbox = Pick<Sandbox, 'baseUrl' | 'apiKey' | 'close'>

export interface SessionDeps {
  store: SecretStore
  dataDir: string
  createClient: (o: { baseUrl: string; apiKey: string }) => SkylightClient
  /** Starts the local demo server on a random loopback port with a random key (kept in memory only). */
  startSandbox: () => Promise<DemoSandbox>
}

export interface Session {
  /** At start-up: reopens the remembered account if its key is still in the store. */
  restore(): Promise<void>
  status(): Promise<AuthStatus>
  /** Tests the key with one real call first; a refused key changes nothing. */
  setKey(input: { apiKey: string; baseUrl: string }): Promise<Result<AuthStatus>>
  /** Forgets everything: the stored key, the settings and a running demo. */
  clear(): Promise<AuthStatus>
  startDemo(): Promise<Result<AuthStatus>>
  client(): SkylightClient | null
  dispose(): Promise<void>
}

type Active =
  | { mode: 'account'; baseUrl: string; apiKey: string; client: SkylightClient }
  | { mode: 'demo'; baseUrl: string; apiKey: string; client: SkylightClient; sandbox: DemoSandbox }

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))
const internal = (message: string): ApiError => ({ kind: 'internal', message })

export function createSession(deps: SessionDeps): Session {
  const { store, dataDir } = deps
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
    accountId: !active ? null : active.mode === 'demo' ? 'demo' : accountFingerprint(active.baseUrl, active.apiKey),
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
      // The file may have been edited by hand: hold it to the same rules as the sign-in form.
      const checked = settings && normaliseBaseUrl(settings.baseUrl)
      if (!checked?.ok) return
      const baseUrl = checked.data
      rememberedBaseUrl = baseUrl
      const apiKey = await store.get(baseUrl)
      if (apiKey) active = { mode: 'account', baseUrl, apiKey, client: deps.createClient({ baseUrl, apiKey }) }
    } catch (error) {
      // A keychain or disk that fails at start-up leaves the user signed out, able to sign in again.
      console.warn(`Could not reopen the saved session: ${messageOf(error)}`)
    }
  }

  async function setKeyNow(input: { apiKey: string; baseUrl: string }): Promise<Result<AuthStatus>> {
    const normalised = normaliseBaseUrl(input.baseUrl)
    if (!normalised.ok) return normalised
    const baseUrl = normalised.data
    const apiKey = input.apiKey.trim()
    const problem = apiKeyProblem(apiKey)
    if (problem) return fail(problem)

    const client = deps.createClient({ baseUrl, apiKey })
    const tried = await client.listContacts({ per_page: 1 })
    if (!tried.ok) return fail(refusalFor(tried.error, hostOf(baseUrl)))

    const saved = await readSettings(dataDir).catch(() => null)
    try {
      await store.set(baseUrl, apiKey)
    } catch (error) {
      return fail(internal(`The key works, but could not be saved: ${messageOf(error)}`))
    }
    try {
      await writeSettings(dataDir, { version: 1, mode: 'account', baseUrl })
    } catch (error) {
      // The previous session stays; only a key stored for a new address would be left orphaned.
      if (saved?.baseUrl !== baseUrl) await forgetKeys([baseUrl])
      return fail(internal(`The key works, but the settings could not be saved: ${messageOf(error)}`))
    }

    const previous = active
    active = { mode: 'account', baseUrl, apiKey, client }
    rememberedBaseUrl = baseUrl
    await stopDemo(previous)
    const oldAccounts = [saved?.baseUrl, previous?.mode === 'account' ? previous.baseUrl : undefined]
    await forgetKeys(oldAccounts.filter((url): url is string => url !== undefined && url !== baseUrl))
    return ok(statusNow())
  }

  async function clearNow(): Promise<AuthStatus> {
    const previous = active
    active = null
    rememberedBaseUrl = null
    await stopDemo(previous)
    const saved = await readSettings(dataDir).catch(() => null)
    await clearSettings(dataDir)
    // Unlike after a switch of account, a key that cannot be deleted here must be reported.
    for (const baseUrl of new Set([saved?.baseUrl, previous?.mode === 'account' ? previous.baseUrl : undefined])) {
      if (baseUrl !== undefined) await store.delete(baseUrl)
    }
    return statusNow()
  }

  async function startDemoNow(): Promise<Result<AuthStatus>> {
    if (active?.mode === 'demo') return ok(statusNow())
    let sandbox: DemoSandbox
    try {
      sandbox = await deps.startSandbox()
    } catch (error) {
      return fail(internal(`Could not start the demo: ${messageOf(error)}`))
    }
    // The stored account (if any) is left as it is: the demo is a visit, and a restart returns to the account.
    active = {
      mode: 'demo',
      baseUrl: sandbox.baseUrl,
      apiKey: sandbox.apiKey,
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
