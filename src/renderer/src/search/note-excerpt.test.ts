import { describe, expect, it } from 'vitest'
import { noteExcerpt, type NoteExcerpt } from './note-excerpt'

/** The excerpt with its marked words in [brackets], to read at a glance. */
function marked(excerpt: NoteExcerpt | null): string | null {
  if (!excerpt) return null
  let text = excerpt.text
  for (const [from, to] of [...excerpt.marks].reverse()) text = `${text.slice(0, from)}[${text.slice(from, to)}]${text.slice(to)}`
  return text
}

describe('note excerpt', () => {
  it('marks every word starting with a searched word, folded, on one line', () => {
    const notes = [{ id: 1, content: 'Préis zu hoch.\nPrice list sent; PRICES agreed', created_at: '2026-01-01T00:00:00Z' }]
    expect(marked(noteExcerpt(notes, ['price', 'preis']))).toBe('[Préis] zu hoch. [Price] list sent; [PRICES] agreed')
  })

  it('marks a word of one or two letters only where it stands whole', () => {
    expect(marked(noteExcerpt([{ id: 1, content: 'Okay, UK office ok' }], ['ok']))).toBe('Okay, UK office [ok]')
  })

  it('takes the newest note that matches', () => {
    const notes = [
      { id: 1, content: 'old price talk', created_at: '2026-01-01T00:00:00.000000Z' },
      { id: 2, content: 'new price talk', created_at: '2026-03-01T00:00:00.000000Z' },
      { id: 3, content: 'newest, about something else', created_at: '2026-04-01T00:00:00.000000Z' },
    ]
    expect(noteExcerpt(notes, ['price'])?.noteId).toBe(2)
    expect(noteExcerpt(notes, ['nothing'])).toBeNull()
    expect(noteExcerpt(notes, [])).toBeNull()
  })

  it('cuts a long note around its first match, at spaces', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`)
    words[20] = 'discount'
    const excerpt = noteExcerpt([{ id: 7, content: words.join(' ') }], ['disc'], 60)!
    expect(marked(excerpt)).toBe('…word16 word17 word18 word19 [discount] word21 word22 word23…')
    expect(excerpt.text.startsWith('…word16')).toBe(true)
  })
})
