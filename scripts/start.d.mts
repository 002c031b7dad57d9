// Types of scripts/start.mjs (plain JavaScript, so that it runs without compiling) for its tests.
/** The configuration the build in `<dir>/.next` was made with, as JSON; undefined without a build. */
export function builtConfig(dir: string): string | undefined;
