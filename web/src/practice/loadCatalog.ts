/**
 * @module What this build can recognise: the models listed in /models/index.json and the labels
 * of each, read from their manifests with the shared parser. Served by the service worker when
 * offline. A model whose manifest is unusable is left out, as the recogniser would leave it out.
 */
import { FEATURE_VERSION } from '../../../shared/features/version'
import { parseModelManifest } from '../../../shared/manifest/modelManifest'
import { MODEL_INDEX_URL, modelManifestUrl } from '../recognition/assetPaths'
import type { ModelLabels } from './signs'

export type Catalog = { letters: ModelLabels | null; words: ModelLabels | null }

async function json(url: string): Promise<unknown> {
  const r = await fetch(url)
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`)
  return r.json()
}

export async function loadCatalog(): Promise<Catalog> {
  const index = (await json(MODEL_INDEX_URL)) as { models?: { id?: unknown; language?: unknown }[] }
  const catalog: Catalog = { letters: null, words: null }
  for (const entry of index.models ?? []) {
    if (typeof entry.id !== 'string' || entry.language !== 'ASL') continue
    try {
      const m = parseModelManifest(await json(modelManifestUrl(entry.id)), FEATURE_VERSION)
      if (!m.ok) continue
      const labels: ModelLabels = { id: m.value.id, kind: m.value.kind, labels: m.value.labels, noSign: m.value.noSign }
      if (m.value.kind === 'letter') catalog.letters ??= labels
      else catalog.words ??= labels
    } catch {
      // Not reachable now: practice goes on with the other model.
    }
  }
  return catalog
}
