// Where Electron cannot run: the same app in the browser host with demo data, at a printed address only this user can use.
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { build } from 'vite'
import { startHost, type Host } from '../host/host-server'

/** Builds the renderer quietly, as `npm run build:renderer` does. */
async function buildRenderer(root: string): Promise<void> {
  await build({ configFile: resolve(root, 'vite.renderer.config.ts'), root: resolve(root, 'src/renderer'), logLevel: 'error' })
}

/** Opens the system browser when there is one; the printed address is enough otherwise. */
function openBrowser(url: string): void {
  if (process.env.SKYLIGHT_NO_BROWSER === '1') return
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
  const child = spawn(command, [url], { stdio: 'ignore', detached: true })
  child.on('error', () => {})
  child.unref()
}

export async function openInBrowser(root: string, port: number): Promise<Host> {
  await buildRenderer(root)
  const host = await startHost({ port, demo: true, rendererDir: resolve(root, 'out/renderer-web') })
  console.log(`SkyLight Contacts (demo data) is open at ${host.url}`)
  console.log('This address holds a secret for this run: keep it to yourself. Ctrl+C stops the app.')
  openBrowser(host.url)
  return host
}
