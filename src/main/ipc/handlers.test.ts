import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest'
import { CHANNELS, resultSchema, type ArgsOf, type AuthStatus, type Channel } from '../../shared/contract'
import type { Contact } from '../../shared/contact'
import { fail, ok } from '../../shared/result'
import type { SkylightClient } from '../api/client'
import type { Session } from '../session/session'
import { createIsOwnPage } from '../window/own-page'
import { dispatch } from './dispatch'
import type { UpdateStatus } from '../../shared/update-status'
import type { SupportDesk } from '../support/support-desk'
import type { CrashNotice } from '../../shared/support'
import type { ExportFiles } from '../export/export-files'
import { createHandlers, type HandlerDeps } from './handlers'

const isOwnPage = createIsOwnPage({ rendererHtml: '/app/out/renderer/index.html' })
const OWN_PAGE = 'file:///app/out/renderer/index.html'

const signedIn: AuthStatus = {
  mode: 'account',
  baseUrl: 'https://dashboard.skylightchat.com',
  keyHint: 'sk_test_…c123',
  accountId: 'acct-1f2e',
  storage: 'keychain',
  storageWarning: null,
}
const signedOut: AuthStatus = { ...signedIn, mode: 'signed_out', baseUrl: null, keyHint: null, accountId: null }
const demo: AuthStatus = { ...signedIn, mode: 'demo', baseUrl: 'http://127.0.0.1:40123', keyHint: 'sk_test_…demo' }

const sarah: Contact = {
  id: 42,
  name: 'Sarah Johnson',
  email: 'sarah@example.com',
  phone: '+14155551234',
  type: 'whatsapp',
  status: 'active',
  blacklisted: false,
  tags: ['vip'],
  last_message_at: null,
  created_at: '2026-01-15T08:22:00.000000Z',
  updated_at: '2026-03-04T10:00:00.000000Z',
}

function fakeClient(): { [K in keyof SkylightClient]: ReturnType<typeof vi.fn<SkylightClient[K]>> } {
  return {
    // A list row as the reference shows it: partial, no email or timestamps.
    listContacts: vi.fn(async () =>
      ok({ data: [{ id: 42, name: 'Sarah Johnson', phone: '+14155551234', type: 'whatsapp' as const, blacklisted: false, tags: [] }], meta: { current_page: 1, last_page: 1, per_page: 15, total: 1 } }),
    ),
    getContact: vi.fn(async () => ok(sarah)),
    createContact: vi.fn(async () => ok(sarah)),
    // The reference's PUT answer is partial too.
    updateContact: vi.fn(async () => ok({ id: 42, name: 'Sarah J', tags: ['vip'] })),
    deleteContact: vi.fn(async () => ok(null)),
    toggleBlacklist: vi.fn(async () => ok({ id: 42, blacklisted: true })),
    listNotes: vi.fn(async () => ok([{ id: 1, content: 'Called back.', created_at: '2026-03-04T10:00:00.000000Z' }])),
    addNote: vi.fn(async () => ok({ id: 2, content: 'Called back.' })),
    addToList: vi.fn(async () => ok({ message: 'Contact added to list.' })),
    addToSegment: vi.fn(async () => ok({})),
  }
}

function fakeSession(client: SkylightClient | null): Session {
  return {
    restore: vi.fn(async () => {}),
    status: vi.fn(async () => (client ? signedIn : signedOut)),
    setKey: vi.fn(async () => ok(signedIn)),
    clear: vi.fn(async () => signedOut),
    dataKey: vi.fn(async () => ok({ accountId: 'a1b2c3d4e5f60718', key: `${'A'.repeat(43)}=`, sessionOnly: false })),
    startDemo: vi.fn(async () => ok(demo)),
    client: vi.fn(() => client),
    dispose: vi.fn(async () => {}),
  }
}

const validArgs: { [C in Channel]: ArgsOf<C> } = {
  'auth.status': {},
  'auth.setKey': { apiKey: 'sk_test_abc123', baseUrl: 'https://dashboard.skylightchat.com' },
  'auth.clear': {},
  'auth.dataKey': {},
  'demo.start': {},
  'contacts.list': { page: 1, search: 'sarah' },
  'contacts.get': { id: 42 },
  'contacts.create': { contact: { name: 'Sarah Johnson', type: 'whatsapp', phone: '+14155551234' } },
  'contacts.update': { id: 42, patch: { name: 'Sarah J' } },
  'contacts.delete': { id: 42 },
  'contacts.toggleBlacklist': { id: 42 },
  'notes.list': { id: 42 },
  'notes.add': { id: 42, content: 'Called back.' },
  'lists.add': { id: 42, list_id: 7 },
  'segments.add': { id: 42, segment_id: 9 },
  'shell.openExternal': { url: 'https://wa.me/14155551234' },
  'app.setLanguage': { locale: 'de' },
  'app.setUnsynced': { count: 3 },
  'app.setBackgroundShare': { percent: 50 },
  'app.updateStatus': {},
  'app.restartToUpdate': {},
  'app.reportError': { source: 'unhandledrejection', message: 'boom' },
  'app.diagnostics': { sync: { reachability: 'online', lastSyncedAt: null, unsynced: 2, needsAttention: 0, pull: 'idle' } },
  'app.crashNotice': {},
  'app.info': {},
  'app.openLogs': {},
  'export.open': { fileName: 'contacts.csv', format: 'csv' },
  'export.write': { id: 'export-0001', at: 0, text: 'Name\r\n' },
  'export.finish': { id: 'export-0001' },
  'export.abort': { id: 'export-0001' },
}

