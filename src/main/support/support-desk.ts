// Main's side of support, the same in the app and the browser host: the page's errors logged, crashes recovered, diagnostics.
import { arch, platform, release } from 'node:os'
import type { AuthStatus } from '../../shared/contract'
import type { CrashNotice, RendererError, SyncSnapshot } from '../../shared/support'
import type { UpdateStatus } from '../../shared/update-status'
import type { RotatingLog } from '../log/rotating-log'
import { createCrashRecovery, type CrashRecovery } from './crash-recovery'
import { diagnosticsText, lastLogLines, type DiagnosticsFacts } from './diagnostics'
import { createRendererErrorLog } from './renderer-errors'

export interface SupportDesk {
  reportError(error: RendererError): void
  diagnostics(sync: SyncSnapshot): Promise<string>
  takeCrashNotice(): CrashNotice | null
  readonly crashes: CrashRecovery
}

export interface SupportDeskOptions {
  log: RotatingLog
  logDir: string
  app: DiagnosticsFacts['app']
  locale: string
  session: { status(): Promise<AuthStatus> }
  update: () => UpdateStatus
}

export function createSupportDesk(options: SupportDeskOptions): SupportDesk {
  const { log } = options
  const crashes = createCrashRecovery(log.write)
  return {
    crashes,
    reportError: createRendererErrorLog((message) => log.write('error', message)),
    takeCrashNotice: () => crashes.takeNotice(),
    async diagnostics(sync) {
      return diagnosticsText({
        app: options.app,
        versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
        os: { platform: platform(), release: release(), arch: arch() },
        locale: options.locale,
        session: await options.session.status(),
        update: options.update(),
        sync,
        logLines: await lastLogLines(options.logDir),
      })
    },
  }
}
