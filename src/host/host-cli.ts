// `npm run host -- --port 4173`: serves the built renderer with the real main handlers until interrupted.
import { parseArgs } from 'node:util'
import { startHost } from './host-server'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4173' },
    'renderer-dir': { type: 'string' },
    'data-dir': { type: 'string' },
  },
})

const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not "${values.port}".`)
  process.exit(2)
}

try {
  const host = await startHost({ port, rendererDir: values['renderer-dir'], dataDir: values['data-dir'] })
  console.log(`SkyLight Contacts is at ${host.url}`)
  const stop = (): void => {
    void host.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
