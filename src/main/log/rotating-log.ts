// The main process's log file: size-capped, a few old files kept, every line redacted of keys and Authorization values.
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { redact } from '../api/redact'

export type LogLevel = 'info' | 'warn' | 'error'

export interface RotatingLog {
  readonly path: string
  write(level: LogLevel, message: string): void
}

export interface LogOptions {
  dir: string
  /** Past this size the file becomes `main.1.log` and a new one starts. Default 1 MB. */
  maxBytes?: number
  /** Old files kept besides the current one. Default 3. */
  keep?: number
  /** Secrets known at the time of writing (the key in use), removed besides anything key-shaped. */
  secrets?: () => readonly string[]
  now?: () => Date
}

export function createRotatingLog({ dir, maxBytes = 1024 * 1024, keep = 3, secrets = () => [], now = () => new Date() }: LogOptions): RotatingLog {
  mkdirSync(dir, { recursive: true })
  const path = join(dir, 'main.log')
  const numbered = (n: number) => join(dir, `main.${n}.log`)

  function rotate(): void {
    rmSync(numbered(keep), { force: true })
    for (let n = keep - 1; n >= 1; n--) if (existsSync(numbered(n))) renameSync(numbered(n), numbered(n + 1))
    renameSync(path, numbered(1))
  }

  return {
    path,
    write(level, message) {
      const line = `${now().toISOString()} ${level.toUpperCase()} ${redact(message, secrets()).replace(/\r?\n/g, '\n    ')}\n`
      if (existsSync(path) && statSync(path).size + Buffer.byteLength(line) > maxBytes) rotate()
      appendFileSync(path, line, { mode: 0o600 })
    },
  }
}

/** Sends the main process's warnings and errors to the log too (the console still gets them). */
export function logConsole(log: RotatingLog, target: Pick<Console, 'warn' | 'error'> = console): void {
  for (const level of ['warn', 'error'] as const) {
    const original = target[level].bind(target)
    target[level] = (...args: unknown[]) => {
      original(...args)
      log.write(level, args.map((arg) => (arg instanceof Error ? (arg.stack ?? arg.message) : typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '))
    }
  }
}
