// Electron glue only: app lifecycle, single-instance lock, the hardened window and IPC wiring.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, screen, session as electronSession, shell, type WebContents } from 'electron'
import electronUpdater from 'electron-updater'
import { CHANNELS, DEEP_LINK_EVENT, EXPORT_EXTENSIONS, MENU_COMMAND_EVENT, UPDATE_STATUS_EVENT, ipcName, type ExportFormat } from '../shared/contract'
import { DEEP_LINK_SCHEME } from '../shared/deep-link'
import { pickLocale } from '../shared/i18n/locales'
import { createSkylightClient } from './api/client'
import { createDeepLinkInbox } from './deep-link/deep-link-inbox'
import { createExportFiles, type ExportFiles } from './export/export-files'
import { desktopText, setDesktopLocale } from './i18n/desktop-text'
import { deepLinkInArgv } from './deep-link/parse-deep-link'
import { withActivityLog } from './ipc/activity-log'
import { setSharedHydrateShare } from './api/limiter'
import { dispatch } from './ipc/dispatch'
import { createRotatingLog, logConsole, type RotatingLog } from './log/rotating-log'
import { createHandlers, NO_UPDATES, type HandlerTable } from './ipc/handlers'
import { startSandboxServer } from '../sandbox/sandbox-server'
import { chooseSecretStore } from './secrets/choose-store'
import { createSession, type Session } from './session/session'
import { createSupportDesk, type SupportDesk } from './support/support-desk'
import { startUpdateService } from './update/update-service'
import { appMenuTemplate } from './window/app-menu'
import { appPaths } from './window/app-paths'
import { allowedExternalUrl } from './window/external-links'
import { createIsOwnPage } from './window/own-page'
import { isPermissionGranted } from './window/permissions'
import { mainWindowFrame } from './window/window-options'
import { quitPrompt, restartPrompt } from './window/quit-prompt'
import { placeWindow, readWindowState, writeWindowState, type WindowState } from './window/window-state'

const paths = appPaths(dirname(fileURLToPath(import.meta.url)))
// Only an unpackaged app follows the dev server: in a release, an environment variable must not
// be able to point the window (and its bridge) at another origin.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const isOwnPage = createIsOwnPage({ rendererHtml: paths.rendererHtml, devServerUrl })

let mainWindow: BrowserWindow | null = null
/** Edits the page says have not reached the server yet. */
let unsynced = 0
/** The user agreed to restart for an update: closing the window asks nothing more. */
let restartingToUpdate = false
/** Main's log, once the app is ready; lines before that go to the console only. */
let log: ReturnType<typeof createRotatingLog> | null = null
const deepLinks = createDeepLinkInbox(
  (event) => mainWindow?.webContents.send(DEEP_LINK_EVENT, event),
  (line) => (log ? log.write('info', line) : console.info(line)),
)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  // A second launch (Windows, Linux: a clicked link starts one) hands its link to the first.
  app.on('second-instance', (_event, argv) => {
    focusMainWindow()
    const link = deepLinkInArgv(argv)
    if (link) deepLinks.receive(link)
  })
  // macOS hands links to the running app; registered before ready so a link that launched it is heard.
  app.on('open-url', (event, url) => {
    event.preventDefault()
    deepLinks.receive(url)
    focusMainWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.whenReady().then(start).catch(failToStart)
}

async function start(): Promise<void> {
  // The system's language until the page says which one it speaks (the user may have chosen another).
  setDesktopLocale(pickLocale(systemLanguages()))
  // For support: sign-ins, failed calls, warnings and errors in userData/logs/main.log (rotated, keys redacted).
  const logDir = join(app.getPath('userData'), 'logs')
  log = createRotatingLog({ dir: logDir })
  logConsole(log)
  denyPermissions()
  registerLinkScheme()
  const session = await openSession()
  const updates = startUpdates(log)
  const support = createSupportDesk({
    log,
    logDir,
    app: { name: app.getName(), version: app.getVersion(), packaged: app.isPackaged },
    locale: app.getLocale(),
    session,
    update: () => updates.status,
  })
  recoverFromCrashes(support)
  const exports = createExportFiles({ choosePath: askWhereToSave })
  const handlers = createHandlers({
    session,
    openExternal: (url) => shell.openExternal(url),
    setUnsynced: (count) => (unsynced = count),
    setLanguage: (locale) => {
      setDesktopLocale(locale)
      setAppMenu()
    },
    setBackgroundShare: setSharedHydrateShare,
    updates,
    support,
    // Chromium keeps the page's IndexedDB (the offline copy) in the profile, which is userData.
    info: { version: app.getVersion(), selfUpdating: app.isPackaged, offlineCopy: join(app.getPath('userData'), 'IndexedDB'), logs: logDir, languages: systemLanguages() },
    openFolder: async (path) => {
      const failure = await shell.openPath(path)
      if (failure) console.warn(`could not open ${path}: ${failure}`)
    },
    exports,
  })
  registerIpc(withActivityLog(handlers, log.write))
  setAppMenu()
  disposeOnQuit(session, exports)
  let saved = await readWindowState(app.getPath('userData'))
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow(saved, (state) => (saved = state))
  })
  mainWindow = createWindow(saved, (state) => (saved = state))
}

