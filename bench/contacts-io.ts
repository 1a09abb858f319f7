// Issue 16's figures: the import check of a 10,000-row CSV, the export of 100k contacts to CSV and vCard, the duplicate scan.
import { loadavg } from 'node:os'
import type { Page } from 'playwright-core'
import { call, log } from './bench-page-driver'
import { treeCpuMs } from './cpu-time'
import type { Figure } from './report'

export const IMPORT_ROWS = 10_000

type Exported = { ms: number; count: number; bytes: number; longestGapMs: number; cpuMs: number }

export interface ContactsIoInfo {
  /** A plain `toArray()` of the same rows on the same page, just before: what the load costs this run. */
  toArrayMs: number
  /** Each figure over that read: less sensitive to the machine's load than the times themselves. */
  ratios: { importCheck: number; csvExport: number; vcardExport: number; duplicateScan: number }
  /** The idle page's longest stretch without a turn over 3 s, just before the exports: the load's share of their figure. */
  idleGapMs: number
  /** CPU each figure used in Chromium's processes and the host (ms): its cost, whatever else the machine runs. */
  cpuMs: { toArray: number; importCheck: number; csvExport: number; vcardExport: number; duplicateScan: number }
  loadAverage: number
}

/**
 * A trade fair's leads as a spreadsheet saves them: semicolons, first and last name, a local mobile
 * number, an email, tags and a note. One row in ten is a contact already here (its phone), one in
 * twenty has a number that cannot be read.
 */
export function leadsCsv(contacts: readonly { name: string; phone: string | null }[], rows: number): string {
  const withPhone = contacts.filter((contact) => contact.phone)
  const lines = ['Vorname;Nachname;Handy;E-Mail;Kategorien;Notiz']
  for (let i = 0; i < rows; i++) {
    if (i % 10 === 0) {
      const known = withPhone[(i * 7919) % withPhone.length]!
      lines.push(`${known.name.split(' ')[0]};${known.name.split(' ').slice(1).join(' ')};${known.phone};;messe;Came back`)
    } else if (i % 20 === 5) lines.push(`Lead;${i};12${i};lead${i}@;messe;`)
    else lines.push(`Lead;Nummer ${i};0171 ${String(2_000_000 + i).padStart(7, '0')};lead${i}@example.de;messe, 2026;Met at booth ${i % 40}`)
  }
  return lines.join('\r\n')
}

const ratioNote = (ms: number, toArrayMs: number) => `${(ms / toArrayMs).toFixed(2)}x a plain toArray() of the same rows in this run (${Math.round(toArrayMs)} ms)`
const cpuNote = (cpuMs: number) => `CPU used by the browser's processes and the host ${Math.round(cpuMs)} ms`

/** Runs a bench step and adds the CPU it used. */
async function withCpu<T extends object>(step: () => Promise<T>): Promise<T & { cpuMs: number }> {
  const before = treeCpuMs()
  const result = await step()
  return { ...result, cpuMs: treeCpuMs() - before }
}

function exportFigure(name: string, run: Exported, target: number, toArrayMs: number, idleGapMs: number): Figure {
  return {
    name,
    value: run.ms,
    unit: 'ms',
    target,
    note:
      `runExport: the export worker reads the mirror (snapshot), sorts by name and writes the text, sent in chunks of about 480,000 bytes as JSON (960,000 at most), three writes in flight, ` +
      `through the host's /rpc to main's export files; ${run.count.toLocaleString('en')} contacts, ${(run.bytes / 1024 / 1024).toFixed(1)} MB on disk, notes included; ` +
      `the page's longest stretch without a turn for other work ${run.longestGapMs.toFixed(0)} ms (${idleGapMs.toFixed(0)} ms while it did nothing for as long, just before: the load's share); ` +
      `${ratioNote(run.ms, toArrayMs)}; ${cpuNote(run.cpuMs)}`,
  }
}

