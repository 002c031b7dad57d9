import { describe, expect, it } from "vitest";
import { unreadIndexes, type IndexCount } from "./indexes";

const ix = (index: string, scans: number, bytes: number, table = "t"): IndexCount => ({ table, index, scans, bytes, unique: false });

describe("unreadIndexes", () => {
  it("lists the indexes whose scans did not move, the largest first", () => {
    const before = [ix("a", 5, 100), ix("b", 0, 300), ix("c", 2, 200), ix("d", 0, 50)];
    const after = [ix("a", 9, 100), ix("b", 0, 300), ix("c", 2, 200), ix("d", 1, 50)];
    expect(unreadIndexes(before, after).map((i) => i.index)).toEqual(["b", "c"]);
  });
  it("tells indexes of different tables apart and counts a new index from zero", () => {
    const before = [ix("same", 3, 10, "x")];
    const after = [ix("same", 3, 10, "x"), ix("same", 3, 10, "y"), ix("fresh", 0, 10, "y")];
    expect(unreadIndexes(before, after).map((i) => `${i.table}.${i.index}`)).toEqual(["y.fresh", "x.same"]);
  });
});
