// `npm run sandbox`: runs the sandbox server in the foreground until SIGINT or SIGTERM.
import { parseCliArgs, USAGE } from './cli-args'
import { startSandbox } from './faults/knobbed-sandbox'

const args = parseCliArgs(process.argv.slice(2))
if (args.kind === 'help') {
  process.stdout.write(USAGE)
} else if (args.kind === 'error') {
  process.stderr.write(`${args.message}\n\n${USAGE}`)
  process.exitCode = 2
} else {
  const sandbox = await startSandbox(args.options).catch((error: unknown) => {
    process.stderr.write(`sandbox: cannot start: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  })
  process.stdout.write(`listening on ${sandbox.baseUrl}\napi key: ${sandbox.apiKey}\n`)
  process.stdout.write(`contacts: ${sandbox.store.size()}, knobs: ${JSON.stringify(sandbox.knobs)}\n`)
  const stop = (): void => {
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('sandbox: failed to close', error)
        process.exit(1)
      },
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
