import { describe, expect, it } from 'vitest'
import { REDACTED, redact, redactError } from './redact'

const KEY = 'sk_live_4f9a8b7c6d5e4f3a2b1c'

describe('redact', () => {
  it('removes the key wherever it appears', () => {
    const out = redact(`bad key ${KEY}; again:${KEY}`, [KEY])
    expect(out).not.toContain(KEY)
    expect(out).toBe(`bad key ${REDACTED}; again:${REDACTED}`)
  })

  it('removes a URL-encoded key', () => {
    const key = 'k+y/with=odd&chars'
    const out = redact(`url?key=${encodeURIComponent(key)}`, [key])
    expect(out).not.toContain(encodeURIComponent(key))
  })

  it('removes Bearer tokens and Authorization values it was not told about', () => {
    const out = redact('Authorization: Bearer abc.def-123\n{"authorization":"Token xyz789"} token Bearer qqq111', [])
    expect(out).not.toContain('abc.def-123')
    expect(out).not.toContain('xyz789')
    expect(out).not.toContain('qqq111')
    expect(out).toBe(`Authorization: ${REDACTED}\n{"authorization":"${REDACTED}"} token Bearer ${REDACTED}`)
  })

  it('removes anything shaped like a SkyLight key', () => {
    expect(redact('echo sk_test_ZZZ999 end', [])).toBe(`echo ${REDACTED} end`)
  })

  it('leaves ordinary text alone', () => {
    expect(redact('Contact not found.', [KEY])).toBe('Contact not found.')
  })

  it('redacts the message and the field messages of an error', () => {
    const error = redactError(
      { kind: 'validation', message: `The key ${KEY} is odd`, fields: { name: [`has ${KEY}`] } },
      [KEY],
    )
    expect(JSON.stringify(error)).not.toContain(KEY)
    expect(error.kind).toBe('validation')
  })
})
