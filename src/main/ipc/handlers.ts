// The handler table: one async function per contract channel, with arguments already validated.
import type { AppInfo, Channel, DataOf, ParsedArgsOf } from '../../shared/contract'
import type { AppLocale } from '../../shared/i18n/locales'
import { fail, ok, type ApiError, type Result } from '../../shared/result'
import type { SkylightClient } from '../api/client'
import type { ExportFiles } from '../export/export-files'
import type { Session } from '../session/session'
import type { SupportDesk } from '../support/support-desk'
import { desktopText } from '../i18n/desktop-text'
import type { UpdateService } from '../update/update-service'
import { allowedExternalUrl } from '../window/external-links'

export type HandlerTable = { [C in Channel]: (args: ParsedArgsOf<C>) => Promise<Result<DataOf<C>>> }

export type HandlerDeps = {
  session: Session
  openExternal: (url: string) => Promise<void>
  /** The page's count of edits not yet synced, for the quit prompt. */
  setUnsynced: (count: number) => void
  /** The language the page speaks: main's own text (menu, dialogs, errors) follows it. */
  setLanguage: (locale: AppLocale) => void
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
    'demo.start': () => session.startDemo(),
    'contacts.list': (query) => withClient((client) => client.listContacts(query)),
    'contacts.get': ({ id }) => withClient((client) => client.getContact(id)),
    'contacts.create': ({ contact }) => withClient((client) => client.createContact(contact)),
    'contacts.update': ({ id, patch }) => withClient((client) => client.updateContact(id, patch)),
    'contacts.delete': ({ id }) => withClient((client) => client.deleteContact(id)),
    'contacts.toggleBlacklist': ({ id }) => withClient((client) => client.toggleBlacklist(id)),
    'notes.list': ({ id }) => withClient((client) => client.listNotes(id)),
    'notes.add': ({ id, content }) => withClient((client) => client.addNote(id, content)),
    'lists.add': ({ id, list_id }) => withClient((client) => client.addToList(id, list_id)),
    'segments.add': ({ id, segment_id }) => withClient((client) => client.addToSegment(id, segment_id)),
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
