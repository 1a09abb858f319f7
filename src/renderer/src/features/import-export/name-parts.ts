// Joins name parts (given, middle, family…) into the one name the API stores, family name first and unspaced for Chinese, Japanese and Korean names.

export interface NameParts {
  prefix?: string
  given?: string
  middle?: string
  family?: string
  suffix?: string
}

/** Han, kana and Hangul: names written family name first, without a space (王小明, 山田太郎, 김민준). */
const EAST_ASIAN = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\s]+$/u

export function joinNameParts(parts: NameParts): string {
  const given = [parts.given, parts.middle].map((p) => p?.trim()).filter(Boolean).join(' ')
  const family = parts.family?.trim() ?? ''
  if (given && family && EAST_ASIAN.test(given + family)) return [parts.prefix, family + given, parts.suffix].map((p) => p?.trim()).filter(Boolean).join(' ')
  return [parts.prefix, given, family, parts.suffix].map((p) => p?.trim()).filter(Boolean).join(' ')
}
