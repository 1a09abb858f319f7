// A note excerpt as the row shows it: runs of plain and marked text, in order.
import type { NoteExcerpt } from '../../search/search-client'

export interface ExcerptPart {
  text: string
  marked: boolean
}

export function excerptParts(excerpt: NoteExcerpt): ExcerptPart[] {
  const parts: ExcerptPart[] = []
  let at = 0
  for (const [from, to] of excerpt.marks) {
    if (from > at) parts.push({ text: excerpt.text.slice(at, from), marked: false })
    parts.push({ text: excerpt.text.slice(from, to), marked: true })
    at = to
  }
  if (at < excerpt.text.length) parts.push({ text: excerpt.text.slice(at), marked: false })
  return parts
}
