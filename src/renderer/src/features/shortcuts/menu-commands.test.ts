// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, type PropType, type VNode } from 'vue'
import { mount, type VueWrapper } from '@vue/test-utils'
import type { SkylightEvents } from '../../../../shared/contract'
import type { CommandId, TextEdit } from '../../../../shared/keymap'
import { useAppMenu, useMenuCommands } from './menu-commands'

/** What main would send: one menu click. */
let click: (id: CommandId) => void
let subscribed = 0
let wrapper: VueWrapper | null = null

beforeEach(() => {
  subscribed = 0
  const events: SkylightEvents = {
    onMenuCommand(listener) {
      click = listener
      subscribed++
      return () => subscribed--
    },
    onDeepLink: () => () => {},
    onUpdateStatus: () => () => {},
  }
  window.skylightEvents = events
})

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  delete window.skylightEvents
})

type Run = (id: CommandId) => void
type Edit = (edit: TextEdit) => void

/** The root (a text field, a textarea, a checkbox, a button) and, while `withScreen`, the contacts screen: itself as `screen`. */
const Harness = defineComponent({
  props: {
    edit: { type: Function as PropType<Edit>, default: undefined },
    run: { type: Function as PropType<Run>, default: undefined },
    withScreen: { type: Boolean, default: false },
    screen: { type: Boolean, default: false },
  },
  setup(props): () => VNode {
    if (props.screen) {
      useMenuCommands((id) => props.run?.(id))
      return () => h('span')
    }
    useAppMenu(props.edit)
    return () =>
      h('div', [
        h('input', { type: 'text', 'data-test': 'field' }),
        h('textarea', { 'data-test': 'notes' }),
        h('input', { type: 'checkbox', 'data-test': 'checkbox' }),
        h('button', { 'data-test': 'button' }, 'Go'),
        props.withScreen ? h(Harness, { screen: true, run: props.run }) : null,
      ])
  },
})

function mountApp(options: { edit?: Edit; run?: Run } = {}) {
  wrapper = mount(Harness, { props: { ...options, withScreen: Boolean(options.run) }, attachTo: document.body })
  const focus = (test: string) => (wrapper!.get(`[data-test="${test}"]`).element as HTMLElement).focus()
  return { focus, hideScreen: () => wrapper!.setProps({ withScreen: false }) }
}

describe('app menu commands', () => {
  it('edits the focused text field for Undo, Redo and Select All, and leaves the bulk commands alone', () => {
    const edit = vi.fn()
    const run = vi.fn()
    const { focus } = mountApp({ edit, run })
    focus('field')
    click('edit.undo')
    click('edit.redo')
    focus('notes')
    click('selection.all')
    expect(edit.mock.calls).toEqual([['undo'], ['redo'], ['selectAll']])
    expect(run).not.toHaveBeenCalled()
  })

  it('runs the app command for Undo, Redo and Select All when the focus is not in text', () => {
    const edit = vi.fn()
    const run = vi.fn()
    const { focus } = mountApp({ edit, run })
    focus('button')
    click('edit.undo')
    focus('checkbox')
    click('edit.redo')
    const checkbox = document.activeElement as HTMLElement
    checkbox.blur()
    click('selection.all')
    expect(run.mock.calls).toEqual([['edit.undo'], ['edit.redo'], ['selection.all']])
    expect(edit).not.toHaveBeenCalled()
  })

  it('runs every other menu command on the screen, even while typing', () => {
    const edit = vi.fn()
    const run = vi.fn()
    const { focus } = mountApp({ edit, run })
    focus('field')
    click('help.open')
    click('tags.add')
    expect(run.mock.calls).toEqual([['help.open'], ['tags.add']])
    expect(edit).not.toHaveBeenCalled()
  })

  it('still edits text fields with no screen mounted (onboarding), and sends commands nowhere', async () => {
    const edit = vi.fn()
    const run = vi.fn()
    const { focus, hideScreen } = mountApp({ edit, run })
    await hideScreen()
    focus('field')
    click('selection.all')
    expect(edit).toHaveBeenCalledWith('selectAll')
    focus('button')
    expect(() => click('selection.all')).not.toThrow()
    expect(run).not.toHaveBeenCalled()
  })

  it('uses the document editing command by default, and stops listening when the app unmounts', () => {
    const execCommand = vi.fn(() => true)
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true })
    const { focus } = mountApp()
    expect(subscribed).toBe(1)
    focus('field')
    click('edit.redo')
    expect(execCommand).toHaveBeenCalledWith('redo')
    wrapper!.unmount()
    wrapper = null
    expect(subscribed).toBe(0)
    Reflect.deleteProperty(document, 'execCommand')
  })
})
