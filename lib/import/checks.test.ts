// What the importer checks beyond the contract's errors, and how it reports: a file that is not
// UTF-8 is an error naming the row; dates after today and cases gallring would anonymise at once
// are warnings (the rows are imported: the contract does not forbid them); people without a
// coordinator are counted for "Ej tilldelade"; an error shows the value given, never a
// personnummer; the write reports its progress as it goes and lets the event loop turn. A file
// valid under the contract imports exactly as before.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import { isUtf8 } from "node:buffer";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { count, eq, sql } from "drizzle-orm";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { addDays, todayIso } from "@/lib/dates";
import { countDueCases, isCaseDue, retentionCutoff } from "@/lib/privacy/retention";
import { formatError, formatNotices, formatSummary, formatWarning } from "./format";
import { getImportJob, getImportJobProgress, importErrorsCsv, SHOWN_ISSUES, startImportJob } from "./jobs";
import { shownValue } from "./messages";
import { runImport, type ImportProgress } from "./run";
import { openSource, validUtf8Prefix, wholeUtf8Length } from "./source";
import { A_HEADER, folder, O_HEADER, P_HEADER, VALID } from "./testing";

const TODAY = "2026-12-08";
let handle: DbHandle;
let municipalityId: string;
let adminId: string;

async function participantCount() {
  const [r] = await handle.db.select({ n: count() }).from(s.participants);
  return r.n;
}

async function importDir(dir: string, opts: { dryRun?: boolean; today?: string; onProgress?: (p: ImportProgress) => void } = {}) {
  const result = await runImport(handle.db, await openSource(dir), { municipalityCode: "1287", sourceName: path.basename(dir), today: TODAY, ...opts });
  return { result, lines: result.errors.map((e) => formatError(e, "en")), warnings: result.warnings.map((w) => formatWarning(w, "en")) };
}

/** A folder with participants.csv holding exactly these bytes. */
function rawFolder(bytes: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), "etablera-import-raw-"));
  writeFileSync(path.join(dir, "participants.csv"), bytes);
  return dir;
}

beforeAll(async () => {
  handle = await createTestDb();
  const [m] = await handle.db.insert(s.municipalities).values({ code: "1287", name: "Trelleborg" }).returning();
  municipalityId = m.id;
  const [u] = await handle.db.insert(s.units).values({ municipalityId: m.id, name: "AME" }).returning();
  const passwordHash = await hashPassword("irrelevant-password");
  const [, admin] = await handle.db
    .insert(s.users)
    .values([
      { municipalityId: m.id, unitId: u.id, email: "koordinator@trelleborg.se", name: "K", role: "coordinator", passwordHash },
      { municipalityId: m.id, email: "admin@trelleborg.se", name: "A", role: "admin", passwordHash },
    ])
    .returning();
  adminId = admin.id;
});
afterAll(async () => {
  await handle?.close();
});

describe("a file valid under the contract", () => {
  it("imports exactly as before: the same summary, no error, no warning", async () => {
    const first = await importDir(folder(VALID));
    expect(first.lines).toEqual([]);
    expect(first.warnings).toEqual([]);
    expect(formatSummary(first.result)).toBe("imported: 2 participants, 3 activities, 1 outcomes; updated: 0");
    expect(first.result.planned).toMatchObject({ participantsCreate: 2, participantsUpdate: 0, activities: 3, outcomesCreate: 1, unassigned: 2 });
    const again = await importDir(folder(VALID));
    expect(formatSummary(again.result)).toBe("imported: 0 participants, 0 activities, 0 outcomes; updated: 6");
  });
});

