// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { NForm } from 'naive-ui'
import type { AuthStatus } from '../../../../shared/contract'
import type { ApiError } from '../../../../shared/result'
import { setBridge } from '../../bridge'
import { i18n } from '../../i18n'
import { fakeBridge, type CallLog } from '../../test-support/fake-bridge'
import { useSessionStore } from './session-store'
import { useSyncStore } from '../pending'
import type { SyncSession } from '../../sync/session/sync-session'
import KeyRefusedBanner from './KeyRefusedBanner.vue'
import NewKeyDialog from './NewKeyDialog.vue'

const BASE = 'https://skylight.example'
const account: AuthStatus = { mode: 'account', baseUrl: BASE, keyHint: 'sk_live_…1234', accountId: 'acc-1', storage: 'keychain', storageWarning: null }
const REFUSED: ApiError = {
  kind: 'validation',
  message: 'The API key was refused by skylight.example. Check that you copied the whole key and that it was not revoked.',
  fields: { apiKey: ['The API key was refused by skylight.example.'] },
}

let wrapper: VueWrapper | null = null
let log: CallLog
let keyReplaced: ReturnType<typeof vi.fn>

/** Signed in to `status`, with the queue paused by a refused key and `waiting` edits kept. */
async function mountRefused(status: AuthStatus, setKey: () => Promise<unknown>, waiting = 3) {
  setBridge(fakeBridge({ 'auth.status': async () => ({ ok: true, data: status }), 'auth.setKey': setKey as never }, log))
  await useSessionStore().load()
  const sync = useSyncStore()
  sync.replayer = 'paused_unauthorized'
  sync.unsynced = waiting
  sync.session = { keyReplaced } as unknown as SyncSession
  wrapper = mount(KeyRefusedBanner, { attachTo: document.body, global: { plugins: [i18n] } })
  await flushPromises()
}

async function openDialog() {
  await wrapper!.find('[data-test="enter-new-key"]').trigger('click')
  await flushPromises()
  return wrapper!.findComponent(NForm)
}

async function submitKey(apiKey: string) {
  const form = await openDialog()
  await form.find('input[name="apiKey"]').setValue(apiKey)
  await form.find('[data-test="new-key-save"]').trigger('click')
  await flushPromises()
  return form
}

beforeEach(() => {
  setActivePinia(createPinia())
  log = []
  keyReplaced = vi.fn()
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  setBridge(null)
})

describe('the refused-key banner', () => {
  it('asks for the new key of the same account, saying how many edits wait, and resumes syncing once it is accepted', async () => {
    await mountRefused(account, async () => ({ ok: true, data: { ...account, keyHint: 'sk_live_…9999' } }))
    expect(wrapper!.find('[data-test="key-refused"]').text()).toContain('Your edits are kept on this computer')
    const form = await openDialog()
    expect(form.find('[data-test="new-key-server"]').text()).toBe(BASE)
    expect(form.find('[data-test="new-key-waiting"]').text()).toBe('3 edits are waiting on this computer and will be sent with the new key.')
    expect(form.findAll('input').map((input) => input.attributes('name'))).toEqual(['apiKey'])

    await submitKey('sk_live_new_key_9999')
    expect(log.filter((call) => call.channel === 'auth.setKey')).toEqual([
      { channel: 'auth.setKey', args: { apiKey: 'sk_live_new_key_9999', baseUrl: BASE, keepAccount: true } },
    ])
    expect(keyReplaced).toHaveBeenCalledTimes(1)
    expect(wrapper!.findComponent(NewKeyDialog).props('show')).toBe(false)
    expect(useSessionStore().status).toMatchObject({ accountId: 'acc-1', keyHint: 'sk_live_…9999' })
  })

  it('says why in the dialog when the new key is refused too, and changes nothing', async () => {
    await mountRefused(account, async () => ({ ok: false, error: REFUSED }), 1)
    const form = await submitKey('sk_live_still_wrong')
    expect(form.find('[role="alert"]').text()).toContain('The API key was refused by skylight.example.')
    expect(keyReplaced).not.toHaveBeenCalled()
    expect(wrapper!.findComponent(NewKeyDialog).props('show')).toBe(true)
    expect(useSessionStore().status).toEqual(account)
    expect(useSyncStore().replayer).toBe('paused_unauthorized')
  })

  it('offers no key to replace in the demo, and hides once the key works', async () => {
    await mountRefused({ ...account, mode: 'demo', accountId: 'demo', keyHint: null }, async () => ({ ok: false, error: REFUSED }))
    expect(wrapper!.find('[data-test="key-refused"]').exists()).toBe(true)
    expect(wrapper!.find('[data-test="enter-new-key"]').exists()).toBe(false)
    const sync = useSyncStore()
    sync.replayer = 'idle'
    sync.reachability = 'online'
    await flushPromises()
    expect(wrapper!.find('[data-test="key-refused"]').exists()).toBe(false)
  })
})
