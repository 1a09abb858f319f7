// Import store: one import from the file to the summary: read, columns, preview with choices, queued through the outbox, one undo step.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { CountryCode } from 'libphonenumber-js/max'
import type { ChannelType } from '../../../../shared/contact'
import type { ContactsDb } from '../../db/database'
import { t } from '../../i18n'
import { useBulkStore } from '../bulk'
import { readDefaultCountry } from '../contact-form'
import type { CandidateOptions } from './candidate'
import { detectMapping, importsSomething, withTarget, type ColumnMapping, type ColumnTarget } from './column-mapping'
import { applyImport } from './import-apply'
import type { ImportError } from './import-error'
import { chooseForAll, chooseForRow, defaultChoices, type DuplicateChoice, type ImportChoices } from './import-choices'
import { createImportClient, type ImportClient } from './import-client'
import { planImport } from './import-plan'
import type { ImportPreview, PreviewRow } from './import-preview'
import type { FileSummary } from './import-protocol'
import { defaultImportTag, importTagProblem } from './import-tag'
import { importErrorText } from './import-words'
import { errorText } from '../../sync/sync-errors'

export type ImportStage = 'closed' | 'choosing' | 'reading' | 'failed' | 'mapping' | 'checking' | 'preview' | 'importing' | 'done'
export type PreviewFilter = 'all' | PreviewRow['status']

export interface ImportSummary {
  created: number
  merged: number
  skipped: number
  invalid: number
  gone: number
  tag: string
  stoppedBy: string | null
}

interface Target {
  accountId: string
  db: ContactsDb
}

