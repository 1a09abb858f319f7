// The IPC contract: every channel main answers, with zod schemas of its argument and its result.
import { z } from 'zod'
import { ruleWords } from './rule-words'
import { jsonStringBytes } from './json-weight'
import { LOCALES } from './i18n/locales'
import type { CommandId } from './keymap'
import {
  blacklistState,
  contact,
  contactCreate,
  contactId,
  contactPage,
  contactPatch,
  contactQuery,
  contactRow,
  note,
  noteContent,
} from './contact'
import type { DeepLinkEvent } from './deep-link'
import { resultOf, type Result } from './result'
import { crashNotice, rendererError, syncSnapshot } from './support'
import { updateStatus, type UpdateStatus } from './update-status'

export const DEFAULT_BASE_URL = 'https://dashboard.skylightchat.com'

export const secretStorageKind = z.enum(['keychain', 'safeStorage', 'memory'])
export type SecretStorageKind = z.infer<typeof secretStorageKind>

/** What the renderer may know about the session: never the key, only a hint like `sk_live_…1234`. */
export const authStatus = z.object({
  mode: z.enum(['signed_out', 'account', 'demo']),
  baseUrl: z.string().nullable(),
  keyHint: z.string().nullable(),
  /**
   * Names the renderer's local database: the fingerprint of the base URL and the key first signed in
   * with, kept when a refused key is replaced (`keepAccount`), so queued edits stay with their account.
   */
  accountId: z.string().nullable(),
  storage: secretStorageKind,
  /** Shown to the user when the key cannot be kept in a keychain (session-only memory store). */
  storageWarning: z.string().nullable(),
})
export type AuthStatus = z.infer<typeof authStatus>

/**
 * The open account's data key, which seals its offline copy at rest (256-bit AES-GCM, base64). The page imports
 * it as a non-extractable CryptoKey and never stores it. `key` is null only where a test host runs the copy
 * unsealed on purpose (to prove its disk scan can find plain text). `sessionOnly`: no keychain, so the key and
 * with it the offline copy last for this session only.
 */
export const dataKeyGrant = z.object({
  accountId: z.string().min(1).max(256),
  key: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'Not a 256-bit key.').nullable(),
  sessionOnly: z.boolean(),
})
export type DataKeyGrant = z.infer<typeof dataKeyGrant>

/** What the settings screen shows of the app itself. */
export const appInfo = z.object({
  version: z.string().max(64),
  /** Whether this build updates itself (a released app); a development build or the browser host never does. */
  selfUpdating: z.boolean(),
  offlineCopy: z.string().max(4096).nullable(), logs: z.string().max(4096),
  /** The system's languages, most preferred first (main's locale, then the OS's list); empty where unknown (browser host). */
  languages: z.array(z.string().max(35)).max(16),
})
export type AppInfo = z.infer<typeof appInfo>

const none = z.object({}).strict()
const byId = z.object({ id: contactId }).strict()
const done = z.object({ message: z.string().optional() })

export const exportFormat = z.enum(['csv', 'vcard'])
export type ExportFormat = z.infer<typeof exportFormat>
export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { csv: '.csv', vcard: '.vcf' }
/**
 * The most one `export.write` chunk may weigh as a JSON string in UTF-8 (`jsonStringBytes`): the browser host
 * caps a request body at 1 MB, and this leaves room for the rest of the call. Each call costs ~10 ms however
 * small, so chunks are big: the export worker aims at half this, 100k contacts in ~20 chunks of CSV, ~45 of vCard.
 * Electron's IPC takes it easily.
 */
export const EXPORT_CHUNK_BYTES = 960_000
const exportId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'Not an export id.')
const byExport = z.object({ id: exportId }).strict()

