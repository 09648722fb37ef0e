/** The bindings `cloudflare:workers` hands to tests: the Worker's own (wrangler.toml). */
declare namespace Cloudflare {
  type WorkerEnv = import('../src/env').Env
  interface Env extends WorkerEnv {
    /** edge/migrations, read by edge/vitest.config.ts and applied by test/applyMigrations.ts. */
    TEST_MIGRATIONS: { name: string; queries: string[] }[]
  }
  /**
   * `exports.default` is the Worker's fetch handler. Declared by shape, not as
   * `typeof import('../src/index')`: that would make Env depend on itself through the Durable
   * Object classes the index exports, and TypeScript would quietly drop Env's members.
   */
  interface GlobalProps {
    mainModule: { default: ExportedHandler<WorkerEnv> }
  }
}
