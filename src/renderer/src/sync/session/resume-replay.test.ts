import { describe, expect, it, vi } from 'vitest'
import type { ApiError } from '../../../../shared/result'
import { createConnectivity } from './connectivity'
import type { Replayer, ReplayerState } from '../outbox'
import { resumeReplayWhenAnswered } from './resume-replay'

const REFUSED: ApiError = { kind: 'unauthorized', message: 'Unauthenticated.' }

/** A replayer that only records resumes; the test sets its pause and announces its state. */
function fakeReplayer() {
  const listeners = new Set<(state: ReplayerState) => void>()
  const fake = {
    pausedBy: null as ApiError | null,
    resume: vi.fn(() => {
      fake.pausedBy = null
    }),
    onStateChange: (listener: (state: ReplayerState) => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    pause(error: ApiError) {
      fake.pausedBy = error
      for (const listener of listeners) listener('paused_unauthorized')
    },
  }
  return fake satisfies Pick<Replayer, 'pausedBy' | 'resume' | 'onStateChange'>
}

describe('resuming replay when the API answers again', () => {
  it('resumes a queue paused by a 401 once a later call is answered', () => {
    const connectivity = createConnectivity()
    const replayer = fakeReplayer()
    resumeReplayWhenAnswered(connectivity, replayer)
    connectivity.report(REFUSED)
    replayer.pause(REFUSED)
    expect(replayer.resume).not.toHaveBeenCalled()
    connectivity.report(null)
    expect(replayer.resume).toHaveBeenCalledTimes(1)
  })

  it('resumes when the pause lands after an answer that already said the key works', () => {
    const connectivity = createConnectivity()
    const replayer = fakeReplayer()
    resumeReplayWhenAnswered(connectivity, replayer)
    connectivity.report(REFUSED)
    connectivity.report(null)
    replayer.pause(REFUSED)
    expect(replayer.resume).toHaveBeenCalledTimes(1)
  })

  it('leaves the queue paused while calls are refused, offline, or the session is signed out', () => {
    const connectivity = createConnectivity()
    const replayer = fakeReplayer()
    resumeReplayWhenAnswered(connectivity, replayer)
    connectivity.report(REFUSED)
    replayer.pause(REFUSED)
    connectivity.report({ kind: 'offline', message: 'No network.' })
    expect(replayer.resume).not.toHaveBeenCalled()
    connectivity.report(null)
    replayer.resume.mockClear()
    replayer.pause({ kind: 'signed_out', message: 'Sign in first.' })
    expect(replayer.resume).not.toHaveBeenCalled()
  })

  it('stops watching once unsubscribed', () => {
    const connectivity = createConnectivity()
    const replayer = fakeReplayer()
    const stop = resumeReplayWhenAnswered(connectivity, replayer)
    connectivity.report(REFUSED)
    replayer.pause(REFUSED)
    stop()
    connectivity.report(null)
    expect(replayer.resume).not.toHaveBeenCalled()
  })
})
