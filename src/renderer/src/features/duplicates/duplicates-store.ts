// Duplicates store: the groups a scan found, the one on screen with its survivor and per-field choices, merging and skipping.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { CHANNEL_LABELS, needsPhone, type ContactRow } from '../../../../shared/contact'
import { t } from '../../i18n'
import { errorText } from '../../sync/sync-errors'
import type { ContactsDb } from '../../db/database'
import { useBulkStore } from '../bulk'
import type { ApiError } from '../../../../shared/result'
import { scanDuplicates, type ScanFailure } from './duplicates-client'
import type { DuplicateGroup } from './find-duplicates'
import { mergeGroup, type MergeDone } from './merge-run'
import { defaultMergeChoice, planMerge, type MergeChoice, type MergeField } from '../../contact-match/merge-plan'

export const useDuplicatesStore = defineStore('duplicates', () => {
  const bulk = useBulkStore()
  const scanning = ref(false)
  /** Why the last scan failed; worded below, in the current language. */
  const scanFailure = shallowRef<ScanFailure | null>(null)
  /** Why the last merge was not queued. */
  const mergeFailure = shallowRef<ApiError | null>(null)
  /** What went wrong, in the current language; null when nothing did. */
  const error = computed((): string | null => {
    if (mergeFailure.value) return errorText(mergeFailure.value)
    if (!scanFailure.value) return null
    return scanFailure.value.code === 'workerFailed' ? t('duplicates.scan.workerFailed') : t('duplicates.scan.readFailed')
  })
  /** The browser's own words about a failed scan, shown apart for support; null when it gave none. */
  const errorDetail = computed(() => (mergeFailure.value ? null : scanFailure.value?.detail || null))
  const groups = shallowRef<DuplicateGroup[]>([])
  const rows = shallowRef<ReadonlyMap<number, ContactRow>>(new Map())
  const scanned = ref(0)
  const index = ref(0)
  const choice = shallowRef<MergeChoice | null>(null)
  const merging = ref(false)
  const merged = ref(0)
  const skipped = ref(0)

  const current = computed(() => groups.value[index.value] ?? null)
  const members = computed(() => (current.value?.ids ?? []).flatMap((id) => rows.value.get(id) ?? []))
  /** What the survivor will look like once merged (tags united, blacklisted if any was). */
  const result = computed((): ContactRow | null => {
    const chosen = choice.value
    if (!chosen || members.value.length < 2) return null
    const survivor = members.value.find((member) => member.id === chosen.survivorId)!
    const plan = planMerge(members.value, chosen, () => [])
    const update = plan.afterDeletes[0]
    const tags = [...new Set(members.value.flatMap((member) => member.tags ?? []))]
    return { ...survivor, ...(update?.kind === 'update' ? update.changes : {}), tags, blacklisted: members.value.some((member) => member.blacklisted === true) }
  })
  /** Why this merge cannot be sent as chosen: the API's rules for the survivor. */
  const problem = computed((): string | null => {
    const merged = result.value
    if (!merged?.type || !needsPhone(merged.type) || merged.phone) return null
    return t('duplicates.problem.needsPhone', { channel: CHANNEL_LABELS[merged.type] })
  })

  watch(current, () => {
    choice.value = members.value.length >= 2 ? defaultMergeChoice(members.value) : null
  })

  async function scan(accountId: string): Promise<void> {
    scanning.value = true
    clearFailure()
    const outcome = await scanDuplicates(accountId)
    scanning.value = false
    if (!outcome.ok) {
      scanFailure.value = outcome.failure
      return
    }
    rows.value = new Map(outcome.scan.members.map((row) => [row.id, row]))
    groups.value = outcome.scan.groups
    scanned.value = outcome.scan.scanned
    index.value = 0
    merged.value = 0
    skipped.value = 0
    choice.value = members.value.length >= 2 ? defaultMergeChoice(members.value) : null
  }

  function move(by: number): void {
    if (groups.value.length === 0) return
    index.value = Math.max(0, Math.min(groups.value.length - 1, index.value + by))
  }

  function select(at: number): void {
    if (at >= 0 && at < groups.value.length) index.value = at
  }

  /** The group leaves the list; the next one is shown. */
  function drop(): void {
    groups.value = groups.value.filter((_, at) => at !== index.value)
    if (index.value >= groups.value.length) index.value = Math.max(0, groups.value.length - 1)
    choice.value = members.value.length >= 2 ? defaultMergeChoice(members.value) : null
  }

  function skip(): void {
    if (!current.value) return
    skipped.value++
    drop()
  }

  function setSurvivor(id: number): void {
    if (members.value.some((member) => member.id === id)) choice.value = defaultMergeChoice(members.value, id)
  }

  /** ←/→: the survivor moves to the member beside it. */
  function moveSurvivor(by: number): void {
    const at = members.value.findIndex((member) => member.id === choice.value?.survivorId)
    const next = members.value[Math.max(0, Math.min(members.value.length - 1, at + by))]
    if (next) setSurvivor(next.id)
  }

  function keep(field: MergeField, id: number): void {
    if (choice.value) choice.value = { ...choice.value, keep: { ...choice.value.keep, [field]: id } }
  }

  /** Queues the merge through the outbox and puts it on the undo stack; null when nothing was merged (the reason is in `error`). */
  async function merge(db: ContactsDb): Promise<MergeDone | null> {
    const group = current.value
    if (!group || !choice.value || merging.value || problem.value) return null
    merging.value = true
    clearFailure()
    const done = await mergeGroup(db, group.ids, choice.value).finally(() => (merging.value = false))
    if (!done.ok) {
      mergeFailure.value = done.error
      return null
    }
    bulk.record(db, done.data.step, done.data.label)
    merged.value++
    drop()
    return done.data
  }

  function reset(): void {
    groups.value = []
    rows.value = new Map()
    choice.value = null
    clearFailure()
    index.value = 0
  }

  function clearFailure(): void {
    scanFailure.value = null
    mergeFailure.value = null
  }

  return {
    scanning,
    scanFailure,
    error,
    errorDetail,
    groups,
    rows,
    scanned,
    index,
    current,
    members,
    choice,
    result,
    problem,
    merging,
    merged,
    skipped,
    scan,
    move,
    select,
    skip,
    setSurvivor,
    moveSurvivor,
    keep,
    merge,
    reset,
  }
})
