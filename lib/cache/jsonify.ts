/**
 * What a value of type T becomes after a JSON round trip, which is exactly what the cache hands back: Dates become
 * ISO strings, `undefined` and function properties disappear, Maps and Sets become `{}`. Typing reads this way
 * means a cached Date field is a compile error where it is used as a Date, instead of a bug that only shows on hits.
 */
export type Jsonify<T> = unknown extends T
  ? unknown
  : T extends Date
    ? string
    : T extends string | number | boolean | null
      ? T
      : T extends undefined | symbol | bigint | ((...args: never[]) => unknown)
        ? never
        : T extends { toJSON(): infer R }
          ? Jsonify<R>
          : T extends ReadonlyMap<unknown, unknown> | ReadonlySet<unknown>
            ? Record<string, never>
            : T extends ReadonlyArray<infer U>
              ? Array<Jsonify<U> | (undefined extends U ? null : never)>
              : { [K in keyof T as T[K] extends undefined | symbol | ((...args: never[]) => unknown) ? never : K]: Jsonify<T[K]> };
