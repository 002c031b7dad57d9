// The server keeps the unfiltered dashboard of every municipality computed: shortly after it
// starts and then every ETABLERA_METRICS_WARM_MINUTES (default 5; 0 switches it off). A run finds
// the figures in the cache when nothing has changed, so it costs one query per municipality then.
import { warmDashboards } from "./dashboard";

let timer: ReturnType<typeof setInterval> | undefined;
let running = false;

export function warmIntervalMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.ETABLERA_METRICS_WARM_MINUTES;
  const minutes = raw === undefined || raw === "" ? 5 : Number(raw);
  return Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : 0;
}

async function runOnce() {
  if (running) return;
  running = true;
  try {
    await warmDashboards();
  } catch (err) {
    console.error("metrics warm-up failed:", err instanceof Error ? err.message : err);
  } finally {
    running = false;
  }
}

export function startMetricsWarmUp(firstAfterMs = 30_000) {
  const every = warmIntervalMs();
  if (!every || timer) return;
  setTimeout(runOnce, firstAfterMs).unref();
  timer = setInterval(runOnce, every);
  timer.unref();
}
