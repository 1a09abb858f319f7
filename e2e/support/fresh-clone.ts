// A fresh clone of this checkout, as a new user gets it, with its npm install made of hard links (seconds, not minutes).
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface FreshClone {
  dir: string
  dispose(): void
}

/**
 * Every file git tracks or would track (uncommitted changes included, ignored files not), and
 * node_modules as `npm ci` leaves it: without Electron's binary, which Electron 45 fetches on first use.
 */
export function freshClone(): FreshClone {
  const dir = mkdtempSync(join(tmpdir(), 'skylight-clone-'))
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean)
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    try {
      cpSync(join(ROOT, file), join(dir, file))
    } catch (error) {
      // A file deleted in the working tree but not yet in git's index.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
  execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(dir, 'node_modules')])
  for (const binary of ['dist', 'path.txt']) rmSync(join(dir, 'node_modules/electron', binary), { recursive: true, force: true })
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}
