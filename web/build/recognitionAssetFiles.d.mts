export const MAX_ASSET_BYTES: number
export function recognitionAssetFiles(repoRoot: string): Map<string, string>
export function classifierModels(repoRoot: string): { id: string; name: string; kind: string; language: string; files: string[] }[]
export function modelIndexJson(repoRoot: string): string
export function contentType(file: string): string
export function lookup(files: Map<string, string>, urlPath: string): { file: string; type: string } | null
