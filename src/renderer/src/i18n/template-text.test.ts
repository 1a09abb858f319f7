// No words written into a template: every text a person reads comes from a catalog (the catalog test checks the catalogs).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'vue/compiler-sfc'
import { describe, expect, it } from 'vitest'

const RENDERER = join(dirname(fileURLToPath(import.meta.url)), '..')
/** Attributes a person reads or hears. */
const READ_ATTRIBUTES = new Set(['placeholder', 'title', 'aria-label', 'label', 'alt', 'positive-text', 'negative-text', 'content', 'description', 'aria-description', 'aria-roledescription'])
/** Two letters of any script make a word; keys, symbols and separators (· ⌘ / …) are not text. */
const WORD = /\p{L}{2,}/u

function vueFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return vueFiles(path)
    return path.endsWith('.vue') ? [path] : []
  })
}

interface TemplateNode {
  type: number
  content?: string
  props?: { type: number; name: string; value?: { content: string } }[]
  children?: TemplateNode[]
  loc: { start: { line: number } }
}
const ELEMENT = 1
const TEXT = 2
const ATTRIBUTE = 6

function writtenText(node: TemplateNode, found: string[] = []): string[] {
  if (node.type === TEXT && node.content && WORD.test(node.content)) found.push(`line ${node.loc.start.line}: "${node.content.trim()}"`)
  if (node.type === ELEMENT) {
    for (const prop of node.props ?? []) {
      if (prop.type === ATTRIBUTE && READ_ATTRIBUTES.has(prop.name) && prop.value && WORD.test(prop.value.content)) {
        found.push(`line ${node.loc.start.line}: ${prop.name}="${prop.value.content}"`)
      }
    }
  }
  for (const child of node.children ?? []) writtenText(child, found)
  return found
}

describe.each(vueFiles(RENDERER).map((path) => [relative(RENDERER, path), path]))('%s', (_name, path) => {
  it('writes no words in its template', () => {
    const { descriptor } = parse(readFileSync(path, 'utf8'))
    const ast = descriptor.template?.ast as TemplateNode | undefined
    expect(ast ? writtenText(ast) : []).toEqual([])
  })
})
