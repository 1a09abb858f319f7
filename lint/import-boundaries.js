// ESLint rule: refuses an import that crosses one of the house's boundaries (the table in boundaries.js), judged on the file the import resolves to.
import { existsSync, statSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'

/** `**` spans folders, `*` stays within one, `{a,b}` is either; matched against a whole repo-relative path. */
export function globToRegExp(glob) {
  let pattern = ''
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]
    if (glob.startsWith('**/', i)) {
      pattern += '(?:.*/)?'
      i += 2
    } else if (glob.startsWith('**', i)) {
      pattern += '.*'
      i += 1
    } else if (char === '*') pattern += '[^/]*'
    else if (char === '{') pattern += '(?:'
    else if (char === '}') pattern += ')'
    else if (char === ',') pattern += '|'
    else pattern += char.replace(/[.+?^$()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${pattern}$`)
}

const matchesAny = (globs = [], path) => globs.some((glob) => globToRegExp(glob).test(path))
const isFile = (path) => existsSync(path) && statSync(path).isFile()

/** The file an import names, as the bundler finds it: the path itself, with .ts or .vue, or its folder's index.ts. */
function resolveImport(fromFile, specifier) {
  const base = resolve(dirname(fromFile), specifier)
  return [base, `${base}.ts`, `${base}.vue`, `${base}/index.ts`].find(isFile) ?? base
}

/** The folder matching `roomGlob` that holds `path` (a room such as one feature), or null. */
function roomOf(roomGlob, path) {
  const room = globToRegExp(roomGlob)
  const parts = path.split('/')
  for (let end = parts.length - 1; end > 0; end--) {
    const folder = parts.slice(0, end).join('/')
    if (room.test(folder)) return folder
  }
  return null
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Imports may not cross the boundaries between the rooms of the house (docs/DESIGN.md).' },
    schema: [{ type: 'object', properties: { forbid: { type: 'array' }, entryOnly: { type: 'array' } }, additionalProperties: false }],
    messages: { crossing: '[{{name}}] {{why}} ({{from}} imports {{target}})' },
  },
  create(context) {
    const { forbid = [], entryOnly = [] } = context.options[0] ?? {}
    const repoPath = (path) => relative(context.cwd, path).split('\\').join('/')
    const from = repoPath(context.filename)
    const forbidden = forbid.filter((rule) => matchesAny(rule.from, from) && !matchesAny(rule.exceptFrom, from))
    const entered = entryOnly.filter((rule) => !matchesAny(rule.exceptFrom, from))

    function check(source) {
      if (source?.type !== 'Literal' || typeof source.value !== 'string' || !source.value.startsWith('.')) return
      const target = repoPath(resolveImport(context.filename, source.value))
      const report = (rule) => context.report({ node: source, messageId: 'crossing', data: { name: rule.name, why: rule.message, from, target } })
      for (const rule of forbidden) if (matchesAny(rule.target, target)) report(rule)
      for (const rule of entered) {
        const room = roomOf(rule.rooms, target)
        if (room && !from.startsWith(`${room}/`) && !matchesAny(rule.entries, target.slice(room.length + 1))) report(rule)
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    }
  },
}
