/** @module One `wrangler dev` for every e2e file; each spec reads its URL with `inject('baseUrl')`. */
import type { TestProject } from 'vitest/node'
import { startServer } from './server'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}

export default async function setup(project: TestProject) {
  const server = await startServer()
  project.provide('baseUrl', server.url)
  return server.stop
}
