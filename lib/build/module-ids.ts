// A webpack plugin for next.config.ts: no module gets the id 0.
//
// Next.js 15.5 records a client component that webpack has concatenated into another module under
// that module's id only `if (concatenatedModId)` (flight-manifest-plugin.js), so when the
// deterministic ids give such a module the id 0, the component is left out of the client reference
// manifest and its page fails at request time ("Could not find the module … in the React Client
// Manifest"). The ids are hashed anew for every build, so it strikes a build now and then: CI
// built the sfi group page without its EnrolForm once (vercel/next.js#97937, fixed on canary).
// Here the module given 0 is moved to an unused id after the ids are assigned.

interface ModuleIdHooks {
  optimizeModuleIds: { tap(name: string, fn: (modules: Iterable<unknown>) => void): void };
}
interface ChunkGraphLike {
  getModuleId(module: unknown): string | number | null;
  setModuleId(module: unknown, id: string | number): void;
}
export interface CompilationLike {
  hooks: ModuleIdHooks;
  chunkGraph: ChunkGraphLike;
}
export interface CompilerLike {
  hooks: { compilation: { tap(name: string, fn: (compilation: CompilationLike) => void): void } };
}

const NAME = "NoModuleIdZero";

export class NoModuleIdZero {
  apply(compiler: CompilerLike) {
    compiler.hooks.compilation.tap(NAME, (compilation) => {
      compilation.hooks.optimizeModuleIds.tap(NAME, (modules) => moveIdZero(compilation.chunkGraph, modules));
    });
  }
}

/** Gives the module with the id 0 (number or string) the next id above every numeric one in use. */
export function moveIdZero(chunkGraph: ChunkGraphLike, modules: Iterable<unknown>): void {
  let zero: unknown;
  let max = 0;
  for (const m of modules) {
    const id = chunkGraph.getModuleId(m);
    if (id === 0 || id === "0") zero = m;
    else if (typeof id === "number" && id > max) max = id;
    else if (typeof id === "string" && /^\d+$/.test(id) && Number(id) > max) max = Number(id);
  }
  if (zero !== undefined) chunkGraph.setModuleId(zero, max + 1);
}
