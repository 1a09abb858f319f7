// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { NSelect, type SelectOption } from 'naive-ui'
import type { Workspace } from '../../workspace/workspace'
import { i18n, setAppLocale } from '../../i18n'
import ContactFilters from './ContactFilters.vue'
import { openAccountDatabase } from '../../db/database'
import { keptOfflineFirst } from '../../sync/hydrate'
import { useWorkspaceStore } from '../../workspace/workspace-store'
import { useContactsStore } from './contacts-store'

const tags = [
  { tag: 'zeta', count: 3 },
  { tag: 'ёлка', count: 3 },
  { tag: 'апрель', count: 3 },
  { tag: 'vip', count: 1234 },
]
const workspace = { search: { tags: async () => tags, onIndexChanged: () => () => {} } } as unknown as Workspace

async function filters() {
  const wrapper = mount(ContactFilters, { props: { workspace }, global: { plugins: [i18n] } })
  await flushPromises()
  const selects = wrapper.findAllComponents(NSelect)
  const labels = (index: number) => (selects[index]!.props('options') as SelectOption[]).map((option) => option.label)
  return { wrapper, selects, labels }
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => setAppLocale('en'))

describe('the filter bar', () => {
  it('lists tags most used first, then in the language’s alphabet', async () => {
    const { wrapper, labels } = await filters()
    expect(labels(1)).toEqual(['vip (1,234)', 'zeta (3)', 'апрель (3)', 'ёлка (3)'])
    setAppLocale('ru')
    await flushPromises()
    expect(labels(1)).toEqual([`vip (1${'\u00a0'}234)`, 'апрель (3)', 'ёлка (3)', 'zeta (3)'])
    wrapper.unmount()
  })

  it('names its choices in German', async () => {
    setAppLocale('de')
    const { wrapper, selects, labels } = await filters()
    expect(selects.map((select) => select.props('placeholder'))).toEqual(['Alle Kanäle', 'Alle Tags', 'Sperrliste: alle', 'Alle Status'])
    expect(selects[0]!.props('inputProps')).toMatchObject({ 'aria-label': 'Kanalfilter' })
    expect(labels(0)).toEqual(['WhatsApp', 'Telegram', 'Instagram'])
    expect(labels(2)).toEqual(['Gesperrt', 'Nicht gesperrt'])
    expect(labels(1)[0]).toBe('vip (1.234)')
    wrapper.unmount()
  })

  it('marks the current filters "keep offline first" in the account\'s mirror, and unmarks them', async () => {
    const db = await openAccountDatabase(`filters-${randomUUID()}`)
    useWorkspaceStore().current = { ...workspace, accountId: 'filters', db } as Workspace
    const { wrapper } = await filters()
    expect(wrapper.find('[data-test="keep-offline"]').exists()).toBe(false)
    useContactsStore().setFilter('tag', 'vip')
    await flushPromises()
    const keep = () => wrapper.get('[data-test="keep-offline"]')
    expect(keep().text()).toBe('Keep offline first')
    await keep().trigger('click')
    await flushPromises()
    expect(await keptOfflineFirst(db)).toEqual([{ tag: 'vip' }])
    expect(keep().text()).toBe('Kept offline first')
    expect(keep().attributes('aria-pressed')).toBe('true')
    await keep().trigger('click')
    await flushPromises()
    expect(await keptOfflineFirst(db)).toEqual([])
    wrapper.unmount()
    db.close()
  })
})
