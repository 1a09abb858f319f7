// The packaging configuration: fuses set as Electron's security guide asks, keytar rebuilt and unpacked, all three OSes, updates and links.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'

const config = load(readFileSync(fileURLToPath(new URL('../../electron-builder.yml', import.meta.url)), 'utf8')) as Record<string, unknown>
const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { scripts: Record<string, string> }

describe('packaging', () => {
  it('sets the fuses: no RunAsNode, no NODE_OPTIONS, encrypted cookies, the app only from a validated asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    })
    expect(config.asar).toBe(true)
  })

  it('rebuilds keytar for Electron and loads native modules from outside the asar', () => {
    expect(config.npmRebuild).toBe(true)
    expect(config.asarUnpack).toContain('**/*.node')
  })

  it('publishes a generic update feed over https, and the zip beside the dmg that a Mac updates from', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: expect.stringMatching(/^https:\/\//) })
    expect((config.mac as { target: string[] }).target).toContain('zip')
  })

  it('signs macOS builds for notarization: hardened runtime, JIT the only entitlement', () => {
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true, entitlements: 'resources/entitlements.mac.plist', entitlementsInherit: 'resources/entitlements.mac.plist' })
    const entitlements = readFileSync(fileURLToPath(new URL('../../resources/entitlements.mac.plist', import.meta.url)), 'utf8')
    expect([...entitlements.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1])).toEqual(['com.apple.security.cs.allow-jit'])
  })

  it('registers skylight-contacts:// links, which the Linux desktop file lists as a MimeType', () => {
    expect(config.protocols).toEqual([{ name: 'SkyLight Contacts link', schemes: ['skylight-contacts'] }])
  })

  it('builds AppImage and deb, dmg, nsis, with the app id, name and icons from resources/', () => {
    expect(config).toMatchObject({
      appId: 'com.skylightchat.contacts',
      productName: 'SkyLight Contacts',
      linux: { target: ['AppImage', 'deb'], icon: 'resources/icon.png' },
      mac: { target: ['dmg', 'zip'], icon: 'resources/icon.png' },
      win: { target: 'nsis', icon: 'resources/icon.png' },
    })
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder')
  })
})
