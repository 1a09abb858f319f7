// Keeps the app up to date: checks the feed at start and every 6 hours, downloads in the background, restarts only when asked.
import type { UpdateStatus } from '../../shared/update-status'

/** How often a running app asks the feed again. */
export const UPDATE_CHECK_INTERVAL_MS = 6 * 3_600_000

/** What the service needs of electron-updater's `AppUpdater` (the real one in the app, in its tests too). */
export interface Updater {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  checkForUpdates(): Promise<{ downloadPromise?: Promise<unknown> | null } | null>
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void
  on(event: 'checking-for-update' | 'update-not-available', listener: () => void): unknown
  on(event: 'update-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
}

export interface UpdateServiceOptions {
  updater: Updater
  /** Every change of status, for the page's header. */
  onStatus: (status: UpdateStatus) => void
  log: (level: 'info' | 'warn', message: string) => void
  /** Edits not yet on the server: a restart with some waiting asks first. */
  unsynced: () => number
  /** Asks whether to restart although `count` edits wait; true restarts. */
  confirmRestart: (count: number) => boolean
  intervalMs?: number
}

export interface UpdateService {
  readonly status: UpdateStatus
  /** Asks the feed now, unless a check or download is under way. */
  check(): void
  /** Installs a downloaded update and relaunches, after saying how many edits wait (if any). True when restarting. */
  restart(): boolean
  stop(): void
}

export function startUpdateService(options: UpdateServiceOptions): UpdateService {
  const { updater, log } = options
  let status: UpdateStatus = { state: 'idle' }
  const set = (next: UpdateStatus) => {
    status = next
    options.onStatus(next)
  }
  updater.autoDownload = true
  // A downloaded update that the user never restarted for is installed when the app quits anyway.
  updater.autoInstallOnAppQuit = true
  updater.on('checking-for-update', () => status.state !== 'ready' && set({ state: 'checking' }))
  updater.on('update-not-available', () => status.state !== 'ready' && set({ state: 'idle' }))
  updater.on('update-available', ({ version }) => {
    log('info', `update ${version} found, downloading`)
    set({ state: 'downloading', version, percent: 0 })
  })
  updater.on('download-progress', ({ percent }) => {
    if (status.state === 'downloading') set({ ...status, percent: Math.min(100, Math.max(0, percent)) })
  })
  updater.on('update-downloaded', ({ version }) => {
    log('info', `update ${version} downloaded and verified`)
    set({ state: 'ready', version })
  })
  updater.on('error', (error) => {
    log('warn', `update failed: ${error.message}`)
    // A ready update stays ready: a later failed check does not take it back.
    if (status.state !== 'ready') set({ state: 'failed', message: error.message.split('\n')[0].slice(0, 500) })
  })

  function check(): void {
    if (status.state === 'checking' || status.state === 'downloading') return
    // Failures of the check and of the background download arrive as 'error' events too; their rejections are the same news.
    updater.checkForUpdates().then(
      (result) => result?.downloadPromise?.catch(() => {}),
      () => {},
    )
  }

  check()
  const timer = setInterval(check, options.intervalMs ?? UPDATE_CHECK_INTERVAL_MS)

  return {
    get status() {
      return status
    },
    check,
    restart() {
      if (status.state !== 'ready') return false
      const waiting = options.unsynced()
      if (waiting > 0 && !options.confirmRestart(waiting)) return false
      log('info', `restarting to install ${status.version}${waiting ? ` with ${waiting} unsynced edits kept for later` : ''}`)
      updater.quitAndInstall(false, true)
      return true
    },
    stop() {
      clearInterval(timer)
    },
  }
}
