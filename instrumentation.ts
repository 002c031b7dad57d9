// Runs once when the server starts: apply migrations (both databases) and seed the demo into an
// empty embedded database, so `next start` alone gives a working app. The NEXT_RUNTIME check in
// this exact form lets Next.js leave the Node-only code out of the edge bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startDatabase } = await import("./db/startup");
    await startDatabase();
  }
}
