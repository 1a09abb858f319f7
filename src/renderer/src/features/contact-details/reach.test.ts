import { afterEach, describe, expect, it } from 'vitest'
import { allowedExternalUrl } from '../../../../main/window/external-links'
import { setBridge } from '../../bridge'
import { fakeBridge, type CallLog } from '../../test-support/fake-bridge'
import { copyText, openReachLink, reachLinks, type ReachKind } from './reach'

const sarah = { name: 'Sarah Johnson', phone: '+14155551234', email: 'sarah@example.com' }
const urls = (contact: Parameters<typeof reachLinks>[0]) => Object.fromEntries(reachLinks(contact).map((link) => [link.kind, link.url]))
const missing = (contact: Parameters<typeof reachLinks>[0], kind: ReachKind) => reachLinks(contact).find((link) => link.kind === kind)?.missing

afterEach(() => setBridge(null))

describe('links that reach a contact', () => {
  it('builds each channel from the phone and email', () => {
    expect(urls(sarah)).toEqual({
      whatsapp: 'https://wa.me/14155551234',
      telegram: 'https://t.me/+14155551234',
      instagram: null,
      call: 'tel:+14155551234',
      email: 'mailto:sarah@example.com',
    })
  })

  it.each([
    ['an @username name', '@sarah.j_92', 'https://instagram.com/sarah.j_92'],
    ['a username with spaces around', '  @sarah ', 'https://instagram.com/sarah'],
    ['a full name', 'Sarah Johnson', null],
    ['a name with @ inside', 'Sarah @ Acme', null],
    ['a username over 30 characters', `@${'s'.repeat(31)}`, null],
  ])('links Instagram for %s only when it is a username', (_, name, url) => {
    expect(urls({ ...sarah, name }).instagram).toBe(url)
  })

  it.each([
    ['no phone', { phone: null }, 'whatsapp', 'This contact has no phone number.'],
    ['an unknown phone', { phone: undefined }, 'telegram', 'This contact has no phone number.'],
    ['a phone not in E.164', { phone: '0612345678' }, 'call', 'The saved phone number is not in international format.'],
    ['no email', { email: null }, 'email', 'This contact has no email address.'],
    ['an unknown email', { email: undefined }, 'email', 'The email address is not loaded yet.'],
    ['no Instagram username', {}, 'instagram', 'SkyLight gives no Instagram username for this contact.'],
  ] as const)('says why it cannot link with %s', (_, change, kind, why) => {
    const contact = { ...sarah, ...change }
    expect(urls(contact)[kind]).toBeNull()
    expect(missing(contact, kind)).toBe(why)
  })

  it('escapes an address so nothing can be added to the mailto link', () => {
    expect(urls({ ...sarah, email: 'a+b?attach=x@example.com' }).email).toBe('mailto:a%2Bb%3Fattach%3Dx@example.com')
  })

  it("builds only links main's allowlist opens unchanged", () => {
    const contacts = [sarah, { name: '@zoe', phone: '+442079460958', email: 'zoë@exämple.com' }, { ...sarah, email: 'a+b?attach=x@example.com' }]
    for (const contact of contacts) {
      for (const { url } of reachLinks(contact)) if (url) expect(allowedExternalUrl(url)).toBe(url)
    }
  })

  it('opens a link through the bridge', async () => {
    const calls: CallLog = []
    setBridge(fakeBridge({ 'shell.openExternal': async () => ({ ok: true, data: null }) }, calls))
    expect(await openReachLink('https://wa.me/14155551234')).toEqual({ ok: true, data: null })
    expect(calls).toEqual([{ channel: 'shell.openExternal', args: { url: 'https://wa.me/14155551234' } }])
  })
})

describe('copying to the clipboard', () => {
  it('writes the text', async () => {
    const written: string[] = []
    expect(await copyText('+14155551234', { writeText: async (text) => void written.push(text) })).toEqual({ ok: true, data: null })
    expect(written).toEqual(['+14155551234'])
  })

  it('turns a refusal into a message', async () => {
    const refused = { writeText: async () => Promise.reject(new Error('Document is not focused.')) }
    expect(await copyText('x', refused)).toEqual({ ok: false, error: { kind: 'internal', message: 'Could not copy: Document is not focused.' } })
    expect(await copyText('x', undefined)).toMatchObject({ ok: false, error: { message: 'The clipboard is not available here.' } })
  })
})
