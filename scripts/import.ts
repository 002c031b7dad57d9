// `npm run import -- <folder|file.xlsx> [--dry-run] [--municipality CODE] [--name "Name"] [--lang sv|en]`
// The bulk importer of ../shared/spec/import-format.md. On success: exit 0 and the one-line
// summary on stdout. On any error: exit 1; validation errors each as `file:row: column: message`
// on stdout (then a count on stderr), and nothing written. Warnings (rows the contract accepts
// that deserve a look: dates after today, cases gallring would anonymise at once) and notices
// (people without a coordinator) go to stderr, after the summary: stdout and the exit code are
// the contract's whatever they say.
import { parseArgs } from "node:util";
import { existsSync } from "node:fs";
import path from "node:path";

console.log = console.error;
console.info = console.error;

function out(line: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(line + "\n", (e) => (e ? reject(e) : resolve())));
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: {
        "dry-run": { type: "boolean", default: false },
        municipality: { type: "string" },
        name: { type: "string" },
        lang: { type: "string" },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    console.error(`import: ${err instanceof Error ? err.message : err}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    console.error("usage: npm run import -- <folder|file.xlsx> [--dry-run] [--municipality CODE] [--name NAME]");
    return 1;
  }
  const target = path.resolve(positionals[0]);
  if (!existsSync(target)) {
    console.error(`import: ${positionals[0]}: no such file or folder`);
    return 1;
  }
  const lang = values.lang === "sv" || (!values.lang && /^sv/i.test(process.env.LANG ?? "")) ? "sv" : "en";

  const { openConfigured } = await import("@/db/client");
  const { openSource } = await import("@/lib/import/source");
  const { runImport } = await import("@/lib/import/run");
  const { formatError, formatNotices, formatPlan, formatSummary, formatWarning } = await import("@/lib/import/format");
  const { renderImportMessage } = await import("@/lib/import/messages");
  const { UsageError } = await import("@/lib/tenancy/queries");
  const { safeMessage } = await import("@/lib/errors");

  const tables = await openSource(target);
  if (tables.length === 0) {
    const key = /\.xlsx$/i.test(target) ? "missingSheet" : "noFiles";
    console.error(`import: ${positionals[0]}: ${renderImportMessage({ key }, lang)}`);
    return 1;
  }
  const handle = openConfigured();
  try {
    await handle.migrate();
    let lastShown = 0;
    const result = await runImport(handle.db, tables, {
      dryRun: values["dry-run"],
      municipalityCode: values.municipality,
      municipalityName: values.name,
      sourceName: path.basename(target),
      onProgress: (p) => {
        if (process.stderr.isTTY && p.done - lastShown >= 10_000) {
          lastShown = p.done;
          process.stderr.write(`\r${p.phase}: ${p.done}${p.total ? ` / ${p.total}` : ""} rows`);
        }
      },
    });
    if (process.stderr.isTTY && lastShown) process.stderr.write("\n");
    if (!result.ok) {
      for (const e of result.errors) await out(formatError(e, lang));
      console.error(`import: ${result.errors.length} error(s); nothing was written.`);
      return 1;
    }
    await out(values["dry-run"] ? formatPlan(result) : formatSummary(result));
    for (const w of result.warnings) console.error(formatWarning(w, lang));
    if (result.warningCount > result.warnings.length) console.error(`import: ${result.warningCount - result.warnings.length} more warning(s) not shown`);
    for (const line of formatNotices(result, lang)) console.error(`import: ${line}`);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`import: ${err.message}`);
      return 1;
    }
    console.error("import failed, nothing was written:", safeMessage(err));
    return 1;
  } finally {
    await handle.close();
  }
}

main().then((code) => process.exit(code));
