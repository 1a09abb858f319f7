import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { CHANNELS, MENU_COMMAND_EVENT, ipcName } from '../shared/contract'

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
  })
  return {
    app,
    BrowserWindow,
    ipcMain: { handle: vi.fn() },
    shell: { openExternal: vi.fn(async () => {}) },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
    safeStorage: { isEncryptionAvailable: () => true },
    dialog: { showErrorBox: vi.fn(), showMessageBoxSync: vi.fn(() => 0) },
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
vi.mock('./secrets/choose-store', () => ({ chooseSecretStore: vi.fn(async () => fakes.store) }))
vi.mock('./session/session', () => ({ createSession: vi.fn(() => fakes.session) }))
vi.mock('../sandbox/sandbox-server', () => ({ startSandboxServer: vi.fn(async () => ({ baseUrl: 'http://127.0.0.1:1' })) }))

type Electron = Awaited<ReturnType<typeof importElectronDouble>>
const importElectronDouble = async () => {
  const electron = await import('electron')
  return electron as unknown as {
    app: import('node:events').EventEmitter & Record<'isPackaged', boolean> & Record<'requestSingleInstanceLock' | 'quit' | 'exit' | 'whenReady' | 'getPath', ReturnType<typeof vi.fn>>
    BrowserWindow: { instances: Array<FakeWindow> }
    ipcMain: { handle: ReturnType<typeof vi.fn> }
    shell: { openExternal: ReturnType<typeof vi.fn> }
    session: { defaultSession: Record<'setPermissionRequestHandler' | 'setPermissionCheckHandler', ReturnType<typeof vi.fn>> }
    dialog: Record<'showErrorBox' | 'showMessageBoxSync', ReturnType<typeof vi.fn>>
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
    electron.app.emit('second-instance')
    expect(window.restore).toHaveBeenCalledTimes(1)
    expect(window.focus).toHaveBeenCalledTimes(1)
    expect(electron.BrowserWindow.instances).toHaveLength(1)
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
