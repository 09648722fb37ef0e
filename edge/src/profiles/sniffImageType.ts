/**
 * @module Tells an image's type from its first bytes, never from the name or the Content-Type the
 * client claimed: a file named cat.png can hold HTML, and served as such it would run as script.
 */
import type { AvatarType } from '../../../shared/protocol/api/profile'

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b)

const ascii = (text: string) => [...text].map((ch) => ch.charCodeAt(0))

/** PNG, JPEG, WebP and GIF only. SVG is refused: it is a document that can carry script. */
export function sniffImageType(bytes: Uint8Array): AvatarType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp'
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif'
  return null
}
