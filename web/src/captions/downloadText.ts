/** @module Saves text as a file the browser downloads; nothing is uploaded. */
export function downloadText(fileName: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  // The click has started the download by the time the next task runs.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
