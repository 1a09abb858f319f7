// Bulk store: runs an action over contacts with progress, keeps the undo stack (bulk actions, imports, merges), says what happened.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { runBulkAction, type Attention, type BulkAction, type BulkOutcome } from './bulk-actions'
import { summarize, undoNotes } from './bulk-summary'
import { undoBulk } from './bulk-undo'
import { undoStep, type UndoableStep } from './undo-step'
import type { ContactsDb } from '../../db/database'
import type { SelectionOrigin } from '../../sync/outbox'
import { t } from '../../i18n'
import { errorText } from '../../sync/sync-errors'

/** Undo reaches this many actions back. */
export const HISTORY_DEPTH = 50

export interface BulkReport {
  /** Worded when read: a notification still shown re-words it in a language the user switches to. */
  readonly text: string
  attention: Attention[]
  /** 'info' after an undo or redo, 'error' when the outbox refused. */
  tone: 'success' | 'info' | 'error'
}

interface Done {
  kind: 'bulk'
  db: ContactsDb
  ids: number[]
  /** The search and filters the contacts were picked under, for replay (and a redo) to read their pages. */
  origin: SelectionOrigin | null
  outcome: BulkOutcome
}

/** Another feature's step on the same stack (an import, a merge): undone once, not redone. */
interface Recorded {
  kind: 'step'
  db: ContactsDb
  step: UndoableStep
  /** What it did, as the report says it: "Imported 40 contacts"; a function words it in the language of the moment it is shown. */
  label: string | (() => string)
}

type UndoEntry = Done | Recorded

function reported(words: () => string, attention: Attention[], tone: BulkReport['tone']): BulkReport {
  return {
    get text() {
      return words()
    },
    attention,
    tone,
  }
}

export const useBulkStore = defineStore('bulk', () => {
  const running = ref(false)
  const progress = ref({ done: 0, total: 0 })
  const report = shallowRef<BulkReport | null>(null)
  const undoStack = shallowRef<UndoEntry[]>([])
  const redoStack = shallowRef<Done[]>([])
  const canUndo = computed(() => undoStack.value.length > 0)
  const canRedo = computed(() => redoStack.value.length > 0)

  async function execute(db: ContactsDb, ids: readonly number[], action: BulkAction, origin: SelectionOrigin | null): Promise<Done | null> {
    running.value = true
    progress.value = { done: 0, total: ids.length }
    try {
      const result = await runBulkAction(db, ids, action, (done, total) => (progress.value = { done, total }), origin)
      if (!result.ok) {
        report.value = reported(() => errorText(result.error), [], 'error')
        return null
      }
      return { kind: 'bulk', db, ids: ids.slice(), origin, outcome: result.data }
    } finally {
      running.value = false
    }
  }

  /** Runs `action` over `ids` (picked under `origin`, when known); a new action clears what redo held. */
  async function run(db: ContactsDb, ids: readonly number[], action: BulkAction, origin: SelectionOrigin | null = null): Promise<BulkOutcome | null> {
    if (running.value || ids.length === 0) return null
    const done = await execute(db, ids, action, origin)
    if (!done) return null
    undoStack.value = [...undoStack.value, done].slice(-HISTORY_DEPTH)
    redoStack.value = []
    report.value = reported(() => summarize(done.outcome), done.outcome.attention, 'success')
    return done.outcome
  }

  /** Puts another feature's step (an import, a merge) on the undo stack: Ctrl/⌘+Z takes it back in one go. */
  function record(db: ContactsDb, step: UndoableStep, label: Recorded['label']): void {
    undoStack.value = [...undoStack.value, { kind: 'step' as const, db, step, label }].slice(-HISTORY_DEPTH)
    redoStack.value = []
  }

  async function undo(): Promise<void> {
    const last = undoStack.value.at(-1)
    if (!last || running.value) return
    undoStack.value = undoStack.value.slice(0, -1)
    running.value = true
    const result = await (last.kind === 'bulk' ? undoBulk(last.db, last.outcome) : undoStep(last.db, last.step)).finally(() => (running.value = false))
    if (!result.ok) {
      report.value = reported(() => t('bulk.undo.failed', { reason: errorText(result.error) }), [], 'error')
      return
    }
    const what = () => (last.kind === 'bulk' ? summarize(last.outcome) : typeof last.label === 'string' ? last.label : last.label())
    const undone = result.data
    report.value = reported(() => [t('bulk.undo.done', { what: what() }), ...undoNotes(undone)].join(' · '), [], 'info')
    if (last.kind !== 'bulk') return
    // A contact created again has a new id: redoing the delete must reach that one.
    const renamed = new Map(result.data.recreated.map(({ from, to }) => [from, to]))
    redoStack.value = [...redoStack.value, { ...last, ids: last.ids.map((id) => renamed.get(id) ?? id) }]
  }

  async function redo(): Promise<void> {
    const last = redoStack.value.at(-1)
    if (!last || running.value) return
    redoStack.value = redoStack.value.slice(0, -1)
    const done = await execute(last.db, last.ids, last.outcome.action, last.origin)
    if (!done) return
    undoStack.value = [...undoStack.value, done].slice(-HISTORY_DEPTH)
    report.value = reported(() => t('bulk.redo.done', { what: summarize(done.outcome) }), done.outcome.attention, 'info')
  }

  /** Another account's edits must never be undone from this one. */
  function forget(): void {
    undoStack.value = []
    redoStack.value = []
    report.value = null
  }

  return { running, progress, report, canUndo, canRedo, run, record, undo, redo, forget }
})
