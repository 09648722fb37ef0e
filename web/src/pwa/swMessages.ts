/**
 * @module What the service worker (sw/sw.ts) and the pages say to each other, declared once for
 * both sides. The worker tells every open page how installing a version goes; a page asks a
 * waiting version to take over once the user accepts the reload prompt.
 */

export type PrecacheFailureReason = 'storage-full' | 'network' | 'integrity'

export type FromServiceWorker =
  | { type: 'precache-progress'; version: string; loadedBytes: number; totalBytes: number }
  | { type: 'precache-done'; version: string; totalBytes: number }
  | { type: 'precache-failed'; version: string; reason: PrecacheFailureReason; message: string }
  | { type: 'activated'; version: string }
  | { type: 'version'; version: string; totalBytes: number }

export type ToServiceWorker = { type: 'skip-waiting' } | { type: 'get-version' }
