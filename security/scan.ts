// `npm run security`: electronegativity over src/, for the Electron version we ship; fails on any
// finding not reviewed in accepted-findings.json, and on entries that no longer fire.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { findingsFromSarif, judge, type AcceptedFinding } from './findings'

const root = join(import.meta.dirname, '..')
const tool = join(import.meta.dirname, 'node_modules', '.bin', 'electronegativity')

async function main(): Promise<number> {
  if (!existsSync(tool)) {
    console.error('electronegativity is not installed: run `npm ci --prefix security` first.')
    return 1
  }
  const electron = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version as string
  const { accepted } = JSON.parse(readFileSync(join(import.meta.dirname, 'accepted-findings.json'), 'utf8')) as { accepted: AcceptedFinding[] }
  const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'))
  try {
    const report = join(dir, 'report.sarif')
    // -e: judge against the defaults of the Electron we ship, not the tool's guess of v0.1.0.
    await promisify(execFile)(tool, ['-i', join(root, 'src'), '-r', '-v', 'false', '-e', electron, '-o', report], { maxBuffer: 16 << 20 })
    if (!existsSync(report)) {
      console.error('electronegativity wrote no report')
      return 1
    }
    const findings = findingsFromSarif(JSON.parse(readFileSync(report, 'utf8')))
    const { unreviewed, stale } = judge(findings, accepted)
    for (const finding of unreviewed) console.error(`not reviewed: ${finding.check} at src/${finding.file}:${finding.line}`)
    for (const entry of stale) console.error(`stale: ${entry.check} in src/${entry.file} is accepted ${entry.occurrences}x but fires ${entry.found}x; update accepted-findings.json`)
    console.log(`electronegativity (Electron ${electron}): ${findings.length} findings, ${findings.length - unreviewed.length} reviewed and accepted, ${unreviewed.length} not reviewed, ${stale.length} stale entries`)
    return unreviewed.length + stale.length === 0 ? 0 : 1
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

process.exitCode = await main()
