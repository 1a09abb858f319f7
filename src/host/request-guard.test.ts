import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRequestGuard } from './request-guard'

const ORIGIN = 'http://127.0.0.1:41234'

function guard() {
  const made = createRequestGuard()
  made.setOrigin(ORIGIN)
  return made
}

const own = (extra: Record<string, string> = {}) => ({ host: '127.0.0.1:41234', ...extra })
const rpcHeaders = own({ origin: ORIGIN, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' })

describe('browser host request guard', () => {
  it('serves the page and its files under the run\'s secret, from this machine', () => {
    const g = guard()
    const base = new URL(g.pageUrl()).pathname
    expect(g.pageUrl()).toBe(`${ORIGIN}/s/${g.secret}/`)
    expect(g.check('GET', base, own())).toEqual({ allow: true, path: '/' })
    expect(g.check('GET', `${base}assets/index-abc.js`, own({ host: 'localhost:41234' }))).toEqual({ allow: true, path: '/assets/index-abc.js' })
    expect(g.check('POST', `${base}rpc/auth.status`, rpcHeaders)).toEqual({ allow: true, path: '/rpc/auth.status' })
  })

  it('answers nothing without the secret, or with another run\'s', () => {
    const g = guard()
    for (const url of ['/', '/index.html', '/rpc/auth.status', '/s/', `/s/${g.secret}`, `/s/${g.secret.slice(1)}/`, `/s/${createRequestGuard().secret}/rpc/auth.status`]) {
      expect(g.check('GET', url, own())).toMatchObject({ allow: false, status: 404 })
    }
    fc.assert(
      fc.property(fc.string(), (guess) => {
        expect(g.check('POST', `/s/${guess}/rpc/auth.setKey`, rpcHeaders).allow).toBe(guess === g.secret)
      }),
    )
  })

  it('refuses another Host (a DNS-rebinding page) even with the secret', () => {
    const g = guard()
    const base = new URL(g.pageUrl()).pathname
    expect(g.check('GET', base, own({ host: 'evil.example:41234' }))).toMatchObject({ allow: false, status: 403 })
    expect(g.check('GET', base, {})).toMatchObject({ allow: false, status: 403 })
  })

  it('lets only the app\'s own page call the bridge: its Origin, same-site, JSON', () => {
    const g = guard()
    const rpc = `${new URL(g.pageUrl()).pathname}rpc/auth.setKey`
    expect(g.check('POST', rpc, { ...rpcHeaders, origin: 'https://evil.example' })).toMatchObject({ allow: false, status: 403, reason: 'foreign Origin' })
    expect(g.check('POST', rpc, { ...rpcHeaders, origin: undefined as unknown as string })).toMatchObject({ allow: false, status: 403 })
    expect(g.check('POST', rpc, { ...rpcHeaders, 'sec-fetch-site': 'cross-site' })).toMatchObject({ allow: false, status: 403 })
    expect(g.check('POST', rpc, { ...rpcHeaders, 'content-type': 'text/plain' })).toMatchObject({ allow: false, status: 403, reason: 'not JSON' })
  })
})