/** A released app checks its feed (`publish` in electron-builder.yml) and offers "Restart to update"; an unpackaged one never updates. */
function startUpdates(log: RotatingLog) {
  if (!app.isPackaged) return NO_UPDATES
  const updates = startUpdateService({
    updater: electronUpdater.autoUpdater,
    onStatus: (status) => mainWindow?.webContents.send(UPDATE_STATUS_EVENT, status),
    log: log.write,
    unsynced: () => unsynced,
    confirmRestart: (count) => {
      const prompt = restartPrompt(count)
      const choice = prompt ? dialog.showMessageBoxSync({ type: 'info', ...prompt, defaultId: 0, cancelId: 1, noLink: true }) : 0
      restartingToUpdate = choice === 0
      return restartingToUpdate
    },
  })
  app.on('will-quit', () => updates.stop())
  return updates
}

/** A crashed page is logged and reloaded (its edits are on disk), and says so once it is back; helper processes are logged. */
function recoverFromCrashes(support: SupportDesk): void {
  app.on('render-process-gone', (_event, contents, details) => {
    deepLinks.pageGone()
    if (support.crashes.rendererGone(details)) contents.reload()
  })
  app.on('child-process-gone', (_event, details) => support.crashes.childGone(details))
}

/** The OS opens `skylight-contacts://` links with this app (an installed app registers through its package too). */
function registerLinkScheme(): void {
  // Unpackaged, the OS must start Electron with our entry script for a link to reach us.
  if (process.defaultApp && process.argv[1]) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [process.argv[1]])
  else app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME)
  const link = deepLinkInArgv(process.argv)
  if (link) deepLinks.receive(link)
}

function failToStart(error: unknown): void {
  dialog.showErrorBox(desktopText('main.start.failed'), error instanceof Error ? error.message : String(error))
  app.exit(1)
}

async function openSession(): Promise<Session> {
  const dataDir = app.getPath('userData')
  const store = await chooseSecretStore({ keytar: await loadKeytar(), safeStorage, dataDir })
  const session = createSession({
    store,
    dataDir,
    createClient: createSkylightClient,
    startSandbox: () => startSandboxServer({ port: 0 }),
  })
  await session.restore()
  await openDemoInDevelopment(session)
  return session
}

/** `npm run dev` with no key set opens demo data at once; a released app always asks first. */
async function openDemoInDevelopment(session: Session): Promise<void> {
  if (app.isPackaged || (await session.status()).mode !== 'signed_out') return
  // A failed demo start leaves the onboarding screen, which offers it again.
  await session.startDemo()
}

/** keytar is a native module that may be missing or unbuilt; the secret store then falls back. */
async function loadKeytar() {
  try {
    const module = await import('keytar')
    return module.default ?? module
  } catch {
    return null
  }
}

function registerIpc(table: HandlerTable): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(ipcName(channel), (event, args: unknown, options?: unknown) => dispatch(table, channel, args, event.senderFrame?.url, isOwnPage, options))
  }
}

