/** @module One `wrangler dev` for every e2e file; each spec reads its URL with `inject('baseUrl')`. */
import type { TestProject } from 'vitest/node'
import { startServer } from './server'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    /** How many people a call admits on this server (ROOM_CAPACITY), so a spec can fill one. */
    roomCapacity: number
  }
}

/** Small enough that filling a room takes few browser pages; big enough for a three-way mesh. */
const ROOM_CAPACITY = 3

export default async function setup(project: TestProject) {
  const server = await startServer({ vars: { ROOM_CAPACITY: String(ROOM_CAPACITY) } })
  project.provide('baseUrl', server.url)
  project.provide('roomCapacity', ROOM_CAPACITY)
  return server.stop
}
