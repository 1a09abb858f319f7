import { describe, expect, it } from 'vitest'
import { setDesktopLocale } from '../i18n/desktop-text'
import { createMemoryStore } from './memory-store'

describe('memory store', () => {
  it('keeps a secret per account until it is deleted', async () => {
    const store = createMemoryStore()
    await store.set('https://a.example', 'sk_live_a')
    await store.set('https://b.example', 'sk_live_b')
    expect(await store.get('https://a.example')).toBe('sk_live_a')
    expect(await store.get('https://b.example')).toBe('sk_live_b')
    await store.delete('https://a.example')
    expect(await store.get('https://a.example')).toBeNull()
    expect(await store.get('https://b.example')).toBe('sk_live_b')
  })

  it('forgets everything when the process restarts', async () => {
    await createMemoryStore().set('https://a.example', 'sk_live_a')
    expect(await createMemoryStore().get('https://a.example')).toBeNull()
  })

  it('says it is session-only so the UI can warn the user', () => {
    const store = createMemoryStore()
    expect(store.kind).toBe('memory')
    expect(store.warning).toBe('No keychain found: your API key is kept for this session only.')
    // In the language the app speaks when the status is read.
    setDesktopLocale('de')
    expect(store.warning).toMatch(/nur für diese Sitzung/)
    setDesktopLocale('en')
  })

  it('deleting an unknown account is harmless', async () => {
    await expect(createMemoryStore().delete('https://none.example')).resolves.toBeUndefined()
  })
})
