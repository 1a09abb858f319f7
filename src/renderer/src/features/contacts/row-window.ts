// The rows a virtual table shows, read block by block from ranked search pages, never showing a gap on refresh.
import type { ContactRow } from '../../../../shared/contact'
import type { SearchPage } from '../../search/search-client'

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
}

const blockOf = (index: number) => Math.floor(index / BLOCK)

export class RowWindow {
  private blocks = new Map<number, ContactRow[]>()
  private reading = new Set<number>()
  private generation = 0
  private first = 0
  private last = 0
  readonly state: WindowState = { total: 0, ready: false, loaded: false }

  /** `onUpdate` runs after rows or state changed; `onError` when a read failed. */
  constructor(
    private readonly read: PageReader,
    private readonly onUpdate: () => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  rowAt(index: number): ContactRow | undefined {
    return this.blocks.get(blockOf(index))?.[index % BLOCK]
  }

  /** The view now shows rows [start, end): reads the blocks it lacks. */
  show(start: number, end: number): void {
    this.first = blockOf(Math.max(0, start))
    this.last = blockOf(Math.max(start, end - 1))
    this.dropFarBlocks()
    for (let block = this.first; block <= this.last; block++) this.readBlock(block)
  }

  /**
   * The query or the data changed: reads the shown blocks again in one page and swaps them in
   * at once, so the old rows stay on screen until the new ones are there. A slower answer to an
   * older refresh is dropped.
   */
  async refresh(): Promise<void> {
    const generation = ++this.generation
    const offset = this.first * BLOCK
    let page: SearchPage
    try {
      page = await this.read(offset, (this.last - this.first + 1) * BLOCK)
    } catch (error) {
      if (generation === this.generation) this.onError(error)
      return
    }
    if (generation !== this.generation) return
    this.blocks = new Map()
    this.reading.clear()
    for (let block = this.first; block <= this.last; block++) {
      const rows = page.rows.slice((block - this.first) * BLOCK, (block - this.first + 1) * BLOCK)
      if (rows.length || (block * BLOCK >= page.total)) this.blocks.set(block, rows)
    }
    this.setState(page)
    // Fewer matches than the view shows at this scroll position: the caller clamps and shows again.
  }

  private readBlock(block: number): void {
    if (this.blocks.has(block) || this.reading.has(block)) return
    if (this.state.loaded && block * BLOCK >= this.state.total) return
    const generation = this.generation
    this.reading.add(block)
    this.read(block * BLOCK, BLOCK).then(
      (page) => {
        if (generation !== this.generation) return
        this.reading.delete(block)
        this.blocks.set(block, page.rows)
        this.setState(page)
      },
      (error) => {
        if (generation !== this.generation) return
        this.reading.delete(block)
        this.onError(error)
      },
    )
  }

  private setState(page: SearchPage): void {
    this.state.total = page.total
    this.state.ready = page.ready
    this.state.loaded = true
    this.onUpdate()
  }

  private dropFarBlocks(): void {
    if (this.blocks.size <= KEPT_BLOCKS) return
    const centre = (this.first + this.last) / 2
    const far = [...this.blocks.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre))
    for (const block of far.slice(0, this.blocks.size - KEPT_BLOCKS)) this.blocks.delete(block)
  }
}
