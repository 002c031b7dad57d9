import { describe, expect, it } from "vitest";
import { moveIdZero, NoModuleIdZero, type CompilationLike } from "./module-ids";

function graph(ids: Map<string, string | number | null>) {
  return {
    getModuleId: (m: unknown) => ids.get(m as string) ?? null,
    setModuleId: (m: unknown, id: string | number) => void ids.set(m as string, id),
  };
}

describe("NoModuleIdZero", () => {
  it("moves the module with id 0 above every id in use and leaves the others", () => {
    const ids = new Map<string, string | number | null>([["EnrolForm", 0], ["a", 5155], ["b", 2115], ["c", null]]);
    moveIdZero(graph(ids), ids.keys());
    expect([...ids]).toEqual([["EnrolForm", 5156], ["a", 5155], ["b", 2115], ["c", null]]);
  });

  it("handles ids written as strings, and does nothing when no module has 0", () => {
    const ids = new Map<string, string | number | null>([["x", "0"], ["y", "77"]]);
    moveIdZero(graph(ids), ids.keys());
    expect(ids.get("x")).toBe(78);
    const none = new Map<string, string | number | null>([["y", 3], ["z", 9]]);
    moveIdZero(graph(none), none.keys());
    expect([...none]).toEqual([["y", 3], ["z", 9]]);
  });

  it("runs in every compilation once the ids are assigned", () => {
    const ids = new Map<string, string | number | null>([["m", 0], ["n", 1]]);
    let optimize: ((modules: Iterable<unknown>) => void) | undefined;
    const compilation: CompilationLike = { hooks: { optimizeModuleIds: { tap: (_n, fn) => void (optimize = fn) } }, chunkGraph: graph(ids) };
    new NoModuleIdZero().apply({ hooks: { compilation: { tap: (_n, fn) => fn(compilation) } } });
    optimize!(ids.keys());
    expect(ids.get("m")).toBe(2);
  });
});
