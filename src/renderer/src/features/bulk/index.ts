// The bulk feature's public entry: the pickers a bulk action asks with, the bulk store (run, undo, redo) and what the pickers offer.
export { default as ChannelPicker } from './ChannelPicker.vue'
export { default as IdPicker } from './IdPicker.vue'
export { default as TagPicker } from './TagPicker.vue'
export type { BulkAction } from './bulk-actions'
export { useBulkStore } from './bulk-store'
export { undoStep, type Before, type StepIntent, type UndoableStep } from './undo-step'
export { readRemembered, remember, type RememberedId } from './remembered-ids'
export { targetTagCounts } from './target-tags'
