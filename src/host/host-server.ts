// The browser host: serves the built renderer over HTTP and answers its /rpc calls with main's own IPC handlers,
// to this machine only, under the run's secret, and the bridge only to the app's own page (request-guard.ts).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { existsSync, readFileSync } from 'node:fs'
import { access, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createSkylightClient } from '../main/api/client'
import { setSharedHydrateShare } from '../main/api/limiter'
import { dispatch } from '../main/ipc/dispatch'
import { withActivityLog } from '../main/ipc/activity-log'
import { createExportFiles } from '../main/export/export-files'
import { setDesktopLocale } from '../main/i18n/desktop-text'
import { createHandlers, NO_UPDATES, type HandlerTable } from '../main/ipc/handlers'
import { createRotatingLog } from '../main/log/rotating-log'
import { startSandboxServer } from '../sandbox/sandbox-server'
import { createMemoryStore } from '../main/secrets/memory-store'
import { createSession } from '../main/session/session'
import type { GoneDetails } from '../main/support/crash-recovery'
import { createSupportDesk } from '../main/support/support-desk'
import { fail } from '../shared/result'
import { BRIDGE_SCRIPT_PATH, CALL_OPTIONS_HEADER, bridgeScript, injectBridge } from './bridge-script'
import { createRequestGuard } from './request-guard'
import { readStaticFile } from './static-files'

/** The app's version, as package.json gives it (Electron's app.getVersion reads the same). */
const HOST_VERSION: string = JSON.parse(readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../package.json'), 'utf8')).version

export const DEFAULT_RENDERER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../out/renderer-web')

/** Far above any real call's arguments; stops a runaway body from filling memory. */
const MAX_BODY_BYTES = 1_000_000

export type HostOptions = {
  /** 0 or absent: any free port. */
  port?: number
  /** The built renderer (`npm run build:renderer`); defaults to out/renderer-web. */
  rendererDir?: string
  /** The session's data folder; absent: a temporary folder removed on close. */
  dataDir?: string
  /** Where exports are saved (there is no save dialog here); absent: `exports/` in the data folder. */
  exportDir?: string
  /** Opens demo data at once when no key is set, as `npm run dev` does. */
  demo?: boolean
}

export type Host = {
  /** The page's address, with the run's secret: share it only with the browser that opens the app. */
  url: string
  /** `http://127.0.0.1:<port>`, e.g. for browser permissions. */
  origin: string
  /** Links the app asked to open with `shell.openExternal`, and folders it asked to show (as file: URLs), in order; the host opens nothing. */
  opened: readonly string[]
  /** Where main's log goes, as the app's goes to userData/logs. */
  logDir: string
  /** Where exports land: each under the name the page suggested (" (2)" added when taken); tests read them back. */
  exportDir: string
  /**
   * The page's process died (the browser tells its driver, as Electron tells main): logged, and the
   * reloaded page is told once. True when the page should be reloaded.
   */
  rendererGone(details: GoneDetails): boolean
  close(): Promise<void>
}

export async function startHost(options: HostOptions = {}): Promise<Host> {
  const rendererDir = resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR)
  const indexFile = join(rendererDir, 'index.html')
  if (!existsSync(indexFile)) {
    throw new Error(`The built renderer is missing (${indexFile}): run \`npm run build:renderer\` first.`)
  }
  const indexHtml = injectBridge(await readFile(indexFile, 'utf8'))
  const script = bridgeScript()

  const tempDataDir = options.dataDir ? null : await mkdtemp(join(tmpdir(), 'skylight-host-'))
  const opened: string[] = []
  const dataDir = options.dataDir ?? (tempDataDir as string)
  const logDir = join(dataDir, 'logs')
  const log = createRotatingLog({ dir: logDir })
  const exportDir = options.exportDir ?? join(dataDir, 'exports')
  const exports = createExportFiles({ choosePath: (fileName) => freePath(exportDir, fileName) })
  const session = createSession({
    // No keychain here: the memory store keeps the host free of any state between runs.
    store: createMemoryStore(),
    dataDir,
    createClient: createSkylightClient,
    startSandbox: () => startSandboxServer({ port: 0 }),
  })
  await session.restore()
  if (options.demo && (await session.status()).mode === 'signed_out') await session.startDemo()
  const support = createSupportDesk({
    log,
    logDir,
    app: { name: 'SkyLight Contacts', version: HOST_VERSION, packaged: false },
    locale: Intl.DateTimeFormat().resolvedOptions().locale,
    session,
    update: () => NO_UPDATES.status,
  })
  const handlers = createHandlers({
    session,
    openExternal: async (url) => {
      opened.push(url)
    },
    // The host has no quit to hold back, and never updates itself.
    setUnsynced: () => {},
    // Main's errors (sign-in, links) in the page's language; the host has no menu.
    setLanguage: setDesktopLocale,
    setBackgroundShare: setSharedHydrateShare,
    updates: NO_UPDATES,
    support,
    // The page's IndexedDB lives in the browser's own profile, out of the host's sight.
    info: { version: HOST_VERSION, selfUpdating: false, offlineCopy: null, logs: logDir, languages: [] },
    openFolder: async (path) => {
      opened.push(pathToFileURL(path).href)
    },
    exports,
  })
  const table = withActivityLog(handlers, log.write)

  const guard = createRequestGuard()
  let origin = ''
  const isOwnPage = (url: string): boolean => {
    try {
      return new URL(url).origin === origin
    } catch {
      return false
    }
  }

  const server = createServer((request, response) => {
    void route(request, response).catch((error: unknown) => {
      console.error('[host] request failed:', error)
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error')
      else response.destroy()
    })
  })

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const verdict = guard.check(request.method ?? 'GET', request.url ?? '/', request.headers)
    if (!verdict.allow) {
      // Never the URL: it may hold the secret, or a guess at it.
      log.write('warn', `browser host refused a ${request.method} request: ${verdict.reason}`)
      return send(response, verdict.status, 'text/plain; charset=utf-8', verdict.status === 404 ? 'Not found' : 'Forbidden')
    }
    const { path } = verdict
    if (path.startsWith('/rpc/')) {
      if (request.method !== 'POST') return send(response, 405, 'text/plain; charset=utf-8', 'POST only')
      const channel = decodeURIComponent(path.slice('/rpc/'.length))
      const answer = await answerRpc(table, channel, request, isOwnPage)
      return send(response, 200, 'application/json; charset=utf-8', JSON.stringify(answer))
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'GET only')
    if (path === '/' || path === '/index.html') return send(response, 200, 'text/html; charset=utf-8', indexHtml)
    if (path === `/${BRIDGE_SCRIPT_PATH}`) return send(response, 200, 'text/javascript; charset=utf-8', script)
    const file = await readStaticFile(rendererDir, path)
    if (!file) return send(response, 404, 'text/plain; charset=utf-8', 'Not found')
    send(response, 200, file.contentType, file.body)
  }

  await new Promise<void>((done, failToListen) => {
    server.once('error', failToListen)
    server.listen(options.port ?? 0, '127.0.0.1', () => done())
  })
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  guard.setOrigin(origin)

  return {
    url: guard.pageUrl(),
    origin,
    opened,
    logDir,
    exportDir,
    rendererGone: (details) => support.crashes.rendererGone(details),
    async close() {
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
      await session.dispose()
      await exports.dispose()
      if (tempDataDir) await rm(tempDataDir, { recursive: true, force: true })
    },
  }
}

