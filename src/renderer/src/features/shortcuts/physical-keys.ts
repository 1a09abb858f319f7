// The physical keys of a keyboard (`event.code`) and the character each types on the US layout the keymap is written for.

/** `event.code` of the punctuation keys -> [unshifted, shifted] on a US layout. */
const PUNCTUATION: Readonly<Record<string, readonly [string, string]>> = {
  Slash: ['/', '?'],
  Period: ['.', '>'],
  Comma: [',', '<'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  Backquote: ['`', '~'],
}

const DIGIT_SHIFTED = ')!@#$%^&*('

/**
 * What the key at `code` types on a US layout ('KeyJ' -> 'j', Shift+'Slash' -> '?'), or null for
 * keys that are not characters (arrows, Enter) or unknown codes.
 */
export function usKeyOf(code: string | undefined, shift: boolean): string | null {
  if (!code) return null
  const letter = /^Key([A-Z])$/.exec(code)
  if (letter) return shift ? letter[1] : letter[1].toLowerCase()
  const digit = /^Digit([0-9])$/.exec(code)
  if (digit) return shift ? DIGIT_SHIFTED[Number(digit[1])] : digit[1]
  const punctuation = PUNCTUATION[code]
  return punctuation ? punctuation[shift ? 1 : 0] : null
}

/** The physical key that types `key` on a US layout, unshifted ('j' -> 'KeyJ', '/' -> 'Slash'), or null. */
export function codeOfUsKey(key: string): string | null {
  if (/^[a-z]$/i.test(key)) return `Key${key.toUpperCase()}`
  if (/^[0-9]$/.test(key)) return `Digit${key}`
  for (const [code, [plain]] of Object.entries(PUNCTUATION)) if (plain === key) return code
  return null
}

/** No ASCII (named keys like "ArrowDown" are ASCII words) and no Latin letter; a short run (Arabic Shift+T types "لإ"). */
const NON_LATIN_TEXT = /^[^\p{ASCII}\p{Script=Latin}]{1,4}$/u

/**
 * True for what a key of another script than Latin types (о, λ, ت, ש, ؟, لإ): the keymap's keys
 * are Latin, so for these the key's place on the keyboard says which shortcut was meant. Latin
 * letters (é, ö, ß) and ASCII are what the user's layout really types: they count as typed.
 */
export function isNonLatinCharacter(key: string): boolean {
  return NON_LATIN_TEXT.test(key)
}
