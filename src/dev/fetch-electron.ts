// Makes sure Electron's binary is there for `npm run dev`: Electron 45 fetches it on first use, not at install.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'

export type FetchOutcome = { ok: true } | { ok: false; reason: string }

/** The last line that says what went wrong, without a stack trace's `at …` lines. */
export function failureReason(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('at '))
  const error = lines.findLast((line) => /error|fail|refused|not found|ENOTFOUND|EAI_AGAIN|ECONN/i.test(line)) ?? lines.at(-1)
  return (error ?? 'no output').replace(/^(\w*Error|Error):\s*/, '').slice(0, 200)
}

/**
 * Runs Electron's own installer (`install-electron`): it returns at once when the binary is in place,
 * and otherwise downloads it (honouring ELECTRON_MIRROR and the npm proxy settings, as Electron documents).
 */
export function fetchElectron(installer: string = createRequire(import.meta.url).resolve('electron/install.js')): Promise<FetchOutcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [installer], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', (error) => resolve({ ok: false, reason: error.message }))
    child.on('close', (code) => resolve(code === 0 ? { ok: true } : { ok: false, reason: failureReason(output) }))
  })
}
