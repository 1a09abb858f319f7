// The import/export feature's public entry: the import and export dialogs, how a file reaches the import, and (for the bench) the worker and the export run.
export { default as ExportDialog } from './ExportDialog.vue'
export { default as ImportDialog } from './ImportDialog.vue'
export { useImportStore } from './import-store'
export { chooseImportFile, useFileDrop } from './file-intake'
export { createImportClient } from './import-client'
export { runExport } from './export-run'
