import { describe, expect, it } from 'vitest'
import { jsonStringBytes } from '../../../../shared/json-weight'
import { exportChunks, piecesOf } from './export-chunks'

const wellFormed = (piece: string) => new TextDecoder().decode(new TextEncoder().encode(piece)) === piece

describe('piecesOf', () => {
  it('never cuts a character in two, and each piece fits as JSON', () => {
    const text = 'a😀"\n'.repeat(10)
    for (const max of [6, 7, 8, 9, 13]) {
      const pieces = piecesOf(text, max)
      expect(pieces.join('')).toBe(text)
      expect(pieces.every((piece) => jsonStringBytes(piece) <= max && wellFormed(piece))).toBe(true)
    }
  })

  it('fills each piece but the last', () => {
    const pieces = piecesOf('x'.repeat(25), 12)
    expect(pieces.map((piece) => piece.length)).toEqual([10, 10, 5])
    expect(piecesOf('', 12)).toEqual([])
  })
})

describe('exportChunks', () => {
  const slices = Array.from({ length: 7 }, (_, i) => ({ text: `${'é'.repeat(30)}${i}\r\n`, written: (i + 1) * 10 }))
  const whole = slices.map((slice) => slice.text).join('')

  it('joins whole slices while they fit, each chunk counting the contacts of the slices in it', () => {
    // 65 bytes a slice as JSON (2 quotes aside): 3 slices fit in 200, a fourth does not.
    const chunks = [...exportChunks(slices, 200)]
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(whole)
    expect(chunks.map((chunk) => chunk.written)).toEqual([30, 60, 70])
    expect(chunks.every((chunk) => jsonStringBytes(chunk.text) <= 200)).toBe(true)
  })

  it('cuts a slice too heavy for one chunk, never inside a character', () => {
    const chunks = [...exportChunks(slices, 40)]
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(whole)
    expect(chunks.every((chunk) => jsonStringBytes(chunk.text) <= 40 && wellFormed(chunk.text))).toBe(true)
    expect(chunks.map((chunk) => chunk.written)).toEqual(chunks.map((chunk) => chunk.written).sort((a, b) => a - b))
    expect(chunks.at(-1)!.written).toBe(70)
  })

  it('sends a small export as one chunk, and an empty one as none', () => {
    expect([...exportChunks(slices.slice(0, 2))]).toEqual([{ text: slices[0]!.text + slices[1]!.text, written: 20 }])
    expect([...exportChunks([{ text: '', written: 0 }])]).toEqual([])
  })
})
