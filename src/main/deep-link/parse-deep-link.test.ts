import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deepLinkEvent } from '../../shared/deep-link'
import { LOCALES } from '../../shared/i18n/locales'
import { setDesktopLocale } from '../i18n/desktop-text'
import { deepLinkInArgv, parseDeepLink } from './parse-deep-link'

describe('deep links', () => {
  it.each([
    ['skylight-contacts://contact/42', { kind: 'contact', id: 42 }],
    ['skylight-contacts://contact/42/', { kind: 'contact', id: 42 }],
    ['SKYLIGHT-CONTACTS://Contact/7', { kind: 'contact', id: 7 }],
    ['skylight-contacts://search?q=jos%C3%A9', { kind: 'search', query: 'josé' }],
    ['skylight-contacts://search/?q=%2B44%207400', { kind: 'search', query: '+44 7400' }],
    ['skylight-contacts://search?q=  %23vip  ', { kind: 'search', query: '#vip' }],
    ['skylight-contacts://search?q=%D0%98%D0%B2%D0%B0%D0%BD', { kind: 'search', query: 'Иван' }],
  ])('opens %s', (raw, link) => {
    expect(parseDeepLink(raw)).toEqual({ link })
  })

  it.each([
    ['https://evil.example/contact/42', /opens skylight-contacts:\/\/contact\/<id>/],
    ['javascript:alert(1)', /opens skylight-contacts/],
    ['file:///etc/passwd', /opens skylight-contacts/],
    ['not a link', /it is not a link/],
    ['skylight-contacts://settings', /opens skylight-contacts/],
    ['skylight-contacts://contact/0', /followed by the contact's number/],
    ['skylight-contacts://contact/-3', /followed by the contact's number/],
    ['skylight-contacts://contact/4x', /followed by the contact's number/],
    ['skylight-contacts://contact/42/notes', /followed by the contact's number/],
    ['skylight-contacts://contact/42?delete=1', /followed by the contact's number/],
    ['skylight-contacts://contact/42#x', /opens skylight-contacts/],
    ['skylight-contacts://me:pw@contact/42', /opens skylight-contacts/],
    ['skylight-contacts://contact:8080/42', /opens skylight-contacts/],
    ['skylight-contacts://search?q=', /1 to 200 characters/],
    [`skylight-contacts://search?q=${'a'.repeat(201)}`, /1 to 200 characters/],
    ['skylight-contacts://search?q=a%00b', /control characters/],
    ['skylight-contacts://search?q=a&q=b', /followed by the text to search/],
    ['skylight-contacts://search?q=a&key=sk_live_x', /followed by the text to search/],
    ['skylight-contacts://search/deep?q=a', /followed by the text to search/],
    [`skylight-contacts://search?q=${'a'.repeat(1100)}`, /too long/],
  ])('refuses %s with a clear reason', (raw, reason) => {
    const event = parseDeepLink(raw)
    expect(event).toMatchObject({ refused: expect.stringMatching(/^This link cannot be opened: /) })
    expect('refused' in event && event.refused).toMatch(reason)
  })

  it('says why in the app’s language, in words the page accepts in every language', () => {
    setDesktopLocale('de')
    expect(parseDeepLink('skylight-contacts://contact/0')).toEqual({
      refused: 'Dieser Link kann nicht geöffnet werden: Ein Kontakt-Link ist skylight-contacts://contact/, gefolgt von der Nummer des Kontakts.',
    })
    const refusals = ['not a link', 'skylight-contacts://settings', 'skylight-contacts://contact/0', 'skylight-contacts://search?q=', 'skylight-contacts://search?q=a%00b', 'skylight-contacts://search/x?q=a', `skylight-contacts://search?q=${'a'.repeat(1100)}`]
    for (const locale of LOCALES) {
      setDesktopLocale(locale)
      for (const raw of refusals) expect(deepLinkEvent.safeParse(parseDeepLink(raw)).success, `${locale} ${raw}`).toBe(true)
    }
    setDesktopLocale('en')
  })

  it('never throws, and every answer is one the page accepts', () => {
    const anyLink = fc.oneof(
      fc.string({ maxLength: 1200 }),
      fc.webUrl(),
      fc.tuple(fc.constantFrom('contact/', 'search?q=', 'search/?q=', 'Contact/', ''), fc.string({ unit: 'grapheme', maxLength: 300 })).map(([path, rest]) => `skylight-contacts://${path}${rest}`),
      fc.tuple(fc.constantFrom('contact/', 'search?q='), fc.string({ unit: 'binary', maxLength: 300 })).map(([path, rest]) => `skylight-contacts://${path}${encodeURIComponent(rest)}`),
    )
    fc.assert(
      fc.property(anyLink, (raw) => {
        const event = parseDeepLink(raw)
        expect(deepLinkEvent.safeParse(event).success).toBe(true)
      }),
      { numRuns: 2_000 },
    )
  })

  it('finds the link among a launch command line', () => {
    expect(deepLinkInArgv(['/opt/SkyLight Contacts/skylight-contacts', '--no-sandbox', 'skylight-contacts://contact/9'])).toBe('skylight-contacts://contact/9')
    expect(deepLinkInArgv(['/usr/bin/skylight-contacts', '--flag'])).toBeNull()
  })
})
