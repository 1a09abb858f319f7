// Which commands the palette lists for what was typed: every word must start a word of the title.
import type { Command } from './key-commands'

export function filterCommands(commands: readonly Command[], query: string): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return commands.slice()
  return commands.filter((command) => {
    const titleWords = command.title.toLowerCase().split(/[\s/]+/)
    return words.every((word) => titleWords.some((titleWord) => titleWord.startsWith(word)))
  })
}
