// A local update feed as electron-builder publishes one (latest*.yml beside the artifact), and a packaged app's view of it.
import { createHash } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { request } from 'node:http'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { configureRequestOptions, configureRequestUrl, HttpExecutor, type DownloadOptions } from 'builder-util-runtime'
import type { RequestOptions } from 'node:http'
import type { AppAdapter } from 'electron-updater/out/AppAdapter'

export const ARTIFACT = 'SkyLight-Contacts-0.2.0.AppImage'

export interface UpdateFeed {
  url: string
  /** Requests the feed answered, by path. */
  served: string[]
  /** Replace the artifact's bytes after the metadata was written: a tampered download. */
  tamper(): void
  close(): Promise<void>
}

/** Serves `latest*.yml` for version 0.2.0 and its artifact, whose sha512 the metadata carries. */
export async function startUpdateFeed(): Promise<UpdateFeed> {
  const published = Buffer.from(`#!/bin/sh\necho "SkyLight Contacts 0.2.0"\n${'x'.repeat(64 * 1024)}\n`)
  let artifact = published
  const sha512 = createHash('sha512').update(published).digest('base64')
  const metadata = [
    'version: 0.2.0',
    'files:',
    `  - url: ${ARTIFACT}`,
    `    sha512: ${sha512}`,
    `    size: ${published.length}`,
    `path: ${ARTIFACT}`,
    `sha512: ${sha512}`,
    "releaseDate: '2026-12-01T10:00:00.000Z'",
    '',
  ].join('\n')
  const served: string[] = []
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://feed').pathname
    served.push(path)
    if (/^\/latest(-[a-z0-9-]+)?\.yml$/.test(path)) return res.writeHead(200, { 'content-type': 'text/yaml' }).end(metadata)
    if (path === `/${ARTIFACT}`) return res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': artifact.length }).end(artifact)
    res.writeHead(404).end()
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    served,
    tamper() {
      artifact = Buffer.from(published)
      artifact[100] ^= 0xff
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  }
}

/** Plain Node HTTP for the updater, downloading as electron-updater's own executor does over Electron's `net` in the app. */
export class NodeFeedExecutor extends HttpExecutor<ReturnType<typeof request>> {
  createRequest(options: RequestOptions, callback: (response: unknown) => void): ReturnType<typeof request> {
    return request(options, callback)
  }

  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined }
      configureRequestUrl(url, requestOptions)
      configureRequestOptions(requestOptions)
      this.doDownload(
        requestOptions,
        { destination, options, onCancel, callback: (error) => (error == null ? resolve(destination) : reject(error)), responseHandler: null },
        0,
      )
    })
  }
}

export interface InstalledApp {
  app: AppAdapter
  dir: string
  dispose(): Promise<void>
}

/** Version 0.1.0 as installed: `app-update.yml` (written by electron-builder from `publish`) points at `feedUrl`. */
export async function installedApp(feedUrl: string): Promise<InstalledApp> {
  const dir = await mkdtemp(join(tmpdir(), 'skylight-update-'))
  const appUpdateConfigPath = join(dir, 'app-update.yml')
  await writeFile(appUpdateConfigPath, `provider: generic\nurl: ${feedUrl}\nupdaterCacheDirName: skylight-contacts-updater\n`)
  // The AppImage the app runs from; the updater replaces it on install.
  await writeFile(join(dir, 'SkyLight-Contacts-0.1.0.AppImage'), '#!/bin/sh\n')
  const app: AppAdapter = {
    version: '0.1.0',
    name: 'SkyLight Contacts',
    isPackaged: true,
    appUpdateConfigPath,
    userDataPath: dir,
    baseCachePath: dir,
    whenReady: async () => {},
    relaunch: () => {},
    quit: () => {},
    onQuit: () => {},
  }
  return { app, dir, dispose: () => rm(dir, { recursive: true, force: true }) }
}
