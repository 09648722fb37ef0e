// @ts-check
/**
 * @module Middleware for the browser-test server (web-test-runner.config.mjs): the recogniser's
 * runtime files and models at their app URLs, and `../shared/data` read-only at `/shared-data/`
 * (the data may never be committed, so tests read it in place and fail saying so when it is absent).
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { extname, resolve, sep } from 'node:path'
import { lookup, modelIndexJson, recognitionAssetFiles } from './recognitionAssetFiles.mjs'

const DATA_TYPES = /** @type {Record<string, string>} */ ({ '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.mp4': 'video/mp4', '.json': 'application/json', '.csv': 'text/csv', '.md': 'text/markdown', '.txt': 'text/plain' })

/**
 * @param {string} repoRoot
 * @returns {(ctx: any, next: () => Promise<void>) => Promise<void>}
 */
export function testServerMiddleware(repoRoot) {
  const dataRoot = resolve(repoRoot, '../shared/data')
  return async (ctx, next) => {
    const path = decodeURIComponent(ctx.path)
    if (path === '/models/index.json') {
      ctx.type = 'application/json'
      ctx.body = modelIndexJson(repoRoot)
      return
    }
    const hit = lookup(recognitionAssetFiles(repoRoot), path)
    if (hit) {
      ctx.type = hit.type
      ctx.body = createReadStream(hit.file)
      return
    }
    if (path.startsWith('/shared-data/') && ctx.method === 'GET') {
      const file = resolve(dataRoot, path.slice('/shared-data/'.length))
      if (!file.startsWith(dataRoot + sep) || !existsSync(file) || !statSync(file).isFile()) {
        ctx.status = 404
        ctx.body = `${path}: not in ../shared/data`
        return
      }
      ctx.type = DATA_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
      ctx.body = createReadStream(file)
      return
    }
    return next()
  }
}
