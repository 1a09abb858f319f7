import { describe, expect, it } from 'vitest'
import { pickLocale, textDirection } from './locales'

describe('pickLocale', () => {
  it('takes the first preferred language the app speaks', () => {
    expect(pickLocale(['ja-JP', 'de-AT', 'fr'])).toBe('de')
  })
  it('serves any Portuguese with Brazilian Portuguese and matches tags case- and separator-insensitively', () => {
    expect(pickLocale(['pt_PT'])).toBe('pt-BR')
    expect(pickLocale(['PT-br'])).toBe('pt-BR')
    expect(pickLocale(['ar-EG'])).toBe('ar')
  })
  it('falls back to English when none is spoken or none is given', () => {
    expect(pickLocale(['ja', undefined, 'zh-CN'])).toBe('en')
    expect(pickLocale([])).toBe('en')
  })
})

describe('textDirection', () => {
  it('lays out Arabic right to left and the others left to right', () => {
    expect(textDirection('ar')).toBe('rtl')
    expect(textDirection('de')).toBe('ltr')
  })
})
