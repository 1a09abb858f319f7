// How a file reaches the import: the system's file chooser (menu, palette, Ctrl/⌘+O), or dropped anywhere on the window.
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

/** What the chooser offers; any other file can still be picked or dropped, and is judged by its content. */
export const IMPORT_ACCEPT = '.csv,.tsv,.txt,.vcf,.vcard,text/csv,text/tab-separated-values,text/vcard,text/x-vcard,text/plain'

/** Opens the file chooser for one file; null when the user cancels. Call it from a key press or click (the browser wants a user gesture). */
export function chooseImportFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = IMPORT_ACCEPT
    input.hidden = true
    const settle = (file: File | null) => {
      input.remove()
      resolve(file)
    }
    input.addEventListener('change', () => settle(input.files?.[0] ?? null), { once: true })
    input.addEventListener('cancel', () => settle(null), { once: true })
    document.body.append(input)
    input.click()
  })
}

const carriesFiles = (event: DragEvent): boolean => Array.from(event.dataTransfer?.types ?? []).includes('Files')

/**
 * While mounted, a file dragged over the window shows `dragging` and, dropped, goes to `onFile`
 * (the first one). A dropped file never makes the window open it instead.
 */
export function useFileDrop(onFile: (file: File) => void): { dragging: Ref<boolean> } {
  const dragging = ref(false)
  let depth = 0
  const over = (event: DragEvent) => {
    if (!carriesFiles(event)) return
    event.preventDefault()
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
  }
  const enter = (event: DragEvent) => {
    if (!carriesFiles(event)) return
    depth++
    dragging.value = true
  }
  const leave = (event: DragEvent) => {
    if (!carriesFiles(event)) return
    depth = Math.max(0, depth - 1)
    if (depth === 0) dragging.value = false
  }
  const drop = (event: DragEvent) => {
    if (!carriesFiles(event)) return
    event.preventDefault()
    depth = 0
    dragging.value = false
    const file = event.dataTransfer?.files[0]
    if (file) onFile(file)
  }
  onMounted(() => {
    window.addEventListener('dragenter', enter)
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('dragenter', enter)
    window.removeEventListener('dragover', over)
    window.removeEventListener('dragleave', leave)
    window.removeEventListener('drop', drop)
  })
  return { dragging }
}
