// `npm run dev`: the app in Electron (fetching its binary first if needed), or, where Electron cannot be fetched, in the browser.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openInBrowser } from './browser-fallback'
import { fetchElectron } from './fetch-electron'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const port = Number(process.env.SKYLIGHT_DEV_PORT ?? 0)

const electron = await fetchElectron()
if (electron.ok) {
  // The package exports only its API; its command sits beside it (dist/ -> bin/).
  const electronVite = resolve(dirname(createRequire(import.meta.url).resolve('electron-vite')), '../bin/electron-vite.js')
  const child = spawn(process.execPath, [electronVite, 'dev', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
  child.on('close', (code) => process.exit(code ?? 1))
} else {
  console.log(`Electron's binary could not be downloaded (${electron.reason}): opening SkyLight Contacts in your browser instead.`)
  const host = await openInBrowser(root, port)
  const stop = () => void host.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
