// Notes for the benchmark, made on the page: 1 to 5 per contact (3 on average), a CRM's everyday words with a long tail of rare ones.

import { mulberry32 } from '../../src/sandbox/prng'

/** Words a sales rep writes every day: most of every note. */
const COMMON = (
  'called asked about price list quote quotation invoice sent paid discount offer order delivery warehouse shipment ' +
  'meeting monday tuesday wednesday thursday friday next week month quarter spring summer autumn winter fair trade ' +
  'interested wants needs budget approved pending follow up later again email phone whatsapp visit office store ' +
  'customer client partner supplier contract renewal trial demo product plan pro basic premium upgrade downgrade ' +
  'support ticket issue problem solved returned refund complaint happy unhappy feedback review sample catalogue ' +
  'brochure samples colour size model stock available delayed urgent reminder callback voicemail left message ' +
  'manager director owner buyer assistant team prefers morning afternoon evening language spanish german french ' +
  'the a an and or for with to of in on at from by about after before this that it is was will not very'
).split(' ')
/** Rare words (names of products, places, people): a fifth of the words, each seldom used. */
const RARE_WORDS = 40_000
const SYLLABLES = 'ka lo mi ne ru sa te vo zu bri cha dor fen gal hur jin kes lum mor nix pol quin ras sul tor vex wyn yar zel'.split(' ')
const RARE_SHARE = 0.2

function rareWord(n: number): string {
  let word = ''
  for (let rest = n + SYLLABLES.length; rest > 0; rest = Math.floor(rest / SYLLABLES.length)) word += SYLLABLES[rest % SYLLABLES.length]
  return word
}

/** The notes of every contact, by id: 1 to 5 notes each, 6 to 40 words a note. */
export function benchNotes(contactIds: readonly number[], seed = 13): Map<number, string[]> {
  const next = mulberry32(seed)
  const pick = (): string => (next() < RARE_SHARE ? rareWord(Math.floor(next() * RARE_WORDS)) : COMMON[Math.floor(next() * COMMON.length)])
  const notes = new Map<number, string[]>()
  for (const id of contactIds) {
    const count = 1 + Math.floor(next() * 5)
    const contents: string[] = []
    for (let n = 0; n < count; n++) {
      const words = Array.from({ length: 6 + Math.floor(next() * 35) }, pick)
      words[0] = words[0][0].toUpperCase() + words[0].slice(1)
      contents.push(words.join(' ') + '.')
    }
    notes.set(id, contents)
  }
  return notes
}

/** Note searches as a rep types them: `note:` words by prefix and whole, two of them, a plain word found only in notes, a rare word, with a name. */
export const NOTE_QUERIES: readonly string[] = [
  'note:p',
  'note:pr',
  'note:price',
  'note:warehouse',
  'note:delivery note:monday',
  'note:quot',
  `note:${rareWord(123)}`,
  'warehouse',
  'quotation',
  rareWord(4567),
  'anna note:price',
  'maria note:refund',
]