describe("a CSV file that is not UTF-8", () => {
  const cp1252 = (text: string) => Buffer.from(text, "latin1");

  it("is an error naming the file and the row of the first unreadable character, nothing written", async () => {
    const before = await participantCount();
    // Windows-1252, as an older Excel saves "CSV (semikolonavgränsad)": å is one byte, 0xE5.
    const dir = rawFolder(cp1252([P_HEADER, "W1,,Anna,Berg,1990-01-01,K,,2024-01-01,,,,", "W2,,Åsa,Öberg,1990-01-01,K,,2024-01-01,,,,", "W3,,Eva,Ek,1990-01-01,K,,2024-01-01,,,,"].join("\r\n")));
    const { result, lines } = await importDir(dir);
    expect(result.ok).toBe(false);
    expect(lines).toEqual([
      'participants.csv:3: -: the file is not saved as UTF-8 (this row has characters that cannot be read, e.g. å, ä or ö from an older Excel); save it in Excel as "CSV UTF-8 (Comma delimited)" and try again',
    ]);
    expect(result.errors.map((e) => formatError(e, "sv"))[0]).toMatch(/^participants\.csv:3: -: filen är inte sparad som UTF-8 .*spara den i Excel som ”CSV UTF-8 \(kommaavgränsad\)”/);
    expect(await participantCount()).toBe(before);
  });

  it("names the right row wherever the character is: a row's start, the header, a quoted line break, the file's end", async () => {
    const rowOf = async (bytes: Buffer) => (await importDir(rawFolder(bytes), { dryRun: true })).result.errors.filter((e) => e.message.key === "notUtf8").map((e) => e.row);
    const ok = "X1,,Anna,Berg,1990-01-01,K,,2024-01-01,,,,";
    expect(await rowOf(cp1252([P_HEADER, ok, "Ö2,,Eva,Ek,1990-01-01,K,,2024-01-01,,,,"].join("\n") + "\n"))).toEqual([3]);
    expect(await rowOf(cp1252([P_HEADER.replace("first_name", "förnamn"), ok].join("\n")))).toEqual([1]);
    expect(await rowOf(cp1252([P_HEADER, ok, 'X3,,"Eva\nMaria",Ek,1990-01-01,K,,2024-01-01,,,,', 'X4,,"Ann\nSöderlund",B,1990-01-01,K,,2024-01-01,,,,'].join("\n")))).toEqual([4]);
    // A character cut off by the end of the file (its first byte only).
    expect(await rowOf(Buffer.concat([Buffer.from([P_HEADER, ok, "X5,,Eva,Ek,1990-01-01,K,,2024-01-01,,,,Ã"].join("\n"), "utf8").subarray(0, -1)]))).toEqual([3]);
  });

  it("still reads UTF-8 with a character cut by the reader's chunks, and UTF-16 with its BOM", async () => {
    // Rows of names with å until well past the read stream's first 64 kB chunk.
    const rows = Array.from({ length: 1500 }, (_, i) => `C${i},,Åsa${"å".repeat(i % 7)},Öberg,1990-01-01,K,,2024-01-01,,,,`);
    const utf8 = await importDir(folder({ participants: [P_HEADER, ...rows].join("\n") }), { dryRun: true });
    expect(utf8.lines).toEqual([]);
    expect(utf8.result.planned.participantsCreate).toBe(1500);
    const text = [P_HEADER.replaceAll(",", ";"), "U16;;Åsa;Öberg;1990-01-01;K;;2024-01-01;;;;"].join("\r\n");
    const utf16 = await importDir(rawFolder(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])));
    expect(utf16.lines).toEqual([]);
    const [p] = await handle.db.select().from(s.participants).where(eq(s.participants.externalId, "U16"));
    expect([p.firstName, p.lastName]).toEqual(["Åsa", "Öberg"]);
  });

  it("finds where a buffer stops being UTF-8 as isUtf8 judges it, and where a chunk's last character is whole", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = ["a", "å", "€", "😀", "\n"].map((c) => Buffer.from(c, "utf8"));
    for (let n = 0; n < 300; n++) {
      const parts: Buffer[] = [];
      for (let i = 0; i < 20; i++) parts.push(pieces[Math.floor(random() * pieces.length)]);
      const good = Buffer.concat(parts);
      expect(validUtf8Prefix(good)).toBe(good.length);
      // A byte that cannot be there, put between two characters.
      const at = Buffer.concat(parts.slice(0, Math.floor(random() * parts.length))).length;
      const bad = Buffer.concat([good.subarray(0, at), Buffer.from([[0xe5, 0xff, 0x80, 0xc0][n % 4]]), good.subarray(at)]);
      const prefix = validUtf8Prefix(bad);
      expect(isUtf8(bad.subarray(0, prefix))).toBe(true);
      expect(prefix).toBe(at);
      // Cut anywhere, the whole part of a valid buffer is valid and the rest is a character's start.
      const cut = good.subarray(0, Math.floor(random() * (good.length + 1)));
      expect(isUtf8(cut.subarray(0, wholeUtf8Length(cut)))).toBe(true);
      expect(cut.length - wholeUtf8Length(cut)).toBeLessThan(4);
    }
  });
});

