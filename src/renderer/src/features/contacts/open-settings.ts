// The header's way into the settings: they open as a dialog of the contacts screen, so its keys wait meanwhile.
import { useOverlayStore } from './overlay-store'

export function useOpenSettings(): () => void {
  const overlay = useOverlayStore()
  return () => overlay.open({ kind: 'settings' })
}
