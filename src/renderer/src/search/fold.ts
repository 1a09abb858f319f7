// Case- and accent-folding of text into search words, so `jose` finds José and `zoe` finds Zoë.

const MARKS = /\p{M}+/gu
const SEPARATORS = /[^\p{L}\p{N}]+/u
/** Letters that NFD does not split into a base letter and a mark. */
const LIGATURES: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', ı: 'i', þ: 'th' }
const LIGATURE_RE = /[ßæœøđłıþ]/g

export function fold(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(LIGATURE_RE, (c) => LIGATURES[c] ?? c)
}

/** Folded words of a text; any run of non-letters and non-digits separates words. */
export function wordsOf(text: string | null | undefined): string[] {
  if (!text) return []
  return fold(text).split(SEPARATORS).filter(Boolean)
}

export function digitsOf(text: string | null | undefined): string {
  return text ? text.replace(/\D+/g, '') : ''
}
