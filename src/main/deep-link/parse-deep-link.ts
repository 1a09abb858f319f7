// Checks a link the OS handed the app, as strictly as an IPC argument: a contact id or a search, nothing else; a refusal
// says why in the app's language.
import { DEEP_LINK_SCHEME, deepLink, type DeepLinkEvent } from '../../shared/deep-link'
import { desktopText } from '../i18n/desktop-text'

/** Longer than any link the app makes; a longer one is refused before it is parsed. */
const MAX_LINK_LENGTH = 1_024
const CONTROL = /\p{Cc}/u

/** The links the app opens, as the refusals show them. */
const SHAPES = {
  contactLink: `${DEEP_LINK_SCHEME}://contact/<id>`,
  searchLink: `${DEEP_LINK_SCHEME}://search?q=<text>`,
  contactPrefix: `${DEEP_LINK_SCHEME}://contact/`,
  searchPrefix: `${DEEP_LINK_SCHEME}://search?q=`,
}
const refused = (key: string): DeepLinkEvent => ({ refused: desktopText(key, SHAPES) })

export function parseDeepLink(raw: string): DeepLinkEvent {
  if (raw.length > MAX_LINK_LENGTH) return refused('main.deepLink.tooLong')
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return refused('main.deepLink.notALink')
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return refused('main.deepLink.unknown')
  if (url.username || url.password || url.port || url.hash) return refused('main.deepLink.unknown')
  const path = url.pathname.replace(/\/$/, '')
  const host = url.hostname.toLowerCase()
  if (host === 'contact') return contactLink(path, url)
  if (host === 'search') return searchLink(path, url)
  return refused('main.deepLink.unknown')
}

function contactLink(path: string, url: URL): DeepLinkEvent {
  const id = /^\/([1-9][0-9]{0,9})$/.exec(path)?.[1]
  if (!id || url.search) return refused('main.deepLink.contactShape')
  return { link: deepLink.parse({ kind: 'contact', id: Number(id) }) }
}

function searchLink(path: string, url: URL): DeepLinkEvent {
  const keys = [...url.searchParams.keys()]
  if (path !== '' || keys.length !== 1 || keys[0] !== 'q') return refused('main.deepLink.searchShape')
  const query = (url.searchParams.get('q') ?? '').trim()
  if (CONTROL.test(query)) return refused('main.deepLink.controlCharacters')
  const checked = deepLink.safeParse({ kind: 'search', query })
  return checked.success ? { link: checked.data } : refused('main.deepLink.searchLength')
}

/** The link among a second launch's (or the first launch's) command line: Windows and Linux pass it as an argument. */
export function deepLinkInArgv(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) ?? null
}
