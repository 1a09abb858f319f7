// Every boundary fires on a small snippet linted with the project's own ESLint config, and the legal import beside it passes.
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const eslint = new ESLint({ cwd: ROOT })

/** The boundary names the import-boundaries rule reports for `code` as if it were the file at `filePath`. */
async function crossings(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return result!.messages.filter((message) => message.ruleId === 'local/import-boundaries').map((message) => /^\[([a-z-]+)\]/.exec(message.message)?.[1] ?? message.message)
}

const R = 'src/renderer/src'

describe('import boundaries', () => {
  it.each([
    ['the renderer imports src/main', `${R}/features/contacts/refresh.ts`, "import { createSkylightClient } from '../../../../main/api/client'", 'renderer-imports-node'],
    ['the renderer imports the sandbox', `${R}/sync/pull/probe.ts`, "import { startSandboxServer } from '../../../../sandbox/sandbox-server'", 'renderer-imports-node'],
    ['db/ imports sync/', `${R}/db/pending.ts`, "import { listQueue } from '../sync/outbox'", 'db-imports-up'],
    ['db/ imports a feature', `${R}/db/counts.ts`, "import { useBulkStore } from '../features/bulk'", 'db-imports-up'],
    ['the data wing imports a feature', `${R}/sync/pull/notify.ts`, "import { useSyncStore } from '../../features/pending'", 'data-imports-ui'],
    ['a widget imports a feature', `${R}/components/Badge.vue`, "<script setup lang=\"ts\">\nimport { useSyncStore } from '../features/pending'\n</script>\n<template><span /></template>\n", 'widget-imports-app'],
    ['a feature imports the app', `${R}/features/bulk/theme-aware.ts`, "import { lightOverrides } from '../../app/theme'", 'feature-imports-app'],
    ["a feature imports another feature's internals", `${R}/features/contacts/undo.ts`, "import { useBulkStore } from '../bulk/bulk-store'", 'feature-internals'],
    ["the app imports a feature's internals", `${R}/app/Menu.vue`, "<script setup lang=\"ts\">\nimport CommandPalette from '../features/shortcuts/CommandPalette.vue'\n</script>\n<template><command-palette /></template>\n", 'feature-internals'],
    ['production code imports a test double', `${R}/features/account/bridge-check.ts`, "import { fakeBridge } from '../../test-support/fake-bridge'", 'production-imports-test-double'],
    ['main imports a test double', 'src/main/session/probe.ts', "import { testClient } from '../../sandbox/test-support/test-client'", 'production-imports-test-double'],
    ['code outside the outbox imports its internals', `${R}/sync/pull/retry.ts`, "import { retryAllNow } from '../outbox/queue'", 'outbox-internals'],
    ['a feature imports the outbox internals', `${R}/features/pending/count.ts`, "export { pendingCount } from '../../sync/outbox/queue'", 'outbox-internals'],
    ['demo mode imports fault injection', 'src/main/session/demo.ts', "import { startSandbox } from '../../sandbox/faults/knobbed-sandbox'", 'demo-imports-faults'],
    ['the plain sandbox server imports fault injection', 'src/sandbox/routes-extra.ts', "import { DEFAULT_KNOBS } from './faults/knobs'", 'demo-imports-faults'],
  ])('fails when %s', async (_what, filePath, code, boundary) => {
    expect(await crossings(filePath, code)).toEqual([boundary])
  })

  it.each([
    ['a feature imports another feature through its index.ts', `${R}/features/contacts/undo.ts`, "import { useBulkStore } from '../bulk'"],
    ['a feature imports its own files', `${R}/features/bulk/undo-all.ts`, "import { useBulkStore } from './bulk-store'"],
    ['code outside the outbox imports its entry point', `${R}/sync/pull/retry.ts`, "import { retryAllNow } from '../outbox'"],
    ['the outbox imports its own files', `${R}/sync/outbox/retry-all.ts`, "import { retryAllNow } from './queue'"],
    ['db/ imports shared code and itself', `${R}/db/rows.ts`, "import type { ContactRow } from '../../../shared/contact'\nimport { mergeRows } from './contacts-repo'"],
    ['a test imports a test double and main', `${R}/features/account/login.test.ts`, "import { fakeBridge } from '../../test-support/fake-bridge'\nimport { createSkylightClient } from '../../../../main/api/client'"],
    ['a test imports the outbox test support', `${R}/features/bulk/redo.test.ts`, "import { markSent } from '../../sync/outbox/test-support/queue-states'"],
    ['main runs the plain sandbox server', 'src/main/session/demo.ts', "import { startSandboxServer } from '../../sandbox/sandbox-server'"],
    ['the e2e tests start the sandbox with its faults', 'e2e/offline.e2e.ts', "import { startSandbox } from '../src/sandbox/faults/knobbed-sandbox'"],
  ])('passes when %s', async (_what, filePath, code) => {
    expect(await crossings(filePath, code)).toEqual([])
  })
})
