// `npm run report` (or, without npm's own startup, `node scripts/report.mjs …` from the project's
// root): runs scripts/report.ts from a cached bundle that is rebuilt whenever its source changes
// (scripts/launcher.mjs). Flags, output and exit codes are report.ts's.
import { runScript } from "./launcher.mjs";

await runScript("scripts/report.ts");
