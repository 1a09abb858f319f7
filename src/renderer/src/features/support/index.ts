// The support feature's public entry: uncaught errors reported to main, the notice after a crash, and "Copy diagnostics".
export { installErrorReporting } from './report-errors'
export { useCrashNotice } from './use-crash-notice'
export { useCopyDiagnostics } from './use-copy-diagnostics'
