import { describe, expect, it } from 'vitest'
import { setDesktopLocale } from '../i18n/desktop-text'
import { errorFromStatus } from './errors'

const none = new Headers()

describe('errorFromStatus', () => {
  it('maps 401 to unauthorized with the server message', () => {
    expect(errorFromStatus(401, '{"success":false,"message":"Unauthenticated."}', none)).toEqual({
      kind: 'unauthorized',
      message: 'Unauthenticated.',
    })
  })

  it('maps 404 to not_found', () => {
    expect(errorFromStatus(404, '{"message":"Contact not found."}', none).kind).toBe('not_found')
  })

  it('maps 422 to validation with the errors map', () => {
    const body = JSON.stringify({ message: 'The phone field is required.', errors: { phone: ['Required.'], tags: 'Bad tag.' } })
    expect(errorFromStatus(422, body, none)).toEqual({
      kind: 'validation',
      message: 'The phone field is required.',
      fields: { phone: ['Required.'], tags: ['Bad tag.'] },
    })
  })

  it('tolerates a 422 without an errors map', () => {
    expect(errorFromStatus(422, '{"message":"Nope."}', none)).toEqual({ kind: 'validation', message: 'Nope.', fields: {} })
  })

  it('maps 429 to rate_limited using Retry-After seconds, or 1 s when absent', () => {
    expect(errorFromStatus(429, '', new Headers({ 'Retry-After': '3' }))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 3000 })
    expect(errorFromStatus(429, '', none)).toMatchObject({ kind: 'rate_limited', retryAfterMs: 1000 })
  })

  it('says it in the app’s language when the server says nothing, the status kept in Latin digits', () => {
    setDesktopLocale('ar')
    expect(errorFromStatus(503, '', none)).toEqual({ kind: 'server', message: 'فشل الخادم (HTTP 503).', status: 503 })
    setDesktopLocale('de')
    expect(errorFromStatus(401, '', none)).toEqual({ kind: 'unauthorized', message: 'Der API-Schlüssel wurde abgelehnt.' })
    setDesktopLocale('en')
  })

  it('maps 5xx to server without echoing an HTML page', () => {
    const error = errorFromStatus(502, '<html><body><h1>502 Bad Gateway</h1></body></html>', none)
    expect(error).toEqual({ kind: 'server', message: 'The server failed (HTTP 502).', status: 502 })
  })

  it('maps a redirect and other statuses to bad_response', () => {
    expect(errorFromStatus(302, '', none).kind).toBe('bad_response')
    expect(errorFromStatus(400, '{"message":"Bad."}', none)).toEqual({ kind: 'bad_response', message: 'HTTP 400: Bad.' })
  })

  it('cuts an overlong server message', () => {
    const error = errorFromStatus(404, JSON.stringify({ message: 'x'.repeat(5000) }), none)
    expect(error.message.length).toBeLessThan(400)
  })
})