/** The system's languages, most preferred first: the app's locale, then the OS's list (the page picks the one it speaks). */
function systemLanguages(): string[] {
  return [app.getLocale(), ...app.getPreferredSystemLanguages()].filter((tag, index, all) => tag && all.indexOf(tag) === index).slice(0, 16)
}

/** File, Edit, View, Contacts, Help from the keymap, in main's language; a click is run by the page like its keys. */
function setAppMenu(): void {
  const template = appMenuTemplate({
    run: (id) => mainWindow?.webContents.send(MENU_COMMAND_EVENT, id),
    isMac: process.platform === 'darwin',
    devTools: !app.isPackaged,
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

/**
 * Closing the window (which quits on Windows and Linux, and is how a quit closes it everywhere)
 * with edits not yet synced says how many, and that they sync next time; the user may stay.
 */
function confirmCloseWithUnsynced(window: BrowserWindow, event: Electron.Event): boolean {
  const prompt = quitPrompt(unsynced)
  if (!prompt) return true
  const choice = dialog.showMessageBoxSync(window, { type: 'info', ...prompt, defaultId: 0, cancelId: 1, noLink: true })
  if (choice === 0) return true
  event.preventDefault()
  return false
}

function denyPermissions(): void {
  const { defaultSession } = electronSession
  defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionGranted(permission)))
  defaultSession.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission))
}

const FILTER_NAME_KEYS: Record<ExportFormat, string> = { csv: 'main.export.csvFiles', vcard: 'main.export.vcardFiles' }
const filterFor = (format: ExportFormat): Electron.FileFilter => ({ name: desktopText(FILTER_NAME_KEYS[format]), extensions: [EXPORT_EXTENSIONS[format].slice(1)] })

/** The save dialog for an export, over the window, starting in Documents with the suggested name. */
async function askWhereToSave(fileName: string, format: ExportFormat): Promise<string | null> {
  const options: Electron.SaveDialogOptions = { title: desktopText('main.export.title'), defaultPath: join(app.getPath('documents'), fileName), filters: [filterFor(format)] }
  const answer = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options)
  return answer.canceled || !answer.filePath ? null : answer.filePath
}

function disposeOnQuit(session: Session, exports: ExportFiles): void {
  let disposed = false
  app.on('will-quit', (event) => {
    if (disposed) return
    // Hold the quit until the sandbox and any open requests are closed, and unfinished exports dropped, then quit for real.
    event.preventDefault()
    void Promise.all([session.dispose(), exports.dispose()]).finally(() => {
      disposed = true
      app.quit()
    })
  })
}

/** Opens where the user left it (if that screen is still there); remembers size and place on close. */
function createWindow(saved: WindowState | null, remember: (state: WindowState) => void): BrowserWindow {
  const place = placeWindow(saved, screen.getAllDisplays().map((display) => display.workArea))
  const window = new BrowserWindow({
    ...mainWindowFrame,
    ...place.bounds,
    // Electron's security checklist: an isolated, sandboxed page with no Node and no webviews,
    // talking only through the preload; middle-click cannot open windows either.
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
    },
  })
  harden(window.webContents)
  window.webContents.on('did-finish-load', () => deepLinks.pageLoaded())
  window.webContents.on('did-start-loading', () => deepLinks.pageGone())
  window.once('ready-to-show', () => {
    if (place.maximized) window.maximize()
    window.show()
  })
  let closeConfirmed = false
  window.on('close', (event) => {
    if (!closeConfirmed && !restartingToUpdate && !confirmCloseWithUnsynced(window, event)) return
    closeConfirmed = true
    const state = { bounds: window.getNormalBounds(), maximized: window.isMaximized() }
    remember(state)
    void writeWindowState(app.getPath('userData'), state).catch(() => {})
  })
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null
  })
  if (devServerUrl) void window.loadURL(devServerUrl)
  else void window.loadFile(paths.rendererHtml)
  return window
}

/** The page stays on our page: no navigation away, no new windows, no webviews. */
function harden(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isOwnPage(event.url)) event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    const allowed = allowedExternalUrl(url)
    if (allowed) void shell.openExternal(allowed)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

function focusMainWindow(): void {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}
