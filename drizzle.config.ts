import { defineConfig } from 'drizzle-kit'

// Each feature owns its tables (edge/src/<feature>/tables.ts); migrations are generated, then
// applied by `wrangler d1 migrations apply` (npm start) and by the edge tests' setup file.
export default defineConfig({
  dialect: 'sqlite',
  schema: './edge/src/*/tables.ts',
  out: './edge/migrations',
})
