// Which commands the palette lists for what was typed: every typed word must start a word of one of the command's
// titles (the app's language, and English), in any case and with or without accents.
import type { Command } from './key-commands'

/** Lower case, accents dropped ("Löschen" → "loschen"), split at anything not a letter or digit ("E-Mail" → e, mail). */
const wordsOf = (text: string): string[] =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)

/** `titlesOf` gives a command's titles as the user may know them: the app's language first, then English. */
export function filterCommands(commands: readonly Command[], query: string, titlesOf: (command: Command) => readonly string[]): Command[] {
  const words = wordsOf(query)
  if (words.length === 0) return commands.slice()
  return commands.filter((command) =>
    titlesOf(command).some((title) => {
      const titleWords = wordsOf(title)
      return words.every((word) => titleWords.some((titleWord) => titleWord.startsWith(word)))
    }),
  )
}
