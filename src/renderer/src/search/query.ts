// Parses what the user types into search terms: words, phone digits, emails, tags and note words.
import { digitsOf, fold, wordsOf } from './fold'

export interface SearchTerms {
  /** Folded word prefixes; every one must match (AND). */
  words: string[]
  /** Runs of 4+ digits matched anywhere in a phone number. */
  phones: string[]
  /** Folded fragments containing `@`, matched inside the email. */
  emails: string[]
  /** Folded tag prefixes, from `#vip` or `tag:vip`. */
  tags: string[]
  /** Folded word prefixes that must occur in the contact's notes, from `note:price`. */
  notes: string[]
}

const PHONE_RUN = /\+?\(?\d[\d\s().-]*\d/g
const TAG_TOKEN = /^(?:#|tag:)(.+)$/i
/** `note:` and what follows up to a space; taken out first, so `note:2026` is a note word, not phone digits. */
const NOTE_TOKEN = /(^|\s)note:(\S*)/gi

export function parseQuery(text: string): SearchTerms {
  const terms: SearchTerms = { words: [], phones: [], emails: [], tags: [], notes: [] }
  // `note:` alone (the user is still typing) narrows nothing.
  const withoutNotes = text.replace(NOTE_TOKEN, (_, before: string, words: string) => {
    terms.notes.push(...wordsOf(words))
    return before + ' '
  })
  const rest = withoutNotes.replace(PHONE_RUN, (run) => {
    const digits = digitsOf(run)
    if (digits.length < 4) return run
    terms.phones.push(digits)
    return ' '
  })
  for (const token of rest.split(/\s+/).filter(Boolean)) {
    const tag = TAG_TOKEN.exec(token)
    if (tag) terms.tags.push(fold(tag[1]))
    else if (token.includes('@')) terms.emails.push(fold(token))
    else terms.words.push(...wordsOf(token))
  }
  return terms
}
