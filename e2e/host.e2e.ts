// The browser host itself: serves the built app with its bridge, to this machine, under the run's secret, and answers only its own page.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { CHANNELS, EXPORT_CHUNK_BYTES } from '../src/shared/contract'
import { jsonStringBytes } from '../src/shared/json-weight'
import { CALL_OPTIONS_HEADER } from '../src/host/bridge-script'
import { startHost, type Host } from '../src/host/host-server'
import { chromiumSkipReason, launchChromium } from './support/chromium'

/** A raw request, so the test can send what a browser would not let a page send (another Host). */
function rawGet(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', reject)
    req.end()
  })
}

describe('browser host', () => {
  let host: Host
  beforeAll(async () => {
    host = await startHost({ port: 0 })
  })
  afterAll(async () => {
    await host?.close()
  })

  const rpc = (channel: string, body: unknown, headers: Record<string, string>, base = host.url) =>
    fetch(new URL(`rpc/${channel}`, base), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

  it('prints a loopback address that carries the run\'s secret', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9_-]{32}\/$/)
    expect(host.url.startsWith(host.origin)).toBe(true)
  })

  it('serves index.html with the bridge script before the app script, and headers that keep the secret in', async () => {
    const response = await fetch(host.url)
    const html = await response.text()
    const bridge = html.indexOf('<script src="host-bridge.js"></script>')
    expect(bridge).toBeGreaterThan(0)
    expect(bridge).toBeLessThan(html.indexOf('type="module"'))
    // The CSP allows no inline script: every script the page runs comes from a file.
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\ssrc="/)
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'none'")
  })

  it('defines one bridge method per contract channel', async () => {
    const script = await fetch(new URL('host-bridge.js', host.url)).then((r) => r.text())
    for (const channel of CHANNELS) expect(script).toContain(JSON.stringify(channel))
  })

  it('answers its own page through the main handlers', async () => {
    const answer = await rpc('auth.status', {}, { origin: host.origin }).then((r) => r.json())
    expect(answer).toMatchObject({ ok: true, data: { mode: 'signed_out' } })
  })

  it("hands a call's priority from its header to main, which refuses one it does not know", async () => {
    const list = (options: string) => rpc('contacts.list', { page: 1 }, { origin: host.origin, [CALL_OPTIONS_HEADER]: options }).then((r) => r.json())
    // Checked and passed on: the call reaches its handler, which answers as it would without it (no account here).
    expect(await list('{"priority":"pull"}')).toMatchObject({ ok: false, error: { kind: 'signed_out' } })
    expect(await list('{"priority":"urgent"}')).toMatchObject({ ok: false, error: { kind: 'validation' } })
    expect(await list('"pull"')).toMatchObject({ ok: false, error: { kind: 'validation' } })
    expect(await list('{not json')).toMatchObject({ ok: false, error: { kind: 'validation' } })
  })

  it('takes export chunks as heavy as the contract allows, whatever they hold, under its body cap', async () => {
    const call = (channel: string, body: unknown) => rpc(channel, body, { origin: host.origin }).then((r) => r.json())
    const opened = await call('export.open', { fileName: 'heavy.csv', format: 'csv' })
    // Each weighs EXPORT_CHUNK_BYTES or just under as JSON: quotes and control characters escaped, CJK at 3 bytes.
    const most = EXPORT_CHUNK_BYTES - 2
    const chunks = ['"'.repeat(most / 2), '\u0001'.repeat(Math.floor(most / 6)), '王'.repeat(Math.floor(most / 3)), 'x'.repeat(most)]
    expect(chunks.map(jsonStringBytes).every((bytes) => bytes <= EXPORT_CHUNK_BYTES && bytes > EXPORT_CHUNK_BYTES - 6)).toBe(true)
    for (const [at, text] of chunks.entries()) expect(await call('export.write', { id: opened.data.id, at, text })).toEqual({ ok: true, data: null })
    const finished = await call('export.finish', { id: opened.data.id })
    expect(finished).toMatchObject({ ok: true })
    expect(await readFile(finished.data.path, 'utf8')).toBe(chunks.join(''))
    await rm(finished.data.path)
  })

  it('answers nothing without the secret: not the page, not a file, not the bridge', async () => {
    for (const path of ['/', '/index.html', '/host-bridge.js', '/rpc/auth.status', '/s/', '/s/guess/']) {
      expect((await fetch(new URL(path, host.origin))).status, path).toBe(404)
    }
    expect((await rpc('auth.status', {}, { origin: host.origin }, `${host.origin}/`)).status).toBe(404)
  })

  it('refuses a page of another origin even when it knows the secret, and another Host (DNS rebinding)', async () => {
    const refused = await rpc('auth.setKey', { apiKey: 'sk_test_stolen', baseUrl: 'https://evil.example' }, { origin: 'http://evil.example' })
    expect(refused.status).toBe(403)
    expect((await rpc('auth.status', {}, {})).status).toBe(403)
    expect((await rpc('auth.status', {}, { origin: host.origin, 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    expect(await rawGet(host.url, { host: `evil.example:${new URL(host.origin).port}` })).toBe(403)
    const status = await rpc('auth.status', {}, { origin: host.origin }).then((r) => r.json())
    expect(status).toMatchObject({ ok: true, data: { mode: 'signed_out' } })
  })

  it('records the links the app asks to open instead of opening them', async () => {
    const answer = await rpc('shell.openExternal', { url: 'tel:+14155551234' }, { origin: host.origin }).then((r) => r.json())
    expect(answer).toEqual({ ok: true, data: null })
    expect(host.opened).toEqual(['tel:+14155551234'])
  })

  it('serves no file outside the built renderer', async () => {
    const response = await fetch(new URL('..%2F..%2Fpackage.json', host.url))
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

describe.skipIf(chromiumSkipReason())('browser host against a hostile page in another tab', () => {
  let browser: Browser
  let host: Host
  let evil: Server
  let evilUrl: string
  beforeAll(async () => {
    browser = await launchChromium()
    evil = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Totally a normal page</title>'))
    await new Promise<void>((done) => evil.listen(0, '127.0.0.1', done))
    evilUrl = `http://localhost:${(evil.address() as AddressInfo).port}/`
  })
  afterAll(async () => {
    await browser?.close()
    await new Promise<void>((done) => evil.close(() => done()))
  })
  beforeEach(async () => {
    await host?.close()
    host = await startHost({ port: 0, demo: true })
  })

  it('cannot read contacts, change the key or sign out, with or without the secret', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(evilUrl)
    const attempts = await page.evaluate(
      async ({ hostUrl, origin }) => {
        const tries: Record<string, string> = {}
        const attempt = async (name: string, url: string, init: RequestInit) => {
          try {
            const response = await fetch(url, init)
            tries[name] = `${response.status} ${await response.text()}`
          } catch (error) {
            tries[name] = `blocked: ${(error as Error).message}`
          }
        }
        const body = (value: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) })
        // Without the secret: guesses at the bridge.
        await attempt('list, no secret', `${origin}/rpc/contacts.list`, body({ page: 1 }))
        await attempt('list, no secret, no-cors', `${origin}/rpc/contacts.list`, { ...body({ page: 1 }), mode: 'no-cors' })
        // With the secret (leaked somehow): the Origin still gives the page away.
        await attempt('list', `${hostUrl}rpc/contacts.list`, body({ page: 1 }))
        await attempt('set key, no-cors', `${hostUrl}rpc/auth.setKey`, { ...body({ apiKey: 'sk_test_evil', baseUrl: 'https://evil.example' }), mode: 'no-cors' })
        await attempt('sign out, no-cors', `${hostUrl}rpc/auth.clear`, { ...body({}), mode: 'no-cors' })
        await attempt('page', hostUrl, { mode: 'no-cors' })
        return tries
      },
      { hostUrl: host.url, origin: host.origin },
    )
    await context.close()
    // A cross-origin read is blocked by the browser or refused by the host: no contact reaches the page.
    for (const outcome of Object.values(attempts)) expect(outcome).not.toMatch(/"ok":true/)
    const status = await fetch(new URL('rpc/auth.status', host.url), { method: 'POST', headers: { 'content-type': 'application/json', origin: host.origin }, body: '{}' }).then((r) => r.json())
    expect(status).toMatchObject({ ok: true, data: { mode: 'demo' } })
    // Each try was turned away at the door, before any handler: the guard says why in main's log.
    const log = await readFile(join(host.logDir, 'main.log'), 'utf8').catch(() => '')
    const refusals = [...log.matchAll(/browser host refused a (\w+) request: (.+)/g)].map((match) => `${match[1]} ${match[2]}`)
    // A cross-origin JSON POST is preceded by its preflight (OPTIONS), which is refused in its place.
    expect(refusals.filter((line) => /^(POST|OPTIONS) no secret$/.test(line))).toHaveLength(2)
    expect(refusals.filter((line) => /^(POST|OPTIONS) (foreign Origin|cross-site request|not JSON)$/.test(line))).toHaveLength(3)
    expect(refusals.filter((line) => line.startsWith('GET'))).toEqual([])
    expect(log).not.toMatch(/signed in to https:\/\/evil|signed out|auth\.setKey failed/)
    expect(log).not.toContain(host.url)
  })

  it('serves the app to its own tab, whose bridge works', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(host.url)
    await page.locator('[data-test="contacts-summary"]').filter({ hasText: /contacts$/ }).waitFor({ timeout: 60_000 })
    await context.close()
  })
})
