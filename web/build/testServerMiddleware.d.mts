export function testServerMiddleware(repoRoot: string): (ctx: unknown, next: () => Promise<void>) => Promise<void>
