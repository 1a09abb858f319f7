import { afterEach, describe, expect, it } from 'vitest'
import { i18n, setAppLocale, t } from '../../i18n'
import { COMMANDS, type Command } from './key-commands'
import { filterCommands } from './palette-filter'

/** As the palette reads them: the title in the app's language, then in English. */
const titlesOf = (command: Command) => [t(command.titleKey), i18n.global.t(command.titleKey, {}, { locale: 'en' })]
const titles = (query: string) => filterCommands(COMMANDS, query, titlesOf).map((command) => t(command.titleKey))

afterEach(() => setAppLocale('en'))

describe('palette filter', () => {
  it('lists every command for an empty query', () => {
    expect(filterCommands(COMMANDS, '  ', titlesOf)).toHaveLength(COMMANDS.length)
  })

  it('matches word prefixes, every typed word, in any case', () => {
    expect(titles('tag')).toEqual(['Add tags', 'Remove tags'])
    expect(titles('REM tag')).toEqual(['Remove tags'])
    expect(titles('seg')).toEqual(['Add to segment'])
    expect(titles('zzz')).toEqual([])
  })

  it('matches the title in the app’s language, with or without accents, and the English title too', () => {
    setAppLocale('de')
    expect(titles('tags entf')).toEqual(['Tags entfernen'])
    expect(titles('loschen')).toEqual(['Löschen'])
    expect(titles('e-mail')).toEqual(['E-Mail senden', 'E-Mail-Adresse kopieren'])
    expect(titles('remove tags')).toEqual(['Tags entfernen'])
    setAppLocale('ru')
    expect(titles('тег')).toEqual(['Добавить теги', 'Удалить теги'])
    expect(titles('sync')).toEqual(['Синхронизировать сейчас'])
  })
})
