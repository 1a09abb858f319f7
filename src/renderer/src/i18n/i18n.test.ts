// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { currentLocale, setAppLocale, t } from './i18n'
import { localeFormats } from './locale-formats'

afterEach(() => setAppLocale('en'))

describe('the page’s language', () => {
  it('translates from the catalogs in the current language, filling in values', () => {
    setAppLocale('de')
    expect(t('app-update.ready', { version: '2.1.0' })).toBe('Version 2.1.0 ist bereit. Änderungen, die auf die Synchronisierung warten, bleiben erhalten.')
    setAppLocale('en')
    expect(t('app-update.restart')).toBe('Restart to update')
  })

  it('turns the document right to left for Arabic and names its language', () => {
    setAppLocale('ar')
    expect(document.documentElement.dir).toBe('rtl')
    expect(document.documentElement.lang).toBe('ar')
    expect(currentLocale.value).toBe('ar')
    setAppLocale('fr')
    expect(document.documentElement.dir).toBe('ltr')
  })

  it('formats numbers, lists and name order as the language does', () => {
    setAppLocale('de')
    expect(localeFormats().number.format(12400)).toBe('12.400')
    expect(localeFormats().list.format(['a', 'b', 'c'])).toBe('a, b und c')
    expect(localeFormats('ar').list.format(['أ', 'ب', 'ج'])).toBe('أ وب وج')
    expect(['Zoë', 'Ängel', 'abc'].sort(localeFormats('de').collator.compare)).toEqual(['abc', 'Ängel', 'Zoë'])
  })
})