/** The four figures on a signed-in bench page whose mirror holds `contacts` (the sandbox's rows). */
export async function measureContactsIo(page: Page, accountId: string, contacts: readonly { name: string; phone: string | null }[]): Promise<{ figures: Figure[]; info: ContactsIoInfo }> {
  const count = contacts.length
  const { toArrayMs, cpuMs: toArrayCpuMs } = await withCpu(() => call<{ toArrayMs: number }>(page, 'readAll', accountId))
  log(`a plain toArray() of the ${count.toLocaleString('en')} rows: ${Math.round(toArrayMs)} ms`)
  log(`import check of a ${IMPORT_ROWS.toLocaleString('en')}-row CSV against the ${count.toLocaleString('en')} contacts`)
  const csv = leadsCsv(contacts, IMPORT_ROWS)
  const importCheck = await withCpu(() => call<{ ms: number; readMs: number; rows: number; counts: Record<string, number> }>(page, 'importCheck', accountId, csv))
  log(`checked ${importCheck.rows} rows in ${Math.round(importCheck.ms)} ms (${JSON.stringify(importCheck.counts)})`)
  log(`export of ${count.toLocaleString('en')} contacts to CSV, then vCard 4.0, through the host`)
  // The same probe on the idle page for 3 s (about an export's time): how long the machine alone keeps the page from a turn.
  const idleGapMs = await call<number>(page, 'idleGap', 3000)
  const csvExport = await withCpu(() => call<Omit<Exported, 'cpuMs'>>(page, 'exportAll', accountId, 'csv'))
  const vcardExport = await withCpu(() => call<Omit<Exported, 'cpuMs'>>(page, 'exportAll', accountId, 'vcard-4.0'))
  log(`exported in ${Math.round(csvExport.ms)} ms (CSV) and ${Math.round(vcardExport.ms)} ms (vCard)`)
  log(`duplicate scan over ${count.toLocaleString('en')} contacts`)
  const scan = await withCpu(() => call<{ ms: number; scanned: number; groups: number; byReason: Record<string, number> }>(page, 'duplicateScan', accountId))
  const figures: Figure[] = [
    {
      name: `import check, ${IMPORT_ROWS.toLocaleString('en')}-row CSV vs ${count / 1000}k mirror`,
      value: importCheck.ms,
      unit: 'ms',
      target: 2000,
      note:
        `File in the page to preview: the import worker reads it (decode, parse, columns) in ${Math.round(importCheck.readMs)} ms, then maps, validates and looks every row up ` +
        `among the account's contacts it loads (snapshot); rows ${JSON.stringify(importCheck.counts)}; ${ratioNote(importCheck.ms, toArrayMs)}; ${cpuNote(importCheck.cpuMs)}`,
    },
    exportFigure(`export ${count / 1000}k contacts to CSV`, csvExport, 3000, toArrayMs, idleGapMs),
    exportFigure(`export ${count / 1000}k contacts to vCard 4.0`, vcardExport, 5000, toArrayMs, idleGapMs),
    {
      name: `duplicate scan over ${count / 1000}k`,
      value: scan.ms,
      unit: 'ms',
      target: 3000,
      note:
        `the duplicates worker loads the mirror (snapshot) and groups ${scan.scanned.toLocaleString('en')} contacts by phone, email, name + last digits: ${scan.groups} groups ` +
        `${JSON.stringify(scan.byReason)} (the seed writes emails as first.last@ one of a few domains, so namesakes share one); ${ratioNote(scan.ms, toArrayMs)}; ${cpuNote(scan.cpuMs)}`,
    },
  ]
  const ratio = (ms: number) => ms / toArrayMs
  return {
    figures,
    info: {
      toArrayMs,
      ratios: { importCheck: ratio(importCheck.ms), csvExport: ratio(csvExport.ms), vcardExport: ratio(vcardExport.ms), duplicateScan: ratio(scan.ms) },
      idleGapMs,
      cpuMs: { toArray: toArrayCpuMs, importCheck: importCheck.cpuMs, csvExport: csvExport.cpuMs, vcardExport: vcardExport.cpuMs, duplicateScan: scan.cpuMs },
      loadAverage: loadavg()[0],
    },
  }
}
