import { afterEach, describe, expect, it } from 'vitest'
import { setAppLocale } from '../i18n'
import { pullFailure } from './pull/pull-failure'
import { errorText, syncError } from './sync-errors'

afterEach(() => setAppLocale('en'))

describe('the data wing’s own errors', () => {
  it('keep a reason code and values, and are worded in the language shown at the time', () => {
    const error = syncError('offline', { code: 'noNetwork' })
    expect(error).toEqual({ kind: 'offline', message: 'This computer has no network connection.', reason: { code: 'noNetwork' } })
    const stopped = pullFailure(new TypeError('rows is undefined'))
    expect(stopped.reason).toEqual({ code: 'pullStopped', detail: 'TypeError: rows is undefined' })
    setAppLocale('de')
    expect(errorText(error)).toBe('Dieser Computer hat keine Netzwerkverbindung.')
    expect(errorText(stopped)).toBe('Das Abrufen wurde durch einen unerwarteten Fehler abgebrochen (TypeError: rows is undefined).')
    // The message stays English for the log, whatever the page speaks.
    expect(syncError('not_found', { code: 'noSuchChange', seq: 7 }).message).toBe('No queued change #7.')
  })

  it('leaves the words of SkyLight’s and main’s errors as they came', () => {
    setAppLocale('de')
    expect(errorText({ kind: 'server', message: 'Bad gateway.', status: 502 })).toBe('Bad gateway.')
  })
})
