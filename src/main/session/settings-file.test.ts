import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { clearSettings, readSettings, SETTINGS_FILE, writeSettings, type SessionSettings } from './settings-file'

let dataDir: string
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'skylight-settings-'))
})
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

describe('settings file', () => {
  it('round-trips the account base URL, readable by the user only', async () => {
    await writeSettings(dataDir, { version: 1, mode: 'account', baseUrl: 'https://a.example' })
    expect(await readSettings(dataDir)).toEqual({ version: 1, mode: 'account', baseUrl: 'https://a.example' })
    expect((await stat(join(dataDir, SETTINGS_FILE))).mode & 0o777).toBe(0o600)
  })

  it('keeps the account id, and refuses one that is not a 16-hex fingerprint', async () => {
    await writeSettings(dataDir, { version: 1, mode: 'account', baseUrl: 'https://a.example', accountId: '0123456789abcdef' })
    expect((await readSettings(dataDir))?.accountId).toBe('0123456789abcdef')
    await writeFile(join(dataDir, SETTINGS_FILE), '{"version":1,"mode":"account","baseUrl":"https://a.example","accountId":"../other"}')
    expect(await readSettings(dataDir)).toBeNull()
  })

  it('writes only the known fields, even if handed more', async () => {
    const withKey = { version: 1, mode: 'account', baseUrl: 'https://a.example', apiKey: 'sk_live_secret' } as SessionSettings
    await writeSettings(dataDir, withKey)
    expect(await readFile(join(dataDir, SETTINGS_FILE), 'utf8')).not.toContain('sk_live_secret')
  })

  it('reads nothing when the file is missing, damaged or of another shape', async () => {
    expect(await readSettings(dataDir)).toBeNull()
    await writeFile(join(dataDir, SETTINGS_FILE), '{"version":1,')
    expect(await readSettings(dataDir)).toBeNull()
    await writeFile(join(dataDir, SETTINGS_FILE), '{"version":1,"mode":"demo","baseUrl":"x"}')
    expect(await readSettings(dataDir)).toBeNull()
  })

  it('clears the file, and clearing twice is harmless', async () => {
    await writeSettings(dataDir, { version: 1, mode: 'account', baseUrl: 'https://a.example' })
    await clearSettings(dataDir)
    await clearSettings(dataDir)
    expect(await readSettings(dataDir)).toBeNull()
  })
})
