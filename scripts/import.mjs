// `npm run import` (or, without npm's own startup, `node scripts/import.mjs …` from the project's
// root): runs scripts/import.ts from a cached bundle that is rebuilt whenever its source changes
// (scripts/launcher.mjs). Flags, output and exit codes are import.ts's.
import { runScript } from "./launcher.mjs";

await runScript("scripts/import.ts");
