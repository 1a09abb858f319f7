// @vitest-environment happy-dom
// The palette and the help speak the app's language: titles, menus, the input's words; the palette finds English too.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { i18n, setAppLocale, t } from '../../i18n'
import CommandPalette from './CommandPalette.vue'
import ShortcutHelp from './ShortcutHelp.vue'
import { COMMANDS, bindingInText } from './key-commands'

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  setAppLocale('en')
})

/** The modal opens after mounting (its watcher runs on a change of `show`), teleported to the body. */
async function open(component: typeof CommandPalette | typeof ShortcutHelp, props: Record<string, unknown>): Promise<HTMLElement> {
  wrapper = mount(component, { props: { ...props, show: false }, attachTo: document.body, global: { plugins: [i18n] } })
  await wrapper.setProps({ show: true })
  await flushPromises()
  return document.body
}

const everyCommand = new Set(COMMANDS.map((command) => command.id))

describe('the command palette and the shortcut help in the app’s language', () => {
  it('lists the palette’s commands in German, finds them by their German or English title, and says when none matches', async () => {
    setAppLocale('de')
    const body = await open(CommandPalette, { available: everyCommand })
    const input = body.querySelector<HTMLInputElement>('[data-test="command-palette"] input')!
    expect(input.placeholder).toBe('Befehl eingeben…')
    expect(body.querySelector('[data-test="command-palette"]')!.getAttribute('aria-label')).toBe('Befehlspalette')
    const options = () => [...body.querySelectorAll('[role="option"] > span:first-child')].map((option) => option.textContent)
    expect(options()).toContain('Tags hinzufügen')
    input.value = 'tags entf'
    input.dispatchEvent(new Event('input'))
    await flushPromises()
    expect(options()).toEqual(['Tags entfernen'])
    input.value = 'remove tags'
    input.dispatchEvent(new Event('input'))
    await flushPromises()
    expect(options()).toEqual(['Tags entfernen'])
    input.value = 'zzz'
    input.dispatchEvent(new Event('input'))
    await flushPromises()
    expect(body.querySelector('.palette__empty')!.textContent).toBe('Kein Befehl passt zu „zzz“.')
  })

  it('groups the help under the menus’ Arabic names, with Arabic titles', async () => {
    setAppLocale('ar')
    const body = await open(ShortcutHelp, {})
    const help = body.querySelector('[data-test="shortcut-help"]')!
    expect([...help.querySelectorAll('h3')].map((heading) => heading.textContent)).toEqual(['ملف', 'تحرير', 'عرض', 'جهات الاتصال', 'مساعدة', 'البحث'])
    expect(help.textContent).toContain('إضافة وسوم')
    expect(help.textContent).toContain('تعمل الاختصارات ذات المفتاح الواحد على الجدول')
    expect(help.getAttribute('aria-label')).toBe('اختصارات لوحة المفاتيح')
  })
})

describe('the search syntax in the help and the palette', () => {
  it('explains note: beside #tag in the help, with an example in the language', async () => {
    const body = await open(ShortcutHelp, {})
    const syntax = body.querySelector('[data-test="search-syntax"]')!
    expect([...syntax.querySelectorAll('dt')].map((term) => term.textContent)).toEqual(['anna 4155', '#vip  tag:vip', 'note:price'])
    expect(syntax.textContent).toContain('Contacts with a note holding a word that starts with it, offline too')
    wrapper?.unmount()
    setAppLocale('de')
    const german = await open(ShortcutHelp, {})
    expect(german.querySelector('[data-test="search-syntax"]')!.textContent).toContain('note:preis')
  })

  it('reminds of #tag and note: under the palette’s commands', async () => {
    const body = await open(CommandPalette, { available: everyCommand })
    expect(body.querySelector('[data-test="palette-search-hint"]')!.textContent).toBe('In the search box (/): #tag finds tags, note:word finds words in notes')
  })
})

describe('a key combination inside a sentence', () => {
  it('stays left to right in Arabic, isolated from the words around it', async () => {
    const syncNow = COMMANDS.find((command) => command.id === 'sync.now')!.bindings[0]!
    const keys = bindingInText(syncNow, 'other')
    expect(keys).toBe('\u2066Ctrl+R\u2069')
    await setAppLocale('ar')
    expect(t('pending.sync.nowWithKeys', { keys })).toBe('زامن الآن (\u2066Ctrl+R\u2069)')
    await setAppLocale('de')
    expect(t('app.settings.tooltip', { keys: bindingInText({ key: ',', mod: true }, 'mac') })).toMatch(/\u2066⌘,\u2069/)
  })
})
