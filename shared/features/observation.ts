/**
 * @module What the hand landmarker saw in one video frame, in the form both training (models/) and
 * the on-device recogniser (web/src/recognition) turn into features.
 */

/** MediaPipe's landmark: x, y normalised to the image width and height (0..1), z relative depth. */
export type Point3 = { x: number; y: number; z: number }

export type Handedness = 'Left' | 'Right'

export type HandObservation = {
  /** The 21 hand landmarks in MediaPipe's order (0 = wrist … 20 = pinky tip). */
  landmarks: Point3[]
  /**
   * The signer's own hand. MediaPipe labels hands as if the image were mirrored (a selfie view); the
   * landmarker wrapper swaps the label for unmirrored camera frames so this is always the real hand.
   */
  handedness: Handedness
  /** Detection confidence, 0..1. */
  score: number
}

export type FrameObservation = {
  /** Milliseconds on a monotonic clock (the video frame's presentation time). */
  t: number
  hands: HandObservation[]
  /** Width / height of the image the landmarks are normalised to; undoes MediaPipe's stretch. */
  aspect: number
}
