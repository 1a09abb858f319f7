// Decides when a typed search also asks the API: whenever the offline copy may miss its matches.

/** Dot-separated labels ending in a label of 2+ letters: `acme.com`, `mail.acme.co.uk`, `j.smith`. */
const DOMAIN_LIKE = /^(?:[\p{L}\p{N}_-]+\.)+\p{L}{2,}$/u

/**
 * True when a word of `query` aims at an email: it holds `@` (`ann@`, `@acme`), or is shaped like
 * a domain or a dotted local part (`acme.com`, `j.smith`). List rows carry no email, so the
 * mirror knows only the emails of contacts opened or edited here; only the API finds the rest.
 */
export function targetsEmail(query: string): boolean {
  return query.split(/\s+/).some((word) => word.includes('@') || DOMAIN_LIKE.test(word))
}

/** A `note:` word: the API's search never looks in notes, so only the mirror can answer it. */
const NOTE_TERM = /(?:^|\s)note:/i

/** Ask the API for a non-blank query until the first pull completes, and after it for emails; never for words of notes. */
export function shouldAskServer(query: string, firstPullComplete: boolean): boolean {
  return query.trim() !== '' && !NOTE_TERM.test(query) && (!firstPullComplete || targetsEmail(query))
}
