/**
 * @module Builds `build/hand_landmarker_{lite,full}.task` from the installed `@mediapipe/hands`
 * package (run as the root `postinstall`, and by the web build when the files are missing), plus
 * `build/tasks.json` with each bundle's size and sha256 for the web app to verify and cache by.
 *
 *   tsx models/handlandmarker/build.ts [--if-missing]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildHandLandmarkerTask } from './handLandmarkerTask'
import { readHandsModels, sha256Hex } from './handsPackage'

export const BUILD_DIR = join(dirname(fileURLToPath(import.meta.url)), 'build')
export const VARIANTS = ['lite', 'full'] as const
export type Variant = (typeof VARIANTS)[number]
export const taskFileName = (v: Variant) => `hand_landmarker_${v}.task`
export const TASKS_INDEX = 'tasks.json'

export type TasksIndex = Record<Variant, { file: string; bytes: number; sha256: string }>

export function buildAll(outDir = BUILD_DIR): TasksIndex {
  const models = readHandsModels()
  mkdirSync(outDir, { recursive: true })
  const index = {} as TasksIndex
  for (const v of VARIANTS) {
    const task = buildHandLandmarkerTask(models[`palm_detection_${v}.tflite`], models[`hand_landmark_${v}.tflite`])
    writeFileSync(join(outDir, taskFileName(v)), task)
    index[v] = { file: taskFileName(v), bytes: task.length, sha256: sha256Hex(task) }
  }
  writeFileSync(join(outDir, TASKS_INDEX), `${JSON.stringify(index, null, 2)}\n`)
  return index
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]
if (isMain) {
  const present = [TASKS_INDEX, ...VARIANTS.map(taskFileName)].every((f) => existsSync(join(BUILD_DIR, f)))
  if (process.argv.includes('--if-missing') && present) process.exit(0)
  const index = buildAll()
  for (const v of VARIANTS) console.log(`hand landmarker ${v}: ${index[v].file} ${index[v].bytes} bytes sha256 ${index[v].sha256}`)
}
