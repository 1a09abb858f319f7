import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SIZE, MIN_SIZE, WINDOW_STATE_FILE, placeWindow, readWindowState, writeWindowState } from './window-state'

const laptop = { x: 0, y: 0, width: 1440, height: 900 }
const external = { x: 1440, y: 0, width: 2560, height: 1440 }

describe('window state', () => {
  it('reopens where it was, on a screen that is still there', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1400, height: 900 }, maximized: false }
    expect(placeWindow(saved, [laptop, external])).toEqual({ bounds: saved.bounds, maximized: false })
  })

  it('falls back to the default size when its screen is gone, keeping "maximized"', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1400, height: 900 }, maximized: true }
    expect(placeWindow(saved, [laptop])).toEqual({ bounds: DEFAULT_SIZE, maximized: true })
    expect(placeWindow(null, [laptop])).toEqual({ bounds: DEFAULT_SIZE, maximized: false })
  })

  it('never opens smaller than the minimum nor larger than the screen', () => {
    expect(placeWindow({ bounds: { x: 10, y: 10, width: 300, height: 200 }, maximized: false }, [laptop]).bounds).toMatchObject(MIN_SIZE)
    expect(placeWindow({ bounds: { x: 0, y: 0, width: 5000, height: 3000 }, maximized: false }, [laptop]).bounds).toMatchObject({ width: 1440, height: 900 })
  })

  it('saves and reads back the state, and ignores a damaged file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'window-state-'))
    try {
      expect(await readWindowState(dir)).toBeNull()
      const state = { bounds: { x: 5, y: 6, width: 1000, height: 700 }, maximized: false }
      await writeWindowState(dir, state)
      expect(await readWindowState(dir)).toEqual(state)
      await writeFile(join(dir, WINDOW_STATE_FILE), '{"bounds": "nope"')
      expect(await readWindowState(dir)).toBeNull()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
