/**
 * @module The recognition worker: dispatch only. Messages are handled one at a time, in order; every
 * failure goes back as `{ type: 'error', reason }` (with the frame's `seq` when a frame failed), so
 * the worker never fails silently. The work is in `pipeline.ts`.
 */
import { RecognitionError } from './errors'
import type { FromWorker, ToWorker } from './messages'
import { makePipeline, type Pipeline } from './pipeline'

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null
  postMessage(message: FromWorker, transfer?: Transferable[]): void
}

let pipeline: Pipeline | null = null
let queue: Promise<void> = Promise.resolve()

scope.onmessage = (e) => {
  queue = queue.then(() => handle(e.data))
}

function need(): Pipeline {
  if (!pipeline) throw RecognitionError.badMessage('the worker has not been initialised')
  return pipeline
}

async function handle(msg: ToWorker): Promise<void> {
  const seq = msg?.type === 'frame' ? msg.seq : undefined
  try {
    switch (msg?.type) {
      case 'init':
        pipeline?.close()
        pipeline = null
        pipeline = await makePipeline(msg)
        return scope.postMessage(pipeline.ready)
      case 'load-model':
        return scope.postMessage(await need().loadModel(msg.manifest, new Uint8Array(msg.bytes), msg.backend))
      case 'unload-model':
        return scope.postMessage({ type: 'captions', captions: await need().unloadModel(msg.kind) })
      case 'frame':
        try {
          return scope.postMessage(await need().frame(msg))
        } finally {
          msg.frame.close()
        }
      case 'set-caption-mode':
        return scope.postMessage({ type: 'captions', captions: need().setCaptionMode(msg.captionMode) })
      case 'flush':
        return scope.postMessage({ type: 'captions', captions: need().flush() })
      default:
        throw RecognitionError.badMessage(`unknown message type ${JSON.stringify((msg as { type?: unknown })?.type)}`)
    }
  } catch (e) {
    const error = e instanceof RecognitionError ? e : msg?.type === 'load-model' ? RecognitionError.classifierFailed(e) : RecognitionError.landmarkerFailed(e)
    scope.postMessage(error.toMessage(seq))
  }
}
