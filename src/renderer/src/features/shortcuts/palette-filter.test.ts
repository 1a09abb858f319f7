import { describe, expect, it } from 'vitest'
import { COMMANDS } from './key-commands'
import { filterCommands } from './palette-filter'

const titles = (query: string) => filterCommands(COMMANDS, query).map((command) => command.title)

describe('palette filter', () => {
  it('lists every command for an empty query', () => {
    expect(filterCommands(COMMANDS, '  ')).toHaveLength(COMMANDS.length)
  })

  it('matches word prefixes, every typed word, in any case', () => {
    expect(titles('tag')).toEqual(['Add tags', 'Remove tags'])
    expect(titles('REM tag')).toEqual(['Remove tags'])
    expect(titles('seg')).toEqual(['Add to segment'])
    expect(titles('zzz')).toEqual([])
  })
})
