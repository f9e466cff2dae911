import { describe, expect, it } from "vitest";
import { pageWindow, splitByMonths, tsBounds } from "./day-windows";

describe("splitByMonths", () => {
  it.each([
    ["2026-01-15", "2026-04-10", { from: "2026-02-01", to: "2026-03-01" }, [{ from: "2026-01-15", to: "2026-01-31" }, { from: "2026-04-01", to: "2026-04-10" }]],
    ["2026-01-01", "2026-12-31", { from: "2026-01-01", to: "2026-12-01" }, []],
    ["2026-01-10", "2026-01-20", null, [{ from: "2026-01-10", to: "2026-01-20" }]],
    ["2026-01-10", "2026-02-28", { from: "2026-02-01", to: "2026-02-01" }, [{ from: "2026-01-10", to: "2026-01-31" }]],
    ["2024-02-01", "2024-02-29", { from: "2024-02-01", to: "2024-02-01" }, []],
    ["2024-02-01", "2024-02-28", null, [{ from: "2024-02-01", to: "2024-02-28" }]],
    ["2025-12-07", "2026-12-06", { from: "2026-01-01", to: "2026-11-01" }, [{ from: "2025-12-07", to: "2025-12-31" }, { from: "2026-12-01", to: "2026-12-06" }]],
  ])("%s … %s", (from, to, months, days) => {
    expect(splitByMonths({ from, to })).toEqual({ months, days });
  });

  it("covers every day of a range exactly once", () => {
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    for (let start = Date.UTC(2025, 10, 20); start < Date.UTC(2026, 2, 5); start += 3 * 86_400_000) {
      for (const length of [0, 1, 27, 31, 45, 62, 400]) {
        const r = { from: day(start), to: day(start + length * 86_400_000) };
        const { months, days } = splitByMonths(r);
        const covered: string[] = [];
        for (const d of days) for (let t = Date.parse(d.from); t <= Date.parse(d.to); t += 86_400_000) covered.push(day(t));
        if (months) {
          for (let m = new Date(months.from); m <= new Date(months.to); m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
            for (let t = m.getTime(); new Date(t).getUTCMonth() === m.getUTCMonth(); t += 86_400_000) covered.push(day(t));
          }
        }
        const expected: string[] = [];
        for (let t = Date.parse(r.from); t <= Date.parse(r.to); t += 86_400_000) expected.push(day(t));
        expect(covered.sort()).toEqual(expected);
      }
    }
  });
});

describe("pageWindow", () => {
  const desc = [
    { day: "2026-12-05", n: 3 },
    { day: "2026-12-04", n: 0 },
    { day: "2026-12-03", n: 5 },
    { day: "2026-12-01", n: 2 },
  ];
  it("reads only the days a page's rows are on, skipping the rows of its first day before the page", () => {
    expect(pageWindow(desc, 0, 2, false)).toEqual({ days: { from: "2026-12-05", to: "2026-12-05" }, skip: 0 });
    expect(pageWindow(desc, 2, 2, false)).toEqual({ days: { from: "2026-12-03", to: "2026-12-05" }, skip: 2 });
    expect(pageWindow(desc, 4, 2, false)).toEqual({ days: { from: "2026-12-03", to: "2026-12-03" }, skip: 1 });
    expect(pageWindow(desc, 8, 50, false)).toEqual({ days: { from: "2026-12-01", to: "2026-12-01" }, skip: 0 });
    expect(pageWindow(desc, 10, 50, false)).toBeNull();
  });
  it("works oldest first too", () => {
    const asc = [...desc].reverse();
    expect(pageWindow(asc, 1, 3, true)).toEqual({ days: { from: "2026-12-01", to: "2026-12-03" }, skip: 1 });
  });
});

describe("tsBounds", () => {
  it("is the first and last millisecond of the range's days", () => {
    expect(tsBounds({ from: "2026-12-01", to: "2026-12-02" })).toEqual([Date.UTC(2026, 11, 1), Date.UTC(2026, 11, 3) - 1]);
  });
});
