// The update service over electron-updater's real Linux updater, against a local feed: download, checksum, restart.
import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppImageUpdater } from 'electron-updater'
import type { UpdateStatus } from '../../shared/update-status'
import { ARTIFACT, NodeFeedExecutor, installedApp, startUpdateFeed, type InstalledApp, type UpdateFeed } from './test-support/update-feed'
import { startUpdateService, type UpdateService, type Updater } from './update-service'

let feed: UpdateFeed
let installed: InstalledApp
let service: UpdateService | null = null
beforeEach(async () => {
  feed = await startUpdateFeed()
  installed = await installedApp(feed.url)
  vi.stubEnv('APPIMAGE', join(installed.dir, 'SkyLight-Contacts-0.1.0.AppImage'))
})
afterEach(async () => {
  service?.stop()
  service = null
  vi.unstubAllEnvs()
  await feed.close()
  await installed.dispose()
})

/** electron-updater's own AppImage updater, as the packaged app has it, minus the install step. */
function realUpdater(): AppImageUpdater & { quitAndInstall: ReturnType<typeof vi.fn> } {
  const updater = new AppImageUpdater(undefined, installed.app)
  // Protected in the typings: the app's own is Electron's `net`, which plain Node lacks.
  Object.assign(updater, { httpExecutor: new NodeFeedExecutor() })
  updater.logger = null
  updater.disableDifferentialDownload = true
  // Installing would replace the AppImage and relaunch: the test checks the call.
  return Object.assign(updater, { quitAndInstall: vi.fn() })
}

function start(updater: Updater, unsynced = 0, confirm = true) {
  const statuses: UpdateStatus[] = []
  const log = vi.fn()
  const confirmRestart = vi.fn(() => confirm)
  service = startUpdateService({ updater, onStatus: (status) => statuses.push(status), log, unsynced: () => unsynced, confirmRestart })
  return { statuses, log, confirmRestart }
}

describe('updates from a generic feed', () => {
  it('checks at start, downloads in the background, verifies the sha512 and offers the restart', async () => {
    const updater = realUpdater()
    const { statuses } = start(updater)
    await vi.waitFor(() => expect(statuses.at(-1)).toEqual({ state: 'ready', version: '0.2.0' }), { timeout: 10_000 })
    expect(statuses[0]).toEqual({ state: 'checking' })
    expect(statuses).toContainEqual({ state: 'downloading', version: '0.2.0', percent: 0 })
    expect(feed.served).toEqual(expect.arrayContaining([expect.stringMatching(/^\/latest.*\.yml$/), `/${ARTIFACT}`]))
    expect(service?.restart()).toBe(true)
    expect(updater.quitAndInstall).toHaveBeenCalledWith(false, true)
  })

  it('refuses a tampered artifact: the app stays as it is and never offers the restart', async () => {
    feed.tamper()
    const updater = realUpdater()
    const { statuses, log } = start(updater)
    await vi.waitFor(() => expect(statuses.at(-1)?.state).toBe('failed'), { timeout: 10_000 })
    expect(statuses.at(-1)).toMatchObject({ message: expect.stringMatching(/sha512 checksum mismatch/) })
    expect(statuses.some((status) => status.state === 'ready')).toBe(false)
    expect(log).toHaveBeenCalledWith('warn', expect.stringMatching(/^update failed: .*sha512 checksum mismatch/))
    expect(service?.restart()).toBe(false)
    expect(updater.quitAndInstall).not.toHaveBeenCalled()
  })

  it('says how many edits wait before restarting, and stays when the user says later', async () => {
    const updater = realUpdater()
    const { statuses, confirmRestart } = start(updater, 3, false)
    await vi.waitFor(() => expect(statuses.at(-1)?.state).toBe('ready'), { timeout: 10_000 })
    expect(service?.restart()).toBe(false)
    expect(confirmRestart).toHaveBeenCalledWith(3)
    expect(updater.quitAndInstall).not.toHaveBeenCalled()
  })
})

describe('update schedule', () => {
  /** An updater that only counts checks. */
  function countingUpdater(): Updater & { checks: number } {
    const emitter = new EventEmitter()
    return Object.assign(emitter, {
      checks: 0,
      autoDownload: false,
      autoInstallOnAppQuit: false,
      async checkForUpdates(this: { checks: number }) {
        this.checks += 1
        return null
      },
      quitAndInstall: vi.fn(),
    }) as unknown as Updater & { checks: number }
  }

  it('checks at start and every 6 hours, with background download and install on quit turned on', async () => {
    vi.useFakeTimers()
    try {
      const updater = countingUpdater()
      start(updater)
      expect(updater.checks).toBe(1)
      expect([updater.autoDownload, updater.autoInstallOnAppQuit]).toEqual([true, true])
      await vi.advanceTimersByTimeAsync(6 * 3_600_000 - 1)
      expect(updater.checks).toBe(1)
      await vi.advanceTimersByTimeAsync(1)
      expect(updater.checks).toBe(2)
    } finally {
      vi.useRealTimers()
    }
  })
})
