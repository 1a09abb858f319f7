import { describe, expect, it } from 'vitest'
import { marked, markedParts } from './marked-text'

describe('marked text', () => {
  it('splits a formatted message into its words and its marked values, in the language’s order', () => {
    expect(markedParts(`Signed in to ${marked('host', 'a.example')} with the key ${marked('key', 'sk…12')}.`)).toEqual([
      { text: 'Signed in to ', mark: null },
      { text: 'a.example', mark: 'host' },
      { text: ' with the key ', mark: null },
      { text: 'sk…12', mark: 'key' },
      { text: '.', mark: null },
    ])
    expect(markedParts(`${marked('key', 'k')} ${marked('host', 'h')}`).map((part) => part.mark)).toEqual(['key', null, 'host'])
  })
})