/** The host's stand-in for the save dialog: `fileName` in `dir`, numbered when that name is taken. */
async function freePath(dir: string, fileName: string): Promise<string> {
  await mkdir(dir, { recursive: true })
  const dot = fileName.lastIndexOf('.')
  const [stem, extension] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, '']
  for (let n = 1; ; n++) {
    const path = join(dir, n === 1 ? fileName : `${stem} (${n})${extension}`)
    const taken = await access(path).then(
      () => true,
      () => false,
    )
    if (!taken) return path
  }
}

/** The caller is the page that sent the request: its Origin names it (the guard has already checked it). */
async function answerRpc(
  table: HandlerTable,
  channel: string,
  request: IncomingMessage,
  isOwnPage: (url: string) => boolean,
): Promise<unknown> {
  const senderUrl = request.headers.origin ?? null
  const body = await readBody(request)
  if (body === null) return fail({ kind: 'validation', message: 'The request body is too large.', fields: {} })
  const optionsHeader = request.headers[CALL_OPTIONS_HEADER]
  let args: unknown
  let options: unknown
  try {
    args = body === '' ? undefined : JSON.parse(body)
    options = typeof optionsHeader === 'string' ? JSON.parse(optionsHeader) : undefined
  } catch {
    return fail({ kind: 'validation', message: 'The request body or its call options are not JSON.', fields: {} })
  }
  return dispatch(table, channel, args, senderUrl, isOwnPage, options)
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) return null
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, {
    'content-type': contentType,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // The secret is in every URL: no page the app links to learns it, and no other site frames or embeds the app.
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'content-security-policy': "frame-ancestors 'none'",
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  })
  response.end(body)
}
