/**
 * @module How each supported sign is made, in words: handshape, location and movement (the
 * parameters ASL teaching describes a sign by), written for a right-handed signer; a left-handed
 * signer mirrors it. Keyed by model label.
 */

export type SignDescription = { handshape: string; location: string; movement: string }

const HELD = 'None: hold the handshape still for a moment.'
const BESIDE_SHOULDER = 'In front of your right shoulder, palm facing forward (towards the person you sign to).'

export const SIGN_DESCRIPTIONS: Record<string, SignDescription> = {
  A: { handshape: 'A closed fist with the thumb straight up along the side of the index finger, not across the fingers.', location: BESIDE_SHOULDER, movement: HELD },
  B: { handshape: 'Four fingers straight up and together; the thumb bent across the palm.', location: BESIDE_SHOULDER, movement: HELD },
  C: { handshape: 'Fingers together and curved, with the thumb curved below them: the hand makes the letter C, as if holding a cup.', location: 'In front of your right shoulder, palm facing left so the C is seen from the side.', movement: HELD },
  D: { handshape: 'Index finger straight up; the middle, ring and little fingers curve down to touch the tip of the thumb, making a circle under the index finger.', location: BESIDE_SHOULDER, movement: HELD },
  E: { handshape: 'All four fingers bent at the knuckles so their tips rest on the thumb, which is tucked across the palm.', location: BESIDE_SHOULDER, movement: HELD },
  F: { handshape: 'Index finger and thumb touch at their tips to make a circle; the middle, ring and little fingers stand up, spread.', location: BESIDE_SHOULDER, movement: HELD },
  G: { handshape: 'Index finger and thumb stretched out parallel, pointing sideways; the other fingers closed.', location: 'At shoulder height, the hand on its side with the index finger pointing left and the palm facing you.', movement: HELD },
  H: { handshape: 'Index and middle fingers stretched out together, pointing sideways; the thumb holds the ring and little fingers down.', location: 'At shoulder height, the hand on its side with the two fingers pointing left and the palm facing you.', movement: HELD },
  I: { handshape: 'Little finger straight up; the other fingers closed with the thumb across them.', location: BESIDE_SHOULDER, movement: HELD },
  J: { handshape: 'Starts as I: little finger up, the other fingers closed.', location: BESIDE_SHOULDER, movement: 'Draw a J with the little finger: down, then curving towards you and up, turning the palm to face you.' },
  K: { handshape: 'Index and middle fingers up and apart; the thumb points up between them, touching the middle finger at its middle joint.', location: BESIDE_SHOULDER, movement: HELD },
  L: { handshape: 'Thumb and index finger stretched out at a right angle (the letter L); the other fingers closed.', location: BESIDE_SHOULDER, movement: HELD },
  M: { handshape: 'Fist with the thumb tucked under the index, middle and ring fingers, which fold over it.', location: BESIDE_SHOULDER, movement: HELD },
  N: { handshape: 'Fist with the thumb tucked under the index and middle fingers only.', location: BESIDE_SHOULDER, movement: HELD },
  O: { handshape: 'All fingertips curve to meet the tip of the thumb, making an O.', location: 'In front of your right shoulder, palm facing left so the O is seen from the side.', movement: HELD },
  P: { handshape: 'The K handshape (index and middle fingers apart, thumb between them) turned downwards.', location: 'In front of you at chest height, the index finger pointing forward and the middle finger pointing down.', movement: HELD },
  Q: { handshape: 'The G handshape (index finger and thumb parallel) turned downwards.', location: 'In front of you at chest height, index finger and thumb pointing down.', movement: HELD },
  R: { handshape: 'Index and middle fingers up and crossed, the middle finger over the index; the other fingers closed with the thumb.', location: BESIDE_SHOULDER, movement: HELD },
  S: { handshape: 'Closed fist with the thumb across the front of the fingers.', location: BESIDE_SHOULDER, movement: HELD },
  T: { handshape: 'Fist with the thumb tucked between the index and middle fingers, its tip showing.', location: BESIDE_SHOULDER, movement: HELD },
  U: { handshape: 'Index and middle fingers straight up and together; the thumb holds the other fingers down.', location: BESIDE_SHOULDER, movement: HELD },
  V: { handshape: 'Index and middle fingers up and spread apart (a V); the thumb holds the other fingers down.', location: BESIDE_SHOULDER, movement: HELD },
  W: { handshape: 'Index, middle and ring fingers up and spread; the thumb holds the little finger down.', location: BESIDE_SHOULDER, movement: HELD },
  X: { handshape: 'Index finger bent into a hook; the other fingers closed with the thumb.', location: 'In front of your right shoulder, palm facing left.', movement: HELD },
  Y: { handshape: 'Thumb and little finger stretched out; the other fingers closed.', location: BESIDE_SHOULDER, movement: HELD },
  Z: { handshape: 'Index finger pointing forward and up; the other fingers closed with the thumb.', location: BESIDE_SHOULDER, movement: 'Draw a Z in the air with the index finger: across to the right, diagonally down to the left, across to the right.' },
  hello: { handshape: 'Flat hand: fingers together and straight, thumb alongside.', location: 'Fingertips start at the side of your forehead, palm facing forward.', movement: 'Move the hand out and away from the head, like a small salute.' },
  'thank-you': { handshape: 'Flat hand: fingers together and straight, palm facing you.', location: 'Fingertips start at your chin (or lips).', movement: 'Move the hand forward and a little down, towards the person you are thanking.' },
  please: { handshape: 'Flat hand: fingers together, palm on your chest.', location: 'The middle of your chest.', movement: 'Rub the palm in a circle on the chest.' },
  yes: { handshape: 'The S handshape: a fist with the thumb across the fingers.', location: 'In front of your shoulder, palm forward.', movement: 'Bend the wrist down and up a few times, like a head nodding.' },
  no: { handshape: 'Index and middle fingers together and straight, thumb stretched out below them.', location: 'In front of your shoulder, palm facing forward and down.', movement: 'Snap the two fingers down onto the thumb, closing them like a mouth saying "no"; usually twice.' },
  'I-love-you': { handshape: 'Thumb, index finger and little finger stretched out; the middle and ring fingers folded down (I, L and Y at once).', location: 'In front of your shoulder, palm facing forward.', movement: 'Hold it out towards the person, still or with a small push forward.' },
}
