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
  /** Appends a chunk, in the order the calls come. */
  write(id: string, text: string): Promise<Result<null>>
  /** Puts the whole file in place (it was written beside it until now). */
  finish(id: string): Promise<Result<{ path: string; bytes: number }>>
  /** Drops the unfinished file (the user cancelled, the page failed). */
  abort(id: string): Promise<Result<null>>
  /** Drops every unfinished file: the app quits. */
  dispose(): Promise<void>
}

/** Exports open at once; more means a page that never finishes its exports. */
export const MAX_OPEN_EXPORTS = 4

interface OpenExport {
  path: string
  part: string
  handle: FileHandle
  bytes: number
  /** Calls for one export run one after the other, whatever the transport does. */
  tail: Promise<unknown>
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
        exports.set(id, { path, part, handle, bytes: 0, tail: Promise.resolve() })
        return ok({ id, fileName: basename(path) })
      } catch (error) {
        return fail(diskError(error, path))
      }
    },
    write: (id, text) =>
      queued(id, async (current) => {
        const { bytesWritten } = await current.handle.write(text, null, 'utf8')
        current.bytes += bytesWritten
        return ok(null)
      }),
    finish: (id) =>
      queued(id, async (current) => {
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
