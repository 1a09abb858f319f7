// The browser host itself: serves the built app with its bridge, and answers only its own page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHANNELS } from '../src/shared/contract'
import { startHost, type Host } from '../src/host/host-server'

describe('browser host', () => {
  let host: Host
  beforeAll(async () => {
    host = await startHost({ port: 0 })
  })
  afterAll(async () => {
    await host?.close()
  })

  const rpc = (channel: string, body: unknown, headers: Record<string, string>) =>
    fetch(`${host.url}/rpc/${channel}`, { method: 'POST', headers, body: JSON.stringify(body) }).then((r) => r.json())

  it('serves index.html with the bridge script before the app script', async () => {
    const html = await fetch(`${host.url}/`).then((r) => r.text())
    const bridge = html.indexOf('<script src="/host-bridge.js"></script>')
    expect(bridge).toBeGreaterThan(0)
    expect(bridge).toBeLessThan(html.indexOf('type="module"'))
    // The CSP allows no inline script: every script the page runs comes from a file.
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\ssrc="/)
  })

  it('defines one bridge method per contract channel', async () => {
    const script = await fetch(`${host.url}/host-bridge.js`).then((r) => r.text())
    for (const channel of CHANNELS) expect(script).toContain(JSON.stringify(channel))
  })

  it('answers its own page through the main handlers', async () => {
    const answer = await rpc('auth.status', {}, { referer: `${host.url}/` })
    expect(answer).toMatchObject({ ok: true, data: { mode: 'signed_out' } })
  })

  it('refuses a caller that is not its page', async () => {
    expect(await rpc('auth.status', {}, {})).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
    expect(await rpc('auth.status', {}, { origin: 'http://evil.example' })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
  })

  it('records the links the app asks to open instead of opening them', async () => {
    const answer = await rpc('shell.openExternal', { url: 'tel:+14155551234' }, { origin: host.url })
    expect(answer).toEqual({ ok: true, data: null })
    expect(host.opened).toEqual(['tel:+14155551234'])
  })

  it('serves no file outside the built renderer', async () => {
    const response = await fetch(`${host.url}/..%2F..%2Fpackage.json`)
    expect(response.status).toBe(404)
  })

  it('tells to build the renderer when it is missing', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'skylight-no-renderer-'))
    try {
      await expect(startHost({ rendererDir: empty })).rejects.toThrow(/npm run build:renderer/)
    } finally {
      await rm(empty, { recursive: true, force: true })
    }
  })
})
