// What the user is told when a key cannot be accepted, phrased for the sign-in form's fields.
import type { ApiError } from '../../shared/result'

const onField = (field: 'apiKey' | 'baseUrl', message: string): ApiError => ({
  kind: 'validation',
  message,
  fields: { [field]: [message] },
})

/** Header values must be visible ASCII; a pasted key with a space or line break inside is a copy mistake. */
export function apiKeyProblem(apiKey: string): ApiError | null {
  if (apiKey === '') return onField('apiKey', 'Enter your API key.')
  if (!/^[\x21-\x7e]+$/.test(apiKey)) {
    return onField('apiKey', 'The API key contains spaces or characters an API key cannot have. Paste it again.')
  }
  return null
}

/** Turns the failed test call made with a new key into the reason the key is refused. */
export function refusalFor(error: ApiError, host: string): ApiError {
  switch (error.kind) {
    case 'unauthorized':
      return onField('apiKey', `The API key was refused by ${host}. Check that you copied the whole key and that it was not revoked.`)
    case 'not_found':
      return onField('baseUrl', `${host} answered, but has no SkyLight Contacts API at this address. Check the address.`)
    case 'offline':
      return { kind: 'offline', message: `Could not reach ${host}. Check the address and your internet connection.` }
    case 'timeout':
      return { kind: 'timeout', message: `Could not reach ${host}: it did not answer in time. Try again in a moment.` }
    default:
      return error
  }
}

/** `keepAccount` replaces the key of the account signed in at that address: there must be one. */
export function notReplaceable(host: string): ApiError {
  return onField('baseUrl', `No account is signed in at ${host} whose key this could replace. Sign out, then sign in with this key.`)
}
