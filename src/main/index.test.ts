import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { CHANNELS, DEEP_LINK_EVENT, MENU_COMMAND_EVENT, UPDATE_STATUS_EVENT, ipcName } from '../shared/contract'

// The Electron module replaced by a double: plain event emitters that record what the glue asks for.
vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events')
  class WebContents extends EventEmitter {
    send = vi.fn()
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler
    }
  }
  class BrowserWindow extends EventEmitter {
    static instances: BrowserWindow[] = []
    static getAllWindows = () => BrowserWindow.instances
    webContents = new WebContents()
    minimized = false
    show = vi.fn()
    focus = vi.fn()
    restore = vi.fn()
    isMinimized = vi.fn(() => this.minimized)
    maximize = vi.fn()
    isMaximized = vi.fn(() => false)
    getNormalBounds = vi.fn(() => ({ x: 40, y: 30, width: 1100, height: 720 }))
    loadURL = vi.fn(async () => {})
    loadFile = vi.fn(async () => {})
    constructor(public options: Record<string, unknown>) {
      super()
      BrowserWindow.instances.push(this)
    }
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn((name: string) => `/tmp/skylight-glue-test/${name}`),
    setAsDefaultProtocolClient: vi.fn(() => true),
    getName: vi.fn(() => 'SkyLight Contacts'),
    getVersion: vi.fn(() => '0.1.0'),
    getLocale: vi.fn(() => 'en-GB'),
    getPreferredSystemLanguages: vi.fn(() => ['de-AT', 'en-GB']),
  })
  return {
    app,
    BrowserWindow,
    ipcMain: { handle: vi.fn() },
    shell: { openExternal: vi.fn(async () => {}), openPath: vi.fn(async () => '') },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    safeStorage: { isEncryptionAvailable: () => true },
    dialog: { showErrorBox: vi.fn(), showMessageBoxSync: vi.fn(() => 0), showSaveDialog: vi.fn(async () => ({ canceled: true })) },
    screen: { getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]) },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn() },
  }
})

const fakes = vi.hoisted(() => {
  const status = { mode: 'signed_out', baseUrl: null, keyHint: null, accountId: null, storage: 'memory', storageWarning: null }
  return {
    status,
    store: { kind: 'memory' },
    keytar: { getPassword: () => null },
    session: {
      restore: vi.fn(async () => {}),
      status: vi.fn(async () => status),
      setKey: vi.fn(),
      clear: vi.fn(),
      startDemo: vi.fn(),
      client: vi.fn(() => null),
      dispose: vi.fn(async () => {}),
    },
  }
})
vi.mock('keytar', () => ({ default: fakes.keytar }))
// electron-updater's autoUpdater as a double: an emitter that records checks and installs.
vi.mock('electron-updater', async () => {
  const { EventEmitter } = await import('node:events')
  const autoUpdater = Object.assign(new EventEmitter(), {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    checkForUpdates: vi.fn(async () => null),
    quitAndInstall: vi.fn(),
  })
  return { default: { autoUpdater } }
})
vi.mock('./secrets/choose-store', () => ({ chooseSecretStore: vi.fn(async () => fakes.store) }))
vi.mock('./session/session', () => ({ createSession: vi.fn(() => fakes.session) }))
vi.mock('../sandbox/sandbox-server', () => ({ startSandboxServer: vi.fn(async () => ({ baseUrl: 'http://127.0.0.1:1' })) }))

type Electron = Awaited<ReturnType<typeof importElectronDouble>>
const importElectronDouble = async () => {
  const electron = await import('electron')
  return electron as unknown as {
    app: import('node:events').EventEmitter & Record<'isPackaged', boolean> & Record<'requestSingleInstanceLock' | 'quit' | 'exit' | 'whenReady' | 'getPath' | 'setAsDefaultProtocolClient' | 'getLocale', ReturnType<typeof vi.fn>>
    BrowserWindow: { instances: Array<FakeWindow> }
    ipcMain: { handle: ReturnType<typeof vi.fn> }
    shell: Record<'openExternal' | 'openPath', ReturnType<typeof vi.fn>>
    session: { defaultSession: Record<'setPermissionRequestHandler' | 'setPermissionCheckHandler', ReturnType<typeof vi.fn>> }
    dialog: Record<'showErrorBox' | 'showMessageBoxSync' | 'showSaveDialog', ReturnType<typeof vi.fn>>
    Menu: Record<'buildFromTemplate' | 'setApplicationMenu', ReturnType<typeof vi.fn>>
    safeStorage: unknown
  }
}
type FakeWindow = import('node:events').EventEmitter & {
  options: { webPreferences: Record<string, unknown> } & Record<string, unknown>
  webContents: import('node:events').EventEmitter & { windowOpenHandler: (details: { url: string }) => { action: string }; send: ReturnType<typeof vi.fn> }
  minimized: boolean
} & Record<'show' | 'focus' | 'restore' | 'loadURL' | 'loadFile' | 'maximize' | 'isMaximized' | 'getNormalBounds', ReturnType<typeof vi.fn>>

