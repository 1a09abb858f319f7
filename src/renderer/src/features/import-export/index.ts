// The import/export feature's public entry: the import and export dialogs, how a file reaches the import, and (for the bench) the worker and the export run.
import { defineAsyncComponent } from 'vue'

// Its dialogs load on first use (a chunk of their own), so the app's first screen does not wait for them.
export const ExportDialog = defineAsyncComponent(() => import('./ExportDialog.vue'))
export const ImportDialog = defineAsyncComponent(() => import('./ImportDialog.vue'))
export { useImportStore } from './import-store'
export { chooseImportFile, useFileDrop } from './file-intake'
export { createImportClient } from './import-client'
export { runExport } from './export-run'
