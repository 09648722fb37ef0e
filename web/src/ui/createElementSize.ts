/** @module The content-box size of an element as a signal, kept current by a ResizeObserver. */
import { createSignal, onCleanup } from 'solid-js'

export function createElementSize() {
  const [size, setSize] = createSignal({ widthPx: 0, heightPx: 0 })
  let observer: ResizeObserver | undefined
  onCleanup(() => observer?.disconnect())
  /** Pass as `ref`. */
  const ref = (el: HTMLElement) => {
    observer?.disconnect()
    observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ widthPx: entry.contentRect.width, heightPx: entry.contentRect.height })
    })
    observer.observe(el)
  }
  return { size, ref }
}
