import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseStartScript, startCommand } from "./start-command";

describe("start command", () => {
  it("is what npm start runs: node with its flags and Next's bin", () => {
    const cmd = startCommand();
    expect(cmd.nodeFlags).toContain("--max-old-space-size=1024");
    const args = cmd.args(3100, "127.0.0.1");
    expect(existsSync(args[cmd.nodeFlags.length])).toBe(true);
    expect(args.slice(-5)).toEqual(["start", "-p", "3100", "-H", "127.0.0.1"]);
  });
  it("refuses a start script it cannot run the same way", () => {
    expect(() => parseStartScript("next start", "/x")).toThrow(/start script/);
    expect(parseStartScript("node node_modules/next/dist/bin/next start", "/x").nodeFlags).toEqual([]);
  });
});
