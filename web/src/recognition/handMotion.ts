/**
 * @module Where a hand is and how big it looks, for the decoder's motion cues (hand speed, the J and
 * Z fingertip trails), in image heights with x scaled by the aspect ratio so both axes are alike.
 */
import { handPose, INDEX_MCP } from '../../../shared/features/handPose'
import type { HandObservation } from '../../../shared/features/observation'
import type { HandMotion } from './letterDecoder'

const INDEX_TIP = INDEX_MCP + 3
const PINKY_TIP = 20

export function handMotion(hand: HandObservation, aspect: number): HandMotion | null {
  const pose = handPose(hand, aspect)
  const index = hand.landmarks[INDEX_TIP]
  const pinky = hand.landmarks[PINKY_TIP]
  if (!pose || !index || !pinky) return null
  return {
    wrist: { x: pose.wristX, y: pose.wristY },
    indexTip: { x: index.x * aspect, y: index.y },
    pinkyTip: { x: pinky.x * aspect, y: pinky.y },
    palm: pose.palmSize,
  }
}
