// Turns the benchmark's measurements into rows with a target and a verdict, printed as a table.
import { availableParallelism, loadavg } from 'node:os'

export interface Figure {
  name: string
  value: number | null
  unit: string
  /** Met when value <= target (or >= for `atLeast`). */
  target: number
  atLeast?: boolean
  note?: string
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = samples.slice().sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

export function verdict(figure: Figure): 'pass' | 'MISSED' | 'n/a' {
  if (figure.value === null) return 'n/a'
  const met = figure.atLeast ? figure.value >= figure.target : figure.value <= figure.target
  return met ? 'pass' : 'MISSED'
}

const show = (value: number | null, unit: string) => {
  if (value === null) return '—'
  const digits = Math.abs(value) < 10 ? 2 : Math.abs(value) < 100 ? 1 : 0
  return `${value.toFixed(digits)} ${unit}`.trim()
}

export function table(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [f.name, show(f.value, f.unit), `${f.atLeast ? '≥' : '<'} ${show(f.target, f.unit)}`, verdict(f), f.note ?? ''])
  const header = ['figure', 'measured', 'target', 'result', 'note']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

/** How busy the machine was: the 1-minute load average when the run began and now, against its cores. */
export function loadLine(atStart: number): string {
  return `load average ${atStart.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end (${availableParallelism()} cores)`
}
