/**
 * @module Augmentation of one hand, matched to how real signers and cameras vary: the hand turned a
 * little in and out of the image plane, an unknown camera aspect, landmark jitter, and the other
 * hand (mirror image). Works in square image units so rotations keep proportions.
 */
import type { HandObservation, Point3 } from '../../shared/features/observation'
import type { Random } from './random'

export type HandAugment = {
  /** In-plane roll, degrees either way. Small: orientation is part of some letters (H/U, G/Q, K/P). */
  rollDeg: number
  /** Out-of-plane turns (yaw, pitch) in degrees, using z where the set has it. */
  turnDeg: number
  /** Horizontal stretch ± fraction: the capture aspect of several sets is a best guess. */
  stretch: number
  /** Landmark noise, in palm sizes. */
  jitter: number
  /** Probability of mirroring (a left-handed signer, or a mirrored preview). */
  mirror: number
}

/** The hand moved into square units (x × aspect, z × aspect), augmented; `aspect` of the result is 1. */
export function augmentHand(hand: HandObservation, aspect: number, a: HandAugment, rnd: Random): { hand: HandObservation; aspect: number } {
  const pts = hand.landmarks.map((p) => ({ x: p.x * aspect, y: p.y, z: p.z * aspect }))
  const c = centroid(pts)
  const palm = Math.hypot(pts[9]!.x - pts[0]!.x, pts[9]!.y - pts[0]!.y) || 1e-3
  const rot = rotation(rnd.uniform(-a.turnDeg, a.turnDeg), rnd.uniform(-a.turnDeg, a.turnDeg), rnd.uniform(-a.rollDeg, a.rollDeg))
  const sx = 1 + rnd.uniform(-a.stretch, a.stretch)
  const flip = rnd.chance(a.mirror) ? -1 : 1
  const landmarks = pts.map((p) => {
    const v = apply(rot, p.x - c.x, p.y - c.y, p.z - c.z)
    return {
      x: flip * (v[0] * sx + rnd.normal() * a.jitter * palm),
      y: v[1] + rnd.normal() * a.jitter * palm,
      z: v[2],
    }
  })
  return { hand: { ...hand, landmarks }, aspect: 1 }
}

function centroid(pts: Point3[]) {
  const c = { x: 0, y: 0, z: 0 }
  for (const p of pts) {
    c.x += p.x / pts.length
    c.y += p.y / pts.length
    c.z += p.z / pts.length
  }
  return c
}

type Mat3 = [number, number, number, number, number, number, number, number, number]

/** Rotation: yaw about the image's vertical axis, pitch about its horizontal axis, roll in the image plane. */
export function rotation(yawDeg: number, pitchDeg: number, rollDeg: number): Mat3 {
  const [a, b, g] = [yawDeg, pitchDeg, rollDeg].map((d) => (d * Math.PI) / 180) as [number, number, number]
  const Ry: Mat3 = [Math.cos(a), 0, Math.sin(a), 0, 1, 0, -Math.sin(a), 0, Math.cos(a)]
  const Rx: Mat3 = [1, 0, 0, 0, Math.cos(b), -Math.sin(b), 0, Math.sin(b), Math.cos(b)]
  const Rz: Mat3 = [Math.cos(g), -Math.sin(g), 0, Math.sin(g), Math.cos(g), 0, 0, 0, 1]
  return mul(Rz, mul(Rx, Ry))
}

function mul(A: Mat3, B: Mat3): Mat3 {
  const C: Mat3 = [0, 0, 0, 0, 0, 0, 0, 0, 0]
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      let sum = 0
      for (let k = 0; k < 3; k++) sum += A[3 * i + k]! * B[3 * k + j]!
      C[3 * i + j] = sum
    }
  }
  return C
}

export const apply = (R: Mat3, x: number, y: number, z: number): [number, number, number] => [
  R[0] * x + R[1] * y + R[2] * z,
  R[3] * x + R[4] * y + R[5] * z,
  R[6] * x + R[7] * y + R[8] * z,
]
