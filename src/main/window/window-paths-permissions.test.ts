import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appPaths } from './app-paths'
import { isPermissionGranted } from './permissions'

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
