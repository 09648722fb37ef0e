/**
 * @module A canvas laid over the camera preview that draws the hands the recogniser sees, so the
 * signer can frame their hands. Decorative for screen readers: the guidance text says the same.
 */
import { createEffect, onCleanup, onMount } from 'solid-js'
import type { FrameObservation } from '../../../shared/features/observation'
import { drawHands } from './drawHands'

export type LandmarkOverlayProps = {
  frame: FrameObservation | null
  /** True when the preview under it is shown mirrored (selfie view) but frames are not. */
  mirrored?: boolean
  class?: string
}

export function LandmarkOverlay(props: LandmarkOverlayProps) {
  let canvas!: HTMLCanvasElement
  onMount(() => {
    // Match the drawing buffer to the displayed size so lines stay crisp at any layout size.
    const resize = new ResizeObserver(([entry]) => {
      if (!entry) return
      canvas.width = Math.round(entry.contentRect.width * devicePixelRatio)
      canvas.height = Math.round(entry.contentRect.height * devicePixelRatio)
    })
    resize.observe(canvas)
    onCleanup(() => resize.disconnect())
  })
  createEffect(() => {
    const ctx = canvas.getContext('2d')
    if (ctx) drawHands(ctx, props.frame, props.mirrored ?? false)
  })
  return <canvas ref={canvas} class={props.class} aria-hidden="true" style={{ 'pointer-events': 'none' }} />
}
