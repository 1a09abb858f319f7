import { describe, expect, it } from 'vitest'
import { NoteWords } from './note-words'

const wordsOf = (notes: NoteWords, contactId: number) => notes.textOf(contactId).trim().split(' ').filter(Boolean).sort()

describe('note words', () => {
  it('keeps each contact’s distinct folded words, replaced when its notes change', () => {
    const notes = new NoteWords()
    notes.set(1, ['Price list', 'PRICE again'])
    notes.set(2, ['Préis'])
    expect(wordsOf(notes, 1)).toEqual(['again', 'list', 'price'])
    expect(wordsOf(notes, 2)).toEqual(['preis'])
    notes.set(1, ['Only this'])
    expect(wordsOf(notes, 1)).toEqual(['only', 'this'])
    notes.set(2, [])
    expect(notes.has(2)).toBe(false)
    expect(notes.contacts).toBe(1)
  })

  it('keeps every contact right while its pool grows and drops runs it no longer uses', () => {
    const notes = new NoteWords()
    for (let round = 0; round < 3; round++) {
      for (let id = 0; id < 2000; id++) notes.set(id, [`word${id} round${round} shared`])
    }
    notes.trim()
    for (const id of [0, 999, 1999]) expect(wordsOf(notes, id)).toEqual(['round2', 'shared', `word${id}`])
    // Runs left behind by the changes are gone: the pool holds what the contacts hold.
    expect(notes.pool.length).toBeLessThanOrEqual(Math.max(1024, 2000 * 3))
    expect(notes.countOf(5)).toBe(3)
    expect(notes.offsetOf(12345)).toBe(-1)
  })
})