export const channels = {
  'auth.status': { args: none, result: authStatus },
  'auth.setKey': {
    args: z
      .object({
        apiKey: z.string().trim().min(1, { error: () => ruleWords('shared.contract.apiKeyMissing') }).max(512),
        baseUrl: z.string().trim().min(1).max(2048),
        /** The new key replaces the refused key of the signed-in account at `baseUrl`: same account, same local data. */
        keepAccount: z.boolean().optional(),
      })
      .strict(),
    result: authStatus,
  },
  /** Signing out deletes the data key first (the offline copy is unreadable from then on), then the API key. */
  'auth.clear': { args: none, result: authStatus },
  /** The signed-in account's data key for its offline copy, made on first use. */
  'auth.dataKey': { args: none, result: dataKeyGrant },
  'demo.start': { args: none, result: authStatus },
  'contacts.list': { args: contactQuery, result: contactPage },
  'contacts.get': { args: byId, result: contact },
  'contacts.create': { args: z.object({ contact: contactCreate }).strict(), result: contactRow },
  'contacts.update': { args: z.object({ id: contactId, patch: contactPatch }).strict(), result: contactRow },
  'contacts.delete': { args: byId, result: z.null() },
  'contacts.toggleBlacklist': { args: byId, result: blacklistState },
  'notes.list': { args: byId, result: z.array(note) },
  'notes.add': { args: z.object({ id: contactId, content: noteContent }).strict(), result: note },
  'lists.add': { args: z.object({ id: contactId, list_id: z.number().int().positive() }).strict(), result: done },
  'segments.add': { args: z.object({ id: contactId, segment_id: z.number().int().positive() }).strict(), result: done },
  'shell.openExternal': { args: z.object({ url: z.string().max(2048) }).strict(), result: z.null() },
  /** The page tells main the language it speaks (the system's or the user's choice): main's menu and dialogs follow. */
  'app.setLanguage': { args: z.object({ locale: z.enum(LOCALES) }).strict(), result: z.null() },
  /** The page tells main how many edits wait to sync, so quitting can say so. */
  'app.setUnsynced': { args: z.object({ count: z.number().int().nonnegative().max(10_000_000) }).strict(), result: z.null() },
  /** Hydration's share of the account's rate limit, as the user set it in Settings: main's limiter keeps background fetching to it. */
  'app.setBackgroundShare': { args: z.object({ percent: z.number().int().min(10).max(90) }).strict(), result: z.null() },
  /** Where the app's self-update stands (changes arrive as events too). */
  'app.updateStatus': { args: none, result: updateStatus },
  /** Installs a downloaded update and relaunches; main first says how many edits wait, and the user may stay. */
  'app.restartToUpdate': { args: none, result: z.object({ restarting: z.boolean() }) },
  /** An error the page did not handle, for main's log. */
  'app.reportError': { args: rendererError, result: z.null() },
  /** The text "Copy diagnostics" puts on the clipboard: versions, OS, sync state, the log's last lines; no key, no contact. */
  'app.diagnostics': { args: z.object({ sync: syncSnapshot }).strict(), result: z.string() },
  /** Asked by the page at start: whether it was reloaded after its process crashed (once). */
  'app.crashNotice': { args: none, result: crashNotice.nullable() },
  /** For the settings screen: the app's version, the offline copy's folder (null in a browser: its own profile) and the logs folder. */
  'app.info': { args: none, result: appInfo },
  /** Shows the logs folder in the file manager. */
  'app.openLogs': { args: none, result: z.null() },
  /** Asks where to save an export (the save dialog; the browser host uses its export folder); null when the user cancelled. */
  'export.open': {
    args: z.object({ fileName: z.string().trim().min(1).max(200), format: exportFormat }).strict(),
    result: z.object({ id: exportId, fileName: z.string() }).nullable(),
  },
  /** Appends chunk number `at` (from 0) of an open export, after the chunks before it (a few may be in flight at once). */
  'export.write': { args: z.object({ id: exportId, at: z.number().int().nonnegative(), text: z.string().max(EXPORT_CHUNK_BYTES).refine((text) => jsonStringBytes(text) <= EXPORT_CHUNK_BYTES) }).strict(), result: z.null() },
  /** Puts the finished export in place; says where and how big. */
  'export.finish': { args: byExport, result: z.object({ path: z.string(), bytes: z.number().int().nonnegative() }) },
  /** Drops an unfinished export. */
  'export.abort': { args: byExport, result: z.null() },
} as const

export type Channels = typeof channels
export type Channel = keyof Channels
export const CHANNELS = Object.keys(channels) as Channel[]

export type ArgsOf<C extends Channel> = z.input<Channels[C]['args']>
export type ParsedArgsOf<C extends Channel> = z.output<Channels[C]['args']>
export type DataOf<C extends Channel> = z.output<Channels[C]['result']>

export const resultSchema = <C extends Channel>(channel: C) => resultOf(channels[channel].result)

/** The IPC channel name on the wire; a prefix keeps ours apart from Electron's own. */
export const ipcName = (channel: Channel): string => `skylight:${channel}`

/**
 * Who waits for a SkyLight call, most urgent first: the user (opening a contact, online search, sign-in), the
 * outbox's replay of the user's edits, the pull, and hydration (details and notes fetched in the background).
 * Main's one limiter per account serves a higher class first; background classes keep to their share.
 */
export const CALL_PRIORITIES = ['interactive', 'replay', 'pull', 'hydrate'] as const
export const callPriority = z.enum(CALL_PRIORITIES)
export type CallPriority = z.infer<typeof callPriority>

/** How a call is made, beside what it asks: its priority (default `interactive`). */
export const callOptions = z.object({ priority: callPriority.optional() }).strict()
export type CallOptions = z.infer<typeof callOptions>

/** `window.skylight`: one async method per channel, exactly the contract. */
export type SkylightBridge = { [C in Channel]: (args: ArgsOf<C>, options?: CallOptions) => Promise<Result<DataOf<C>>> }

/** Main → page: the user clicked an app menu item; the page runs that keymap command. */
export const MENU_COMMAND_EVENT = 'skylight:menu-command'
/** Main → page: a `skylight-contacts://` link opened or focused the app (checked in main first). */
export const DEEP_LINK_EVENT = 'skylight:deep-link'
/** Main → page: the self-update moved on (found, downloading, ready to restart, failed). */
export const UPDATE_STATUS_EVENT = 'skylight:update-status'

/** `window.skylightEvents`: what main tells the page unasked. Each returns its unsubscribe. */
export interface SkylightEvents {
  /** Calls `listener` with each clicked command. */
  onMenuCommand(listener: (id: CommandId) => void): () => void
  /** Calls `listener` with each link the app was opened with: a contact or a search, or why it was refused. */
  onDeepLink(listener: (event: DeepLinkEvent) => void): () => void
  /** Calls `listener` with each new update status. */
  onUpdateStatus(listener: (status: UpdateStatus) => void): () => void
}