export const useImportStore = defineStore('import', () => {
  const bulk = useBulkStore()
  const stage = ref<ImportStage>('closed')
  const fileName = ref('')
  /** Share of the file read, 0 to 1. */
  const readShare = ref(0)
  /** Why the file cannot be imported; `error` says it in the current language. */
  const failure = shallowRef<ImportError | null>(null)
  const error = computed(() => (failure.value ? importErrorText(failure.value) : null))
  const summary = shallowRef<FileSummary | null>(null)
  const mapping = shallowRef<ColumnMapping | null>(null)
  const country = ref<CountryCode | null>(readDefaultCountry())
  const channel = ref<ChannelType>('whatsapp')
  const tag = ref(defaultImportTag(new Date()))
  const preview = shallowRef<ImportPreview | null>(null)
  const choices = shallowRef<ImportChoices>(defaultChoices())
  const filter = ref<PreviewFilter>('all')
  const focus = ref(0)
  const progress = ref({ done: 0, total: 0 })
  const outcome = shallowRef<ImportSummary | null>(null)
  let client: ImportClient | null = null
  let target: Target | null = null
  /** Bumped by each start and close: the answers of an abandoned import are dropped. */
  let run = 0

  const tagProblem = computed(() => importTagProblem(tag.value))
  const canCheck = computed(() => stage.value === 'mapping' && tagProblem.value === null && (mapping.value === null || importsSomething(mapping.value)))
  const shown = computed(() => {
    const rows = preview.value?.rows ?? []
    return filter.value === 'all' ? rows : rows.filter((row) => row.status === filter.value)
  })
  const plan = computed(() => (preview.value ? planImport(preview.value, choices.value) : null))
  /** Contacts the import creates or adds to. */
  const writes = computed(() => (plan.value ? plan.value.rows.created.length + plan.value.rows.merged.length : 0))

  function reset(): void {
    client?.close()
    client = null
    run++
    failure.value = null
    summary.value = null
    mapping.value = null
    preview.value = null
    choices.value = defaultChoices()
    filter.value = 'all'
    focus.value = 0
    outcome.value = null
    readShare.value = 0
    progress.value = { done: 0, total: 0 }
  }

  /** Opens the import without a file yet: the dialog offers the file chooser and takes a dropped file. */
  function begin(to: Target): void {
    reset()
    target = to
    fileName.value = ''
    stage.value = 'choosing'
  }

  /** Reads `file` off the window's thread; the mapping screen follows (or the reason it cannot be read). */
  async function start(file: File, to: Target | null = target): Promise<void> {
    if (!to) return
    reset()
    const mine = run
    target = to
    fileName.value = file.name
    tag.value = defaultImportTag(new Date())
    // Each file starts from the phone country in Settings, which may have changed since the last import.
    country.value = readDefaultCountry()
    stage.value = 'reading'
    client = createImportClient()
    const read = await client.read(file, { onProgress: (progress) => (readShare.value = progress.total ? progress.done / progress.total : 0), accountId: to.accountId })
    if (mine !== run) return
    if (!read.ok) {
      failure.value = read.error
      stage.value = 'failed'
      return
    }
    summary.value = read.data
    mapping.value = read.data.mapping
    stage.value = 'mapping'
  }

  function setHeader(hasHeader: boolean): void {
    if (summary.value && mapping.value) mapping.value = detectMapping(summary.value.head, hasHeader)
  }

  function setTarget(column: number, columnTarget: ColumnTarget): void {
    if (mapping.value) mapping.value = withTarget(mapping.value, column, columnTarget)
  }

  const options = (): CandidateOptions => ({ defaultCountry: country.value, defaultChannel: channel.value, importTag: tag.value.trim() })

  /** Checks every row and looks it up among the contacts here: the preview. */
  async function check(): Promise<void> {
    if (!client || !target || !canCheck.value) return
    const mine = run
    stage.value = 'checking'
    const result = await client.preview({ accountId: target.accountId, mapping: mapping.value, options: options() })
    if (mine !== run) return
    if (!result.ok) {
      failure.value = result.error
      stage.value = 'failed'
      return
    }
    preview.value = result.data
    choices.value = defaultChoices()
    filter.value = 'all'
    focus.value = 0
    stage.value = 'preview'
  }

  function back(): void {
    if (stage.value === 'preview') stage.value = 'mapping'
  }

  function choose(row: number, choice: DuplicateChoice): void {
    choices.value = chooseForRow(choices.value, row, choice)
  }

  function chooseAll(choice: DuplicateChoice): void {
    choices.value = chooseForAll(choice)
  }

  function setFilter(next: PreviewFilter): void {
    filter.value = next
    focus.value = 0
  }

  /** Queues the import through the outbox, then puts it on the undo stack as one step. */
  async function apply(): Promise<void> {
    const planned = plan.value
    if (!planned || !target || stage.value !== 'preview' || writes.value === 0) return
    const { db } = target
    stage.value = 'importing'
    progress.value = { done: 0, total: writes.value }
    const result = await applyImport(db, planned, (done, total) => (progress.value = { done, total }))
    if (!result.ok) {
      failure.value = { kind: 'not_queued', detail: errorText(result.error) }
      stage.value = 'failed'
      return
    }
    const done = result.data
    const label = t('import-export.undo.imported', { file: fileName.value, created: done.created, merged: done.merged })
    if (done.step.intents.length) bulk.record(db, done.step, label)
    outcome.value = {
      created: done.created,
      merged: done.merged,
      skipped: planned.rows.skipped.length,
      invalid: planned.rows.invalid.length,
      gone: done.gone,
      tag: tag.value.trim(),
      stoppedBy: done.stoppedBy,
    }
    client?.close()
    client = null
    stage.value = 'done'
  }

  function close(): void {
    reset()
    target = null
    stage.value = 'closed'
  }

  return {
    stage,
    fileName,
    readShare,
    error,
    summary,
    mapping,
    country,
    channel,
    tag,
    tagProblem,
    canCheck,
    preview,
    choices,
    filter,
    shown,
    focus,
    plan,
    writes,
    progress,
    outcome,
    begin,
    start,
    setHeader,
    setTarget,
    check,
    back,
    choose,
    chooseAll,
    setFilter,
    apply,
    close,
  }
})
