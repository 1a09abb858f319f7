// Recognises the app's own page, the only caller IPC handlers answer and the only place the window may go.
import { pathToFileURL } from 'node:url'

export type PageLocation = {
  /** The built renderer's index.html on disk, loaded with `loadFile` in production. */
  rendererHtml: string
  /** electron-vite's dev server (`ELECTRON_RENDERER_URL`), set only in development. */
  devServerUrl?: string | undefined
}

/**
 * In development the page is any URL on the dev server's origin; in production it is
 * exactly our index.html (any query or hash, since the router may use them). Another
 * file:// page, even beside ours, is not our page.
 */
export function createIsOwnPage(location: PageLocation): (url: string) => boolean {
  const devOrigin = location.devServerUrl ? new URL(location.devServerUrl).origin : null
  const page = pathToFileURL(location.rendererHtml)
  return (raw) => {
    let url: URL
    try {
      url = new URL(raw)
    } catch {
      return false
    }
    if (devOrigin) return url.origin === devOrigin
    return url.protocol === 'file:' && url.host === page.host && url.pathname === page.pathname
  }
}