const CONTACT_CHANNELS = CHANNELS.filter((c) => /^(contacts|notes|lists|segments)\./.test(c))

describe('createHandlers', () => {
  let client: ReturnType<typeof fakeClient>
  let session: Session
  let openExternal: ReturnType<typeof vi.fn<(url: string) => Promise<void>>>
  let setUnsynced: ReturnType<typeof vi.fn<(count: number) => void>>
  let setLanguage: Mock<HandlerDeps['setLanguage']>
  let setBackgroundShare: Mock<HandlerDeps['setBackgroundShare']>
  let updates: { status: UpdateStatus; restart: ReturnType<typeof vi.fn<() => boolean>> }
  let support: { reportError: Mock<SupportDesk['reportError']>; diagnostics: Mock<SupportDesk['diagnostics']>; takeCrashNotice: Mock<SupportDesk['takeCrashNotice']> }
  let openFolder: Mock<(path: string) => Promise<void>>
  let exports: { [K in 'open' | 'write' | 'finish' | 'abort']: Mock<ExportFiles[K]> }
  const info = { version: '0.2.0', selfUpdating: true, offlineCopy: '/home/rep/.config/SkyLight Contacts/IndexedDB', logs: '/home/rep/.config/SkyLight Contacts/logs', languages: ['fr-FR'] }
  const handlers = () => createHandlers({ session, openExternal, setUnsynced, setLanguage, setBackgroundShare, updates, support, info, openFolder, exports })
  const call = (channel: string, args: unknown, options?: unknown) => dispatch(handlers(), channel, args, OWN_PAGE, isOwnPage, options)

  beforeEach(() => {
    client = fakeClient()
    session = fakeSession(client)
    openExternal = vi.fn(async () => {})
    setUnsynced = vi.fn()
    setLanguage = vi.fn()
    setBackgroundShare = vi.fn()
    updates = { status: { state: 'idle' }, restart: vi.fn(() => false) }
    openFolder = vi.fn(async () => {})
    exports = {
      open: vi.fn(async () => ok({ id: 'export-0001', fileName: 'contacts.csv' })),
      write: vi.fn(async () => ok(null)),
      finish: vi.fn(async () => ok({ path: '/home/rep/Documents/contacts.csv', bytes: 6 })),
      abort: vi.fn(async () => ok(null)),
    }
    support = { reportError: vi.fn(), diagnostics: vi.fn(async () => 'SkyLight Contacts 0.1.0'), takeCrashNotice: vi.fn((): CrashNotice | null => null) }
  })

  it.each(CHANNELS)('answers %s with a result that matches the contract', async (channel) => {
    const result = await call(channel, validArgs[channel])
    expect(result.ok).toBe(true)
    expect(resultSchema(channel).safeParse(result).success).toBe(true)
  })

  it('covers exactly the contract channels', () => {
    expect(Object.keys(handlers()).sort()).toEqual([...CHANNELS].sort())
  })

  it('tells the update status, and restarts only when the update service does', async () => {
    updates.status = { state: 'ready', version: '0.2.0' }
    expect(await call('app.updateStatus', {})).toEqual({ ok: true, data: { state: 'ready', version: '0.2.0' } })
    expect(await call('app.restartToUpdate', {})).toEqual({ ok: true, data: { restarting: false } })
    updates.restart.mockReturnValue(true)
    expect(await call('app.restartToUpdate', {})).toEqual({ ok: true, data: { restarting: true } })
    expect(updates.restart).toHaveBeenCalledTimes(2)
  })

  it('passes the page\'s errors, its sync state for diagnostics, and the crash notice through to support', async () => {
    expect(await call('app.reportError', { source: 'vue', message: 'boom' })).toEqual({ ok: true, data: null })
    expect(support.reportError).toHaveBeenCalledWith({ source: 'vue', message: 'boom' })
    expect(await call('app.diagnostics', { sync: { reachability: 'online', lastSyncedAt: null, unsynced: 2, needsAttention: 0, pull: 'idle' } })).toEqual({ ok: true, data: 'SkyLight Contacts 0.1.0' })
    expect(support.diagnostics).toHaveBeenCalledWith(expect.objectContaining({ unsynced: 2 }))
    support.takeCrashNotice.mockReturnValue({ reason: 'oom', at: '2026-12-02T10:00:00.000Z' })
    expect(await call('app.crashNotice', {})).toEqual({ ok: true, data: { reason: 'oom', at: '2026-12-02T10:00:00.000Z' } })
  })

  it('tells the version, where the offline copy and the logs live, and opens the logs folder', async () => {
    expect(await call('app.info', {})).toEqual({ ok: true, data: info })
    expect(await call('app.openLogs', {})).toEqual({ ok: true, data: null })
    expect(openFolder).toHaveBeenCalledWith(info.logs)
  })

  it('hands exports to the export files service: where to save, each chunk, the end or the drop', async () => {
    expect(await call('export.open', { fileName: ' contacts.csv ', format: 'csv' })).toEqual(ok({ id: 'export-0001', fileName: 'contacts.csv' }))
    expect(exports.open).toHaveBeenCalledWith('contacts.csv', 'csv')
    await call('export.write', { id: 'export-0001', at: 0, text: 'Name\r\n' })
    expect(exports.write).toHaveBeenCalledWith('export-0001', 0, 'Name\r\n')
    expect(await call('export.finish', { id: 'export-0001' })).toEqual(ok({ path: '/home/rep/Documents/contacts.csv', bytes: 6 }))
    await call('export.abort', { id: 'export-0001' })
    expect(exports.abort).toHaveBeenCalledWith('export-0001')
    exports.open.mockResolvedValueOnce(ok(null))
    expect(await call('export.open', { fileName: 'contacts.vcf', format: 'vcard' })).toEqual(ok(null))
  })

  it('passes the count of unsynced edits to main, refusing nonsense', async () => {
    expect(await call('app.setUnsynced', { count: 12 })).toEqual({ ok: true, data: null })
    expect(setUnsynced).toHaveBeenCalledWith(12)
    expect(await call('app.setUnsynced', { count: -1 })).toMatchObject({ ok: false, error: { kind: 'validation' } })
  })

  it('tells main the language the page speaks, one of the app’s only', async () => {
    expect(await call('app.setLanguage', { locale: 'pt-BR' })).toEqual({ ok: true, data: null })
    expect(setLanguage).toHaveBeenCalledWith('pt-BR')
    expect(await call('app.setLanguage', { locale: 'it' })).toMatchObject({ ok: false, error: { kind: 'validation' } })
    expect(setLanguage).toHaveBeenCalledTimes(1)
  })

  it('forwards each contact call to the matching client method with its arguments', async () => {
    await call('contacts.list', { page: 3, per_page: 100, tag: 'vip' })
    await call('contacts.get', { id: 42 })
    await call('contacts.create', validArgs['contacts.create'])
    await call('contacts.update', { id: 42, patch: { email: null, tags: ['a'] } })
    await call('contacts.delete', { id: 43 })
    await call('contacts.toggleBlacklist', { id: 44 })
    await call('notes.list', { id: 45 })
    await call('notes.add', { id: 46, content: '  Called back.  ' })
    await call('lists.add', { id: 47, list_id: 7 })
    await call('segments.add', { id: 48, segment_id: 9 })
    // A call that names no priority is the user's.
    const user = { priority: 'interactive' }
    expect(client.listContacts).toHaveBeenCalledWith({ page: 3, per_page: 100, tag: 'vip' }, user)
    expect(client.getContact).toHaveBeenCalledWith(42, user)
    expect(client.createContact).toHaveBeenCalledWith({ name: 'Sarah Johnson', type: 'whatsapp', phone: '+14155551234' }, user)
    expect(client.updateContact).toHaveBeenCalledWith(42, { email: null, tags: ['a'] }, user)
    expect(client.deleteContact).toHaveBeenCalledWith(43, user)
    expect(client.toggleBlacklist).toHaveBeenCalledWith(44, user)
    expect(client.listNotes).toHaveBeenCalledWith(45, user)
    expect(client.addNote).toHaveBeenCalledWith(46, 'Called back.', user)
    expect(client.addToList).toHaveBeenCalledWith(47, 7, user)
    expect(client.addToSegment).toHaveBeenCalledWith(48, 9, user)
  })

  it("passes the page's priority to the client, for every contact call", async () => {
    await call('contacts.list', { page: 2, per_page: 100 }, { priority: 'pull' })
    await call('contacts.get', { id: 42 }, { priority: 'hydrate' })
    await call('notes.list', { id: 42 }, { priority: 'hydrate' })
    await call('contacts.toggleBlacklist', { id: 42 }, { priority: 'replay' })
    await call('notes.add', { id: 42, content: 'Hi' }, { priority: 'replay' })
    await call('segments.add', { id: 42, segment_id: 9 }, {})
    expect(client.listContacts).toHaveBeenCalledWith({ page: 2, per_page: 100 }, { priority: 'pull' })
    expect(client.getContact).toHaveBeenCalledWith(42, { priority: 'hydrate' })
    expect(client.listNotes).toHaveBeenCalledWith(42, { priority: 'hydrate' })
    expect(client.toggleBlacklist).toHaveBeenCalledWith(42, { priority: 'replay' })
    expect(client.addNote).toHaveBeenCalledWith(42, 'Hi', { priority: 'replay' })
    expect(client.addToSegment).toHaveBeenCalledWith(42, 9, { priority: 'interactive' })
  })

  it('tells main the share of the rate limit hydration may use, refusing shares outside the setting', async () => {
    expect(await call('app.setBackgroundShare', { percent: 25 })).toEqual({ ok: true, data: null })
    expect(setBackgroundShare).toHaveBeenCalledWith(0.25)
    for (const percent of [0, 5, 95, 100, 33.3]) {
      expect(await call('app.setBackgroundShare', { percent })).toMatchObject({ ok: false, error: { kind: 'validation' } })
    }
    expect(setBackgroundShare).toHaveBeenCalledTimes(1)
  })

  it('passes client errors through unchanged', async () => {
    client.getContact.mockResolvedValueOnce(fail({ kind: 'not_found', message: 'Contact not found.' }))
    await expect(call('contacts.get', { id: 42 })).resolves.toEqual({ ok: false, error: { kind: 'not_found', message: 'Contact not found.' } })
  })

  it.each(CONTACT_CHANNELS)('answers %s with signed_out when there is no client', async (channel) => {
    session = fakeSession(null)
    const result = await call(channel, validArgs[channel])
    expect(result).toEqual({ ok: false, error: { kind: 'signed_out', message: 'Sign in or start the demo first.' } })
    expect(resultSchema(channel).safeParse(result).success).toBe(true)
    for (const method of Object.values(client)) expect(method).not.toHaveBeenCalled()
  })

  it('answers the auth calls from the session', async () => {
    await expect(call('auth.status', {})).resolves.toEqual(ok(signedIn))
    await expect(call('auth.setKey', { apiKey: ' sk_test_abc ', baseUrl: 'https://x.example' })).resolves.toEqual(ok(signedIn))
    expect(session.setKey).toHaveBeenCalledWith({ apiKey: 'sk_test_abc', baseUrl: 'https://x.example' })
    await expect(call('auth.clear', {})).resolves.toEqual(ok(signedOut))
    await expect(call('auth.dataKey', {})).resolves.toEqual(ok({ accountId: 'a1b2c3d4e5f60718', key: `${'A'.repeat(43)}=`, sessionOnly: false }))
    await expect(call('demo.start', {})).resolves.toEqual(ok(demo))
  })

  it('passes a refused key through as the session answered it', async () => {
    vi.mocked(session.setKey).mockResolvedValueOnce(fail({ kind: 'unauthorized', message: 'That key was refused.' }))
    const result = await call('auth.setKey', validArgs['auth.setKey'])
    expect(result).toEqual({ ok: false, error: { kind: 'unauthorized', message: 'That key was refused.' } })
  })

  it('opens an allowlisted link in the operating system', async () => {
    await expect(call('shell.openExternal', { url: 'HTTPS://WA.ME/14155551234' })).resolves.toEqual(ok(null))
    expect(openExternal).toHaveBeenCalledWith('https://wa.me/14155551234')
  })

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'http://wa.me/1', 'https://wa.me.evil.com/1', 'https://a:b@t.me/x'])(
    'refuses to open %s, as a validation error',
    async (url) => {
      const result = await call('shell.openExternal', { url })
      expect(result).toMatchObject({ ok: false, error: { kind: 'validation', fields: { url: [expect.any(String)] } } })
      expect(resultSchema('shell.openExternal').safeParse(result).success).toBe(true)
      expect(openExternal).not.toHaveBeenCalled()
    },
  )

  it('answers internal when the operating system fails to open a link', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    openExternal.mockRejectedValueOnce(new Error('no handler for tel:'))
    const result = await call('shell.openExternal', { url: 'tel:+14155551234' })
    expect(result).toMatchObject({ ok: false, error: { kind: 'internal' } })
    logged.mockRestore()
  })
})
