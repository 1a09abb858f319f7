import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createExportFiles, MAX_CHUNKS_AHEAD, MAX_OPEN_EXPORTS, safeFileName, type ExportFiles } from './export-files'

let dir: string
let files: ExportFiles
let asked: string[]
let answer: (name: string) => string | null
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'skylight-export-'))
  asked = []
  answer = (name) => join(dir, name)
  let n = 0
  files = createExportFiles({
    choosePath: async (name) => {
      asked.push(name)
      return answer(name)
    },
    newId: () => `export-${String(++n).padStart(4, '0')}`,
  })
})
afterEach(async () => {
  await files.dispose()
  await rm(dir, { recursive: true, force: true })
})

const opened = async (name = 'contacts.csv', format: 'csv' | 'vcard' = 'csv') => {
  const result = await files.open(name, format)
  if (!result.ok || !result.data) throw new Error('not opened')
  return result.data.id
}

describe('export files', () => {
  it('writes the chunks in order beside the file, and puts it in place when finished', async () => {
    const id = await opened()
    const writes = [files.write(id, 0, '\ufeffName,Phone\r\n'), files.write(id, 1, 'Zoë,"+4917112345678"\r\n'), files.write(id, 2, 'Анна,\r\n')]
    expect(await Promise.all(writes)).toEqual([{ ok: true, data: null }, { ok: true, data: null }, { ok: true, data: null }])
    expect(await readdir(dir)).toEqual(['contacts.csv.part'])
    const done = await files.finish(id)
    const text = '\ufeffName,Phone\r\nZoë,"+4917112345678"\r\nАнна,\r\n'
    expect(done).toEqual({ ok: true, data: { path: join(dir, 'contacts.csv'), bytes: Buffer.byteLength(text) } })
    expect(await readFile(join(dir, 'contacts.csv'), 'utf8')).toBe(text)
    expect(await files.write(id, 3, 'late')).toMatchObject({ ok: false, error: { kind: 'not_found' } })
  })

  it('writes chunks that came out of order in their order, answering each once it is written', async () => {
    const id = await opened()
    const answered: number[] = []
    const writes = [2, 0, 3, 1].map((at) => files.write(id, at, `${at};`).then((result) => (answered.push(at), result)))
    expect(await Promise.all(writes)).toEqual(writes.map(() => ({ ok: true, data: null })))
    expect(answered).toEqual([0, 1, 2, 3])
    expect(await files.finish(id)).toMatchObject({ ok: true, data: { bytes: 8 } })
    expect(await readFile(join(dir, 'contacts.csv'), 'utf8')).toBe('0;1;2;3;')
  })

  it('refuses a chunk twice or too far ahead, and a finish with a chunk still missing (dropping the file)', async () => {
    const id = await opened()
    await files.write(id, 0, 'a')
    expect(await files.write(id, 0, 'again')).toMatchObject({ ok: false, error: { kind: 'validation', message: 'A part of this export arrived out of order: start it again.' } })
    expect(await files.write(id, 1 + MAX_CHUNKS_AHEAD, 'far')).toMatchObject({ ok: false, error: { kind: 'validation' } })
    const held = files.write(id, 2, 'c')
    expect(await files.finish(id)).toMatchObject({ ok: false, error: { kind: 'validation' } })
    expect(await held).toMatchObject({ ok: false, error: { kind: 'not_found' } })
    expect(await readdir(dir)).toEqual([])
  })

  it('answers null when the user cancels the dialog, and opens nothing', async () => {
    answer = () => null
    expect(await files.open('contacts.vcf', 'vcard')).toEqual({ ok: true, data: null })
    expect(await readdir(dir)).toEqual([])
  })

  it('drops the unfinished file on abort and on dispose', async () => {
    const first = await opened('a.csv')
    await files.write(first, 0, 'x')
    expect(await files.abort(first)).toEqual({ ok: true, data: null })
    const second = await opened('b.vcf', 'vcard')
    await files.write(second, 0, 'BEGIN:VCARD\r\n')
    await files.dispose()
    expect(await readdir(dir)).toEqual([])
  })

  it('suggests safe names with the right extension: no folders, no characters a file system refuses', () => {
    expect(safeFileName('../../etc/passwd', 'csv')).toBe('passwd.csv')
    expect(safeFileName('C:\\Users\\x\\team: "fair"?.csv', 'csv')).toBe('team fair.csv')
    expect(safeFileName('contacts.VCF', 'vcard')).toBe('contacts.vcf')
    expect(safeFileName('...', 'vcard')).toBe('contacts.vcf')
    expect(safeFileName('leads\u0000.csv', 'csv')).toBe('leads.csv')
  })

  it('asks the dialog with the safe name, and refuses more than a few exports at once', async () => {
    await files.open('../secret/leads', 'csv')
    expect(asked).toEqual(['leads.csv'])
    for (let i = 1; i < MAX_OPEN_EXPORTS; i++) await opened(`n${i}.csv`)
    expect(await files.open('one-more.csv', 'csv')).toMatchObject({ ok: false, error: { kind: 'validation' } })
  })

  it('says which file could not be written when the folder is not there', async () => {
    answer = (name) => join(dir, 'missing', name)
    expect(await files.open('contacts.csv', 'csv')).toMatchObject({ ok: false, error: { kind: 'internal', message: 'The file contacts.csv could not be written (ENOENT).' } })
  })
})
