// `npm run audit:verify`: checks the audit log's hash chain in the configured database.
// Exit 0 when the chain is whole, 1 when it is broken (edited or deleted entries), 2 on error.
import { openConfigured } from "@/db/client";
import { describeBreak, verifyAuditChain } from "@/lib/audit/verify";

async function main() {
  const handle = openConfigured();
  try {
    const result = await verifyAuditChain(handle.db);
    if (result.ok) {
      console.log(`Audit log intact: ${result.checked} entries checked (last id ${result.lastId ?? "–"}).`);
      return 0;
    }
    console.error(`Audit log BROKEN: ${result.breaks.length} break(s) in ${result.checked} entries checked.`);
    for (const b of result.breaks) console.error("  " + describeBreak(b));
    return 1;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    // A failed query says which statement; the database's own reason is its cause (a database
    // never set up has no audit_log: run `npm run db:setup` or `npm run demo` first).
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : "";
    console.error("audit:verify failed:", (err instanceof Error ? err.message.split("\n")[0] : err) + cause);
    process.exit(2);
  },
);
