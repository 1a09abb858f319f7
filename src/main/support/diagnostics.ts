// "Copy diagnostics": versions, OS, session and sync state, and the log's last lines, with no key and no contact data.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { AuthStatus } from '../../shared/contract'
import type { SyncSnapshot } from '../../shared/support'
import type { UpdateStatus } from '../../shared/update-status'

export const DIAGNOSTIC_LOG_LINES = 200

export interface DiagnosticsFacts {
  app: { name: string; version: string; packaged: boolean }
  versions: { electron?: string; chrome?: string; node: string }
  os: { platform: string; release: string; arch: string }
  locale: string
  session: AuthStatus
  update: UpdateStatus
  sync: SyncSnapshot
  logLines: readonly string[]
}

const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[^\s@"'<>(),;:]+/g
/** Seven or more digits, spaced or not: a phone number (log lines keep their ids and counts, which are shorter). */
const PHONE = /\+?\d(?:[\s().-]?\d){6,}/g
const KEY_HINT = /\bsk_(?:live|test)_[^\s,;)]*/g
/** Text a user typed or a server echoed, quoted in an error message: may hold a name. */
const QUOTED = /"[^"\n]{1,200}"|“[^”\n]{1,200}”/g

/** One log line without what could identify a contact or the key; its timestamp and level kept. */
export function scrubLogLine(line: string): string {
  const prefix = /^\d{4}-\d\d-\d\dT[\d:.]+Z (?:INFO|WARN|ERROR) /.exec(line)?.[0] ?? ''
  const message = line
    .slice(prefix.length)
    .replace(KEY_HINT, '[key]')
    .replace(EMAIL, '[email]')
    .replace(QUOTED, '"[text]"')
    .replace(PHONE, '[number]')
  return prefix + message
}

const describeSession = (session: AuthStatus): string => {
  if (session.mode === 'signed_out') return 'signed out'
  const host = session.baseUrl ? new URL(session.baseUrl).host : 'unknown host'
  return session.mode === 'demo' ? `demo data (${host})` : `account at ${host}, key kept in ${session.storage}`
}

const describeUpdate = (update: UpdateStatus): string =>
  update.state === 'ready' ? `ready to install ${update.version}`
  : update.state === 'downloading' ? `downloading ${update.version} (${Math.round(update.percent)}%)`
  : update.state === 'failed' ? `failed: ${update.message}`
  : update.state

export function diagnosticsText(facts: DiagnosticsFacts): string {
  const { app, versions, os, sync } = facts
  const runtime = [versions.electron && `Electron ${versions.electron}`, versions.chrome && `Chromium ${versions.chrome}`, `Node ${versions.node}`].filter(Boolean)
  return [
    `${app.name} ${app.version}${app.packaged ? '' : ' (development)'}`,
    runtime.join(' · '),
    `OS: ${os.platform} ${os.release} (${os.arch}) · locale ${facts.locale}`,
    `Session: ${describeSession(facts.session)}`,
    `Sync: ${sync.reachability} · pull ${sync.pull} · last synced ${sync.lastSyncedAt ?? 'never'} · ${sync.unsynced} unsynced (${sync.needsAttention} need attention)`,
    `Update: ${describeUpdate(facts.update)}`,
    '',
    `Log (last ${facts.logLines.length} lines):`,
    ...facts.logLines.map(scrubLogLine),
  ].join('\n')
}

/** The last `count` lines of main's log, reaching into the previous file when the current one is short. */
export async function lastLogLines(logDir: string, count = DIAGNOSTIC_LOG_LINES): Promise<string[]> {
  const linesOf = async (name: string) => (await readFile(join(logDir, name), 'utf8').catch(() => '')).split('\n').filter(Boolean)
  const current = await linesOf('main.log')
  const older = current.length < count ? await linesOf('main.1.log') : []
  return [...older, ...current].slice(-count)
}
