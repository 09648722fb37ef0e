/** @module Saves text as a file the user downloads (exports of progress and custom signs). */
export function downloadText(fileName: string, text: string, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  // The download has started from the URL by the next task; it can go.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** `silenttalk-progress-2026-05-01.json` */
export const datedFileName = (stem: string, now = new Date()) => `${stem}-${now.toISOString().slice(0, 10)}.json`
