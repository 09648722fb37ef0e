/** @module The images under a folder, recursively, in a stable order. */
import { readdirSync, statSync } from 'node:fs'
import { extname, join } from 'node:path'

const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp'])

export function listImages(root: string): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name)
      if (statSync(p).isDirectory()) walk(p)
      else if (IMAGE_EXTENSIONS.has(extname(name).toLowerCase())) out.push(p)
    }
  }
  walk(root)
  return out
}
