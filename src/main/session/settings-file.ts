// The session settings kept across restarts: which account was signed in. Never the key.
import { join } from 'node:path'
import { z } from 'zod'
import { readJsonFile, removeFile, writeJsonFile } from '../secrets/private-file'

export const SETTINGS_FILE = 'settings.json'

/** Only account sessions are remembered; the demo is a visit and restarts signed out of it. */
export const sessionSettings = z.object({
  version: z.literal(1),
  mode: z.literal('account'),
  baseUrl: z.string().min(1),
  /** The account's id (see `accountFingerprint`); absent in files written before it was kept. */
  accountId: z.string().regex(/^[0-9a-f]{16}$/).optional(),
})
export type SessionSettings = z.infer<typeof sessionSettings>

const pathIn = (dataDir: string) => join(dataDir, SETTINGS_FILE)

/** The saved settings, or null when there are none or they cannot be read (the user signs in again). */
export async function readSettings(dataDir: string): Promise<SessionSettings | null> {
  const parsed = sessionSettings.safeParse(await readJsonFile(pathIn(dataDir)))
  return parsed.success ? parsed.data : null
}

export async function writeSettings(dataDir: string, settings: SessionSettings): Promise<void> {
  await writeJsonFile(pathIn(dataDir), sessionSettings.parse(settings))
}

export async function clearSettings(dataDir: string): Promise<void> {
  await removeFile(pathIn(dataDir))
}
