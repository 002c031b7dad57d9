// Session limits: the absolute eight-hour limit in the jwt callback, the idle limit as maxAge.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { JWT } from "next-auth/jwt";
import { ABSOLUTE_TIMEOUT_SECONDS, authConfig, IDLE_TIMEOUT_SECONDS } from "./config";

type JwtArgs = Parameters<typeof authConfig.callbacks.jwt>[0];
const jwt = (args: Partial<JwtArgs>) => authConfig.callbacks.jwt({ token: {} as JWT, ...args } as JwtArgs) as JWT | null;

afterEach(() => vi.useRealTimers());

describe("session limits", () => {
  it("idle timeout is 30 minutes and the cookie lives no longer", () => {
    expect(IDLE_TIMEOUT_SECONDS).toBe(1800);
    expect(authConfig.session.maxAge).toBe(IDLE_TIMEOUT_SECONDS);
  });
  it("stamps the sign-in time and keeps the session within eight hours", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-11-25T08:00:00Z"));
    const token = jwt({ user: { id: "u1", role: "coordinator" } });
    expect(token).toMatchObject({ uid: "u1", role: "coordinator" });
    vi.setSystemTime(new Date("2026-11-25T15:59:00Z"));
    expect(jwt({ token: token! })).not.toBeNull();
  });
  it("ends the session eight hours after sign-in, however active the user is", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-11-25T08:00:00Z"));
    const token = jwt({ user: { id: "u1", role: "manager" } });
    vi.setSystemTime(new Date(Date.parse("2026-11-25T08:00:00Z") + (ABSOLUTE_TIMEOUT_SECONDS + 1) * 1000));
    expect(jwt({ token: token! })).toBeNull();
  });
  it("refuses a token without a sign-in time", () => {
    expect(jwt({ token: { uid: "u1" } as JWT })).toBeNull();
  });
});
