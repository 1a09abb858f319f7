import { describe, expect, it } from 'vitest'
import { hostOf, normaliseBaseUrl } from './base-url'

const accepted = (input: string) => {
  const result = normaliseBaseUrl(input)
  if (!result.ok) throw new Error(`refused ${input}: ${result.error.message}`)
  return result.data
}
const refusal = (input: string) => {
  const result = normaliseBaseUrl(input)
  if (result.ok) throw new Error(`accepted ${input} as ${result.data}`)
  return result.error
}

describe('normaliseBaseUrl', () => {
  it('trims spaces and trailing slashes, and lower-cases the host', () => {
    expect(accepted('  https://Dashboard.SkylightChat.com/  ')).toBe('https://dashboard.skylightchat.com')
    expect(accepted('https://example.com/skylight//')).toBe('https://example.com/skylight')
    expect(accepted('https://example.com:8443')).toBe('https://example.com:8443')
  })

  it('allows plain http only for this computer', () => {
    expect(accepted('http://127.0.0.1:4100/')).toBe('http://127.0.0.1:4100')
    expect(accepted('http://localhost:4100')).toBe('http://localhost:4100')
    expect(accepted('http://[::1]:4100')).toBe('http://[::1]:4100')
    const error = refusal('http://example.com')
    expect(error.kind).toBe('validation')
    expect(error.kind === 'validation' && error.fields.baseUrl?.[0]).toMatch(/https:\/\//)
  })

  it('refuses an http host that only looks local', () => {
    refusal('http://127.0.0.1.example.com')
    refusal('http://localhost.evil.test')
  })

  it('refuses malformed addresses and other schemes', () => {
    expect(refusal('dashboard.skylightchat.com').message).toMatch(/full address/)
    refusal('')
    refusal('ftp://example.com')
    refusal('file:///etc/passwd')
    refusal('javascript:alert(1)')
  })

  it('refuses credentials, queries and fragments in the address', () => {
    expect(refusal('https://user:pass@example.com').message).toMatch(/name and password/)
    refusal('https://user@example.com')
    refusal('https://example.com/?a=1')
    refusal('https://example.com?')
    refusal('https://example.com/#top')
    refusal('https://example.com#')
  })

  it('puts every refusal on the baseUrl field', () => {
    for (const input of ['nope', 'http://example.com', 'https://a:b@example.com', 'https://example.com?x']) {
      const error = refusal(input)
      expect(error.kind === 'validation' && Object.keys(error.fields)).toEqual(['baseUrl'])
    }
  })
})

describe('hostOf', () => {
  it('names the host and port as the user typed them', () => {
    expect(hostOf('https://dashboard.skylightchat.com/prefix')).toBe('dashboard.skylightchat.com')
    expect(hostOf('http://127.0.0.1:4100')).toBe('127.0.0.1:4100')
  })
})
