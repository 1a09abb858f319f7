// What the user is told when a key cannot be accepted, phrased for the sign-in form's fields, in the app's language.
import type { ApiError } from '../../shared/result'
import { desktopText } from '../i18n/desktop-text'

const onField = (field: 'apiKey' | 'baseUrl', message: string): ApiError => ({
  kind: 'validation',
  message,
  fields: { [field]: [message] },
})

/** Header values must be visible ASCII; a pasted key with a space or line break inside is a copy mistake. */
export function apiKeyProblem(apiKey: string): ApiError | null {
  if (apiKey === '') return onField('apiKey', desktopText('main.signIn.enterKey'))
  if (!/^[\x21-\x7e]+$/.test(apiKey)) return onField('apiKey', desktopText('main.signIn.badCharacters'))
  return null
}

/** Turns the failed test call made with a new key into the reason the key is refused. */
export function refusalFor(error: ApiError, host: string): ApiError {
  switch (error.kind) {
    case 'unauthorized':
      return onField('apiKey', desktopText('main.signIn.refused', { host }))
    case 'not_found':
      return onField('baseUrl', desktopText('main.signIn.noApi', { host }))
    case 'offline':
      return { kind: 'offline', message: desktopText('main.signIn.offline', { host }) }
    case 'timeout':
      return { kind: 'timeout', message: desktopText('main.signIn.timeout', { host }) }
    default:
      return error
  }
}

/** `keepAccount` replaces the key of the account signed in at that address: there must be one. */
export function notReplaceable(host: string): ApiError {
  return onField('baseUrl', desktopText('main.signIn.notReplaceable', { host }))
}
