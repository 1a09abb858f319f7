// Why a contact matched through its notes: a short piece of the newest note holding a searched word, the words marked.
import type { Note } from '../../../shared/contact'
import { fold } from './fold'
import { NOTE_WORD_MIN } from './row-match'

export interface NoteExcerpt {
  noteId: number
  /** A piece of the note around its first match, on one line; `…` where the note was cut. */
  text: string
  /** [start, end) of each matched word in `text`, in order. */
  marks: [number, number][]
}

/** A word as the index splits them (fold.ts wordsOf): letters, marks and digits. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu
const ELLIPSIS = '…'
/** Characters kept before the first match, so the word is seen in its sentence. */
const LEAD = 30

/**
 * The excerpt of the newest note with a word starting with one of `words` (folded; a word shorter
 * than NOTE_WORD_MIN must match whole, as search takes it), at most about `width` characters;
 * null when no note has one.
 */
export function noteExcerpt(notes: readonly Note[], words: readonly string[], width = 90): NoteExcerpt | null {
  if (words.length === 0) return null
  const newestFirst = [...notes].sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? '') || b.id - a.id)
  for (const note of newestFirst) {
    const text = note.content.replace(/\s+/g, ' ').trim()
    const marks = matchedWords(text, words)
    if (marks.length > 0) return cut(note.id, text, marks, width)
  }
  return null
}

function matchedWords(text: string, words: readonly string[]): [number, number][] {
  const marks: [number, number][] = []
  for (const found of text.matchAll(WORD)) {
    const folded = fold(found[0])
    if (words.some((word) => (word.length >= NOTE_WORD_MIN ? folded.startsWith(word) : folded === word))) marks.push([found.index, found.index + found[0].length])
  }
  return marks
}

/** Cuts at spaces where it can, so no word shows half. */
function cut(noteId: number, text: string, marks: [number, number][], width: number): NoteExcerpt {
  let start = Math.max(0, marks[0][0] - LEAD)
  if (start > 0) {
    const space = text.indexOf(' ', start)
    start = space >= 0 && space < marks[0][0] ? space + 1 : marks[0][0]
  }
  let end = Math.min(text.length, Math.max(start + width, marks[0][1]))
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end)
    if (space > marks[0][1]) end = space
  }
  const before = start > 0 ? ELLIPSIS : ''
  const shift = before.length - start
  return {
    noteId,
    text: before + text.slice(start, end) + (end < text.length ? ELLIPSIS : ''),
    marks: marks.filter(([from, to]) => from >= start && to <= end).map(([from, to]) => [from + shift, to + shift]),
  }
}
