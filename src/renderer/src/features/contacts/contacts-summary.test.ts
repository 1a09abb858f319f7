import { afterEach, describe, expect, it } from 'vitest'
import { setAppLocale } from '../../i18n'
import { contactsSummary } from './contacts-summary'

const all = (total: number) => contactsSummary({ loaded: true, hasQuery: false, ready: true, total, unknown: 0 })
const matches = (total: number) => contactsSummary({ loaded: true, hasQuery: true, ready: true, total, unknown: 0 })
const unknownToo = (total: number, unknown: number) => contactsSummary({ loaded: true, hasQuery: true, ready: true, total, unknown })

afterEach(() => setAppLocale('en'))

describe('the contacts summary', () => {
  it('counts contacts, matches and preview finds in English', () => {
    expect(contactsSummary({ loaded: false, hasQuery: false, ready: false, total: 0, unknown: 0 })).toBe('')
    expect(all(1)).toBe('1 contact')
    expect(all(12400)).toBe('12,400 contacts')
    expect(matches(1)).toBe('1 match')
    expect(matches(3)).toBe('3 matches')
    expect(contactsSummary({ loaded: true, hasQuery: true, ready: false, total: 40, unknown: 0 })).toBe('40 found among the first names while search loads…')
  })

  it('says how many matches a status or channel filter cannot count yet', () => {
    expect(unknownToo(1240, 3400)).toBe('1,240 matches · 3,400 not yet known')
    expect(unknownToo(0, 1)).toBe('0 matches · 1 not yet known')
    expect(unknownToo(1240, 0)).toBe('1,240 matches')
    setAppLocale('ru')
    expect(unknownToo(1240, 3401)).toBe(`1${'\u00a0'}240 совпадений · 3${'\u00a0'}401 пока неизвестен`)
    setAppLocale('ar')
    expect(unknownToo(2, 2)).toBe('نتيجتان · اثنتان غير معروفتين بعد')
  })

  it('writes German numbers and plurals', () => {
    setAppLocale('de')
    expect(all(1)).toBe('1 Kontakt')
    expect(all(12400)).toBe('12.400 Kontakte')
    expect(matches(2)).toBe('2 Treffer')
  })

  it('takes each Russian plural form', () => {
    setAppLocale('ru')
    expect(all(1)).toBe('1 контакт')
    expect(all(3)).toBe('3 контакта')
    expect(all(5)).toBe('5 контактов')
    expect(all(21)).toBe('21 контакт')
    expect(all(12400)).toBe(`12${'\u00a0'}400 контактов`)
    expect(matches(22)).toBe('22 совпадения')
  })

  it('takes the Arabic zero, one, two and few forms', () => {
    setAppLocale('ar')
    expect(all(0)).toBe('لا توجد جهات اتصال')
    expect(all(1)).toBe('جهة اتصال واحدة')
    expect(all(2)).toBe('جهتا اتصال')
    expect(matches(2)).toBe('نتيجتان')
    expect(all(3)).toMatch(/^\S+ جهات اتصال$/)
  })
})
