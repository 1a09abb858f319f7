// Un-pauses the outbox once the API answers a call again: the 401 that paused it was transient, or the key works again.
import type { Connectivity } from './connectivity'
import type { Replayer } from '../outbox'

/**
 * Resumes a queue paused by a refused key when reachability is `online` (a call was answered with
 * this key). Watching the replayer too covers a pause that lands just after that answer; a key
 * still refused answers 401 again, which flips reachability back and keeps the queue paused.
 * A `signed_out` pause is left alone: no answer from the API says anything about it.
 */
export function resumeReplayWhenAnswered(connectivity: Connectivity, replayer: Pick<Replayer, 'pausedBy' | 'resume' | 'onStateChange'>): () => void {
  const resumeIfAnswered = () => {
    if (connectivity.state === 'online' && replayer.pausedBy?.kind === 'unauthorized') replayer.resume()
  }
  const offReach = connectivity.subscribe(resumeIfAnswered)
  const offReplay = replayer.onStateChange(resumeIfAnswered)
  return () => {
    offReach()
    offReplay()
  }
}
