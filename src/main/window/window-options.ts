// The main window's construction options, hardened per Electron's security checklist.

/** The renderer gets no Node, no webviews and an isolated world; it talks only through the preload. */
export function secureWebPreferences(preload: string) {
  return {
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
  } as const
}

export function mainWindowOptions(preload: string) {
  return {
    width: 1280,
    height: 800,
    minWidth: 880,
    minHeight: 560,
    title: 'SkyLight Contacts',
    // Painted behind the page while it loads; a soft neutral rather than stark white.
    backgroundColor: '#f5f5f7',
    // Shown on ready-to-show, so the user never sees a half-drawn page.
    show: false,
    webPreferences: secureWebPreferences(preload),
  }
}
