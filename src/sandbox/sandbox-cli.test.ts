import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import type { ContactRow } from '../shared/contact'
import { testClient } from './test-support/test-client'

const CLI = fileURLToPath(new URL('./sandbox-cli.ts', import.meta.url))
let child: ChildProcess | undefined

afterEach(() => {
  if (child?.exitCode === null) child.kill('SIGKILL')
  child = undefined
})

/** Runs the CLI through tsx, as `npm run sandbox` does, and collects its output. */
function runCli(args: string[]): { process: ChildProcess; output: () => string; errors: () => string } {
  const process = spawn(globalThis.process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  process.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  process.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return { process, output: () => stdout, errors: () => stderr }
}

async function waitFor(read: () => string, pattern: RegExp, timeoutMs = 15_000): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = pattern.exec(read())
    if (found) return found
    if (Date.now() > deadline) throw new Error(`no ${pattern} in output: ${read()}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('npm run sandbox', () => {
  it('prints where it listens and its key, serves, and stops cleanly on SIGTERM', async () => {
    const run = runCli(['--port', '0', '--contacts', '25', '--key', 'sk_test_cli'])
    child = run.process
    const [, baseUrl] = await waitFor(run.output, /listening on (http:\/\/127\.0\.0\.1:\d+)\n/)
    expect(run.output()).toContain('api key: sk_test_cli')
    const answer = await testClient({ baseUrl: baseUrl as string, apiKey: 'sk_test_cli' }).get<ContactRow[]>('/api/v1/contacts')
    expect(answer.body.meta.total).toBe(25)
    child.kill('SIGTERM')
    const [code] = await once(child, 'exit')
    expect(code).toBe(0)
  })

  it('exits with 2 and the usage on a bad flag', async () => {
    const run = runCli(['--rows', 'some'])
    child = run.process
    const [code] = await once(child, 'exit')
    expect(code).toBe(2)
    expect(run.errors()).toContain('--rows must be full or partial')
    expect(run.errors()).toContain('Usage: npm run sandbox')
  })
})
