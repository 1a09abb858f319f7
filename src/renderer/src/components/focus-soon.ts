// Focus for a dialog's first field as soon as it is in the page: keys typed right after the shortcut must land there.
import { nextTick } from 'vue'

/** After Vue rendered the dialog and the browser laid it out (a frame), before its opening animation ends. */
export function focusSoon(focus: () => void): void {
  void nextTick(() => requestAnimationFrame(focus))
}
