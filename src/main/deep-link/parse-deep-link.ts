// Checks a link the OS handed the app, as strictly as an IPC argument: a contact id or a search, nothing else.
import { DEEP_LINK_SCHEME, deepLink, type DeepLinkEvent } from '../../shared/deep-link'

/** Longer than any link the app makes; a longer one is refused before it is parsed. */
const MAX_LINK_LENGTH = 1_024
const CONTROL = /\p{Cc}/u

const refused = (why: string): DeepLinkEvent => ({ refused: `This link cannot be opened: ${why}` })
const SHAPES = `SkyLight Contacts opens ${DEEP_LINK_SCHEME}://contact/<id> and ${DEEP_LINK_SCHEME}://search?q=<text> links.`

export function parseDeepLink(raw: string): DeepLinkEvent {
  if (raw.length > MAX_LINK_LENGTH) return refused('it is too long.')
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return refused(`it is not a link. ${SHAPES}`)
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return refused(SHAPES)
  if (url.username || url.password || url.port || url.hash) return refused(SHAPES)
  const path = url.pathname.replace(/\/$/, '')
  const host = url.hostname.toLowerCase()
  if (host === 'contact') return contactLink(path, url)
  if (host === 'search') return searchLink(path, url)
  return refused(SHAPES)
}

function contactLink(path: string, url: URL): DeepLinkEvent {
  const id = /^\/([1-9][0-9]{0,9})$/.exec(path)?.[1]
  if (!id || url.search) return refused(`a contact link is ${DEEP_LINK_SCHEME}://contact/ followed by the contact's number.`)
  return { link: deepLink.parse({ kind: 'contact', id: Number(id) }) }
}

function searchLink(path: string, url: URL): DeepLinkEvent {
  const keys = [...url.searchParams.keys()]
  if (path !== '' || keys.length !== 1 || keys[0] !== 'q') return refused(`a search link is ${DEEP_LINK_SCHEME}://search?q= followed by the text to search.`)
  const query = (url.searchParams.get('q') ?? '').trim()
  if (CONTROL.test(query)) return refused('the search text holds control characters.')
  const checked = deepLink.safeParse({ kind: 'search', query })
  return checked.success ? { link: checked.data } : refused('the search text must be 1 to 200 characters.')
}

/** The link among a second launch's (or the first launch's) command line: Windows and Linux pass it as an argument. */
export function deepLinkInArgv(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) ?? null
}
