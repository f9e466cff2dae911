import { describe, expect, it } from "vitest";
import { sharedRead } from "./public-reads";

describe("sharedRead", () => {
  it("reads once for concurrent callers and again after the time to keep", async () => {
    let reads = 0;
    const load = async () => ++reads;
    const key = `k${Math.random()}`;
    const [a, b] = await Promise.all([sharedRead(key, 1000, load, 0), sharedRead(key, 1000, load, 10)]);
    expect([a, b, reads]).toEqual([1, 1, 1]);
    expect(await sharedRead(key, 1000, load, 999)).toBe(1);
    expect(await sharedRead(key, 1000, load, 1000)).toBe(2);
  });

  it("does not keep a failed read", async () => {
    const key = `k${Math.random()}`;
    await expect(sharedRead(key, 1000, () => Promise.reject(new Error("429")), 0)).rejects.toThrow("429");
    await Promise.resolve();
    expect(await sharedRead(key, 1000, async () => "fresh", 1)).toBe("fresh");
  });
});
