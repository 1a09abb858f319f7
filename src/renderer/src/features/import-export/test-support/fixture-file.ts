// For tests: the bytes of a fixture file, and a fixture read all the way to preview rows.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { CandidateOptions } from '../candidate'
import { buildPreview, type ImportPreview } from '../import-preview'
import { indexContacts } from '../match-index'
import { readImportFile, recordsOf, type ParsedFile } from '../read-import-file'
import type { ContactRow } from '../../../../../shared/contact'
import { readOkData } from './read-ok'

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))))
}

export function readFixture(name: string): ParsedFile {
  return readOkData(readImportFile(fixtureBytes(name)))
}

export const OPTIONS: CandidateOptions = { defaultCountry: 'DE', defaultChannel: 'whatsapp', importTag: 'import-2026-03-04' }

export function previewFixture(name: string, options: Partial<CandidateOptions> = {}, existing: ContactRow[] = []): ImportPreview {
  return buildPreview(recordsOf(readFixture(name)), { ...OPTIONS, ...options }, indexContacts(existing))
}
