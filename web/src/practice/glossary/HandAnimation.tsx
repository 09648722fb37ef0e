/**
 * @module A recorded sign played as a moving hand skeleton (with the head and shoulders when the
 * recording has them, so you see where the sign is made). Loops at the recording's pace; waits
 * paused for a press of Play when the user prefers reduced motion. Decorative for screen readers:
 * the description beside it says the same in words.
 */
import { createEffect, createSignal, onCleanup, onMount } from 'solid-js'
import type { FrameObservation } from '../../../../shared/features/observation'
import { HAND_BONES, HAND_COLOURS } from '../../recognition/drawHands'
import { fitView, headRadius, toCanvas, type View } from './fitView'
import type { BodyPoints } from './referenceSigns'

export type HandAnimationProps = {
  frames: FrameObservation[]
  body?: (BodyPoints | null)[]
  fps: number
  label: string
  /** Fit the head and shoulders into the drawing too: for signs made at a place on the body. */
  showBody?: boolean
  /** Show it as in a mirror (your own view) rather than as you would see the signer. */
  mirrored?: boolean
  sizePx?: number
}

const BODY_COLOUR = '#7483a3'

export function HandAnimation(props: HandAnimationProps) {
  let canvas!: HTMLCanvasElement
  const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches
  const [playing, setPlaying] = createSignal(!reduceMotion)
  const [frame, setFrame] = createSignal(reduceMotion ? Math.floor(props.frames.length / 2) : 0)
  const size = () => props.sizePx ?? 280

  onMount(() => {
    let timer: ReturnType<typeof setInterval> | undefined
    createEffect(() => {
      clearInterval(timer)
      if (!playing() || props.frames.length < 2) return
      timer = setInterval(() => setFrame((f) => (f + 1) % props.frames.length), 1000 / props.fps)
    })
    onCleanup(() => clearInterval(timer))
  })

  createEffect(() => {
    const ctx = canvas.getContext('2d')
    if (!ctx) return
    const px = Math.round(size() * devicePixelRatio)
    canvas.width = px
    canvas.height = px
    const view = fitView(props.frames, props.showBody ? (props.body ?? []) : [], px, px)
    const i = Math.min(frame(), props.frames.length - 1)
    draw(ctx, view, props.frames[i], props.showBody ? (props.body?.[i] ?? null) : null, px, props.mirrored ?? false)
  })

  return (
    <figure class="hand-animation">
      <canvas ref={canvas} style={{ width: `${size()}px`, height: `${size()}px` }} aria-hidden="true" />
      <figcaption>
        <button type="button" class="button small" aria-pressed={playing()} onClick={() => setPlaying((p) => !p)}>
          {playing() ? 'Pause' : 'Play'} {props.label}
        </button>
      </figcaption>
    </figure>
  )
}

function draw(ctx: CanvasRenderingContext2D, view: View, frame: FrameObservation | undefined, body: BodyPoints | null, px: number, mirrored: boolean) {
  ctx.clearRect(0, 0, px, px)
  const line = Math.max(2, px / 110)
  const at = (p: { x: number; y: number }) => toCanvas(view, p, px, mirrored)
  if (body) {
    const nose = at(body.nose)
    const ls = at(body.leftShoulder)
    const rs = at(body.rightShoulder)
    const headR = headRadius(body, view.aspect) * view.scale
    ctx.strokeStyle = BODY_COLOUR
    ctx.lineWidth = line
    ctx.beginPath()
    ctx.arc(nose.x, nose.y, headR, 0, 2 * Math.PI)
    ctx.moveTo(ls.x, ls.y)
    ctx.lineTo(rs.x, rs.y)
    for (const [s, e] of [[ls, at(body.leftElbow)], [rs, at(body.rightElbow)]] as const) {
      ctx.moveTo(s.x, s.y)
      ctx.lineTo(e.x, e.y)
    }
    ctx.stroke()
  }
  for (const hand of frame?.hands ?? []) {
    const pts = hand.landmarks.map(at)
    ctx.strokeStyle = HAND_COLOURS[hand.handedness]
    ctx.fillStyle = HAND_COLOURS[hand.handedness]
    ctx.lineWidth = line
    ctx.beginPath()
    for (const [a, b] of HAND_BONES) {
      ctx.moveTo(pts[a]!.x, pts[a]!.y)
      ctx.lineTo(pts[b]!.x, pts[b]!.y)
    }
    ctx.stroke()
    for (const p of pts) {
      ctx.beginPath()
      ctx.arc(p.x, p.y, line * 1.2, 0, 2 * Math.PI)
      ctx.fill()
    }
  }
}
