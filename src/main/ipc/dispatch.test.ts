import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS, type ArgsOf, type Channel } from '../../shared/contract'
import { ok } from '../../shared/result'
import { createIsOwnPage } from '../window/own-page'
import { dispatch } from './dispatch'
import type { HandlerTable } from './handlers'

const isOwnPage = createIsOwnPage({ rendererHtml: '/app/out/renderer/index.html' })
const OWN_PAGE = 'file:///app/out/renderer/index.html'

/** One valid argument per channel. */
const validArgs: { [C in Channel]: ArgsOf<C> } = {
  'auth.status': {},
  'auth.setKey': { apiKey: 'sk_test_abc123', baseUrl: 'https://dashboard.skylightchat.com' },
  'auth.clear': {},
  'auth.dataKey': {},
  'demo.start': {},
  'contacts.list': { page: 2, per_page: 100, search: 'sarah', type: 'whatsapp', blacklisted: false, tag: 'vip' },
  'contacts.get': { id: 42 },
  'contacts.create': { contact: { name: 'Sarah', type: 'whatsapp', phone: '+14155551234', tags: ['vip'] } },
  'contacts.update': { id: 42, patch: { name: 'Sarah J', email: null } },
  'contacts.delete': { id: 42 },
  'contacts.toggleBlacklist': { id: 42 },
  'notes.list': { id: 42 },
  'notes.add': { id: 42, content: 'Called back.' },
  'lists.add': { id: 42, list_id: 7 },
  'segments.add': { id: 42, segment_id: 9 },
  'shell.openExternal': { url: 'tel:+14155551234' },
  'app.setLanguage': { locale: 'de' },
  'app.setUnsynced': { count: 3 },
  'app.setBackgroundShare': { percent: 50 },
  'app.updateStatus': {},
  'app.restartToUpdate': {},
  'app.reportError': { source: 'error', message: 'boom', stack: 'Error: boom\n    at x' },
  'app.diagnostics': { sync: { reachability: 'online', lastSyncedAt: null, unsynced: 2, needsAttention: 0, pull: 'idle' } },
  'app.crashNotice': {},
  'app.info': {},
  'app.openLogs': {},
  'export.open': { fileName: 'contacts-2026-03-04.csv', format: 'csv' },
  'export.write': { id: 'b3c1e0a2-5d4f-4c8e-9a7b-1f2e3d4c5b6a', at: 0, text: 'Name,Phone\r\n' },
  'export.finish': { id: 'b3c1e0a2-5d4f-4c8e-9a7b-1f2e3d4c5b6a' },
  'export.abort': { id: 'b3c1e0a2-5d4f-4c8e-9a7b-1f2e3d4c5b6a' },
}

const badExportIds = [
  ['missing id', {}],
  ['numeric id', { id: 42 }],
  ['short id', { id: 'abc' }],
  ['a path as id', { id: '../../etc/passwd' }],
] as const

const badIds = [
  ['missing id', {}],
  ['negative id', { id: -1 }],
  ['zero id', { id: 0 }],
  ['fractional id', { id: 1.5 }],
  ['string id', { id: '42' }],
  ['NaN id', { id: Number.NaN }],
] as const

