// Runs once when the server starts: apply migrations (both databases) and seed the demo into an
// empty embedded database, so `next start` alone gives a working app; then keep the results
// dashboard's figures computed in the background (lib/metrics/warm.ts). The NEXT_RUNTIME check in
// this exact form lets Next.js leave the Node-only code out of the edge bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startDatabase } = await import("./db/startup");
    await startDatabase();
    const { startMetricsWarmUp } = await import("./lib/metrics/warm");
    startMetricsWarmUp();
  }
}