describe("warnings: imported all the same", () => {
  it("dates after today: birth, reception and exit, and an outcome's date, per row", async () => {
    const tomorrow = addDays(TODAY, 1);
    const dir = folder({
      participants: [P_HEADER, `F1,,Framtida,Datum,1990-01-01,K,,${tomorrow},,2026-01-01,${tomorrow},`, `F2,,Född,Sedan,${tomorrow},M,,${tomorrow},,,,`].join("\n"),
      outcomes: [O_HEADER, `F1,arbete,${addDays(TODAY, 400)}`].join("\n"),
    });
    const { result, lines, warnings } = await importDir(dir);
    expect(lines).toEqual([]);
    expect(result.ok).toBe(true);
    expect(formatSummary(result)).toBe("imported: 2 participants, 0 activities, 1 outcomes; updated: 0");
    expect(warnings).toEqual([
      `participants.csv:2: reception_date: warning: the date ${tomorrow} is in the future; the app's forms do not accept it`,
      `participants.csv:2: programme_end: warning: the date ${tomorrow} is in the future; the app's forms do not accept it`,
      `participants.csv:3: birth_date: warning: the date ${tomorrow} is in the future; the app's forms do not accept it`,
      `participants.csv:3: reception_date: warning: the date ${tomorrow} is in the future; the app's forms do not accept it`,
      `outcomes.csv:2: recorded_date: warning: the date ${addDays(TODAY, 400)} is in the future; the app's forms do not accept it`,
    ]);
    expect(result.warningCount).toBe(5);
    expect(formatWarning(result.warnings[0], "sv")).toBe(`participants.csv:2: reception_date: varning: datumet ${tomorrow} ligger i framtiden; appens formulär tar inte emot det`);
    // Today itself is no warning.
    expect((await importDir(folder({ participants: [P_HEADER, `F3,,I,Dag,1990-01-01,K,,${TODAY},,,,`].join("\n") }), { dryRun: true })).warnings).toEqual([]);
  });

  it("a closed case already past the retention period, by the rule gallring itself uses", async () => {
    const old = "2019-03-31";
    expect(isCaseDue({ closedAt: null, programmeEnd: old, lastActivity: "2020-01-01" }, TODAY)).toBe(true);
    const dir = folder({
      participants: [
        P_HEADER,
        // Due: exit and every activity long ago.
        `G1,,Gammal,Ett,1980-01-01,K,,2017-01-01,,2017-02-01,${old},`,
        // Not due: an activity within the period.
        `G2,,Gammal,Två,1980-01-01,M,,2017-01-01,,2017-02-01,${old},`,
        // Not due: still in the programme.
        "G3,,Pågår,Tre,1980-01-01,M,,2017-01-01,,2017-02-01,,",
      ].join("\n"),
      activities: [A_HEADER, "G1,sfi,2017-03-01,2018-06-30,avslutad,,,", "G2,praktik,2017-03-01,,pagaende,,,", `G2,sfi,${addDays(retentionCutoff(TODAY), 10)},,pagaende,,,`].join("\n"),
    });
    const dry = await importDir(dir, { dryRun: true });
    expect(dry.lines).toEqual([]);
    expect(dry.result.dueForGallring).toBe(1);
    expect(dry.warnings).toEqual([
      `participants.csv:2: programme_end: warning: the case is closed and its last activity (${old}) is more than 3 years ago: the participant is anonymised at the next gallring run`,
    ]);
    expect(formatNotices(dry.result, "sv")).toContain("1 deltagare i filen har ett avslutat ärende som redan passerat gallringsfristen och gallras vid nästa körning");
    // The same people written: gallring's own query finds exactly the one warned about.
    const dueBefore = await countDueCases(handle.db, { asOf: TODAY, municipalityId });
    const written = await importDir(dir);
    expect(written.result.dueForGallring).toBe(1);
    expect((await countDueCases(handle.db, { asOf: TODAY, municipalityId })) - dueBefore).toBe(1);
    // Once in the database, their follow-ups count too: a recent one makes the case young again.
    const [g1] = await handle.db.select().from(s.participants).where(eq(s.participants.externalId, "G1"));
    await handle.db.insert(s.followups).values({ municipalityId, participantId: g1.id, type: "uppfoljning", dueDate: addDays(TODAY, -30), status: "planerad" });
    expect((await importDir(dir, { dryRun: true })).result.dueForGallring).toBe(0);
  });
});