/** Arguments each channel must refuse, beyond the ones every channel refuses. */
const badArgs: { [C in Channel]: ReadonlyArray<readonly [string, unknown]> } = {
  'auth.status': [],
  'auth.setKey': [
    ['missing key', { baseUrl: 'https://dashboard.skylightchat.com' }],
    ['missing base URL', { apiKey: 'sk_test_abc' }],
    ['blank key', { apiKey: '   ', baseUrl: 'https://dashboard.skylightchat.com' }],
    ['numeric key', { apiKey: 123, baseUrl: 'https://dashboard.skylightchat.com' }],
    ['over-long key', { apiKey: 'k'.repeat(513), baseUrl: 'https://dashboard.skylightchat.com' }],
    ['text keepAccount', { apiKey: 'sk_test_abc', baseUrl: 'https://dashboard.skylightchat.com', keepAccount: 'true' }],
    ['numeric keepAccount', { apiKey: 'sk_test_abc', baseUrl: 'https://dashboard.skylightchat.com', keepAccount: 1 }],
    ['null keepAccount', { apiKey: 'sk_test_abc', baseUrl: 'https://dashboard.skylightchat.com', keepAccount: null }],
    ['keepAccount without a key', { baseUrl: 'https://dashboard.skylightchat.com', keepAccount: true }],
  ],
  'auth.clear': [],
  'auth.dataKey': [['an account id asked for', { accountId: 'other' }]],
  'demo.start': [],
  'contacts.list': [
    ['page zero', { page: 0 }],
    ['string page', { page: '2' }],
    ['negative per_page', { per_page: -5 }],
    ['unknown type', { type: 'email' }],
    ['string blacklisted', { blacklisted: 'true' }],
    ['over-long search', { search: 's'.repeat(256) }],
  ],
  'contacts.get': badIds,
  'contacts.create': [
    ['missing contact', {}],
    ['contact without name', { contact: { type: 'instagram' } }],
    ['whatsapp contact without phone', { contact: { name: 'Sarah', type: 'whatsapp' } }],
    ['phone not E.164', { contact: { name: 'Sarah', type: 'telegram', phone: '4155551234' } }],
    ['bad email', { contact: { name: 'Sarah', type: 'instagram', email: 'nope' } }],
    ['extra key inside contact', { contact: { name: 'Sarah', type: 'instagram', id: 5 } }],
    ['contact fields at the top level', { name: 'Sarah', type: 'instagram' }],
  ],
  'contacts.update': [
    ['missing patch', { id: 42 }],
    ['missing id', { patch: {} }],
    ['negative id', { id: -42, patch: {} }],
    ['unknown field in patch', { id: 42, patch: { blacklisted: true } }],
    ['empty name in patch', { id: 42, patch: { name: ' ' } }],
    ['tag too long', { id: 42, patch: { tags: ['t'.repeat(51)] } }],
  ],
  'contacts.delete': badIds,
  'contacts.toggleBlacklist': badIds,
  'notes.list': badIds,
  'notes.add': [
    ['missing content', { id: 42 }],
    ['blank content', { id: 42, content: '  ' }],
    ['over-long content', { id: 42, content: 'n'.repeat(5001) }],
    ['negative id', { id: -1, content: 'hi' }],
  ],
  'lists.add': [
    ['missing list_id', { id: 42 }],
    ['negative list_id', { id: 42, list_id: -7 }],
    ['string list_id', { id: 42, list_id: '7' }],
    ['camelCase listId', { id: 42, listId: 7 }],
  ],
  'segments.add': [
    ['missing segment_id', { id: 42 }],
    ['zero segment_id', { id: 42, segment_id: 0 }],
    ['fractional segment_id', { id: 42, segment_id: 1.5 }],
  ],
  'shell.openExternal': [
    ['missing url', {}],
    ['numeric url', { url: 42 }],
    ['over-long url', { url: `https://wa.me/${'1'.repeat(2048)}` }],
  ],
  'app.setLanguage': [
    ['missing locale', {}],
    ['a language the app does not speak', { locale: 'it' }],
    ['a region tag instead of ours', { locale: 'pt-PT' }],
  ],
  'app.setUnsynced': [
    ['missing count', {}],
    ['negative count', { count: -1 }],
    ['fractional count', { count: 1.5 }],
    ['text count', { count: '3' }],
  ],
  'app.setBackgroundShare': [
    ['missing percent', {}],
    ['a share as a fraction', { percent: 0.5 }],
    ['above the setting', { percent: 95 }],
    ['below the setting', { percent: 5 }],
    ['text percent', { percent: '50' }],
  ],  'app.updateStatus': [],
  'app.restartToUpdate': [],
  'app.reportError': [
    ['unknown source', { source: 'console', message: 'x' }],
    ['over-long message', { source: 'error', message: 'm'.repeat(2_001) }],
    ['over-long stack', { source: 'error', message: 'x', stack: 's'.repeat(8_001) }],
  ],
  'app.diagnostics': [
    ['missing sync', {}],
    ['negative unsynced', { sync: { reachability: 'online', lastSyncedAt: null, unsynced: -1, needsAttention: 0, pull: 'idle' } }],
    ['unknown reachability', { sync: { reachability: 'maybe', lastSyncedAt: null, unsynced: 0, needsAttention: 0, pull: 'idle' } }],
  ],
  'app.crashNotice': [],
  'app.info': [],
  'app.openLogs': [],
  'export.open': [
    ['missing format', { fileName: 'contacts.csv' }],
    ['unknown format', { fileName: 'contacts.xlsx', format: 'xlsx' }],
    ['blank name', { fileName: '  ', format: 'csv' }],
    ['over-long name', { fileName: `${'n'.repeat(201)}.csv`, format: 'csv' }],
    ['numeric name', { fileName: 42, format: 'csv' }],
  ],
  'export.write': [
    ...badExportIds.map(([name, args]) => [name, { ...args, at: 0, text: 'x' }] as const),
    ['missing text', { id: 'b3c1e0a2-5d4f-4c8e-9a7b-1f2e3d4c5b6a', at: 0 }],
    ['missing number', { id: 'b3c1e0a2-5d4f-4c8e-9a7b-1f2e3d4c5b6a', text: 'x' }],
    ['negative number', { id: 'b3c1e0a2-5d4f-4c8e-9a7b-1f2e3d4c5b6a', at: -1, text: 'x' }],
    ['fractional number', { id: 'b3c1e0a2-5d4f-4c8e-9a7b-1f2e3d4c5b6a', at: 0.5, text: 'x' }],
    ['a chunk over the limit', { id: 'b3c1e0a2-5d4f-4c8e-9a7b-1f2e3d4c5b6a', at: 0, text: 'x'.repeat(960_001) }],
    // Short enough, but too heavy for the browser host's body cap once written as JSON.
    ['a chunk over the limit as JSON', { id: 'b3c1e0a2-5d4f-4c8e-9a7b-1f2e3d4c5b6a', at: 0, text: '"'.repeat(480_000) }],
  ],
  'export.finish': badExportIds,
  'export.abort': badExportIds,
}

