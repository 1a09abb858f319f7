// The words of every contact's notes, kept compact: one dictionary of folded words, and per contact the ids of its distinct words.
import { wordsOf } from './fold'

/**
 * Why ids, not text: 100k contacts with 3 notes each hold ~45 distinct words apiece. As word
 * ids in one Int32Array per contact they take ~20 MB, and the postings can be rebuilt for a
 * new row order without reading or splitting a note again. The note text itself is never
 * kept: the excerpt of a shown row is read from the mirror when needed.
 */
export class NoteWords {
  private ids = new Map<string, number>()
  private words: string[] = []
  private byContact = new Map<number, Int32Array>()

  /** How many contacts have note words. */
  get contacts(): number {
    return this.byContact.size
  }

  /** Every word ever seen, by id (ids of words no note holds any more stay: harmless, never matched). */
  get dictionary(): readonly string[] {
    return this.words
  }

  /** Replaces a contact's note words with those of `contents` (its notes now); none forgets the contact. */
  set(contactId: number, contents: readonly string[]): void {
    const found = new Set<number>()
    for (const content of contents) for (const word of wordsOf(content)) found.add(this.idOf(word))
    if (found.size === 0) this.byContact.delete(contactId)
    else this.byContact.set(contactId, Int32Array.from(found).sort())
  }

  delete(contactId: number): void {
    this.byContact.delete(contactId)
  }

  clear(): void {
    this.byContact.clear()
  }

  /** The word ids of a contact's notes, ascending; undefined when it has none. */
  wordIdsOf(contactId: number): Int32Array | undefined {
    return this.byContact.get(contactId)
  }

  /** ` word word … ` of a contact's notes (`text.includes(' ' + w)` is a prefix match), or '' without notes. */
  textOf(contactId: number): string {
    const ids = this.byContact.get(contactId)
    if (!ids) return ''
    let text = ' '
    for (const id of ids) text += this.words[id] + ' '
    return text
  }

  private idOf(word: string): number {
    let id = this.ids.get(word)
    if (id === undefined) {
      id = this.words.length
      this.ids.set(word, id)
      this.words.push(word)
    }
    return id
  }
}
