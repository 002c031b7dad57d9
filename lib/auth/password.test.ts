import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("hashes with argon2id and verifies", async () => {
    const h = await hashPassword("korrekt häst batteri");
    expect(h.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(h, "korrekt häst batteri")).toBe(true);
    expect(await verifyPassword(h, "korrekt hast batteri")).toBe(false);
  });
  it("salts: the same password hashes differently", async () => {
    expect(await hashPassword("samma lösenord")).not.toBe(await hashPassword("samma lösenord"));
  });
  it("a malformed hash verifies as false, not as an exception", async () => {
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
  });
});
