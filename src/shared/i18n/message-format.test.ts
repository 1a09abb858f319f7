import { describe, expect, it } from 'vitest'
import { formatMessage, translator, type Catalogs } from './message-format'
import type { AppLocale } from './locales'

describe('formatMessage', () => {
  it('chooses the plural form by the language’s own rules', () => {
    const message = '{count, plural, one {# contact} few {# контакта} many {# контактов} other {# contacts}}'
    expect(formatMessage(message, 'ru', { count: 1 })).toBe('1 contact')
    expect(formatMessage(message, 'ru', { count: 3 })).toBe('3 контакта')
    expect(formatMessage(message, 'ru', { count: 5 })).toBe('5 контактов')
  })
  it('writes numbers in the language’s digits grouping', () => {
    expect(formatMessage('{count, number} contacts', 'de', { count: 12400 })).toBe('12.400 contacts')
  })
  it('leaves angle brackets as text', () => {
    expect(formatMessage('Tag <name>', 'en')).toBe('Tag <name>')
  })
})

describe('translator', () => {
  const catalogs = { en: { 'a.hello': 'Hello {name}', 'a.only': 'Only English' }, de: { 'a.hello': 'Hallo {name}' } } as unknown as Catalogs
  it('uses the current language, then English, then shows the key', () => {
    let locale: AppLocale = 'de'
    const t = translator(catalogs, () => locale)
    expect(t('a.hello', { name: 'Ana' })).toBe('Hallo Ana')
    expect(t('a.only')).toBe('Only English')
    expect(t('a.missing')).toBe('a.missing')
    locale = 'en'
    expect(t('a.hello', { name: 'Ana' })).toBe('Hello Ana')
  })
})
