// A real OpenID Connect provider (the `oidc-provider` package) for the sign-in journey, and a
// second production server of the app configured to use it. The provider's development login
// screen accepts any login: the login typed is the subject (sub) of the user.
import { spawn, type ChildProcess } from "node:child_process";
import { openSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import Provider from "oidc-provider";
import { openPglite } from "@/db/client";
import * as s from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";

/** Subjects the provider knows, with the email it reports for each. */
export const OIDC_USERS: Record<string, { email: string; name: string }> = {
  "sub-active": { email: "oidc.aktiv@test.etablera.se", name: "Olle Oidc" },
  "sub-inactive": { email: "oidc.inaktiv@test.etablera.se", name: "Ines Inaktiv" },
  "sub-unknown": { email: "finns.inte@test.etablera.se", name: "Okänd Person" },
};

export async function startOidcProvider(port: number, appOrigin: string): Promise<{ issuer: string; close: () => Promise<void> }> {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: "etablera",
        client_secret: "etablera-test-secret-0123456789",
        redirect_uris: [`${appOrigin}/api/auth/callback/kommun`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    pkce: { required: () => true },
    // Put the scope's claims (email) in the ID token, as municipal identity providers do: Auth.js
    // reads the profile from the ID token.
    conformIdTokenClaims: false,
    cookies: { keys: ["test-cookie-key-0123456789"] },
    async findAccount(_ctx, sub) {
      const u = OIDC_USERS[sub];
      if (!u) return undefined;
      return { accountId: sub, claims: async () => ({ sub, email: u.email, email_verified: true, name: u.name }) };
    },
  });
  // Say why a grant was refused (e.g. a redirect_uri or PKCE mismatch) when a run fails.
  provider.on("grant.error", (_ctx: unknown, err: { error_detail?: string; message: string }) => console.error("[oidc-provider] grant error:", err.error_detail ?? err.message));
  const server: Server = await new Promise((resolve) => {
    const srv = provider.listen(port, "127.0.0.1", () => resolve(srv));
  });
  return { issuer, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A fresh database with one municipality and the accounts the provider's users match (or not). */
export async function prepareOidcDatabase(dir: string) {
  rmSync(dir, { recursive: true, force: true });
  const handle = openPglite(dir);
  await handle.migrate();
  const [m] = await handle.db.insert(s.municipalities).values({ code: "9997", name: "Oidckommunen" }).returning();
  const [u] = await handle.db.insert(s.units).values({ municipalityId: m.id, name: "Centrum" }).returning();
  const passwordHash = await hashPassword("inte-detta-lösenord");
  await handle.db.insert(s.users).values([
    { municipalityId: m.id, unitId: u.id, email: OIDC_USERS["sub-active"].email, name: "Olle Oidc", role: "coordinator", passwordHash },
    { municipalityId: m.id, unitId: u.id, email: OIDC_USERS["sub-inactive"].email, name: "Ines Inaktiv", role: "coordinator", passwordHash, active: false },
  ]);
  await handle.close();
}

export async function startApp(port: number, env: Record<string, string>): Promise<{ origin: string; stop: () => void }> {
  const child: ChildProcess = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: process.cwd(),
    // DATABASE_URL emptied: this server always uses the PGlite folder prepared above, also in
    // the PostgreSQL run of the suite.
    env: { ...process.env, NODE_ENV: "production", AUTH_SECRET: "e2e-oidc-secret-not-for-production-0123456789", DATABASE_URL: "", ...env },
    // The server's output goes to data/e2e-oidc-<port>.log for when a run fails.
    stdio: ["ignore", openSync(path.join(process.cwd(), "data", `e2e-oidc-${port}.log`), "w"), openSync(path.join(process.cwd(), "data", `e2e-oidc-${port}.err.log`), "w")],
    detached: true,
  });
  const origin = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`${origin}/api/health`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error("the OIDC test server did not start");
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    origin,
    stop: () => {
      // npx starts next as a child: end the whole process group we created.
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    },
  };
}

export const oidcDataDir = (port: number) => path.join(process.cwd(), "data", `e2e-oidc-${port}`);
