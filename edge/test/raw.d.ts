/** `import text from './file?raw'`: the file's text, as Vite (and so vitest-pool-workers) serves it. */
declare module '*?raw' {
  const text: string
  export default text
}
