// The rooms of the house and what each may import: the table lint enforces with import-boundaries.js (docs/DESIGN.md draws the rooms).
const R = 'src/renderer/src'
const TESTS = ['**/*.test.ts', '**/test-support/**']
const DATA_WING = [`${R}/bridge.ts`, `${R}/db/**`, `${R}/search/**`, `${R}/sync/**`, `${R}/workspace/**`]
const UI = [`${R}/app/**`, `${R}/features/**`, `${R}/components/**`]

export const BOUNDARIES = {
  /** Imports from `from` (but not `exceptFrom`) may not reach `target`. */
  forbid: [
    {
      name: 'renderer-imports-node',
      from: ['src/renderer/**'],
      exceptFrom: TESTS,
      target: ['src/main/**', 'src/preload/**', 'src/sandbox/**', 'src/host/**'],
      message: 'The renderer runs in the page: it reaches main only through the bridge (window.skylight), never by importing main, preload, sandbox or host code.',
    },
    {
      name: 'db-imports-up',
      from: [`${R}/db/**`],
      target: [...DATA_WING.filter((room) => room !== `${R}/db/**`), ...UI],
      message: 'db/ is the bottom of the data wing: it imports shared code and itself only (the outbox declares the store it needs).',
    },
    {
      name: 'data-imports-ui',
      // db/ has its own, stricter boundary above.
      from: DATA_WING.filter((room) => room !== `${R}/db/**`),
      target: UI,
      message: 'The data wing (bridge, search, sync, workspace) serves the features: it imports no feature, app or widget.',
    },
    {
      name: 'widget-imports-app',
      from: [`${R}/components/**`],
      target: [...DATA_WING, `${R}/app/**`, `${R}/features/**`],
      message: 'components/ holds generic widgets: they import no feature, store, data or bridge.',
    },
    {
      name: 'feature-imports-app',
      from: [`${R}/features/**`],
      target: [`${R}/app/**`],
      message: 'The app composes the features; a feature never imports the app.',
    },
    {
      name: 'production-imports-test-double',
      from: ['src/**', 'bench/**'],
      exceptFrom: TESTS,
      target: ['**/test-support/**'],
      message: 'Test doubles and fixtures are for tests only.',
    },
    {
      name: 'demo-imports-faults',
      from: ['src/main/**', 'src/host/**', 'src/sandbox/*.ts'],
      exceptFrom: [...TESTS, 'src/sandbox/sandbox-cli.ts', 'src/sandbox/cli-args.ts'],
      target: ['src/sandbox/faults/**'],
      message: 'Demo mode and the host run the plain sandbox server (src/sandbox/sandbox-server.ts); fault injection is for tests, the bench and `npm run sandbox`.',
    },
  ],
  /** A folder matching `rooms` is entered only through `entries` (relative to it) by code outside it (but not `exceptFrom`). */
  entryOnly: [
    {
      name: 'feature-internals',
      rooms: `${R}/features/*`,
      entries: ['index.ts', 'test-support/**'],
      // The scroll probe is built alone and evaluated in the app's page: it takes the table's geometry, not the whole feature.
      exceptFrom: ['bench/page/scroll-probe.ts'],
      message: "A feature's files are its own: import what it offers from its index.ts.",
    },
    {
      name: 'outbox-internals',
      rooms: `${R}/sync/outbox`,
      entries: ['index.ts', 'test-support/**'],
      message: "The outbox's files are its own: import from sync/outbox (its index.ts).",
    },
  ],
}
