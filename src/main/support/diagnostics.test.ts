import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { diagnosticsText, lastLogLines, scrubLogLine } from './diagnostics'

const facts = {
  app: { name: 'SkyLight Contacts', version: '0.2.0', packaged: true },
  versions: { electron: '45.4.1', chrome: '142.0.0.0', node: '22.20.0' },
  os: { platform: 'linux', release: '6.1.0', arch: 'x64' },
  locale: 'de-DE',
  session: { mode: 'account' as const, baseUrl: 'https://dashboard.skylightchat.com', keyHint: 'sk_live_…1234', accountId: 'abcdef0123456789', storage: 'keychain' as const, storageWarning: null },
  update: { state: 'ready' as const, version: '0.3.0' },
  sync: { reachability: 'offline' as const, lastSyncedAt: '2026-12-02T09:00:00.000Z', unsynced: 3, needsAttention: 1, pull: 'failed' as const },
}

describe('diagnostics', () => {
  it('states versions, OS, session, sync and update, and never the key or its hint', () => {
    const text = diagnosticsText({ ...facts, logLines: ['2026-12-02T09:00:00.000Z INFO signed in to https://dashboard.skylightchat.com with the key sk_live_…1234, kept in the OS keychain'] })
    expect(text.split('\n').slice(0, 7)).toEqual([
      'SkyLight Contacts 0.2.0',
      'Electron 45.4.1 · Chromium 142.0.0.0 · Node 22.20.0',
      'OS: linux 6.1.0 (x64) · locale de-DE',
      'Session: account at dashboard.skylightchat.com, key kept in keychain',
      'Sync: offline · pull failed · last synced 2026-12-02T09:00:00.000Z · 3 unsynced (1 need attention)',
      'Update: ready to install 0.3.0',
      '',
    ])
    expect(text).not.toContain('sk_live')
    expect(text).toContain('with the key [key], kept in the OS keychain')
  })

  it('scrubs emails, phone numbers and quoted text from log lines, keeping times, levels, ids and counts', () => {
    expect(scrubLogLine('2026-12-02T09:00:00.123Z WARN contacts.create failed: validation (phone): The phone +44 7400 675126 has already been taken.')).toBe(
      '2026-12-02T09:00:00.123Z WARN contacts.create failed: validation (phone): The phone [number] has already been taken.',
    )
    expect(scrubLogLine('2026-12-02T09:00:00.123Z ERROR renderer error: TypeError: "Zoë Dubois" has no email zoe.dubois@example.fr')).toBe(
      '2026-12-02T09:00:00.123Z ERROR renderer error: TypeError: "[text]" has no email [email]',
    )
    expect(scrubLogLine('2026-12-02T09:00:00.123Z WARN contacts.get failed: rate_limited (retry in 12000 ms): contact 4242')).toBe(
      '2026-12-02T09:00:00.123Z WARN contacts.get failed: rate_limited (retry in 12000 ms): contact 4242',
    )
  })

  it('reads the last lines of the log, reaching into the previous file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'diagnostics-'))
    try {
      const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `line ${from + i}`).join('\n') + '\n'
      await writeFile(join(dir, 'main.1.log'), lines(0, 300))
      await writeFile(join(dir, 'main.log'), lines(300, 350))
      const last = await lastLogLines(dir)
      expect(last).toHaveLength(200)
      expect([last[0], last.at(-1)]).toEqual(['line 150', 'line 349'])
      expect(await lastLogLines(join(dir, 'missing'))).toEqual([])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
