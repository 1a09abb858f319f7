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

  it('joins the slices into full chunks, counting the contacts of the slices each completes', () => {
    const chunks = [...exportChunks(slices, 100)]
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(slices.map((slice) => slice.text).join(''))
    expect(chunks.every((chunk) => jsonStringBytes(chunk.text) <= 100)).toBe(true)
    // 65 bytes a slice as JSON: 7 slices are 455 bytes, in 5 chunks of at most 100.
    expect(chunks).toHaveLength(5)
    expect(chunks.map((chunk) => chunk.written)).toEqual([10, 30, 40, 60, 70])
  })

  it('sends a small export as one chunk', () => {
    expect([...exportChunks(slices.slice(0, 2))]).toEqual([{ text: slices[0]!.text + slices[1]!.text, written: 20 }])
  })
})
