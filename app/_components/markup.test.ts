// Markup kept for the same input: given again as it was, built anew for any input that differs,
// the oldest forgotten when more than MARKUP_KEPT are kept.
import { describe, expect, it } from "vitest";
import { keptMarkup, MARKUP_KEPT } from "./markup";
import { dataTableMarkup } from "./DataTable";

describe("keptMarkup", () => {
  it("builds once for the same input and again for any input that differs", () => {
    let builds = 0;
    const build = (i: { rows: number[] }) => {
      builds++;
      return i.rows.join(",");
    };
    expect(keptMarkup("t1", { rows: [1, 2] }, build)).toBe("1,2");
    expect(keptMarkup("t1", { rows: [1, 2] }, build)).toBe("1,2");
    expect(builds).toBe(1);
    expect(keptMarkup("t1", { rows: [1, 3] }, build)).toBe("1,3");
    // Another kind with the same input is another piece of markup.
    expect(keptMarkup("t2", { rows: [1, 2] }, (i) => `other ${i.rows.length}`)).toBe("other 2");
    expect(builds).toBe(2);
  });

  it("forgets the least recently used when full", () => {
    let builds = 0;
    const build = (n: number) => {
      builds++;
      return String(n);
    };
    keptMarkup("lru", 0, build);
    for (let n = 1; n < MARKUP_KEPT; n++) keptMarkup("lru", n, build);
    keptMarkup("lru", 0, build); // used again: now the most recent
    keptMarkup("lru", -1, build); // one more than fits: 1, the oldest, goes
    const before = builds;
    keptMarkup("lru", 0, build);
    expect(builds).toBe(before);
    keptMarkup("lru", 1, build);
    expect(builds).toBe(before + 1);
  });

  it("a table shows its rows as they are now, not as an earlier view had them", () => {
    const columns = [{ label: "Enhet" }, { label: "Signaler", num: true }];
    const first = dataTableMarkup({ columns, rows: [{ cells: ["Norr", 3] }] });
    const changed = dataTableMarkup({ columns, rows: [{ cells: ["Norr", 4] }] });
    expect(first).toContain(">3<");
    expect(changed).toContain(">4<");
    expect(dataTableMarkup({ columns, rows: [{ cells: ["Norr", 3] }] })).toBe(first);
    expect(dataTableMarkup({ columns, rows: [{ cells: ["Norr", 3] }], caption: "Per enhet" })).toContain("Per enhet");
  });
});
