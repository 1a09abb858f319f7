// The handler table: one async function per contract channel, with arguments already validated.
import type { AppInfo, CallOptions, Channel, DataOf, ParsedArgsOf } from '../../shared/contract'
import type { AppLocale } from '../../shared/i18n/locales'
import { fail, ok, type ApiError, type Result } from '../../shared/result'
import type { SkylightClient } from '../api/client'
import type { ExportFiles } from '../export/export-files'
import type { Session } from '../session/session'
import type { SupportDesk } from '../support/support-desk'
import { desktopText } from '../i18n/desktop-text'
import type { UpdateService } from '../update/update-service'
import { allowedExternalUrl } from '../window/external-links'

/** How the page made the call, checked and completed by dispatch: its priority is always named. */
export type CallContext = Required<CallOptions>

export type HandlerTable = { [C in Channel]: (args: ParsedArgsOf<C>, context: CallContext) => Promise<Result<DataOf<C>>> }

export type HandlerDeps = {
  session: Session
  openExternal: (url: string) => Promise<void>
  /** The page's count of edits not yet synced, for the quit prompt. */
  setUnsynced: (count: number) => void
  /** The language the page speaks: main's own text (menu, dialogs, errors) follows it. */
  setLanguage: (locale: AppLocale) => void
  /** Hydration's share of the rate limit (0–1), the user's setting. */
  setBackgroundShare: (share: number) => void
  /** The self-update (the browser host has none: it never updates). */
  updates: Pick<UpdateService, 'status' | 'restart'>
  support: Pick<SupportDesk, 'reportError' | 'diagnostics' | 'takeCrashNotice'>
  /** The version, the offline copy's folder (null when a browser keeps it in its own profile) and the logs folder. */
  info: AppInfo
  /** Shows a folder in the OS file manager. */
  openFolder: (path: string) => Promise<void>
  /** Exports written where the user chose (the host: its export folder). */
  exports: Pick<ExportFiles, 'open' | 'write' | 'finish' | 'abort'>
}

/** For hosts that never update themselves. */
export const NO_UPDATES: HandlerDeps['updates'] = { status: { state: 'idle' }, restart: () => false }

// Errors are worded when they happen, in the language the app speaks then.
const signedOut = (): ApiError => ({ kind: 'signed_out', message: desktopText('main.ipc.signedOut') })

const refusedLink = (): ApiError => ({
  kind: 'validation',
  message: desktopText('main.ipc.linkRefused'),
  fields: { url: [desktopText('main.ipc.linkKinds')] },
})

export function createHandlers(deps: HandlerDeps): HandlerTable {
  const { session } = deps

  /** Contact calls need a client, which exists only once a key is set or the demo runs. */
  const withClient = async <T>(call: (client: SkylightClient) => Promise<Result<T>>): Promise<Result<T>> => {
    const client = session.client()
    return client ? call(client) : fail(signedOut())
  }

  return {
    'auth.status': async () => ok(await session.status()),
    'auth.setKey': (args) => session.setKey(args),
    'auth.clear': async () => ok(await session.clear()),
    'auth.dataKey': () => session.dataKey(),
    'demo.start': () => session.startDemo(),
    'contacts.list': (query, { priority }) => withClient((client) => client.listContacts(query, { priority })),
    'contacts.get': ({ id }, { priority }) => withClient((client) => client.getContact(id, { priority })),
    'contacts.create': ({ contact }, { priority }) => withClient((client) => client.createContact(contact, { priority })),
    'contacts.update': ({ id, patch }, { priority }) => withClient((client) => client.updateContact(id, patch, { priority })),
    'contacts.delete': ({ id }, { priority }) => withClient((client) => client.deleteContact(id, { priority })),
    'contacts.toggleBlacklist': ({ id }, { priority }) => withClient((client) => client.toggleBlacklist(id, { priority })),
    'notes.list': ({ id }, { priority }) => withClient((client) => client.listNotes(id, { priority })),
    'notes.add': ({ id, content }, { priority }) => withClient((client) => client.addNote(id, content, { priority })),
    'lists.add': ({ id, list_id }, { priority }) => withClient((client) => client.addToList(id, list_id, { priority })),
    'segments.add': ({ id, segment_id }, { priority }) => withClient((client) => client.addToSegment(id, segment_id, { priority })),
    'shell.openExternal': async ({ url }) => {
      const allowed = allowedExternalUrl(url)
      if (!allowed) return fail(refusedLink())
      await deps.openExternal(allowed)
      return ok(null)
    },
    'app.setLanguage': async ({ locale }) => {
      deps.setLanguage(locale)
      return ok(null)
    },
    'app.setUnsynced': async ({ count }) => {
      deps.setUnsynced(count)
      return ok(null)
    },
    'app.setBackgroundShare': async ({ percent }) => {
      deps.setBackgroundShare(percent / 100)
      return ok(null)
    },
    'app.updateStatus': async () => ok(deps.updates.status),
    'app.restartToUpdate': async () => ok({ restarting: deps.updates.restart() }),
    'app.reportError': async (error) => {
      deps.support.reportError(error)
      return ok(null)
    },
    'app.diagnostics': async ({ sync }) => ok(await deps.support.diagnostics(sync)),
    'app.crashNotice': async () => ok(deps.support.takeCrashNotice()),
    'app.info': async () => ok(deps.info),
    'app.openLogs': async () => {
      await deps.openFolder(deps.info.logs)
      return ok(null)
    },
    'export.open': ({ fileName, format }) => deps.exports.open(fileName, format),
    'export.write': ({ id, at, text }) => deps.exports.write(id, at, text),
    'export.finish': ({ id }) => deps.exports.finish(id),
    'export.abort': ({ id }) => deps.exports.abort(id),
  }
}
