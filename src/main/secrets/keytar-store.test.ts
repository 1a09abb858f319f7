// Runs keytar against a real Secret Service (gnome-keyring), started here inside the test's D-Bus session.
import { spawn, execFile, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { chooseSecretStore } from './choose-store'
import { createKeytarStore, KEYCHAIN_SERVICE, probeKeytar, type KeytarLike } from './keytar-store'

const DAEMON = '/usr/bin/gnome-keyring-daemon'
const run = promisify(execFile)
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function secretServiceRunning(): Promise<boolean> {
  try {
    const { stdout } = await run('dbus-send', [
      '--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets',
    ])
    return /boolean true/.test(stdout)
  } catch {
    return false
  }
}

type Keyring = { keytar: KeytarLike; stop(): Promise<void> } | { reason: string }

/**
 * Uses the session's keyring when one already runs (never replacing a developer's own); otherwise starts
 * gnome-keyring unlocked, with its files in a temporary directory, and waits until it owns its D-Bus name
 * (calling keytar earlier would make D-Bus start a second, locked daemon).
 */
async function openKeyring(): Promise<Keyring> {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return { reason: 'no D-Bus session bus (run the tests inside dbus-run-session)' }
  let daemon: ChildProcess | undefined
  let home: string | undefined
  const stop = async () => {
    if (daemon && daemon.exitCode === null) {
      const exited = new Promise((resolve) => daemon!.once('exit', resolve))
      daemon.kill()
      await exited
    }
    if (home) await rm(home, { recursive: true, force: true })
  }
  if (!(await secretServiceRunning())) {
    if (!existsSync(DAEMON)) return { reason: `no Secret Service on D-Bus and no ${DAEMON} to start one` }
    home = await mkdtemp(join(tmpdir(), 'skylight-keyring-'))
    const env = { ...process.env, XDG_DATA_HOME: home, XDG_CACHE_HOME: home, XDG_RUNTIME_DIR: home }
    daemon = spawn(DAEMON, ['--foreground', '--unlock', '--components=secrets'], { env, stdio: ['pipe', 'ignore', 'ignore'] })
    daemon.stdin!.end('test') // the login keyring's password: --unlock reads it from stdin
    for (let i = 0; i < 100 && !(await secretServiceRunning()); i++) await pause(100)
    if (!(await secretServiceRunning())) {
      await stop()
      return { reason: 'gnome-keyring-daemon started but never registered org.freedesktop.secrets' }
    }
  }
  // keytar is CommonJS: depending on the loader its functions sit on the namespace or on `default`.
  const loaded = (await import('keytar')) as KeytarLike & { default?: KeytarLike }
  const keytar = loaded.default ?? loaded
  try {
    await probeKeytar(keytar)
  } catch (error) {
    await stop()
    return { reason: `the keyring refuses to store secrets: ${(error as Error).message}` }
  }
  return { keytar, stop }
}

const keyring = await openKeyring()
const ready = 'keytar' in keyring
if (!ready) {
  const message = `Keychain tests cannot run: ${keyring.reason}.`
  if (process.env.REQUIRE_E2E === '1') {
    describe('keychain', () => {
      it('is available, as REQUIRE_E2E=1 demands', () => {
        throw new Error(message)
      })
    })
  } else {
    console.warn(`${message} Skipping them (set REQUIRE_E2E=1 to make this a failure).`)
  }
}

describe.skipIf(!ready)('keytar store on a real keyring', () => {
  const runId = Math.random().toString(36).slice(2, 10)
  const urlA = `https://a-${runId}.keytar-test.invalid`
  const urlB = `https://b-${runId}.keytar-test.invalid/prefix`
  const keytar = ready ? keyring.keytar : (undefined as never)

  afterAll(async () => {
    if (!ready) return
    await keytar.deletePassword(KEYCHAIN_SERVICE, urlA)
    await keytar.deletePassword(KEYCHAIN_SERVICE, urlB)
    await keyring.stop()
  })

  it('is the store chosen when the keyring works', async () => {
    const store = await chooseSecretStore({ keytar, dataDir: join(tmpdir(), 'unused') })
    expect(store.kind).toBe('keychain')
    expect(store.warning).toBeNull()
  })

  it('sets, gets and deletes a key filed under "SkyLight Contacts" with the base URL as account', async () => {
    const store = createKeytarStore(keytar)
    await store.set(urlA, 'sk_live_keychain_roundtrip_1234')
    expect(await store.get(urlA)).toBe('sk_live_keychain_roundtrip_1234')
    expect(await keytar.getPassword('SkyLight Contacts', urlA)).toBe('sk_live_keychain_roundtrip_1234')
    const accounts = (await keytar.findCredentials('SkyLight Contacts')).map((c) => c.account)
    expect(accounts).toContain(urlA)
    await store.delete(urlA)
    expect(await store.get(urlA)).toBeNull()
    await expect(store.delete(urlA)).resolves.toBeUndefined()
  })

  it('keeps two base URLs apart', async () => {
    const store = createKeytarStore(keytar)
    await store.set(urlA, 'sk_live_for_a_000000000001')
    await store.set(urlB, 'sk_live_for_b_000000000002')
    expect(await store.get(urlA)).toBe('sk_live_for_a_000000000001')
    expect(await store.get(urlB)).toBe('sk_live_for_b_000000000002')
    await store.set(urlA, 'sk_live_for_a_replaced_0003')
    await store.delete(urlB)
    expect(await store.get(urlA)).toBe('sk_live_for_a_replaced_0003')
    expect(await store.get(urlB)).toBeNull()
  })
})
