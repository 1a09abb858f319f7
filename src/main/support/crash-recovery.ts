// When the page's process dies: log why, reload it, and let the reloaded page say what happened (its edits are on disk).
import type { CrashNotice } from '../../shared/support'

export interface GoneDetails {
  reason: string
  exitCode?: number
}

export interface CrashRecovery {
  /** The page's process ended; true when the page should be reloaded (anything but a clean exit). */
  rendererGone(details: GoneDetails): boolean
  /** A helper process (GPU, network, utility) ended. */
  childGone(details: GoneDetails & { type: string }): void
  /** Asked once by the reloaded page: what happened, then forgotten. */
  takeNotice(): CrashNotice | null
}

/** More crashes than this in a row within a minute stop the reloads: a page that dies at start would loop. */
const MAX_RELOADS_PER_MINUTE = 3

export function createCrashRecovery(write: (level: 'warn' | 'error', message: string) => void, now: () => Date = () => new Date()): CrashRecovery {
  let notice: CrashNotice | null = null
  let recent: number[] = []
  return {
    rendererGone({ reason, exitCode }) {
      if (reason === 'clean-exit') return false
      write('error', `renderer process gone: ${reason}${exitCode === undefined ? '' : ` (exit code ${exitCode})`}`)
      const at = now()
      recent = [...recent.filter((time) => at.getTime() - time < 60_000), at.getTime()]
      if (recent.length > MAX_RELOADS_PER_MINUTE) {
        write('error', 'renderer crashed too often: not reloading it again')
        return false
      }
      notice = { reason, at: at.toISOString() }
      return true
    },
    childGone({ type, reason, exitCode }) {
      if (reason === 'clean-exit') return
      write('warn', `${type} process gone: ${reason}${exitCode === undefined ? '' : ` (exit code ${exitCode})`}`)
    },
    takeNotice() {
      const taken = notice
      notice = null
      return taken
    },
  }
}
