// Every catalog complete in every language: same keys as English, the same values filled in, every plural form the
// language needs, each key under its room's name and used by that room's code (so a catalog never keeps dead text).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { TYPE, parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { describe, expect, it } from 'vitest'
import { LOCALES } from './locales'

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : filesUnder(path, keep)
    return keep(path) ? [path] : []
  })
}

const catalogFolders = filesUnder(SRC, (path) => path.endsWith(`${sep}messages${sep}en.json`)).map((path) => dirname(path))
const read = (folder: string, locale: string): Record<string, string> => JSON.parse(readFileSync(join(folder, `${locale}.json`), 'utf8'))

/** The values a message fills in, and for each plural or select value the forms it offers. */
function shape(elements: MessageFormatElement[], into = new Map<string, Set<string>>()): Map<string, Set<string>> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue
    if (element.type === TYPE.tag) {
      shape(element.children, into)
      continue
    }
    const forms = into.get(element.value) ?? new Set<string>()
    into.set(element.value, forms)
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const [form, option] of Object.entries(element.options)) {
        forms.add(form)
        shape(option.value, into)
      }
    }
  }
  return into
}

const pluralValues = (elements: MessageFormatElement[], found: { name: string; forms: string[]; ordinal: boolean }[] = []) => {
  for (const element of elements) {
    if (element.type === TYPE.plural) {
      found.push({ name: element.value, forms: Object.keys(element.options), ordinal: element.pluralType === 'ordinal' })
      for (const option of Object.values(element.options)) pluralValues(option.value, found)
    } else if (element.type === TYPE.select) {
      for (const option of Object.values(element.options)) pluralValues(option.value, found)
    }
  }
  return found
}

it('finds the catalogs', () => {
  expect(catalogFolders.length).toBeGreaterThan(0)
})

describe.each(catalogFolders.map((folder) => [relative(SRC, folder), folder]))('%s', (_name, folder) => {
  const room = dirname(folder)
  const prefix = `${room.split(sep).at(-1)}.`
  const english = read(folder, 'en')

  it('names every key after its room', () => {
    expect(Object.keys(english).filter((key) => !key.startsWith(prefix))).toEqual([])
  })

  it.each(LOCALES.filter((locale) => locale !== 'en'))('has every key in %s and no other', (locale) => {
    const catalog = read(folder, locale)
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(english).sort())
  })

  it.each([...LOCALES])('fills in the same values as English, with every plural form %s needs', (locale) => {
    const catalog = read(folder, locale)
    const rules = new Intl.PluralRules(locale).resolvedOptions().pluralCategories
    const ordinalRules = new Intl.PluralRules(locale, { type: 'ordinal' }).resolvedOptions().pluralCategories
    const problems: string[] = []
    for (const [key, message] of Object.entries(catalog)) {
      if (!(key in english)) continue
      let elements: MessageFormatElement[]
      try {
        elements = parse(message, { ignoreTag: true })
      } catch (error) {
        problems.push(`${key}: does not parse (${String(error)})`)
        continue
      }
      const names = [...shape(elements).keys()].sort()
      const englishNames = [...shape(parse(english[key], { ignoreTag: true })).keys()].sort()
      if (names.join() !== englishNames.join()) problems.push(`${key}: fills in {${names}} where English fills in {${englishNames}}`)
      for (const plural of pluralValues(elements)) {
        const needed = plural.ordinal ? ordinalRules : rules
        const missing = needed.filter((form) => !plural.forms.includes(form))
        if (missing.length > 0) problems.push(`${key}: {${plural.name}} lacks the ${locale} forms ${missing.join(', ')}`)
      }
      if (message.trim() === '') problems.push(`${key}: empty`)
    }
    expect(problems).toEqual([])
  })

  it('uses every key in the room’s code', () => {
    const scope = prefix === 'shared.' ? SRC : room
    const code = filesUnder(scope, (path) => /\.(ts|vue)$/.test(path) && !path.endsWith('.test.ts'))
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n')
    expect(Object.keys(english).filter((key) => !code.includes(`'${key}'`) && !code.includes(`"${key}"`))).toEqual([])
  })
})
