/**
 * @module Where the real data lives: `../shared/data` beside the repository (never committed, see
 * its README). Every reader resolves paths here and fails with one clear message when it is absent.
 */
import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const SHARED_DATA_DIR = resolve(REPO_ROOT, '../shared/data')

export class DataMissingError extends Error {
  override name = 'DataMissingError'
}

/** Absolute path of `rel` under ../shared/data; throws DataMissingError when it does not exist. */
export function sharedDataPath(rel: string): string {
  const path = resolve(SHARED_DATA_DIR, rel)
  if (!existsSync(path)) {
    throw new DataMissingError(
      `${path} is missing: the real sign data is read from ../shared/data beside the repository ` +
        `(see its README.md); it is never committed, so this needs a checkout that has it.`,
    )
  }
  return path
}
