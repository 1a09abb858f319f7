import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRotatingLog, logConsole } from './rotating-log'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'log-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('rotating log', () => {
  it('never writes a key or an Authorization value', async () => {
    const log = createRotatingLog({ dir, secrets: () => ['my-custom-secret-key'], now: () => new Date('2026-11-24T10:00:00Z') })
    log.write('error', 'GET /contacts failed\nAuthorization: Bearer sk_live_abcdef123456\nkey my-custom-secret-key, x-key sk_test_zzz')
    const text = await readFile(log.path, 'utf8')
    expect(text).toMatch(/^2026-11-24T10:00:00.000Z ERROR GET \/contacts failed/)
    for (const secret of ['sk_live_abcdef123456', 'my-custom-secret-key', 'sk_test_zzz']) expect(text).not.toContain(secret)
    expect(text).toContain('[redacted]')
  })

  it('rotates past the size cap and keeps a few old files', async () => {
    const log = createRotatingLog({ dir, maxBytes: 200, keep: 2 })
    for (let i = 0; i < 20; i++) log.write('info', `line ${i} ${'x'.repeat(60)}`)
    expect((await readdir(dir)).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log'])
    expect(await readFile(log.path, 'utf8')).toContain('line 19')
    for (const name of await readdir(dir)) expect((await readFile(join(dir, name))).length).toBeLessThanOrEqual(200)
  })

  it('copies console warnings and errors into the log, redacted', async () => {
    const log = createRotatingLog({ dir })
    const target = { warn: vi.fn(), error: vi.fn() }
    logConsole(log, target)
    target.error('[ipc] failed:', new Error('boom with Bearer sk_test_secret'))
    target.warn('careful')
    const text = await readFile(log.path, 'utf8')
    expect(text).toContain('ERROR [ipc] failed: Error: boom with Bearer [redacted]')
    expect(text).toContain('WARN careful')
  })
})
