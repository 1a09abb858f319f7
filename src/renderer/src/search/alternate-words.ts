// The other ways a name word is found: from inside (scripts written without spaces) and by its Latin spelling (Cyrillic, Greek).
import { isCyrillicOrGreek, latinSkeleton, toLatin, typedSkeleton } from './transliteration'

/**
 * Scripts that write a name without spaces between its parts: 王小明 is found by 小明, 김민수 by
 * 민수, a Thai family name by its end.
 */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u
const MARK = /\p{M}/u
/** Longer runs (a pasted sentence as a name) get no inner words: their count grows with the square. */
const INNER_MAX = 24

/** Inner words (every ending of an unspaced word) live in the index behind this mark. */
export const INNER_MARK = '*'
/** Latin skeletons of Cyrillic and Greek words live behind this mark. */
export const LATIN_MARK = '%'

/**
 * A name in these scripts written with spaces (佐藤 健) is also typed without (佐藤健): the words
 * written together, as one more name word; null for other names.
 */
export function unspacedWhole(nameWords: readonly string[]): string | null {
  return nameWords.length > 1 && nameWords.every((word) => UNSPACED.test(word)) ? nameWords.join('') : null
}

/** The alternate index words of a name's folded words: each unspaced word's endings, each Cyrillic or Greek word's Latin skeleton. */
export function alternateWords(nameWords: readonly string[]): string[] {
  const found: string[] = []
  for (const word of nameWords) {
    if (UNSPACED.test(word)) {
      const chars = [...word]
      // An ending starts at a letter, never at a vowel sign or tone mark (Thai) that belongs to the letter before it.
      if (chars.length <= INNER_MAX) for (let i = 1; i < chars.length; i++) if (!MARK.test(chars[i])) found.push(INNER_MARK + chars.slice(i).join(''))
    } else if (isCyrillicOrGreek(word)) {
      found.push(LATIN_MARK + latinSkeleton(toLatin(word)))
    }
  }
  return found
}

/** The alternate prefixes a typed word is also looked up by: its inner words, or the skeleton of a Latin spelling. */
export function alternateKeys(word: string): string[] {
  if (UNSPACED.test(word)) return [INNER_MARK + word]
  const skeleton = typedSkeleton(word)
  return skeleton === null ? [] : [LATIN_MARK + skeleton]
}
