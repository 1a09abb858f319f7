// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { NInputNumber } from 'naive-ui'
import type { RememberedId } from './remembered-ids'
import IdPicker from './IdPicker.vue'
import { i18n, setAppLocale } from '../../i18n'

let wrapper: VueWrapper | null = null
afterEach(() => {
  setAppLocale('en')
  wrapper?.unmount()
  wrapper = null
})

/** Mounted closed, then opened, as the contacts screen does (opening resets what was typed). */
async function open(remembered: RememberedId[] = [], kind: 'list' | 'segment' = 'list', targets = 3) {
  wrapper = mount(IdPicker, { props: { show: false, kind, targets, remembered }, attachTo: document.body, global: { plugins: [i18n] } })
  await wrapper.setProps({ show: true })
  await flushPromises()
  return wrapper
}

/** Typing: an input event only (no change, no blur). The e2e bulk-actions test checks Tab reaches the name field in Chromium. */
async function type(input: HTMLInputElement, value: string): Promise<void> {
  input.value = value
  input.dispatchEvent(new Event('input', { bubbles: true }))
  await flushPromises()
}

const ctrlEnter = () => new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true })

describe('the list and segment id picker', () => {
  it('offers a name field once a new id is typed, and applies both with Ctrl+Enter', async () => {
    const picker = await open()
    const idField = picker.findComponent(NInputNumber).find('input').element as HTMLInputElement
    // The dialog is teleported to the body: look there.
    const labelField = () => document.querySelector<HTMLInputElement>('input[aria-label="list name"]')
    expect(labelField()).toBeNull()
    await type(idField, '42')
    const label = labelField()
    expect(label).not.toBeNull()
    await type(label!, 'Berlin fair')
    idField.dispatchEvent(ctrlEnter())
    expect(picker.emitted('apply')).toEqual([[42, 'Berlin fair']])
  })

  it('applies the id used before, preselected, with Ctrl+Enter', async () => {
    const picker = await open([{ id: 7, label: 'Autumn leads', usedAt: 1 }])
    const form = document.querySelector('.id-picker__form') as HTMLElement
    const event = ctrlEnter()
    form.querySelector('.n-base-selection')!.dispatchEvent(event)
    expect(event.defaultPrevented).toBe(true)
    expect(picker.emitted('apply')).toEqual([[7, '']])
  })

  it('does not apply a fractional id (the field keeps what is typed, so the name field shows as soon as the id is)', async () => {
    const picker = await open()
    const idField = picker.findComponent(NInputNumber).find('input').element as HTMLInputElement
    await type(idField, '4.5')
    idField.dispatchEvent(ctrlEnter())
    expect(picker.emitted('apply')).toBeUndefined()
  })

  it('speaks German, a segment in its own words and the count in the title', async () => {
    setAppLocale('de')
    await open([{ id: 7, label: 'Herbst', usedAt: 1 }], 'segment', 1)
    expect(document.querySelector('.n-card-header')?.textContent).toContain('1 Kontakt zu einem Segment hinzufügen')
    expect(document.querySelector('[data-test="id-picker-apply"]')?.textContent).toBe('Zum Segment hinzufügen')
    expect(document.querySelector('.id-picker__hint')?.textContent).toBe('Die API kann keine Segmente auflisten, daher merkt sich die App die Segmente, die Sie verwenden.')
    await wrapper!.setProps({ targets: 12 })
    expect(document.querySelector('.n-card-header')?.textContent).toContain('12 Kontakte zu einem Segment hinzufügen')
  })
})
