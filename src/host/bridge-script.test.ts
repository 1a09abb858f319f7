// The host's bridge script run as a browser would run it: each method a POST, the call's options in their header.
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { CHANNELS, type SkylightBridge } from '../shared/contract'
import { bridgeScript, CALL_OPTIONS_HEADER } from './bridge-script'

type Sent = { url: string; init: { method: string; headers: Record<string, string>; body: string } }

function loadBridge(): { bridge: SkylightBridge; sent: Sent[] } {
  const sent: Sent[] = []
  const window: { skylight?: SkylightBridge } = {}
  runInNewContext(bridgeScript(), {
    window,
    URL,
    document: { currentScript: { src: 'http://127.0.0.1:4000/s/secret/host-bridge.js' } },
    fetch: async (url: URL, init: Sent['init']) => {
      sent.push({ url: String(url), init })
      return { json: async () => ({ ok: true, data: null }) }
    },
  })
  return { bridge: window.skylight!, sent }
}

describe('the host bridge script', () => {
  it('defines one method per channel, each posting its arguments beside the script', async () => {
    const { bridge, sent } = loadBridge()
    expect(Object.keys(bridge).sort()).toEqual([...CHANNELS].sort())
    await expect(bridge['contacts.get']({ id: 7 })).resolves.toEqual({ ok: true, data: null })
    expect(sent).toEqual([
      { url: 'http://127.0.0.1:4000/s/secret/rpc/contacts.get', init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id":7}' } },
    ])
  })

  it("sends a call's options as JSON in their header, and no header when there are none", async () => {
    const { bridge, sent } = loadBridge()
    await bridge['contacts.list']({ page: 2 }, { priority: 'pull' })
    await bridge['contacts.list']({ page: 3 })
    expect(sent[0]!.init.headers).toEqual({ 'content-type': 'application/json', [CALL_OPTIONS_HEADER]: '{"priority":"pull"}' })
    expect(sent[1]!.init.headers).toEqual({ 'content-type': 'application/json' })
  })
})
