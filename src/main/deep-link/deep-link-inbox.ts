// Holds the links the OS hands the app until its page can hear them, checked first; logs what it refused.
import type { DeepLinkEvent } from '../../shared/deep-link'
import { parseDeepLink } from './parse-deep-link'

/** A burst of links (a user clicking many) keeps only the latest few; the page acts on each in turn. */
const MAX_WAITING = 5

export interface DeepLinkInbox {
  /** A link from the command line, a second launch or macOS `open-url`. */
  receive(raw: string): void
  /** The page loaded and listens: it gets what waited, then each new link at once. */
  pageLoaded(): void
  /** The page is gone (reload, crash): links wait for the next one. */
  pageGone(): void
}

export function createDeepLinkInbox(send: (event: DeepLinkEvent) => void, log: (message: string) => void): DeepLinkInbox {
  let listening = false
  const waiting: DeepLinkEvent[] = []
  return {
    receive(raw) {
      const event = parseDeepLink(raw)
      // The link itself may hold a search for a customer's name: only its kind is logged.
      log('refused' in event ? `deep link refused: ${event.refused}` : `deep link: open a ${event.link.kind}`)
      if (listening) return send(event)
      waiting.push(event)
      if (waiting.length > MAX_WAITING) waiting.shift()
    },
    pageLoaded() {
      listening = true
      for (const event of waiting.splice(0)) send(event)
    },
    pageGone() {
      listening = false
    },
  }
}
