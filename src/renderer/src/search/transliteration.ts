// Cyrillic and Greek names spelled in Latin letters, reduced to a skeleton that the usual spellings share (ivan, dmitry/dmitriy -> Дмитрий).

/** Folded Cyrillic (й is и, ё is е after fold) -> Latin, as passports and people mostly write it. */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y',
  ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', є: 'ye', ґ: 'g', ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ў: 'u',
}

/** Greek letter pairs read as one sound, before the single letters. */
const GREEK_PAIRS: Readonly<Record<string, string>> = {
  ου: 'ou', αυ: 'av', ευ: 'ev', γγ: 'ng', γκ: 'gk', γξ: 'nx', γχ: 'nch', μπ: 'mp', ντ: 'nt', τσ: 'ts', τζ: 'tz',
}

/** Folded Greek (no tonos, lower case) -> Latin. */
const GREEK: Readonly<Record<string, string>> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x',
  ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
}

const CYRILLIC_OR_GREEK = /[\u0370-\u03ff\u0400-\u04ff]/
const LATIN_WORD = /^[a-z]+$/

/** True when a folded word has Cyrillic or Greek letters: it gets a Latin skeleton in the index. */
export function isCyrillicOrGreek(word: string): boolean {
  return CYRILLIC_OR_GREEK.test(word)
}

/** A folded Cyrillic or Greek word in Latin letters (Петров -> petrov, Γιώργος -> giorgos); letters of other scripts are kept. */
export function toLatin(word: string): string {
  let out = ''
  for (let i = 0; i < word.length; i++) {
    const pair = GREEK_PAIRS[word.slice(i, i + 2)]
    if (pair !== undefined) {
      out += pair
      i++
      continue
    }
    const char = word[i]
    out += CYRILLIC[char] ?? GREEK[char] ?? char
  }
  return out
}

/**
 * What spellings of one name share: ph is f, x is ks, h is dropped (kh, zh, sh, ch, th spell one
 * letter), y and j are i, w is v, q is k, doubled letters are one, and a leading "ye" is "e".
 * So dmitry, dmitriy and dmitrii all read "dmitri", yulia and julia "iulia", alexey "aleksei".
 */
export function latinSkeleton(latin: string): string {
  const simple = latin.replace(/ph/g, 'f').replace(/x/g, 'ks').replace(/h/g, '').replace(/[yj]/g, 'i').replace(/w/g, 'v').replace(/q/g, 'k')
  return simple.replace(/(.)\1+/g, '$1').replace(/^ie/, 'e')
}

/** The skeleton a typed Latin word is looked up by, or null when it is not a plain Latin word of 2+ letters. */
export function typedSkeleton(word: string): string | null {
  if (word.length < 2 || !LATIN_WORD.test(word)) return null
  const skeleton = latinSkeleton(word)
  return skeleton === '' ? null : skeleton
}
