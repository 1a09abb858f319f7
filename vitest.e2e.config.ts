// End-to-end tests: the built renderer in Debian Chromium, driven by playwright-core.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    // Bounds for a test that hangs, not waits: every step waits on a state, so a loaded machine
    // (CI beside other jobs) only makes a run slower. offline-edits takes 16 s idle, 45 s with
    // four busy cores' worth of load on two.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll waits for a state (a notification, a count, the server's data) and returns as
    // soon as it holds; its 1 s default failed steps whose work merely ran late under load.
    expect: { poll: { timeout: 15_000 } },
    fileParallelism: false,
  },
})
