// Remembers the main window's size and position across launches, kept on a visible screen.
import { join } from 'node:path'
import { z } from 'zod'
import { readJsonFile, writeJsonFile } from '../secrets/private-file'

export const WINDOW_STATE_FILE = 'window-state.json'

const bounds = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().positive(), height: z.number().int().positive() })
export type Bounds = z.infer<typeof bounds>
export const windowState = z.object({ bounds, maximized: z.boolean() })
export type WindowState = z.infer<typeof windowState>

/** The default size, and the smallest the window may be. */
export const DEFAULT_SIZE = { width: 1280, height: 800 }
export const MIN_SIZE = { width: 880, height: 560 }
/** At least this much of the window must be on a screen, or it goes back to the primary one. */
const VISIBLE_MARGIN = 80

export async function readWindowState(dataDir: string): Promise<WindowState | null> {
  const parsed = windowState.safeParse(await readJsonFile(join(dataDir, WINDOW_STATE_FILE)))
  return parsed.success ? parsed.data : null
}

export async function writeWindowState(dataDir: string, state: WindowState): Promise<void> {
  await writeJsonFile(join(dataDir, WINDOW_STATE_FILE), windowState.parse(state))
}

const overlap = (a: Bounds, b: Bounds) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) >= VISIBLE_MARGIN && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) >= VISIBLE_MARGIN

/**
 * Where to open: the saved bounds when they are still on one of `screens` (a monitor may be gone),
 * sized at least MIN_SIZE and at most that screen; otherwise the default size, centred by the OS.
 */
export function placeWindow(saved: WindowState | null, screens: readonly Bounds[]): { bounds: Partial<Bounds> & { width: number; height: number }; maximized: boolean } {
  if (!saved) return { bounds: { ...DEFAULT_SIZE }, maximized: false }
  const screen = screens.find((candidate) => overlap(saved.bounds, candidate))
  if (!screen) return { bounds: { ...DEFAULT_SIZE }, maximized: saved.maximized }
  const width = Math.min(Math.max(saved.bounds.width, MIN_SIZE.width), screen.width)
  const height = Math.min(Math.max(saved.bounds.height, MIN_SIZE.height), screen.height)
  return { bounds: { x: saved.bounds.x, y: saved.bounds.y, width, height }, maximized: saved.maximized }
}
