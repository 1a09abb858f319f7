// How many contacts the bench seeds (`--contacts N`), which of its parts run (`--only`, `--at-rest`), and the targets that depend on the count.
import type { Figure } from './report'

export const DEFAULT_CONTACTS = 100_000
/** The count the issue states its larger targets for ("Scale: `npm run bench -- --contacts 500000`"). */
export const SCALE_CONTACTS = 500_000

/** `notes-search`: seed, pull, the search-with-notes figures; `scale`: the figures the issue sets 500k targets for. */
export type OnlyPart = 'notes-search' | 'scale'

export interface BenchArgs {
  contacts: number
  only: OnlyPart | null
  atRestOnly: boolean
}

export function benchArgs(argv: readonly string[]): BenchArgs {
  const valueOf = (flag: string): string | undefined => {
    const at = argv.indexOf(flag)
    return at < 0 ? undefined : argv[at + 1]
  }
  const count = valueOf('--contacts')
  const contacts = count === undefined ? DEFAULT_CONTACTS : Number(count.replace(/[_,]/g, ''))
  if (!Number.isInteger(contacts) || contacts < 1000) throw new Error(`--contacts wants a whole number of at least 1000, not "${count}"`)
  const only = valueOf('--only')
  if (only !== undefined && only !== 'notes-search' && only !== 'scale') throw new Error(`--only wants notes-search or scale, not "${only}"`)
  return { contacts, only: only ?? null, atRestOnly: argv.includes('--at-rest') }
}

/** The targets the issue sets per contact count: for 100k (and fewer), and for 500k ("with details and notes"). */
export interface ScaleTargets {
  /** In-index search p95 with emails and notes indexed. */
  searchP95Ms: number
  /** Worker opened, rows loaded (decrypted when sealed), index built. */
  searchReadyMs: number
  /** What the worker holds: rows, index and note words. */
  workerHeapMB: number
  firstRowsMs: number
  /** Says which count the targets were set for, in a figure's note. */
  basis: string
}

export function scaleTargets(contacts: number): ScaleTargets {
  if (contacts <= DEFAULT_CONTACTS) return { searchP95Ms: 2, searchReadyMs: 3000, workerHeapMB: 150, firstRowsMs: 800, basis: 'target set for 100k' }
  return {
    searchP95Ms: 5,
    searchReadyMs: 6000,
    workerHeapMB: 400,
    firstRowsMs: 800,
    basis: contacts === SCALE_CONTACTS ? 'target set for 500k' : `target set for 500k, applied to ${contacts.toLocaleString('en')}`,
  }
}

/** A figure whose target the issue set for 100k, measured at another count: its note says so. */
export function targetFor100k(figure: Figure, contacts: number): Figure {
  if (contacts === DEFAULT_CONTACTS) return figure
  const said = `target set for 100k, measured at ${contacts.toLocaleString('en')}`
  return { ...figure, note: figure.note ? `${said}; ${figure.note}` : said }
}

/** `basis` in front of a note, when the count is not the default (the default's targets need no word). */
export function withBasis(note: string, contacts: number): string {
  return contacts === DEFAULT_CONTACTS ? note : `${scaleTargets(contacts).basis}; ${note}`
}
