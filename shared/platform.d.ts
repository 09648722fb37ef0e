/**
 * The web-interoperable globals shared/ may use: Node 20, browsers, workers and workerd all have
 * them. Declared here instead of pulling in the DOM or Workers libraries, so shared/ cannot reach
 * for anything that only one runtime has.
 */
declare const crypto: {
  getRandomValues<T extends Uint8Array | Uint16Array | Uint32Array>(array: T): T
  randomUUID(): string
}
declare function btoa(data: string): string
declare function atob(data: string): string
declare class TextEncoder {
  encode(input?: string): Uint8Array
}
declare class TextDecoder {
  decode(input?: ArrayBuffer | ArrayBufferView): string
}
