import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { accountFingerprint, keyHint } from './key-hint'

describe('keyHint', () => {
  it('shows the prefix and the last four characters of a real key', () => {
    expect(keyHint('sk_live_4f9a8b7c6d5e4f3a2b1c1234')).toBe('sk_live_…1234')
  })

  it('shows less of a short key', () => {
    expect(keyHint('abcdefghij')).toBe('…ij')
    expect(keyHint('abc')).toBe('…')
  })

  it('never equals the key, and shows fewer than all and at most twelve of its characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 512 }), (key) => {
        const hint = keyHint(key)
        const shown = hint.replace('…', '').length
        expect(hint).not.toBe(key)
        expect(shown).toBeLessThan(key.length)
        expect(shown).toBeLessThanOrEqual(12)
      }),
    )
  })
})

describe('accountFingerprint', () => {
  const key = 'sk_live_4f9a8b7c6d5e4f3a2b1c1234'

  it('is sixteen hex digits, the same every time for the same account', () => {
    const id = accountFingerprint('https://a.example', key)
    expect(id).toMatch(/^[0-9a-f]{16}$/)
    expect(accountFingerprint('https://a.example', key)).toBe(id)
  })

  it('differs when the base URL or the key differs', () => {
    const id = accountFingerprint('https://a.example', key)
    expect(accountFingerprint('https://b.example', key)).not.toBe(id)
    expect(accountFingerprint('https://a.example', `${key}5`)).not.toBe(id)
  })

  it('keeps base URL and key apart (no ambiguity from joining them)', () => {
    expect(accountFingerprint('https://a.example/x', 'key')).not.toBe(accountFingerprint('https://a.example', '/xkey'))
  })
})
