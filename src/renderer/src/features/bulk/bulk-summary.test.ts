import { afterEach, describe, expect, it } from 'vitest'
import { setAppLocale } from '../../i18n'
import type { Attention, BulkAction, BulkOutcome } from './bulk-actions'
import { attentionLines, summarize, undoNotes } from './bulk-summary'

const outcome = (action: BulkAction, changed: number, unchanged = 0, attention: Attention[] = []): BulkOutcome => ({
  action,
  changed: Array.from({ length: changed }, (_, i) => ({ id: i + 1 })),
  unchanged,
  attention,
  intents: [],
})
const phoneless = (id: number): Attention => ({ id, name: `Ana ${id}`, reason: { kind: 'needsPhone', channel: 'telegram' } })

afterEach(() => setAppLocale('en'))

describe('what a bulk action says it did', () => {
  it('says it in English as before, tags listed as a sentence lists them', () => {
    expect(summarize(outcome({ kind: 'addTags', tags: ['vip'] }, 40, 3, [phoneless(1), phoneless(2)]))).toBe('40 tagged vip · 3 already were · 2 need attention')
    expect(summarize(outcome({ kind: 'removeTags', tags: ['vip', 'fair', 'lead'] }, 1, 1))).toBe('1 untagged vip, fair, and lead · 1 already was')
    expect(summarize(outcome({ kind: 'addToList', listId: 7 }, 1234))).toBe('1,234 added to list #7')
  })

  it('agrees with each count in Russian: one, few, many', () => {
    setAppLocale('ru')
    const moved = (count: number) => summarize(outcome({ kind: 'changeChannel', type: 'telegram' }, count))
    expect(moved(1)).toBe('1 контакт перенесён в Telegram')
    expect(moved(3)).toBe('3 контакта перенесены в Telegram')
    expect(moved(5)).toBe('5 контактов перенесены в Telegram')
    expect(moved(21)).toBe('21 контакт перенесён в Telegram')
    expect(summarize(outcome({ kind: 'delete' }, 2, 0, [phoneless(1)]))).toBe('2 контакта удалены · 1 требует внимания')
  })

  it('agrees with each count in Arabic: one, two, few, many', () => {
    setAppLocale('ar')
    const deleted = (count: number) => summarize(outcome({ kind: 'delete' }, count))
    expect(deleted(1)).toBe('جهة اتصال واحدة: حُذفت')
    expect(deleted(2)).toBe('جهتا اتصال: حُذفت')
    expect(deleted(3)).toContain('جهات اتصال: حُذفت')
    expect(deleted(11)).toContain('جهة اتصال: حُذفت')
  })

  it('names the contacts left out in whole sentences, then how many more, in German', () => {
    setAppLocale('de')
    const gone: Attention = { id: 99, name: null, reason: { kind: 'gone' } }
    const lines = attentionLines([gone, ...Array.from({ length: 9 }, (_, i) => phoneless(i + 1))])
    expect(lines[0]).toBe('Kontakt 99 ist nicht mehr in der Offline-Kopie')
    expect(lines[1]).toBe('Ana 1 braucht eine Telefonnummer für Telegram')
    expect(lines.at(-1)).toBe('und 2 weitere')
    expect(lines).toHaveLength(9)
  })

  it('says what an undo could not do, in German', () => {
    setAppLocale('de')
    expect(undoNotes({ dropped: 0, inverted: 0, impossible: 1, recreated: [], gone: 2 })).toEqual([
      '1 bereits synchronisierter Kontakt lässt sich nicht zurücksetzen (die API kann nichts entfernen)',
      '2 inzwischen gelöschte Kontakte blieben unberührt',
    ])
  })
})
