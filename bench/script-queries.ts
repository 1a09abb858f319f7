// The bench's queries across scripts: names without spaces found by a part, joins at apostrophes and hyphens, Cyrillic and Greek by Latin spelling.
import type { Contact } from '../src/shared/contact'
import { NAME_POOLS } from '../src/sandbox/seed-pools'
import { fold, wordsOf } from '../src/renderer/src/search/fold'

export type Script = 'Latin' | 'Cyrillic' | 'Greek' | 'Arabic' | 'Chinese' | 'Japanese' | 'Korean' | 'Thai' | 'Devanagari'

/** The script of a seeded name, as the name pools write them (Japanese names are Han with a space). */
export function scriptOf(name: string): Script {
  if (/\p{Script=Hangul}/u.test(name)) return 'Korean'
  if (/\p{Script=Han}/u.test(name)) return name.includes(' ') ? 'Japanese' : 'Chinese'
  if (/\p{Script=Thai}/u.test(name)) return 'Thai'
  if (/\p{Script=Devanagari}/u.test(name)) return 'Devanagari'
  if (/\p{Script=Arabic}/u.test(name)) return 'Arabic'
  if (/\p{Script=Cyrillic}/u.test(name)) return 'Cyrillic'
  if (/\p{Script=Greek}/u.test(name)) return 'Greek'
  return 'Latin'
}

export interface ScriptQuery {
  text: string
  script: Script
  /** What the query tries: "whole name", "given name inside", "joined", "Latin spelling"… */
  case: string
  expectId: number
  /** Latin spellings of Cyrillic and Greek names: the names written in Latin must all rank first. */
  latinFirst?: boolean
}

/** Each folded Cyrillic and Greek name part -> its Latin spelling in the pool (as on a passport: the user's spelling, not ours). */
function latinSpellings(): Map<string, string> {
  const spellings = new Map<string, string>()
  for (const pool of NAME_POOLS) {
    for (const [native, latin] of [...pool.first, ...pool.last]) spellings.set(fold(native), latin)
    if (pool.feminine) for (const [native, latin] of pool.last) spellings.set(fold(native + pool.feminine.ending[0]), latin + pool.feminine.ending[1])
  }
  return spellings
}

/** Up to `count` contacts of one script, spread over the seed. */
function sample(contacts: readonly Contact[], script: Script, count: number, test: (c: Contact) => boolean = () => true): Contact[] {
  const of = contacts.filter((c) => c.name && scriptOf(c.name) === script && test(c))
  const step = Math.max(1, Math.floor(of.length / count))
  return of.filter((_, i) => i % step === 0).slice(0, count)
}

const MARK = /\p{M}/u

export function scriptQueries(contacts: readonly Contact[]): ScriptQuery[] {
  const queries: ScriptQuery[] = []
  const add = (contact: Contact, text: string, script: Script, what: string, latinFirst?: boolean) =>
    queries.push({ text, script, case: what, expectId: contact.id, ...(latinFirst ? { latinFirst } : {}) })
  const scripts: Script[] = ['Latin', 'Cyrillic', 'Greek', 'Arabic', 'Chinese', 'Japanese', 'Korean', 'Thai', 'Devanagari']
  for (const script of scripts) for (const contact of sample(contacts, script, 3)) add(contact, contact.name, script, 'whole name')

  // Chinese and Korean write family + given name as one word: the given name (all but the first character) finds it.
  for (const script of ['Chinese', 'Korean'] as const) {
    for (const contact of sample(contacts, script, 6)) add(contact, [...contact.name].slice(1).join(''), script, 'given name inside')
  }
  for (const contact of sample(contacts, 'Japanese', 4)) add(contact, contact.name.replace(/\s+/g, ''), 'Japanese', 'typed without the space')
  // Thai: the end of the family name, starting at a letter (never at a vowel sign).
  for (const contact of sample(contacts, 'Thai', 6)) {
    const last = [...(contact.name.split(' ').at(-1) ?? '')]
    let at = Math.floor(last.length / 2)
    while (at < last.length - 1 && MARK.test(last[at])) at++
    add(contact, last.slice(at).join(''), 'Thai', 'family name inside')
  }
  // Apostrophes and hyphens, typed joined, split and as written.
  for (const contact of sample(contacts, 'Latin', 4, (c) => /['-]/.test(c.name))) {
    const words = contact.name.split(' ')
    const joined = words.map((w) => w.replace(/['-]/g, '')).join(' ')
    const split = words.map((w) => w.replace(/['-]/g, ' ')).join(' ')
    for (const text of [joined, split, contact.name.toLowerCase()]) add(contact, text, 'Latin', 'apostrophe or hyphen joined/split')
  }
  // Cyrillic and Greek names by their Latin spelling: the family name alone (ranked below Latin names), then the whole name.
  const spellings = latinSpellings()
  for (const script of ['Cyrillic', 'Greek'] as const) {
    for (const contact of sample(contacts, script, 6)) {
      const latin = wordsOf(contact.name).map((w) => spellings.get(w) ?? w)
      add(contact, latin.at(-1) ?? '', script, 'Latin spelling', true)
      add(contact, latin.join(' '), script, 'Latin spelling')
    }
  }
  return queries
}
