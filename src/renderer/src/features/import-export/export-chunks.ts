// Cuts an export's text into the chunks main takes (each at most EXPORT_CHUNK_BYTES as JSON), never inside a character.
import { EXPORT_CHUNK_BYTES } from '../../../../shared/contract'
import { charBytes, jsonStringBytes } from '../../../../shared/json-weight'
import type { ExportSlice } from './export-slices'

/**
 * The chunk the worker aims at: half of what main takes. In the browser host each chunk costs the
 * window one fetch of its body (~25 ms for 480 kB at a load of 6 on 2 cores, twice that for the
 * whole 960 kB), so the window keeps getting turns, while the calls stay few.
 */
export const EXPORT_CHUNK_TARGET = EXPORT_CHUNK_BYTES / 2

/** A chunk for `export.write`, and how many contacts the file holds once it is written. */
export interface ExportChunk {
  text: string
  written: number
}

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff

/** Pieces of `text`, each weighing at most `max` bytes as a JSON string, never cutting a surrogate pair (each piece is encoded on its own). */
export function piecesOf(text: string, max: number = EXPORT_CHUNK_BYTES): string[] {
  const pieces: string[] = []
  let start = 0
  let bytes = 2
  for (let i = 0; i < text.length; i++) {
    const pair = isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))
    const add = pair ? 4 : charBytes(text, i)
    if (bytes + add > max && i > start) {
      pieces.push(text.slice(start, i))
      start = i
      bytes = 2
    }
    bytes += add
    if (pair) i++
  }
  if (start < text.length) pieces.push(text.slice(start))
  return pieces
}

/**
 * The slices' text in chunks of about `max` as JSON: few calls, each costing ~10 ms however small.
 * Whole slices are joined while they fit (each weighed once), so a chunk counts the contacts of the
 * slices it ends with; only a slice too heavy on its own is cut.
 */
export function* exportChunks(slices: Iterable<ExportSlice>, max: number = EXPORT_CHUNK_TARGET): Generator<ExportChunk> {
  let pending: string[] = []
  let bytes = 2
  let written = 0
  for (const slice of slices) {
    const weight = jsonStringBytes(slice.text) - 2
    if (pending.length && bytes + weight > max) {
      yield { text: pending.join(''), written }
      pending = []
      bytes = 2
    }
    if (2 + weight > max) {
      const pieces = piecesOf(slice.text, max)
      const last = pieces.pop() ?? ''
      for (const text of pieces) yield { text, written }
      pending = [last]
      bytes = jsonStringBytes(last)
    } else {
      pending.push(slice.text)
      bytes += weight
    }
    written = slice.written
  }
  if (bytes > 2) yield { text: pending.join(''), written }
}
