// The rules a SkyLight base URL must follow before any key is sent to it; a refusal says why in the app's language.
import { fail, ok, type Result } from '../../shared/result'
import { desktopText } from '../i18n/desktop-text'

/** Loopback hosts may use plain http: the traffic never leaves the machine (the demo sandbox lives there). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

const refuse = (message: string): Result<never> => fail({ kind: 'validation', message, fields: { baseUrl: [message] } })

/**
 * Normalises a user-typed base URL to `https://host[:port][/prefix]` with no trailing slash,
 * or refuses it with a message for the base URL field.
 */
export function normaliseBaseUrl(input: string): Result<string> {
  const text = input.trim()
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return refuse(desktopText('main.baseUrl.notAnAddress', { example: 'https://dashboard.skylightchat.com' }))
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return refuse(desktopText('main.baseUrl.scheme'))
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    return refuse(desktopText('main.baseUrl.plainHttp'))
  }
  if (url.username || url.password) {
    return refuse(desktopText('main.baseUrl.credentials'))
  }
  // `new URL` drops an empty `?` or `#`, so look at the text too.
  if (url.search || url.hash || /[?#]/.test(text)) {
    return refuse(desktopText('main.baseUrl.queryOrHash'))
  }
  return ok(`${url.origin}${url.pathname.replace(/\/+$/, '')}`)
}

/** The host as the user knows it, for messages ("The API key was refused by <host>"). */
export const hostOf = (baseUrl: string): string => new URL(baseUrl).host