const DEV_URL = 'http://localhost:5173'
const rendererHtml = fileURLToPath(new URL('../renderer/index.html', import.meta.url))
const preload = fileURLToPath(new URL('../preload/index.cjs', import.meta.url))

/** A fresh copy of the glue over a clean double, as if Electron had just started it. */
async function loadGlue(setup: (electron: Electron) => void = () => {}): Promise<Electron> {
  vi.resetModules()
  const electron = await importElectronDouble()
  // The double outlives resetModules: clear what the previous test left on it.
  electron.BrowserWindow.instances.length = 0
  electron.app.removeAllListeners()
  electron.app.isPackaged = false
  setup(electron)
  await import('./index')
  return electron
}

/** Loads the glue and waits until it opened its window. */
async function launch(setup?: (electron: Electron) => void): Promise<{ electron: Electron; window: FakeWindow }> {
  const electron = await loadGlue(setup)
  await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1))
  return { electron, window: electron.BrowserWindow.instances[0]! }
}

const navigation = (url: string) => ({ url, preventDefault: vi.fn() })

describe('main process glue', () => {
  beforeEach(() => {
    vi.stubEnv('ELECTRON_RENDERER_URL', DEV_URL)
    // Back to each double's own implementation, with no calls recorded.
    vi.resetAllMocks()
  })
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('opens one hardened window: isolated, sandboxed, no Node, no webviews, our CommonJS preload', async () => {
    const { window } = await launch()
    expect(window.options.webPreferences).toEqual({
      preload,
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
    })
    expect(window.options).toMatchObject({ width: 1280, height: 800, title: 'SkyLight Contacts', show: false })
  })

  it('remembers the window size and place on close, and opens there next time', async () => {
    const userData = await mkdtemp(join(tmpdir(), 'glue-window-'))
    const usingTempDir = (electron: Electron) => electron.app.getPath.mockImplementation(() => userData)
    try {
      const first = await launch(usingTempDir)
      expect(first.window.options).toMatchObject({ width: 1280, height: 800 })
      first.window.emit('close')
      await vi.waitFor(async () => expect(JSON.parse(await readFile(join(userData, 'window-state.json'), 'utf8'))).toMatchObject({ bounds: { x: 40, width: 1100 } }))
      const second = await launch(usingTempDir)
      expect(second.window.options).toMatchObject({ x: 40, y: 30, width: 1100, height: 720 })
    } finally {
      await rm(userData, { recursive: true, force: true })
    }
  })

  it('shows the window only when it is ready to show', async () => {
    const { window } = await launch()
    expect(window.show).not.toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalledTimes(1)
  })

  it('loads the dev server in development', async () => {
    const { window } = await launch()
    expect(window.loadURL).toHaveBeenCalledWith(DEV_URL)
    expect(window.loadFile).not.toHaveBeenCalled()
  })

  it('loads the built page when packaged, even if ELECTRON_RENDERER_URL is set', async () => {
    const { window } = await launch((electron) => {
      electron.app.isPackaged = true
    })
    expect(window.loadFile).toHaveBeenCalledWith(rendererHtml)
    expect(window.loadURL).not.toHaveBeenCalled()
    const event = navigation(`${DEV_URL}/`)
    window.webContents.emit('will-navigate', event)
    expect(event.preventDefault).toHaveBeenCalled()
  })

  it('builds the session from the chosen secret store and restores it before opening the window', async () => {
    const { chooseSecretStore } = await import('./secrets/choose-store')
    const { createSession } = await import('./session/session')
    const { startSandboxServer } = await import('../sandbox/sandbox-server')
    const { electron } = await launch()
    // The glue's own copy, since launching reloads every real module.
    const { createSkylightClient } = await import('./api/client')
    expect(chooseSecretStore).toHaveBeenCalledWith({ keytar: fakes.keytar, safeStorage: electron.safeStorage, dataDir: '/tmp/skylight-glue-test/userData' })
    const deps = vi.mocked(createSession).mock.calls[0]![0]
    expect(deps).toMatchObject({ store: fakes.store, dataDir: '/tmp/skylight-glue-test/userData', createClient: createSkylightClient })
    await deps.startSandbox()
    expect(startSandboxServer).toHaveBeenCalledWith({ port: 0 })
    expect(fakes.session.restore).toHaveBeenCalledTimes(1)
    expect(fakes.session.restore.mock.invocationCallOrder[0]).toBeLessThan(vi.mocked(electron.ipcMain.handle).mock.invocationCallOrder[0]!)
  })

  it('opens demo data in development when no key is set', async () => {
    await launch()
    expect(fakes.session.startDemo).toHaveBeenCalledTimes(1)
    expect(fakes.session.startDemo.mock.invocationCallOrder[0]).toBeGreaterThan(fakes.session.restore.mock.invocationCallOrder[0]!)
  })

  it('asks for a key instead of opening demo data in a released app or when signed in', async () => {
    await launch((electron) => {
      electron.app.isPackaged = true
    })
    fakes.session.status.mockResolvedValueOnce({ ...fakes.status, mode: 'account' })
    await launch()
    expect(fakes.session.startDemo).not.toHaveBeenCalled()
  })

  it('registers exactly one ipcMain handler per contract channel', async () => {
    const { electron } = await launch()
    const names = electron.ipcMain.handle.mock.calls.map(([name]) => name)
    expect(names).toHaveLength(CHANNELS.length)
    expect(new Set(names)).toEqual(new Set(CHANNELS.map(ipcName)))
  })

  it('answers our page through the handler table and forbids any other sender', async () => {
    const { electron } = await launch()
    const handler = electron.ipcMain.handle.mock.calls.find(([name]) => name === ipcName('auth.status'))![1] as (
      event: unknown,
      args: unknown,
    ) => Promise<unknown>
    await expect(handler({ senderFrame: { url: `${DEV_URL}/#/contacts` } }, {})).resolves.toEqual({ ok: true, data: fakes.status })
    await expect(handler({ senderFrame: { url: 'https://evil.example/' } }, {})).resolves.toMatchObject({ ok: false, error: { kind: 'forbidden' } })
    await expect(handler({ senderFrame: null }, {})).resolves.toMatchObject({ ok: false, error: { kind: 'forbidden' } })
    await expect(handler({ senderFrame: { url: `${DEV_URL}/` } }, { extra: 1 })).resolves.toMatchObject({ ok: false, error: { kind: 'validation' } })
  })

  it("hands the page's call priority to the client, and refuses one it does not know", async () => {
    const getContact = vi.fn(async () => ({ ok: true, data: { id: 7 } }))
    fakes.session.client.mockReturnValue({ getContact } as never)
    const { electron } = await launch()
    const handler = (channel: string) =>
      electron.ipcMain.handle.mock.calls.find(([name]) => name === ipcName(channel as never))![1] as (event: unknown, args: unknown, options?: unknown) => Promise<unknown>
    const fromPage = { senderFrame: { url: `${DEV_URL}/` } }
    await expect(handler('contacts.get')(fromPage, { id: 7 }, { priority: 'hydrate' })).resolves.toEqual({ ok: true, data: { id: 7 } })
    expect(getContact).toHaveBeenLastCalledWith(7, { priority: 'hydrate' })
    await handler('contacts.get')(fromPage, { id: 7 })
    expect(getContact).toHaveBeenLastCalledWith(7, { priority: 'interactive' })
    await expect(handler('contacts.get')(fromPage, { id: 7 }, { priority: 'urgent' })).resolves.toMatchObject({ ok: false, error: { kind: 'validation' } })
    expect(getContact).toHaveBeenCalledTimes(2)
    await expect(handler('app.setBackgroundShare')(fromPage, { percent: 25 })).resolves.toEqual({ ok: true, data: null })
    await expect(handler('app.setBackgroundShare')(fromPage, { percent: 5 })).resolves.toMatchObject({ ok: false, error: { kind: 'validation' } })
  })

  it('writes failed calls to userData/logs/main.log for support', async () => {
    const userData = await mkdtemp(join(tmpdir(), 'glue-log-'))
    try {
      const { electron } = await launch((double) => double.app.getPath.mockImplementation(() => userData))
      const handler = electron.ipcMain.handle.mock.calls.find(([name]) => name === ipcName('contacts.get'))![1] as (event: unknown, args: unknown) => Promise<unknown>
      // The double's session has no client: the call fails as signed out, and the log says so.
      await expect(handler({ senderFrame: { url: `${DEV_URL}/` } }, { id: 7 })).resolves.toMatchObject({ ok: false, error: { kind: 'signed_out' } })
      expect(await readFile(join(userData, 'logs', 'main.log'), 'utf8')).toMatch(/ WARN contacts\.get failed: signed_out: /)
    } finally {
      await rm(userData, { recursive: true, force: true })
    }
  })

  it('requests the single-instance lock and focuses the existing window on a second launch', async () => {
    const { electron, window } = await launch()
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1)
    window.minimized = true
    electron.app.emit('second-instance', {}, ['/opt/skylight-contacts'], '/')
    expect(window.restore).toHaveBeenCalledTimes(1)
    expect(window.focus).toHaveBeenCalledTimes(1)
    expect(electron.BrowserWindow.instances).toHaveLength(1)
  })

  it('registers skylight-contacts:// links and hands each to the page once it has loaded, checked', async () => {
    const { electron, window } = await launch()
    expect(electron.app.setAsDefaultProtocolClient).toHaveBeenCalledWith('skylight-contacts')
    const sent = () => window.webContents.send.mock.calls.filter(([channel]) => channel === DEEP_LINK_EVENT).map(([, event]) => event)
    electron.app.emit('second-instance', {}, ['/opt/skylight-contacts', 'skylight-contacts://contact/42'], '/')
    expect(sent()).toEqual([])
    window.webContents.emit('did-finish-load')
    expect(sent()).toEqual([{ link: { kind: 'contact', id: 42 } }])
    const openUrl = { preventDefault: vi.fn() }
    electron.app.emit('open-url', openUrl, 'skylight-contacts://search?q=Dubois')
    electron.app.emit('open-url', { preventDefault: vi.fn() }, 'skylight-contacts://settings/delete-everything')
    expect(openUrl.preventDefault).toHaveBeenCalled()
    expect(sent().slice(1)).toEqual([{ link: { kind: 'search', query: 'Dubois' } }, { refused: expect.stringMatching(/^This link cannot be opened/) }])
    expect(window.focus).toHaveBeenCalledTimes(3)
  })

  it('opens the link the app was launched with', async () => {
    vi.stubGlobal('process', Object.assign(Object.create(process), { argv: [...process.argv, 'skylight-contacts://search?q=vip'] }))
    try {
      const { window } = await launch()
      window.webContents.emit('did-finish-load')
      expect(window.webContents.send).toHaveBeenCalledWith(DEEP_LINK_EVENT, { link: { kind: 'search', query: 'vip' } })
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('a released app checks for updates, tells the page, and restarts for one only after saying how many edits wait', async () => {
    const { default: updaterModule } = await import('electron-updater')
    const autoUpdater = updaterModule.autoUpdater as unknown as import('node:events').EventEmitter & Record<'checkForUpdates' | 'quitAndInstall', ReturnType<typeof vi.fn>>
    autoUpdater.removeAllListeners()
    autoUpdater.checkForUpdates.mockResolvedValue(null)
    // The window closes at the end: its state goes to a folder of this test's.
    const userData = await mkdtemp(join(tmpdir(), 'glue-update-'))
    onTestFinished(() => rm(userData, { recursive: true, force: true }))
    const { electron, window } = await launch((double) => {
      double.app.isPackaged = true
      double.app.getPath.mockImplementation(() => userData)
    })
    expect(autoUpdater.checkForUpdates).toHaveBeenCalledTimes(1)
    autoUpdater.emit('update-downloaded', { version: '0.2.0' })
    expect(window.webContents.send).toHaveBeenCalledWith(UPDATE_STATUS_EVENT, { state: 'ready', version: '0.2.0' })
    const table = electron.ipcMain.handle.mock.calls.find(([name]) => name === ipcName('app.setUnsynced'))![1]
    const restart = electron.ipcMain.handle.mock.calls.find(([name]) => name === ipcName('app.restartToUpdate'))![1]
    const fromPage = { senderFrame: { url: pathToFileURL(rendererHtml).href } }
    await table(fromPage, { count: 4 })
    electron.dialog.showMessageBoxSync.mockReturnValue(1)
    expect(await restart(fromPage, {})).toEqual({ ok: true, data: { restarting: false } })
    expect(electron.dialog.showMessageBoxSync).toHaveBeenLastCalledWith(expect.objectContaining({ message: '4 edits have not reached SkyLight yet', buttons: ['Restart and update', 'Later'] }))
    expect(autoUpdater.quitAndInstall).not.toHaveBeenCalled()
    electron.dialog.showMessageBoxSync.mockReturnValue(0)
    expect(await restart(fromPage, {})).toEqual({ ok: true, data: { restarting: true } })
    expect(autoUpdater.quitAndInstall).toHaveBeenCalledWith(false, true)
    // The window then closes for the install without asking a second time.
    const close = { preventDefault: vi.fn() }
    window.emit('close', close)
    expect(close.preventDefault).not.toHaveBeenCalled()
    expect(electron.dialog.showMessageBoxSync).toHaveBeenCalledTimes(2)
    await vi.waitFor(() => expect(existsSync(join(userData, 'window-state.json'))).toBe(true))
  })

  it('reloads a crashed page, logs why, and tells the reloaded page once; a clean exit is left alone', async () => {
    const userData = await mkdtemp(join(tmpdir(), 'glue-crash-'))
    onTestFinished(() => rm(userData, { recursive: true, force: true }))
    const { electron } = await launch((double) => double.app.getPath.mockImplementation(() => userData))
    const contents = { reload: vi.fn() }
    electron.app.emit('render-process-gone', {}, contents, { reason: 'clean-exit', exitCode: 0 })
    expect(contents.reload).not.toHaveBeenCalled()
    electron.app.emit('render-process-gone', {}, contents, { reason: 'oom', exitCode: 137 })
    expect(contents.reload).toHaveBeenCalledTimes(1)
    electron.app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 9 })
    const notice = electron.ipcMain.handle.mock.calls.find(([name]) => name === ipcName('app.crashNotice'))![1]
    const fromPage = { senderFrame: { url: `${DEV_URL}/` } }
    expect(await notice(fromPage, {})).toEqual({ ok: true, data: { reason: 'oom', at: expect.any(String) } })
    expect(await notice(fromPage, {})).toEqual({ ok: true, data: null })
    const logged = await readFile(join(userData, 'logs', 'main.log'), 'utf8')
    expect(logged).toMatch(/ERROR renderer process gone: oom \(exit code 137\)/)
    expect(logged).toMatch(/WARN GPU process gone: crashed \(exit code 9\)/)
    expect(logged).not.toMatch(/clean-exit/)
  })

  it('tells the page its version, where the offline copy and the logs live, and opens the logs folder', async () => {
    const { electron } = await launch()
    const handler = (channel: string) => electron.ipcMain.handle.mock.calls.find(([name]) => name === ipcName(channel as never))![1]
    const fromPage = { senderFrame: { url: `${DEV_URL}/` } }
    const userData = '/tmp/skylight-glue-test/userData'
    expect(await handler('app.info')(fromPage, {})).toEqual({ ok: true, data: { version: '0.1.0', selfUpdating: false, offlineCopy: join(userData, 'IndexedDB'), logs: join(userData, 'logs'), languages: ['en-GB', 'de-AT'] } })
    expect(await handler('app.openLogs')(fromPage, {})).toEqual({ ok: true, data: null })
    expect(electron.shell.openPath).toHaveBeenCalledWith(join(userData, 'logs'))
  })

  it('asks where to save an export with the save dialog over the window, in Documents, and writes the file there', async () => {
    const documents = await mkdtemp(join(tmpdir(), 'glue-export-'))
    try {
      const { electron, window } = await launch()
      const handler = (channel: string) => electron.ipcMain.handle.mock.calls.find(([name]) => name === ipcName(channel as never))![1]
      const fromPage = { senderFrame: { url: `${DEV_URL}/` } }
      // Cancelled: nothing opens.
      expect(await handler('export.open')(fromPage, { fileName: 'contacts.vcf', format: 'vcard' })).toEqual({ ok: true, data: null })
      expect(electron.dialog.showSaveDialog).toHaveBeenLastCalledWith(
        window,
        expect.objectContaining({ defaultPath: join('/tmp/skylight-glue-test/documents', 'contacts.vcf'), filters: [expect.objectContaining({ extensions: ['vcf'] })] }),
      )
      const chosen = join(documents, 'leads.csv')
      electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: chosen })
      const opened = (await handler('export.open')(fromPage, { fileName: 'contacts.csv', format: 'csv' })) as { ok: true; data: { id: string; fileName: string } }
      expect(opened).toMatchObject({ ok: true, data: { fileName: 'leads.csv' } })
      await handler('export.write')(fromPage, { id: opened.data.id, at: 0, text: 'Name\r\nAda\r\n' })
      expect(await handler('export.finish')(fromPage, { id: opened.data.id })).toEqual({ ok: true, data: { path: chosen, bytes: 11 } })
      expect(await readFile(chosen, 'utf8')).toBe('Name\r\nAda\r\n')
    } finally {
      await rm(documents, { recursive: true, force: true })
    }
  })

  it('an unpackaged app never checks for updates', async () => {
    const { default: updaterModule } = await import('electron-updater')
    await launch()
    expect(updaterModule.autoUpdater.checkForUpdates).not.toHaveBeenCalled()
  })

  it('quits at once without a window or handlers when another instance holds the lock', async () => {
    const electron = await loadGlue((double) => double.app.requestSingleInstanceLock.mockReturnValue(false))
    expect(electron.app.quit).toHaveBeenCalledTimes(1)
    expect(electron.app.whenReady).not.toHaveBeenCalled()
    expect(electron.BrowserWindow.instances).toHaveLength(0)
    expect(electron.ipcMain.handle).not.toHaveBeenCalled()
  })

  it('sets the app menu from the keymap, and a click sends its command to the page', async () => {
    const { electron, window } = await launch()
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1)
    const { template } = electron.Menu.setApplicationMenu.mock.calls[0]![0] as { template: { label?: string; submenu: { id?: string; click?: () => void }[] }[] }
    expect(template.map((menu) => menu.label)).toEqual(['File', 'Edit', 'View', 'Contacts', 'Help'])
    const help = template.find((menu) => menu.label === 'Help')!.submenu.find((item) => item.id === 'help.open')!
    help.click!()
    expect(window.webContents.send).toHaveBeenCalledWith(MENU_COMMAND_EVENT, 'help.open')
  })

  it('builds the menu in the system’s language, then again in the one the page says it speaks, which the quit prompt speaks too', async () => {
    const userData = await mkdtemp(join(tmpdir(), 'glue-language-'))
    onTestFinished(() => rm(userData, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 }))
    const { electron, window } = await launch((double) => {
      double.app.getLocale.mockReturnValue('fr-CA')
      double.app.getPath.mockImplementation(() => userData)
    })
    type Template = { template: { label?: string; submenu: { id?: string; label?: string }[] }[] }
    const menu = (call: number) => (electron.Menu.setApplicationMenu.mock.calls[call]![0] as Template).template
    expect(menu(0).map((entry) => entry.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Contacts', 'Aide'])
    const handler = (channel: string) => electron.ipcMain.handle.mock.calls.find(([name]) => name === ipcName(channel as never))![1]
    const fromPage = { senderFrame: { url: `${DEV_URL}/` } }
    expect(await handler('app.setLanguage')(fromPage, { locale: 'de' })).toEqual({ ok: true, data: null })
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(2)
    expect(menu(1).map((entry) => entry.label)).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Kontakte', 'Hilfe'])
    expect(menu(1)[0]!.submenu.find((item) => item.id === 'contact.new')?.label).toBe('Neuer Kontakt')
    expect(await handler('app.setLanguage')(fromPage, { locale: 'klingon' })).toMatchObject({ ok: false, error: { kind: 'validation' } })
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(2)
    await handler('app.setUnsynced')(fromPage, { count: 2 })
    electron.dialog.showMessageBoxSync.mockReturnValueOnce(1)
    window.emit('close', { preventDefault: vi.fn() })
    expect(electron.dialog.showMessageBoxSync).toHaveBeenLastCalledWith(
      window,
      expect.objectContaining({ message: '2 Änderungen sind noch nicht bei SkyLight angekommen', buttons: ['Beenden', 'Bleiben und synchronisieren'] }),
    )
  })

  it('prevents navigation away from our page', async () => {
    const { window } = await launch()
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'http://localhost:5174/', 'https://wa.me/1']) {
      const event = navigation(url)
      window.webContents.emit('will-navigate', event)
      expect(event.preventDefault, url).toHaveBeenCalled()
    }
    const inside = navigation(`${DEV_URL}/index.html`)
    window.webContents.emit('will-navigate', inside)
    expect(inside.preventDefault).not.toHaveBeenCalled()
  })

  it('denies every new window, handing only allowlisted links to the operating system', async () => {
    const { electron, window } = await launch()
    expect(window.webContents.windowOpenHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(window.webContents.windowOpenHandler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(electron.shell.openExternal).not.toHaveBeenCalled()
    expect(window.webContents.windowOpenHandler({ url: 'https://wa.me/14155551234' })).toEqual({ action: 'deny' })
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://wa.me/14155551234')
  })

  it('prevents attaching a webview', async () => {
    const { window } = await launch()
    const event = { preventDefault: vi.fn() }
    window.webContents.emit('will-attach-webview', event, {}, {})
    expect(event.preventDefault).toHaveBeenCalled()
  })

  it('denies permission requests and checks', async () => {
    const { electron } = await launch()
    const { setPermissionRequestHandler, setPermissionCheckHandler } = electron.session.defaultSession
    const request = setPermissionRequestHandler.mock.calls[0]![0] as (contents: unknown, permission: string, callback: (granted: boolean) => void) => void
    const check = setPermissionCheckHandler.mock.calls[0]![0] as (contents: unknown, permission: string) => boolean
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn()
      request({}, permission, callback)
      expect(callback, permission).toHaveBeenCalledWith(false)
      expect(check({}, permission), permission).toBe(false)
    }
  })

  it('says how many edits are unsynced when the window closes (a quit closes it too), and stays if the user asks', async () => {
    // A close remembers the window's place: in a folder of this test's own.
    const userData = await mkdtemp(join(tmpdir(), 'glue-close-'))
    onTestFinished(() => rm(userData, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 }))
    const { electron, window } = await launch((double) => double.app.getPath.mockImplementation(() => userData))
    const setUnsynced = electron.ipcMain.handle.mock.calls.find(([name]) => name === ipcName('app.setUnsynced'))![1] as (event: unknown, args: unknown) => Promise<unknown>
    const close = () => {
      const event = { preventDefault: vi.fn() }
      window.emit('close', event)
      return event.preventDefault
    }
    await setUnsynced({ senderFrame: { url: `${DEV_URL}/` } }, { count: 3 })
    electron.dialog.showMessageBoxSync.mockReturnValueOnce(1)
    expect(close()).toHaveBeenCalled()
    expect(electron.dialog.showMessageBoxSync.mock.calls[0]![1]).toMatchObject({ message: '3 edits have not reached SkyLight yet' })
    electron.dialog.showMessageBoxSync.mockReturnValueOnce(0)
    expect(close()).not.toHaveBeenCalled()
    // Confirmed once: the quit that follows the close does not ask again.
    expect(close()).not.toHaveBeenCalled()
    expect(electron.dialog.showMessageBoxSync).toHaveBeenCalledTimes(2)
  })

  it('closes without asking when every edit is synced', async () => {
    const userData = await mkdtemp(join(tmpdir(), 'glue-close-'))
    onTestFinished(() => rm(userData, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 }))
    const { electron, window } = await launch((double) => double.app.getPath.mockImplementation(() => userData))
    const event = { preventDefault: vi.fn() }
    window.emit('close', event)
    expect(event.preventDefault).not.toHaveBeenCalled()
    expect(electron.dialog.showMessageBoxSync).not.toHaveBeenCalled()
  })

  it('disposes the session before the app quits', async () => {
    const { electron } = await launch()
    const event = { preventDefault: vi.fn() }
    electron.app.emit('will-quit', event)
    expect(event.preventDefault).toHaveBeenCalled()
    expect(fakes.session.dispose).toHaveBeenCalledTimes(1)
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(1))
    const second = { preventDefault: vi.fn() }
    electron.app.emit('will-quit', second)
    expect(second.preventDefault).not.toHaveBeenCalled()
  })

  it('tells the user and exits when start-up fails', async () => {
    const { chooseSecretStore } = await import('./secrets/choose-store')
    vi.mocked(chooseSecretStore).mockRejectedValueOnce(new Error('disk full'))
    const electron = await loadGlue()
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(1))
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(expect.any(String), 'disk full')
    expect(electron.BrowserWindow.instances).toHaveLength(0)
  })
})
