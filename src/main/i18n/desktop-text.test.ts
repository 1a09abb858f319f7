import { afterEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS, type Channel } from '../../shared/contract'
import { ok } from '../../shared/result'
import type { HandlerTable } from '../ipc/handlers'
import { dispatch } from '../ipc/dispatch'
import { createIsOwnPage } from '../window/own-page'
import { desktopText, setDesktopLocale } from './desktop-text'

const isOwnPage = createIsOwnPage({ rendererHtml: '/app/out/renderer/index.html' })
const OWN_PAGE = 'file:///app/out/renderer/index.html'
const table = Object.fromEntries(CHANNELS.map((channel) => [channel, vi.fn(async () => ok(null))])) as unknown as HandlerTable
const refusal = async (channel: Channel, args: unknown) => {
  const result = await dispatch(table, channel, args, OWN_PAGE, isOwnPage)
  if (result.ok || result.error.kind !== 'validation') throw new Error('expected a validation refusal')
  return result.error
}

afterEach(() => setDesktopLocale('en'))

describe("main's refusals in the user's language", () => {
  it('words the shared rules and the blank key in English by default', async () => {
    expect((await refusal('auth.setKey', { apiKey: '  ', baseUrl: 'https://example.com' })).message).toBe('Invalid input. Enter your API key.')
  })

  it('follows the language the page set', async () => {
    setDesktopLocale('de')
    expect(desktopText('main.quit.quit')).not.toBe('Quit')
    expect((await refusal('auth.setKey', { apiKey: '  ', baseUrl: 'https://example.com' })).message).toBe(
      'Ungültige Eingabe. Geben Sie Ihren API-Schlüssel ein.',
    )
    const contact = await refusal('contacts.create', { contact: { name: ' ', type: 'telegram', tags: [''] } })
    expect(contact.fields['contact.name']).toEqual(['Ein Name ist erforderlich.'])
    expect(contact.fields['contact.tags.0']).toEqual(['Ein Tag darf nicht leer sein.'])
  })
})