/** Refused by every channel: not an object, or an object with a key the contract does not name. */
const refusedEverywhere = (channel: Channel): ReadonlyArray<readonly [string, unknown]> => [
  ['undefined', undefined],
  ['null', null],
  ['a string', 'hello'],
  ['an array', []],
  ['an extra key', { ...validArgs[channel], extra: 1 }],
  ['a __proto__ key', JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(validArgs[channel]).slice(1, -1) || '"x": 1'}}`)],
]

function spyTable() {
  const entries = CHANNELS.map((channel) => [channel, vi.fn(async () => ok(null))])
  return Object.fromEntries(entries) as unknown as Record<Channel, ReturnType<typeof vi.fn>> & HandlerTable
}

describe('dispatch', () => {
  let table: ReturnType<typeof spyTable>
  beforeEach(() => {
    table = spyTable()
  })

  describe.each(CHANNELS)('%s', (channel) => {
    it('passes valid arguments to its handler and returns its result', async () => {
      await expect(dispatch(table, channel, validArgs[channel], OWN_PAGE, isOwnPage)).resolves.toEqual(ok(null))
      expect(table[channel]).toHaveBeenCalledTimes(1)
      expect(table[channel]).toHaveBeenCalledWith(validArgs[channel], { priority: 'interactive' })
      for (const other of CHANNELS) if (other !== channel) expect(table[other]).not.toHaveBeenCalled()
    })

    it.each([...refusedEverywhere(channel), ...badArgs[channel]])('refuses %s without calling the handler', async (_label, args) => {
      const result = await dispatch(table, channel, args, OWN_PAGE, isOwnPage)
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.error.kind).toBe('validation')
        expect(result.error.message).toMatch(/^Invalid input\./)
      }
      expect(table[channel]).not.toHaveBeenCalled()
    })
  })

  it('names the offending field in a validation error', async () => {
    const result = await dispatch(table, 'contacts.create', { contact: { name: 'Sarah', type: 'whatsapp' } }, OWN_PAGE, isOwnPage)
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation', fields: { 'contact.phone': [expect.any(String)] } } })
  })

  it('hands the handler the parsed arguments, trimmed as the contract says', async () => {
    await dispatch(table, 'auth.setKey', { apiKey: '  sk_test_abc  ', baseUrl: ' https://x.example ' }, OWN_PAGE, isOwnPage)
    expect(table['auth.setKey']).toHaveBeenCalledWith({ apiKey: 'sk_test_abc', baseUrl: 'https://x.example' }, { priority: 'interactive' })
  })

  it('passes keepAccount on to auth.setKey', async () => {
    await dispatch(table, 'auth.setKey', { apiKey: 'sk_test_abc', baseUrl: 'https://x.example', keepAccount: true }, OWN_PAGE, isOwnPage)
    expect(table['auth.setKey']).toHaveBeenCalledWith({ apiKey: 'sk_test_abc', baseUrl: 'https://x.example', keepAccount: true }, { priority: 'interactive' })
  })

  it.each(['contacts.nuke', 'toString', '__proto__', 'constructor', '', 'skylight:auth.status'])(
    'refuses the unknown channel %j as invalid',
    async (channel) => {
      const result = await dispatch(table, channel, {}, OWN_PAGE, isOwnPage)
      expect(result).toEqual({ ok: false, error: { kind: 'validation', message: 'Unknown channel.', fields: { channel: ['Unknown channel.'] } } })
    },
  )

  it.each([
    ['no sender', null],
    ['an undefined sender', undefined],
    ['an empty sender', ''],
    ['another website', 'https://evil.example/'],
    ['another file', 'file:///tmp/evil.html'],
    ['a file beside ours', 'file:///app/out/renderer/other.html'],
    ['the dev server in production', 'http://localhost:5173/'],
  ])('forbids %s, before looking at channel or arguments', async (_label, sender) => {
    for (const [channel, args] of [['auth.status', {}], ['contacts.get', { id: -1 }], ['no.such', {}]] as const) {
      const result = await dispatch(table, channel, args, sender, isOwnPage)
      expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
    }
    for (const channel of CHANNELS) expect(table[channel]).not.toHaveBeenCalled()
  })

  it('accepts our page with a router hash', async () => {
    await expect(dispatch(table, 'auth.status', {}, `${OWN_PAGE}#/settings`, isOwnPage)).resolves.toEqual(ok(null))
  })

  describe('call options', () => {
    it('passes the priority the page named to the handler', async () => {
      for (const priority of ['interactive', 'replay', 'pull', 'hydrate'] as const) {
        await dispatch(table, 'contacts.get', { id: 42 }, OWN_PAGE, isOwnPage, { priority })
        expect(table['contacts.get']).toHaveBeenLastCalledWith({ id: 42 }, { priority })
      }
      await dispatch(table, 'contacts.get', { id: 42 }, OWN_PAGE, isOwnPage, {})
      expect(table['contacts.get']).toHaveBeenLastCalledWith({ id: 42 }, { priority: 'interactive' })
    })

    it.each([
      ['an unknown priority', { priority: 'urgent' }],
      ['a numeric priority', { priority: 1 }],
      ['an unknown option', { priority: 'pull', retries: 9 }],
      ['null', null],
      ['a bare priority', 'pull'],
      ['an array', ['pull']],
    ])('refuses %s like bad arguments, without calling the handler', async (_label, options) => {
      const result = await dispatch(table, 'contacts.list', { page: 1 }, OWN_PAGE, isOwnPage, options)
      expect(result).toMatchObject({ ok: false, error: { kind: 'validation', message: expect.stringMatching(/^Invalid input\./) } })
      expect(table['contacts.list']).not.toHaveBeenCalled()
    })

    it('checks the caller before the options: a foreign page learns nothing from them', async () => {
      const result = await dispatch(table, 'contacts.list', { page: 1 }, 'https://evil.example/', isOwnPage, { priority: 'urgent' })
      expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } })
    })
  })

  describe('when a handler throws', () => {
    let logged: ReturnType<typeof vi.spyOn>
    beforeEach(() => {
      logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    })
    afterEach(() => {
      logged.mockRestore()
    })

    it('answers a generic internal error that never carries the key', async () => {
      table['auth.setKey'].mockRejectedValueOnce(new Error('keychain said no for sk_live_SECRET123 (Bearer sk_live_SECRET123)'))
      const result = await dispatch(table, 'auth.setKey', { apiKey: 'sk_live_SECRET123', baseUrl: 'https://x.example' }, OWN_PAGE, isOwnPage)
      expect(result).toEqual({ ok: false, error: { kind: 'internal', message: 'Something went wrong. Please try again.' } })
      expect(JSON.stringify(result)).not.toContain('SECRET123')
      expect(logged).toHaveBeenCalledTimes(1)
      expect(JSON.stringify(logged.mock.calls)).not.toContain('SECRET123')
      expect(JSON.stringify(logged.mock.calls)).toContain('auth.setKey')
    })

    it('answers internal for a synchronous throw of a non-Error', async () => {
      table['contacts.get'].mockImplementationOnce(() => {
        throw 'boom'
      })
      const result = await dispatch(table, 'contacts.get', { id: 1 }, OWN_PAGE, isOwnPage)
      expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } })
    })
  })
})
