import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { jsonStringBytes } from './json-weight'

const weighed = (text: string): number => Buffer.byteLength(JSON.stringify(text), 'utf8')

describe('jsonStringBytes', () => {
  it.each([
    ['', 2],
    ['Ada Lovelace', 14],
    ['"quoted"\\', 2 + 2 + 6 + 2 + 2],
    ['a\r\n\tb\u0001\u007f', 2 + 1 + 2 + 2 + 2 + 1 + 6 + 1],
    ['Zoë €', 2 + 2 + 1 + 1 + 1 + 3],
    ['😀', 2 + 4],
    ['\ud83d', 2 + 6],
    ['x\ude00\ud83d', 2 + 1 + 6 + 6],
  ])('weighs %j as JSON.stringify does', (text, bytes) => {
    expect(jsonStringBytes(text)).toBe(bytes)
    expect(weighed(text)).toBe(bytes)
  })

  it('matches the UTF-8 length of JSON.stringify for any string, lone surrogates and controls included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => jsonStringBytes(text) === weighed(text)), { numRuns: 2000 })
  })
})
