import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCsv, type CsvTable } from './csv-parse'
import { csvLine } from './csv-write'
import { guardCell, unguardCell } from './formula-guard'
import { importErrorText } from './import-words'
import { readOkData } from './test-support/read-ok'

const table = (input: string | string[], options: Parameters<typeof parseCsv>[1] = {}): CsvTable => readOkData(parseCsv(input, options))
const cells = (t: CsvTable) => t.records.map((r) => r.cells)

describe('parsing CSV', () => {
  it.each([
    [',', 'name,phone\nAnna,+4930123\n'],
    [';', 'name;phone\nAnna;+4930123\n'],
    ['\t', 'name\tphone\nAnna\t+4930123\n'],
    ['|', 'name|phone\nAnna|+4930123\n'],
  ])('guesses the delimiter %j', (delimiter, text) => {
    const t = table(text)
    expect(t.delimiter).toBe(delimiter)
    expect(cells(t)).toEqual([['name', 'phone'], ['Anna', '+4930123']])
  })

  it('keeps quoted delimiters, doubled quotes and newlines inside one field', () => {
    const t = table('name;note\r\n"Groß; Jürgen";"Line 1\r\nLine ""2"""\r\nAnna;x\r\n')
    expect(cells(t)).toEqual([['name', 'note'], ['Groß; Jürgen', 'Line 1\r\nLine "2"'], ['Anna', 'x']])
    expect(t.records.map((r) => r.line)).toEqual([1, 2, 3])
  })

  it('numbers records as a spreadsheet does, skipping blank ones without renumbering the rest', () => {
    const t = table('name,phone\n\nAnna,1\n,\nBen,2\n')
    expect(t.records.map((r) => [r.line, r.cells[0]])).toEqual([[1, 'name'], [3, 'Anna'], [5, 'Ben']])
  })

  it('reads a stream of chunks that cut through quoted newlines and fields, as one text', () => {
    const text = 'name,note\n"Anna","a\nb"\nBen,"c,d"\n"Chloé","e""f"\n'
    const whole = cells(table(text))
    for (let size = 1; size < text.length; size++) {
      const chunks = text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g'))!
      expect(cells(table(chunks, { delimiter: ',' }))).toEqual(whole)
    }
  })

  it('reports progress up to the whole text', () => {
    const text = 'name,phone\n' + 'Anna Example,+4930123456\n'.repeat(50_000)
    const seen: number[] = []
    table(text, { onProgress: (p) => seen.push(p.done / p.total) })
    expect(seen.length).toBeGreaterThan(1)
    expect(seen.at(-1)).toBe(1)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
  })

  it('stops at the row limit with a clear message instead of reading on', () => {
    let lastProgress = 0
    const million = 'name\n' + 'x\n'.repeat(1_000_000)
    const result = parseCsv(million, { maxRows: 1000, onProgress: (p) => (lastProgress = p.done) })
    expect(result).toEqual({ ok: false, error: { kind: 'too_many_rows', limit: 1_000 } })
    if (!result.ok) expect(importErrorText(result.error)).toContain('more than 1,000 contacts')
    expect(lastProgress).toBeLessThan(million.length / 2)
  })

  it('reports an unclosed quote with its record', () => {
    const t = table('name,note\nAnna,"never closed\nBen,x\n')
    expect(t.problems).toEqual([expect.objectContaining({ line: 2 })])
  })
})

// Any string, including quotes, delimiters, CR/LF, formula characters, and text in every script.
const anyCell = fc.string({ unit: fc.oneof(fc.constantFrom('"', ',', ';', '\t', '\r', '\n', '=', '+', '-', '@', "'", ' ', '|'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 20 })

describe('CSV written by our export reads back exactly', () => {
  it('for any cells (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(anyCell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }), fc.constantFrom(',' as const, ';' as const), (rows, delimiter) => {
        // A header row of plain words, as every export has, so the delimiter can be guessed.
        const text = csvLine(['a', 'b', 'c'], delimiter) + rows.map((row) => csvLine(row, delimiter)).join('')
        const back = table(text)
        const data = back.records.slice(1).map((r) => r.cells.map(unguardCell))
        // Rows blank in the file are skipped by design (a guarded "\r" is "'\r" there, so not blank).
        expect(data).toEqual(rows.filter((row) => row.some((cell) => guardCell(cell).trim() !== '')))
        expect(back.delimiter).toBe(delimiter)
      }),
      { numRuns: 500 },
    )
  })
})
