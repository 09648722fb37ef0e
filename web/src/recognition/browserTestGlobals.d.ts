/**
 * Mocha's globals, as @web/test-runner provides them to `*.browser.test.ts` (the project does not
 * install @types/mocha). Only what the tests here use; Vitest tests import their own.
 */
type MochaDone = () => Promise<void> | void
declare function describe(title: string, suite: () => void): void
declare function it(title: string, test: MochaDone): void
declare function before(hook: MochaDone): void
declare function after(hook: MochaDone): void
declare function beforeEach(hook: MochaDone): void
declare function afterEach(hook: MochaDone): void