describe("people without a coordinator", () => {
  it("are counted for Ej tilldelade, and one already given a unit keeps it on a re-import", async () => {
    const dir = folder({ participants: [P_HEADER, "N1,,Utan,Koordinator,1990-01-01,K,,2024-01-01,,,,", "N2,,Med,Koordinator,1990-01-01,K,,2024-01-01,,,,koordinator@trelleborg.se"].join("\n") });
    const first = await importDir(dir);
    expect(first.result.planned.unassigned).toBe(1);
    expect(formatNotices(first.result, "sv")).toEqual(["1 deltagare saknar koordinator och hamnar under Ej tilldelade (koordinatorerna tar dem därifrån)"]);
    const [n1] = await handle.db.select().from(s.participants).where(eq(s.participants.externalId, "N1"));
    expect(n1.unitId).toBeNull();
    const [n2] = await handle.db.select().from(s.participants).where(eq(s.participants.externalId, "N2"));
    // N1 taken on in the app; N2's file row loses its coordinator_email.
    await handle.db.update(s.participants).set({ unitId: n2.unitId, coordinatorId: n2.coordinatorId, version: sql`${s.participants.version} + 1` }).where(eq(s.participants.id, n1.id));
    const again = await importDir(folder({ participants: [P_HEADER, "N1,,Utan,Koordinator,1990-01-01,K,,2024-01-01,,,,", "N2,,Med,Koordinator,1990-01-01,K,,2024-01-01,,,,"].join("\n") }));
    expect(again.result.planned.unassigned).toBe(0);
    expect(formatSummary(again.result)).toBe("imported: 0 participants, 0 activities, 0 outcomes; updated: 2");
    for (const ext of ["N1", "N2"]) {
      const [p] = await handle.db.select().from(s.participants).where(eq(s.participants.externalId, ext));
      expect([p.unitId, p.coordinatorId]).toEqual([n2.unitId, n2.coordinatorId]);
    }
    // Nothing differed, so nothing was rewritten.
    const [n1After] = await handle.db.select().from(s.participants).where(eq(s.participants.externalId, "N1"));
    expect(n1After.version).toBe(n1.version + 1);
  });
});

describe("errors name the value given", () => {
  it("a code, a date, hours and an e-mail, but never a personnummer", async () => {
    const dir = folder({
      participants: [P_HEADER, "V1,,A,B,1990-01-01,k,,19811218-9876,,,,nobody@trelleborg.se", "V2,,A,B,1990-01-01,Q,,2024-01-01,,,,"].join("\n"),
      activities: [A_HEADER, "V2,sfi,2024-01-01,,pagaende,,,99"].join("\n"),
    });
    const { lines } = await importDir(dir, { dryRun: true });
    expect(lines).toEqual([
      'participants.csv:2: gender: invalid value, allowed: K, M, X; given: "k"',
      // A personnummer in a date column: said to be no date, without the number.
      "participants.csv:2: reception_date: invalid date, use YYYY-MM-DD",
      'participants.csv:2: coordinator_email: no active etableringskoordinator has that email; given: "nobody@trelleborg.se"',
      'participants.csv:3: gender: invalid value, allowed: K, M, X; given: "Q"',
      'activities.csv:2: hours_per_week: hours per week must be a number from 0 to 60; given: "99"',
    ]);
    expect(shownValue("198112189876")).toBeNull();
    expect(shownValue("pnr 811218-9876")).toBeNull();
    expect(shownValue("a\tb\nc")).toBe('"a b c"');
    expect(shownValue("x".repeat(50))).toBe(`"${"x".repeat(40)}…"`);
  });

  it("a personnummer held by another participant names that participant's external_id, not the number", async () => {
    const [taken] = await handle.db.select().from(s.participants).where(eq(s.participants.externalId, "A1"));
    expect(taken.personnummer).toBe("198112189876");
    await handle.db.insert(s.participants).values({
      municipalityId,
      personnummer: "199001011239",
      firstName: "I",
      lastName: "Appen",
      searchName: "i appen",
      birthDate: "1990-01-01",
      gender: "M",
      receptionDate: "2024-01-01",
    });
    const dir = folder({ participants: [P_HEADER, "P1,198112189876,X,Y,1981-12-18,K,,2024-01-01,,,,", "P2,19900101-1239,X,Y,1990-01-01,M,,2024-01-01,,,,"].join("\n") });
    const { lines, result } = await importDir(dir, { dryRun: true });
    expect(lines).toEqual([
      'participants.csv:2: personnummer: personnummer already belongs to another participant (external_id "A1")',
      "participants.csv:3: personnummer: personnummer already belongs to another participant, registered in the app (no external_id)",
    ]);
    expect(result.errors.map((e) => formatError(e, "sv"))[0]).toBe('participants.csv:2: personnummer: personnumret tillhör redan en annan deltagare (external_id "A1")');
    for (const line of [...lines, ...result.errors.map((e) => formatError(e, "sv"))]) expect(line).not.toMatch(/1981121|9876|1239/);
  });
});

