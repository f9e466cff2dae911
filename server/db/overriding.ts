/**
 * `target` with some of its members replaced, everything else passed through (methods bound to the target,
 * so private state keeps working). The driver-adapter wrappers in this folder are built from it.
 */
import "server-only";

export function overriding<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(object, prop, receiver) {
      if (Object.hasOwn(overrides, prop)) return overrides[prop as keyof T];
      const value: unknown = Reflect.get(object, prop, receiver);
      return typeof value === "function" ? value.bind(object) : value;
    },
  });
}
