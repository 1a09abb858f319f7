// Exports the page streams to disk: a file the user chose in the save dialog (the browser host: one in its export folder), written chunk by chunk, then finished or dropped.
import { randomUUID } from 'node:crypto'
import { open, rename, rm, type FileHandle } from 'node:fs/promises'
import { basename } from 'node:path'
import { EXPORT_EXTENSIONS, type ExportFormat } from '../../shared/contract'
import { fail, ok, type ApiError, type Result } from '../../shared/result'
import { desktopText } from '../i18n/desktop-text'

export interface ExportFilesOptions {
  /** Where the file goes: the save dialog's answer (null when the user cancelled), or the host's own folder. */
  choosePath: (fileName: string, format: ExportFormat) => Promise<string | null>
  newId?: () => string
}

export interface ExportFiles {
  /** Asks where to save; null when the user cancelled. The name shown is the one chosen. */
  open(fileName: string, format: ExportFormat): Promise<Result<{ id: string; fileName: string } | null>>
  /**
   * Appends chunk number `at` (from 0) once the chunks before it are written: the page keeps a few
   * writes in flight, and the browser host's HTTP may deliver them in any order.
   */
  write(id: string, at: number, text: string): Promise<Result<null>>
  /** Puts the whole file in place (it was written beside it until now). */
  finish(id: string): Promise<Result<{ path: string; bytes: number }>>
  /** Drops the unfinished file (the user cancelled, the page failed). */
  abort(id: string): Promise<Result<null>>
  /** Drops every unfinished file: the app quits. */
  dispose(): Promise<void>
}

/** Exports open at once; more means a page that never finishes its exports. */
export const MAX_OPEN_EXPORTS = 4
/** Chunks held for an earlier one still on its way; the page keeps fewer writes than this in flight. */
export const MAX_CHUNKS_AHEAD = 8

interface EarlyChunk {
  text: string
  done: (result: Result<null>) => void
}

interface OpenExport {
  path: string
  part: string
  handle: FileHandle
  bytes: number
  /** Calls for one export run one after the other, whatever the transport does. */
  tail: Promise<unknown>
  /** The number of the chunk to write next, and the later ones that came before it. */
  next: number
  early: Map<number, EarlyChunk>
}

/** A name the page suggests, made safe to show in a dialog and to use as a file name, with the format's extension. */
export function safeFileName(fileName: string, format: ExportFormat): string {
  const extension = EXPORT_EXTENSIONS[format]
  const base = [...basename(fileName.replace(/\\/g, '/'))]
    .filter((char) => char >= ' ' && !'<>:"/\\|?*'.includes(char))
    .join('')
    .replace(/^[.\s]+|[.\s]+$/g, '')
  const stem = base.toLowerCase().endsWith(extension) ? base.slice(0, -extension.length) : base
  return `${stem || 'contacts'}${extension}`
}

const unknownExport = (): ApiError => ({ kind: 'not_found', message: desktopText('main.export.notOpen') })
const outOfOrder = (): ApiError => ({ kind: 'validation', message: desktopText('main.export.outOfOrder'), fields: {} })
const diskError = (error: unknown, path: string): ApiError => ({
  kind: 'internal',
  message:
    error instanceof Error && 'code' in error
      ? desktopText('main.export.notWrittenCode', { file: basename(path), code: String(error.code) })
      : desktopText('main.export.notWritten', { file: basename(path) }),
})

export function createExportFiles(options: ExportFilesOptions): ExportFiles {
  const newId = options.newId ?? randomUUID
  const exports = new Map<string, OpenExport>()

  /** Runs `step` after the export's earlier calls; a failure drops the export. */
  function queued<T>(id: string, step: (open: OpenExport) => Promise<Result<T>>): Promise<Result<T>> {
    const current = exports.get(id)
    if (!current) return Promise.resolve(fail(unknownExport()))
    const next = current.tail.then(async () => {
      if (exports.get(id) !== current) return fail<T>(unknownExport())
      try {
        return await step(current)
      } catch (error) {
        await drop(id, current)
        return fail<T>(diskError(error, current.path))
      }
    })
    current.tail = next
    return next
  }

  async function drop(id: string, current: OpenExport): Promise<void> {
    exports.delete(id)
    for (const chunk of current.early.values()) chunk.done(fail(unknownExport()))
    current.early.clear()
    await current.handle.close().catch(() => {})
    await rm(current.part, { force: true }).catch(() => {})
  }

  return {
    async open(fileName, format) {
      if (exports.size >= MAX_OPEN_EXPORTS) return fail({ kind: 'validation', message: desktopText('main.export.tooMany'), fields: {} })
      const path = await options.choosePath(safeFileName(fileName, format), format)
      if (path === null) return ok(null)
      const part = `${path}.part`
      try {
        const handle = await open(part, 'w')
        const id = newId()
        exports.set(id, { path, part, handle, bytes: 0, tail: Promise.resolve(), next: 0, early: new Map() })
        return ok({ id, fileName: basename(path) })
      } catch (error) {
        return fail(diskError(error, path))
      }
    },
    write(id, at, text) {
      const current = exports.get(id)
      if (!current) return Promise.resolve(fail(unknownExport()))
      if (at < current.next || at >= current.next + MAX_CHUNKS_AHEAD || current.early.has(at)) return Promise.resolve(fail(outOfOrder()))
      return new Promise((done) => {
        current.early.set(at, { text, done })
        // Into the export's queue in the page's order, whichever order the chunks came in.
        for (let chunk = current.early.get(current.next); chunk; chunk = current.early.get(current.next)) {
          const { text: piece, done: written } = chunk
          current.early.delete(current.next)
          current.next++
          void queued(id, async (open) => {
            const { bytesWritten } = await open.handle.write(piece, null, 'utf8')
            open.bytes += bytesWritten
            return ok(null)
          }).then(written)
        }
      })
    },
    finish: (id) =>
      queued(id, async (current) => {
        // A chunk is held for one that never came: the file would have a hole.
        if (current.early.size > 0) {
          await drop(id, current)
          return fail(outOfOrder())
        }
        await current.handle.close()
        await rename(current.part, current.path)
        exports.delete(id)
        return ok({ path: current.path, bytes: current.bytes })
      }),
    abort: (id) =>
      queued(id, async (current) => {
        await drop(id, current)
        return ok(null)
      }),
    async dispose() {
      await Promise.all([...exports].map(([id, current]) => drop(id, current)))
    },
  }
}
