/**
 * @module A small runtime schema: each contract in `shared/protocol` is declared once with these
 * builders, and its TypeScript type is inferred from the declaration, so a parser and its type
 * cannot drift apart. Hand-rolled rather than a library to keep the app bundle small (issue #6
 * budget) and to return issues as plain data that `web/` and `edge/` map to their own errors.
 */
import { err, ok, type Result } from './result'

/** Where a value failed and why, e.g. `{ path: 'data.sdp', message: 'longer than 20000' }`. */
export type SchemaIssue = { path: string; message: string }

export interface Schema<T> {
  parse(value: unknown, path?: string): Result<T, SchemaIssue>
}

export type Infer<S> = S extends Schema<infer T> ? T : never

const fail = (path: string, message: string) => err({ path: path || '(root)', message })
const at = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key

export function string(opts: { min?: number; max: number; pattern?: RegExp }): Schema<string> {
  return {
    parse(v, path = '') {
      if (typeof v !== 'string') return fail(path, 'expected a string')
      if (v.length < (opts.min ?? 0)) return fail(path, `shorter than ${opts.min}`)
      if (v.length > opts.max) return fail(path, `longer than ${opts.max}`)
      if (opts.pattern && !opts.pattern.test(v)) return fail(path, 'has an invalid format')
      return ok(v)
    },
  }
}

export function number(opts: { min?: number; max?: number; int?: boolean } = {}): Schema<number> {
  return {
    parse(v, path = '') {
      if (typeof v !== 'number' || !Number.isFinite(v)) return fail(path, 'expected a finite number')
      if (opts.int && !Number.isInteger(v)) return fail(path, 'expected an integer')
      if (opts.min !== undefined && v < opts.min) return fail(path, `less than ${opts.min}`)
      if (opts.max !== undefined && v > opts.max) return fail(path, `greater than ${opts.max}`)
      return ok(v)
    },
  }
}

export function boolean(): Schema<boolean> {
  return {
    parse: (v, path = '') => (typeof v === 'boolean' ? ok(v) : fail(path, 'expected a boolean')),
  }
}

export function literal<const L extends string | number | boolean>(expected: L): Schema<L> {
  return {
    parse: (v, path = '') =>
      v === expected ? ok(expected) : fail(path, `expected ${JSON.stringify(expected)}`),
  }
}

export function oneOf<const L extends string>(values: readonly L[]): Schema<L> {
  return {
    parse: (v, path = '') =>
      typeof v === 'string' && (values as readonly string[]).includes(v)
        ? ok(v as L)
        : fail(path, `expected one of ${values.join(', ')}`),
  }
}

export function array<T>(item: Schema<T>, opts: { min?: number; max: number }): Schema<T[]> {
  return {
    parse(v, path = '') {
      if (!Array.isArray(v)) return fail(path, 'expected an array')
      if (v.length < (opts.min ?? 0)) return fail(path, `fewer than ${opts.min} items`)
      if (v.length > opts.max) return fail(path, `more than ${opts.max} items`)
      const out: T[] = []
      for (let i = 0; i < v.length; i++) {
        const r = item.parse(v[i], at(path, i))
        if (!r.ok) return r
        out.push(r.value)
      }
      return ok(out)
    },
  }
}

/** Marks an object field as optional; `undefined` and a missing key both pass. */
export type Optional<T> = Schema<T | undefined> & { optional: true }
export function optional<T>(inner: Schema<T>): Optional<T> {
  return {
    optional: true,
    parse: (v, path = '') => (v === undefined ? ok(undefined) : inner.parse(v, path)),
  }
}

export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return { parse: (v, path = '') => (v === null ? ok(null) : inner.parse(v, path)) }
}

type Shape = Record<string, Schema<unknown>>
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends Optional<unknown> ? K : never }[keyof S]
type ObjectOf<S extends Shape> = {
  [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]>
} & { [K in OptionalKeys<S>]?: Exclude<Infer<S[K]>, undefined> }
type Simplify<T> = { [K in keyof T]: T[K] } & {}

/**
 * A plain object with exactly these keys. Unknown keys are refused rather than ignored: a peer
 * running a newer build must bump the message's version, not smuggle fields past an older one.
 */
export function object<S extends Shape>(shape: S): Schema<Simplify<ObjectOf<S>>> & { shape: S } {
  return {
    shape,
    parse(v, path = '') {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(path, 'expected an object')
      const out: Record<string, unknown> = {}
      for (const key of Object.keys(v)) {
        if (!Object.hasOwn(shape, key)) return fail(at(path, key), 'is not allowed')
      }
      for (const key of Object.keys(shape)) {
        const r = shape[key]!.parse((v as Record<string, unknown>)[key], at(path, key))
        if (!r.ok) return r
        if (r.value !== undefined) out[key] = r.value
      }
      return ok(out as Simplify<ObjectOf<S>>)
    },
  }
}

/** A union of objects told apart by one literal field, e.g. `type`. */
export function tagged<K extends string, const V extends Record<string, Schema<object>>>(
  key: K,
  variants: V,
): Schema<{ [T in keyof V]: Infer<V[T]> & { [P in K]: T } }[keyof V]> {
  return {
    parse(v, path = '') {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(path, 'expected an object')
      const tag = (v as Record<string, unknown>)[key]
      if (typeof tag !== 'string' || !Object.hasOwn(variants, tag)) {
        return fail(at(path, key), `unknown ${key} ${JSON.stringify(tag)}`)
      }
      const { [key]: _tag, ...rest } = v as Record<string, unknown>
      const r = variants[tag]!.parse(rest, path)
      if (!r.ok) return r
      return ok({ [key]: tag, ...r.value } as never)
    },
  }
}
