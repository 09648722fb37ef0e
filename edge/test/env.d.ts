/** The bindings `cloudflare:workers` hands to tests: the Worker's own (wrangler.toml). */
declare namespace Cloudflare {
  interface Env extends import('../src/env').Env {}
  interface GlobalProps {
    mainModule: typeof import('../src/index')
    durableNamespaces: 'Room'
  }
}
