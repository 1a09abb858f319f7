import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { wordsOf } from '../search/fold'
import { emailKey, nameKey, nameSuffixKey, phoneKey, phoneSuffix } from './match-keys'

describe('match keys', () => {
  it('takes only E.164 phones as phone keys', () => {
    expect(phoneKey('+491711234567')).toBe('+491711234567')
    expect(phoneKey('0171 1234567')).toBeNull()
    expect(phoneKey(undefined)).toBeNull()
  })

  it('compares emails without case or surrounding spaces', () => {
    expect(emailKey(' Anna.Schmidt@Example.DE ')).toBe('anna.schmidt@example.de')
    expect(emailKey('not an address')).toBeNull()
  })

  it('folds names: accents, case, punctuation and word order do not count; scripts without case survive', () => {
    expect(nameKey('José  Müller')).toBe(nameKey('muller, jose'))
    expect(nameKey('Zoë Brontë')).toBe('bronte zoe')
    expect(nameKey('Наталья Иванова')).toBe(nameKey('наталья иванова'))
    expect(nameKey('王小明')).toBe('王小明')
    expect(nameKey('مُحَمَّد')).toBe(nameKey('محمد'))
    expect(nameKey(' - ')).toBeNull()
  })

  it('gives an ASCII name the key full Unicode folding would (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (name) => {
        const words = wordsOf(name)
        expect(nameKey(name)).toBe(words.length ? words.sort().join(' ') : null)
      }),
    )
  })

  it('takes the last six digits, separators and text aside, for any phone (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1', '7', '9', ' ', '-', '+', '(', ')', 'x', '٣') }), (phone) => {
        const digits = phone.replace(/[^0-9]/g, '')
        expect(phoneSuffix(phone)).toBe(digits.length >= 6 ? digits.slice(-6) : null)
      }),
    )
  })

  it('takes the last six digits as the suffix, and needs both parts for the name + suffix key', () => {
    expect(phoneSuffix('+49 171 1234567')).toBe('234567')
    expect(phoneSuffix('12345')).toBeNull()
    expect(phoneSuffix('+49 1712-34 56 (work)')).toBe('123456')
    expect(phoneSuffix('x')).toBeNull()
    expect(nameSuffixKey('Anna', '+491711234567')).toBe('234567|anna')
    expect(nameSuffixKey('Anna', null)).toBeNull()
  })
})
