// The words of every contact's notes, kept compact: one dictionary of folded words, and per contact the ids of its distinct words, all in one array.
import { wordsOf } from './fold'

/**
 * Why ids in one pool, not text: 100k contacts with 3 notes each hold ~45 distinct words apiece:
 * as word ids in one Int32Array they take ~18 MB in one object (100k small arrays made every
 * major garbage collection of the worker slower), and the postings can be rebuilt for a new row
 * order without reading or splitting a note again. The note text itself is never kept: the
 * excerpt of a shown row is read from the mirror when needed.
 */
export class NoteWords {
  private ids = new Map<string, number>()
  private words: string[] = []
  /** Every contact's word ids, one run per contact, ascending within it; a changed contact's old run is left unused until the pool is compacted. */
  private runs = new Int32Array(1024)
  private used = 0
  private unused = 0
  /** Contact id -> its slot (a small integer: Map values stay unboxed); a slot's run is `starts[slot]`, `counts[slot]`. */
  private slots = new Map<number, number>()
  private starts = new Int32Array(1024)
  private counts = new Int32Array(1024)
  private freeSlots: number[] = []
  private nextSlot = 0

  /** How many contacts have note words. */
  get contacts(): number {
    return this.slots.size
  }

  /** Every word ever seen, by id (ids of words no note holds any more stay: harmless, never matched). */
  get dictionary(): readonly string[] {
    return this.words
  }

  /** The runs of word ids: a contact's are `pool[offsetOf(id) .. offsetOf(id) + countOf(id))`. */
  get pool(): Int32Array {
    return this.runs
  }

  /** Replaces a contact's note words with those of `contents` (its notes now); none forgets the contact. */
  set(contactId: number, contents: readonly string[]): void {
    const found = new Set<number>()
    for (const content of contents) for (const word of wordsOf(content)) found.add(this.idOf(word))
    this.delete(contactId)
    if (found.size === 0) return
    this.reserve(found.size)
    let at = this.used
    for (const id of found) this.runs[at++] = id
    this.runs.subarray(this.used, at).sort()
    const slot = this.takeSlot()
    this.slots.set(contactId, slot)
    this.starts[slot] = this.used
    this.counts[slot] = found.size
    this.used = at
  }

  delete(contactId: number): void {
    const slot = this.slots.get(contactId)
    if (slot === undefined) return
    this.unused += this.counts[slot]
    this.slots.delete(contactId)
    this.freeSlots.push(slot)
  }

  clear(): void {
    this.slots.clear()
    this.freeSlots = []
    this.nextSlot = 0
    this.used = 0
    this.unused = 0
  }

  has(contactId: number): boolean {
    return this.slots.has(contactId)
  }

  /** Where a contact's word ids start in `pool` (-1 without notes), and how many there are. */
  offsetOf(contactId: number): number {
    const slot = this.slots.get(contactId)
    return slot === undefined ? -1 : this.starts[slot]
  }

  countOf(contactId: number): number {
    const slot = this.slots.get(contactId)
    return slot === undefined ? 0 : this.counts[slot]
  }

  /** ` word word … ` of a contact's notes (`text.includes(' ' + w)` is a prefix match), or '' without notes. */
  textOf(contactId: number): string {
    const from = this.offsetOf(contactId)
    if (from < 0) return ''
    let text = ' '
    for (let at = from, end = from + this.countOf(contactId); at < end; at++) text += this.words[this.runs[at]] + ' '
    return text
  }

  /** Gives back the room a bulk read left over (the pool grows by doubling). */
  trim(): void {
    this.compact(this.used - this.unused)
  }

  /** Room for `count` more ids: runs left unused are dropped first when they are half the pool, else the pool doubles. */
  private reserve(count: number): void {
    if (this.used + count <= this.runs.length) return
    const live = this.used - this.unused
    this.compact(this.unused > live ? live + count : Math.max(2 * this.runs.length, live + count))
  }

  private takeSlot(): number {
    const free = this.freeSlots.pop()
    if (free !== undefined) return free
    if (this.nextSlot === this.starts.length) {
      const starts = new Int32Array(2 * this.starts.length)
      const counts = new Int32Array(2 * this.counts.length)
      starts.set(this.starts)
      counts.set(this.counts)
      this.starts = starts
      this.counts = counts
    }
    return this.nextSlot++
  }

  /** Copies the live runs, in contact order, into a pool of `size` (at least what they hold). */
  private compact(size: number): void {
    const runs = new Int32Array(Math.max(size, 1024))
    let at = 0
    for (const slot of this.slots.values()) {
      const from = this.starts[slot]
      const count = this.counts[slot]
      runs.set(this.runs.subarray(from, from + count), at)
      this.starts[slot] = at
      at += count
    }
    this.runs = runs
    this.used = at
    this.unused = 0
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