describe("the write's progress", () => {
  it("goes step by step to its total, and the event loop turns between the steps", async () => {
    const people = Array.from({ length: 30 }, (_, i) => `PR${i},,Pro,Gress${i},1990-01-01,K,,2024-01-01,,2024-02-01,,`);
    const dir = folder({
      participants: [P_HEADER, ...people].join("\n"),
      activities: [A_HEADER, ...people.map((_, i) => `PR${i},sfi,2024-02-01,,pagaende,,,`)].join("\n"),
    });
    const seen: ImportProgress[] = [];
    let phase = "";
    let turns = 0;
    const timer = setInterval(() => {
      if (phase === "write") turns++;
    }, 0);
    try {
      const { result } = await importDir(dir, {
        onProgress: (p) => {
          phase = p.phase;
          seen.push(p);
        },
      });
      expect(result.ok).toBe(true);
    } finally {
      clearInterval(timer);
    }
    const writes = seen.filter((p) => p.phase === "write");
    expect([...new Set(writes.map((p) => p.step))]).toEqual(["participants", "activities", "outcomes", "audit"]);
    for (let i = 1; i < writes.length; i++) expect(writes[i].done).toBeGreaterThanOrEqual(writes[i - 1].done);
    const last = writes[writes.length - 1];
    // 60 rows, then 31 audit entries (one per person and the import's own).
    expect(last).toMatchObject({ done: 91, total: 91 });
    expect(writes.some((p) => p.done > 0 && p.done < p.total)).toBe(true);
    expect(turns).toBeGreaterThan(0);
  });
});

describe("an import job of the admin page", () => {
  it("answers its progress from memory, shows the first errors and gives them all as CSV, to its admin only", async () => {
    const rows = Array.from({ length: SHOWN_ISSUES + 20 }, (_, i) => `J${i},,Job,Rad,1990-01-01,Q,,2024-01-01,,,,`);
    const id = await startImportJob({
      userId: adminId,
      municipalityId,
      dryRun: true,
      lang: "sv",
      files: [{ name: "participants.csv", data: new TextEncoder().encode([P_HEADER, ...rows].join("\n")) }],
      db: handle.db,
    });
    expect(getImportJobProgress(id, adminId)).toMatchObject({ id, dryRun: true });
    expect(getImportJobProgress(id, "someone-else")).toBeNull();
    for (let i = 0; i < 200 && getImportJobProgress(id, adminId)?.status === "running"; i++) await new Promise((r) => setTimeout(r, 50));
    const job = getImportJob(id, adminId)!;
    expect(job.status).toBe("done");
    // The server's Swedish day, for the result's link to the audit log (not the browser's).
    expect([addDays(todayIso(), -1), todayIso()]).toContain(job.startedOn);
    expect(job.result).toMatchObject({ ok: false, errorCount: SHOWN_ISSUES + 20, warningCount: 0 });
    expect(job.result!.errors).toHaveLength(SHOWN_ISSUES);
    expect(job.result!.errors[0]).toEqual({ file: "participants.csv", row: 2, column: "gender", message: 'ogiltigt värde, tillåtna: K, M, X; angivet: "Q"' });
    expect(importErrorsCsv(id, "someone-else")).toBeNull();
    const csv = [...importErrorsCsv(id, adminId)!.chunks()].join("");
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("\uFEFFfil;rad;kolumn;fel");
    expect(lines).toHaveLength(SHOWN_ISSUES + 20 + 2);
    expect(lines[1]).toBe('participants.csv;2;gender;"ogiltigt värde, tillåtna: K, M, X; angivet: ""Q"""');
    expect(lines[SHOWN_ISSUES + 20]).toMatch(new RegExp(`^participants\\.csv;${SHOWN_ISSUES + 21};gender;`));
  });
});
