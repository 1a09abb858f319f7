import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appPaths } from './app-paths'
import { isPermissionGranted } from './permissions'
import { mainWindowOptions } from './window-options'

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs')

  it('isolates the page: context isolation, sandbox, no Node, no webviews', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    })
  })

  it('opens hidden at a desktop size with a minimum and the app title', () => {
    expect(options).toMatchObject({ width: 1280, height: 800, title: 'SkyLight Contacts', show: false })
    expect(options.minWidth).toBeLessThan(options.width)
    expect(options.minHeight).toBeLessThan(options.height)
  })
})

describe('appPaths', () => {
  it('finds the CommonJS preload and the renderer beside the built main script', () => {
    expect(appPaths(join('/app', 'out', 'main'))).toEqual({
      preload: join('/app', 'out', 'preload', 'index.cjs'),
      rendererHtml: join('/app', 'out', 'renderer', 'index.html'),
    })
  })
})

describe('isPermissionGranted', () => {
  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'hid', 'unknown'])('denies %s', (permission) => {
    expect(isPermissionGranted(permission)).toBe(false)
  })

  it('allows sanitized clipboard writes, so contact details can be copied', () => {
    expect(isPermissionGranted('clipboard-sanitized-write')).toBe(true)
  })
})
