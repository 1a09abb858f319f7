// The rows a virtual table shows, read block by block from ranked search pages, never showing a gap on refresh.
import type { ContactRow } from '../../../../shared/contact'
import type { NoteExcerpt, SearchPage } from '../../search/search-client'

/** Rows per read: one worker round trip fills a screen and a half. */
export const BLOCK = 100
/** Blocks kept around the view; farther ones are dropped and read again when scrolled back to. */
export const KEPT_BLOCKS = 30

export type PageReader = (offset: number, limit: number) => Promise<SearchPage>

export interface WindowState {
  total: number
  /** False while rows come from the cursor preview (the search index is still loading). */
  ready: boolean
  /** True once the first answer arrived. */
  loaded: boolean
  /** Matches left out because a filtered status or channel is not known yet. */
  unknown: number
}

/** A block's rows and the refresh generation they answer: older ones stay on screen only until replaced. */
interface Block {
  rows: ContactRow[]
  /** Rows that matched through their notes, by contact id: the note piece that matched. */
  excerpts: Record<number, NoteExcerpt> | undefined
  generation: number
}

/** The blocks [first, last] a read covers. */
interface BlockSpan {
  first: number
  last: number
}

const blockOf = (index: number) => Math.floor(index / BLOCK)

export class RowWindow {
  private blocks = new Map<number, Block>()
  /** Blocks being read, with the generation each read answers. */
  private reading = new Map<number, number>()
  /** The blocks the refresh in flight will bring, if one is. */
  private refreshing: BlockSpan | null = null
  private generation = 0
  private first = 0
  private last = 0
  readonly state: WindowState = { total: 0, ready: false, loaded: false, unknown: 0 }

  /** `onUpdate` runs after rows or state changed; `onError` when a read failed. */
  constructor(
    private readonly read: PageReader,
    private readonly onUpdate: () => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  rowAt(index: number): ContactRow | undefined {
    return this.blocks.get(blockOf(index))?.rows[index % BLOCK]
  }

  /** Why the row at `index` matched, when it was through its notes. */
  excerptAt(index: number): NoteExcerpt | undefined {
    const block = this.blocks.get(blockOf(index))
    const row = block?.rows[index % BLOCK]
    return row && block.excerpts?.[row.id]
  }

  /** The view now shows rows [start, end): reads the blocks it lacks. */
  show(start: number, end: number): void {
    this.first = blockOf(Math.max(0, start))
    this.last = blockOf(Math.max(start, end - 1))
    this.dropFarBlocks()
    this.readMissing()
  }

  /**
   * The query or the data changed: reads the shown blocks again in one page and swaps them in
   * at once, so the old rows stay on screen until the new ones are there. The answer is placed
   * at the blocks it was read for, even when the view has moved meanwhile (a new query scrolls
   * to the top); blocks the view reached since are read on their own. A slower answer to an
   * older refresh is dropped.
   */
  async refresh(): Promise<void> {
    const generation = ++this.generation
    const span: BlockSpan = { first: this.first, last: this.last }
    this.refreshing = span
    // Blocks the view shows outside the span (none, unless it moves) are read with the new generation.
    let page: SearchPage
    try {
      page = await this.read(span.first * BLOCK, (span.last - span.first + 1) * BLOCK)
    } catch (error) {
      if (generation === this.generation) {
        this.refreshing = null
        this.onError(error)
      }
      return
    }
    if (generation !== this.generation) return
    this.refreshing = null
    for (const [block, held] of this.blocks) if (held.generation !== generation) this.blocks.delete(block)
    for (let block = span.first; block <= span.last; block++) {
      const rows = page.rows.slice((block - span.first) * BLOCK, (block - span.first + 1) * BLOCK)
      if (rows.length || block * BLOCK >= page.total) this.blocks.set(block, { rows, excerpts: page.excerpts, generation })
    }
    this.setState(page)
    // The view moved while the page was read: fill what it shows now.
    this.readMissing()
  }

  private readMissing(): void {
    for (let block = this.first; block <= this.last; block++) this.readBlock(block)
  }

  /** A block is current when it answers the latest generation, or the refresh in flight covers it. */
  private covered(block: number): boolean {
    if (this.blocks.get(block)?.generation === this.generation) return true
    if (this.reading.get(block) === this.generation) return true
    const span = this.refreshing
    return span !== null && block >= span.first && block <= span.last
  }

  private readBlock(block: number): void {
    if (this.covered(block)) return
    if (this.state.loaded && this.refreshing === null && block * BLOCK >= this.state.total) return
    const generation = this.generation
    this.reading.set(block, generation)
    this.read(block * BLOCK, BLOCK).then(
      (page) => {
        if (this.reading.get(block) === generation) this.reading.delete(block)
        if (generation !== this.generation) return
        this.blocks.set(block, { rows: page.rows, excerpts: page.excerpts, generation })
        this.setState(page)
      },
      (error) => {
        if (this.reading.get(block) === generation) this.reading.delete(block)
        if (generation !== this.generation) return
        this.onError(error)
      },
    )
  }

  private setState(page: SearchPage): void {
    this.state.total = page.total
    this.state.ready = page.ready
    this.state.loaded = true
    this.state.unknown = page.unknown ?? 0
    this.onUpdate()
  }

  private dropFarBlocks(): void {
    if (this.blocks.size <= KEPT_BLOCKS) return
    const centre = (this.first + this.last) / 2
    const far = [...this.blocks.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre))
    for (const block of far.slice(0, this.blocks.size - KEPT_BLOCKS)) this.blocks.delete(block)
  }
}
