// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { NMessageProvider } from 'naive-ui'
import { setBridge } from '../../bridge'
import { fakeBridge, type CallLog } from '../../test-support/fake-bridge'
import ContactReach from './ContactReach.vue'
import { nextTick } from 'vue'
import { i18n, setAppLocale } from '../../i18n'

const contact = { name: 'Sarah Johnson', phone: '+14155551234', email: 'sarah@example.com' }
let wrapper: VueWrapper | null = null

function mountReach() {
  const Host = defineComponent(() => () => h(NMessageProvider, null, () => h(ContactReach, { contact })))
  wrapper = mount(Host, { attachTo: document.body, global: { plugins: [i18n] } })
  return wrapper
}

afterEach(() => {
  setAppLocale('en')
  wrapper?.unmount()
  wrapper = null
  setBridge(null)
})

describe('reaching a contact', () => {
  it('opens WhatsApp through the bridge', async () => {
    const calls: CallLog = []
    setBridge(fakeBridge({ 'shell.openExternal': async () => ({ ok: true, data: null }) }, calls))
    await mountReach().find('[data-test="reach-whatsapp"]').trigger('click')
    await flushPromises()
    expect(calls).toEqual([{ channel: 'shell.openExternal', args: { url: 'https://wa.me/14155551234' } }])
  })

  it('explains a way it cannot reach them', () => {
    expect(mountReach().find('button[aria-label^="Instagram"]').attributes('aria-label')).toBe(
      'Instagram: SkyLight gives no Instagram username for this contact.',
    )
  })

  it('copies the phone and says so', async () => {
    const written: string[] = []
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void written.push(text) } })
    const copyPhone = mountReach()
      .findAll('button')
      .find((button) => button.text() === 'Copy phone')
    await copyPhone!.trigger('click')
    await flushPromises()
    expect(written).toEqual(['+14155551234'])
    expect(document.body.textContent).toContain('Copied')
  })

  it('words a toast still shown in the language the user switches to', async () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => {} } })
    const copyPhone = mountReach()
      .findAll('button')
      .find((button) => button.text() === 'Copy phone')
    await copyPhone!.trigger('click')
    await flushPromises()
    const toast = () => document.body.querySelector('.n-message__content')?.textContent
    expect(toast()).toBe('Copied')
    setAppLocale('de')
    await nextTick()
    expect(toast()).toBe('Kopiert')
  })
})
