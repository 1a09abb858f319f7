// The browser host's stand-in for the preload: a classic script that defines window.skylight over HTTP.
import { CHANNELS } from '../shared/contract'

/** Relative, like every URL the page uses: each keeps the run's secret prefix. */
export const BRIDGE_SCRIPT_PATH = 'host-bridge.js'

/** The call's options (its priority), as JSON, when the page gave any; main checks them as it checks the arguments. */
export const CALL_OPTIONS_HEADER = 'x-skylight-call-options'

/**
 * One method per contract channel, each a POST to rpc/<channel> beside this script, answering the handler's Result.
 * `undefined` arguments travel as an empty body so the handlers validate what the page really sent; options
 * travel in a header.
 */
export function bridgeScript(): string {
  return `// SkyLight Contacts browser host: window.skylight over HTTP (the preload's job in Electron).
(() => {
  // Beside this script, whichever page loaded it: the URL keeps the run's secret.
  const base = new URL('rpc/', document.currentScript.src)
  const call = (channel) => async (args, options) => {
    const headers = { 'content-type': 'application/json' }
    if (options !== undefined) headers[${JSON.stringify(CALL_OPTIONS_HEADER)}] = JSON.stringify(options)
    const response = await fetch(new URL(channel, base), {
      method: 'POST',
      headers,
      body: args === undefined ? '' : JSON.stringify(args),
    })
    return response.json()
  }
  const channels = ${JSON.stringify(CHANNELS)}
  window.skylight = Object.freeze(Object.fromEntries(channels.map((channel) => [channel, call(channel)])))
})()
`
}

/** Adds the bridge script before the app's module script, so it exists when the app starts. */
export function injectBridge(indexHtml: string): string {
  const tag = `<script src="${BRIDGE_SCRIPT_PATH}"></script>`
  const moduleScript = indexHtml.search(/<script\b[^>]*type="module"/)
  if (moduleScript < 0) throw new Error('The built index.html has no module script to put the host bridge before.')
  return `${indexHtml.slice(0, moduleScript)}${tag}\n    ${indexHtml.slice(moduleScript)}`
}
