// The importer against the contract: every kind of error is found and reported as
// file:row: column: message, nothing is written then, Excel's formats are read, and a re-import
// changes nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import path from "node:path";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { asc, count, eq, gt, inArray, sql } from "drizzle-orm";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { formatError, formatSummary } from "./format";
import { runImport } from "./run";
import { detectDelimiter, openSource } from "./source";
import { planHistoryOf } from "@/lib/plans/testing";
import { rows } from "@/lib/metrics/indicators";
import { A_HEADER, folder, O_HEADER, P_HEADER, VALID } from "./testing";

let handle: DbHandle;

async function counts() {
  const [p] = await handle.db.select({ n: count() }).from(s.participants);
  const [a] = await handle.db.select({ n: count() }).from(s.activities);
  const [o] = await handle.db.select({ n: count() }).from(s.outcomes);
  const [e] = await handle.db.select({ n: count() }).from(s.employers);
  const [m] = await handle.db.select({ n: count() }).from(s.municipalities);
  return { participants: p.n, activities: a.n, outcomes: o.n, employers: e.n, municipalities: m.n };
}

async function importDir(dir: string, opts: { dryRun?: boolean; code?: string } = {}) {
  const result = await runImport(handle.db, await openSource(dir), { municipalityCode: opts.code ?? "1287", dryRun: opts.dryRun, sourceName: path.basename(dir) });
  return { result, lines: result.errors.map((e) => formatError(e, "en")) };
}

beforeAll(async () => {
  handle = await createTestDb();
  const [m] = await handle.db.insert(s.municipalities).values({ code: "1287", name: "Trelleborg" }).returning();
  const [u] = await handle.db.insert(s.units).values({ municipalityId: m.id, name: "AME" }).returning();
  const passwordHash = await hashPassword("irrelevant-password");
  await handle.db.insert(s.users).values([
    { municipalityId: m.id, unitId: u.id, email: "koordinator@trelleborg.se", name: "K", role: "coordinator", passwordHash },
    { municipalityId: m.id, email: "chef@trelleborg.se", name: "C", role: "manager", passwordHash },
  ]);
});
afterAll(async () => {
  await handle?.close();
});

describe("a valid caseload", () => {
  it("imports, then a re-import of the same files changes nothing", async () => {
    const before = await counts();
    const dir = folder(VALID);
    const first = await importDir(dir);
    expect(first.lines).toEqual([]);
    expect(formatSummary(first.result)).toBe("imported: 2 participants, 3 activities, 1 outcomes; updated: 0");
    const after = await counts();
    expect(after.participants - before.participants).toBe(2);
    expect(after.activities - before.activities).toBe(3);
    expect(after.employers - before.employers).toBe(1);
    const snapshot = await handle.db.select().from(s.participants).where(eq(s.participants.externalId, "A1"));

    const again = await importDir(dir);
    expect(formatSummary(again.result)).toBe("imported: 0 participants, 0 activities, 0 outcomes; updated: 6");
    expect(await counts()).toEqual(after);
    const snapshot2 = await handle.db.select().from(s.participants).where(eq(s.participants.externalId, "A1"));
    expect(snapshot2[0].version).toBe(snapshot[0].version);
    expect(snapshot2[0].personnummer).toBe("198112189876");
    expect(snapshot2[0].firstName).toBe("Amina");
  });

  it("updates a participant by external_id and replaces the outcome", async () => {
    const dir = folder({
      participants: [P_HEADER, "A1,198112189876,Amina,Said-Ali,1981-12-18,K,eftergymnasial,2023-01-10,anvisad,2023-02-01,2025-01-31,koordinator@trelleborg.se"].join("\n"),
      outcomes: [O_HEADER, "A1,studier,2025-06-01"].join("\n"),
    });
    const { result, lines } = await importDir(dir);
    expect(lines).toEqual([]);
    expect(result.updated).toBe(2);
    const [p] = await handle.db.select().from(s.participants).where(eq(s.participants.externalId, "A1"));
    expect(p.lastName).toBe("Said-Ali");
    expect(p.coordinatorId).not.toBeNull();
    expect(p.unitId).not.toBeNull();
    const outs = await handle.db.select().from(s.outcomes).where(eq(s.outcomes.participantId, p.id));
    expect(outs).toHaveLength(1);
    expect(outs[0]).toMatchObject({ status: "studier", recordedDate: "2025-06-01" });
  });

  it("audits what it created, with the file name", async () => {
    const rows = await handle.db.select().from(s.auditLog).where(eq(s.auditLog.action, "participant.import.create"));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows[0].details).toMatchObject({ source: "import", file: "participants.csv" });
    // One entry per person names what the import wrote for them: activities by count, outcomes by id.
    const a1 = await handle.db.select({ id: s.participants.id }).from(s.participants).where(eq(s.participants.externalId, "A1"));
    const mine = rows.filter((r) => r.participantId === a1[0].id);
    expect(mine).toHaveLength(1);
    const activities = await handle.db.select().from(s.activities).where(eq(s.activities.participantId, a1[0].id));
    expect(mine[0].details).toMatchObject({ activitiesFile: "activities.csv", activities: activities.length });
    const outs = await handle.db.select().from(s.outcomes).where(eq(s.outcomes.participantId, a1[0].id));
    if (outs.length) expect(mine[0].details).toMatchObject({ outcomesFile: "outcomes.csv", outcomes: outs.map((o) => o.id) });
    expect(await handle.db.select().from(s.auditLog).where(eq(s.auditLog.action, "activity.import"))).toEqual([]);
  });

  it("reads a semicolon file with BOM and quoted fields, as Swedish Excel writes it", async () => {
    const dir = folder(
      {
        participants: [
          P_HEADER.replaceAll(",", ";"),
          'S1;;"Nour; Maria";"Al ""Sham"" Haddad";1995-02-03;K;;2024-02-01;sjalvbosatt;;;',
        ].join("\r\n"),
      },
      { bom: true },
    );
    const { lines } = await importDir(dir);
    expect(lines).toEqual([]);
    const [p] = await handle.db.select().from(s.participants).where(eq(s.participants.externalId, "S1"));
    expect(p.firstName).toBe("Nour; Maria");
    expect(p.lastName).toBe('Al "Sham" Haddad');
  });

  it("reads an XLSX workbook whose sheets carry the file names", async () => {
    const wb = new ExcelJS.Workbook();
    const add = (name: string, text: string) => {
      const ws = wb.addWorksheet(name);
      for (const line of text.split("\n")) ws.addRow(line.split(","));
    };
    add("participants", [P_HEADER, "X1,,Yonas,Tesfaye,1988-08-08,M,forgymnasial,2024-03-01,anvisad,2024-03-15,2025-03-14,"].join("\n"));
    add("activities", [A_HEADER, "X1,extratjanst,2024-06-01,,pagaende,Kommunen,212000-1124,40"].join("\n"));
    add("outcomes", [O_HEADER, "X1,arbete,2025-07-01"].join("\n"));
    const file = path.join(mkdtempSync(path.join(tmpdir(), "etablera-xlsx-")), "caseload.xlsx");
    // writeBuffer + writeFileSync: ExcelJS's writeFile can resolve before the file is closed, so an
    // immediate read sometimes saw a truncated workbook.
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const result = await runImport(handle.db, await openSource(file), { municipalityCode: "1287", sourceName: "caseload.xlsx" });
    expect(result.errors.map((e) => formatError(e, "en"))).toEqual([]);
    expect(formatSummary(result)).toBe("imported: 1 participants, 1 activities, 1 outcomes; updated: 0");
  });

  it("names XLSX errors by sheet", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("participants");
    ws.addRow(P_HEADER.split(","));
    ws.addRow("X2,,Yonas,Tesfaye,1988-08-08,Q,,2024-03-01,,,,".split(","));
    const file = path.join(mkdtempSync(path.join(tmpdir(), "etablera-xlsx-")), "bad.xlsx");
    // writeBuffer + writeFileSync: ExcelJS's writeFile can resolve before the file is closed, so an
    // immediate read sometimes saw a truncated workbook.
    writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const result = await runImport(handle.db, await openSource(file), { municipalityCode: "1287", sourceName: "bad.xlsx" });
    expect(result.errors.map((e) => formatError(e, "en"))).toEqual(["participants:2: gender: invalid value, allowed: K, M, X; given: \"Q\""]);
  });
});

describe("XLSX files whatever the order of their parts", () => {
  it("reads a workbook whose worksheets come before xl/workbook.xml in the zip", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("participants");
    ws.addRow(P_HEADER.split(","));
    ws.addRow("Z1,,Zera,Order,1989-09-09,K,,2024-03-01,,,,".split(","));
    ws.addRow("Z2,,Zeno,Order,1988-08-08,Q,,2024-03-01,,,,".split(","));
    // The same parts in another order, as some programs write them.
    const original = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
    const names = Object.keys(original.files).filter((n) => !original.files[n].dir);
    // The relations and the shared strings, then the worksheets, then the rest with xl/workbook.xml.
    const first = (n: string) => (n === "xl/_rels/workbook.xml.rels" || n === "xl/sharedStrings.xml" ? 0 : n.startsWith("xl/worksheets/") ? 1 : 2);
    const reordered = new JSZip();
    for (const n of [...names].sort((a, b) => first(a) - first(b))) reordered.file(n, await original.files[n].async("nodebuffer"));
    const order = Object.keys(reordered.files);
    expect(order.findIndex((n) => n.startsWith("xl/worksheets/"))).toBeLessThan(order.indexOf("xl/workbook.xml"));
    const file = path.join(mkdtempSync(path.join(tmpdir(), "etablera-xlsx-")), "order.xlsx");
    // Compressed like every spreadsheet program writes them (stored entries: the tests below).
    writeFileSync(file, await reordered.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));

    const result = await runImport(handle.db, await openSource(file), { municipalityCode: "1287", sourceName: "order.xlsx" });
    // Read and named: the sheet's second data row is found wrong by its sheet name and row.
    expect(result.errors.map((e) => formatError(e, "en"))).toEqual(["participants:3: gender: invalid value, allowed: K, M, X; given: \"Q\""]);
  });
});

describe("XLSX files whatever their zip", () => {
  /** The contract's sheets with `n` participants, each with one activity. */
  function caseload(n: number, opts: { prefix?: string } = {}) {
    const id = (i: number) => `${opts.prefix ?? "W"}${i}`;
    const wb = new ExcelJS.Workbook();
    const p = wb.addWorksheet("participants");
    p.addRow(P_HEADER.split(","));
    for (let i = 1; i <= n; i++) p.addRow(`${id(i)},,Wera,Zip${i},1990-01-01,K,,2024-03-01,,,,`.split(","));
    const a = wb.addWorksheet("activities");
    a.addRow(A_HEADER.split(","));
    for (let i = 1; i <= n; i++) a.addRow(`${id(i)},sfi,2024-04-01,,pagaende,,,`.split(","));
    return wb;
  }

  type Order = "as written" | "reversed" | "worksheets first";
  /** The workbook re-zipped by JSZip: every entry in `order`, stored or deflated. */
  async function rezip(wb: ExcelJS.Workbook, order: Order, compression: "STORE" | "DEFLATE", edit?: (name: string, data: Buffer) => Buffer) {
    const original = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
    let names = Object.keys(original.files).filter((n) => !original.files[n].dir);
    if (order === "reversed") names = names.reverse();
    if (order === "worksheets first") names.sort((a, b) => Number(!a.startsWith("xl/worksheets/")) - Number(!b.startsWith("xl/worksheets/")));
    const zip = new JSZip();
    for (const n of names) {
      const data = await original.files[n].async("nodebuffer");
      zip.file(n, edit ? edit(n, data) : data);
    }
    return zip.generateAsync({ type: "nodebuffer", compression });
  }

  function xlsxFile(name: string, data: Buffer) {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "etablera-xlsx-")), name);
    writeFileSync(file, data);
    return file;
  }

  async function rowCounts(file: string) {
    const out: Record<string, number> = {};
    for (const table of await openSource(file)) {
      out[table.label] = 0;
      for await (const _row of table.rows()) out[table.label]++;
    }
    return out;
  }

  // ExcelJS's streaming reader, which walks the local headers, found no sheet or no rows in most of
  // these (no error): stored entries with data descriptors, as JSZip writes them, and small
  // workbooks whose parts came in another order even when deflated.
  it("reads every row of a workbook whose entries are stored uncompressed or come in any order", async () => {
    const variants: [number, Order, "STORE" | "DEFLATE"][] = [];
    for (const n of [1, 10, 100]) for (const order of ["as written", "reversed", "worksheets first"] as const) variants.push([n, order, "STORE"]);
    variants.push([1, "reversed", "DEFLATE"], [10, "reversed", "DEFLATE"]);
    // Sheets of several read chunks (the <row> count across chunks: ./xlsx.test.ts).
    variants.push([1000, "reversed", "STORE"], [1000, "as written", "DEFLATE"]);
    const found: string[] = [];
    for (const [n, order, compression] of variants) {
      const counts = await rowCounts(xlsxFile("zip.xlsx", await rezip(caseload(n), order, compression)));
      found.push(`${n} ${order} ${compression}: ${JSON.stringify(counts)}`);
    }
    expect(found).toEqual(variants.map(([n, order, compression]) => `${n} ${order} ${compression}: ${JSON.stringify({ participants: n + 1, activities: n + 1 })}`));
  });

  it("imports every row of a stored workbook", async () => {
    const before = await counts();
    const file = xlsxFile("stored.xlsx", await rezip(caseload(50, { prefix: "ST" }), "as written", "STORE"));
    const result = await runImport(handle.db, await openSource(file), { municipalityCode: "1287", sourceName: "stored.xlsx" });
    expect(result.errors.map((e) => formatError(e, "en"))).toEqual([]);
    expect(formatSummary(result)).toBe("imported: 50 participants, 50 activities, 0 outcomes; updated: 0");
    const after = await counts();
    expect(after.participants - before.participants).toBe(50);
  });

  async function rejected(file: string) {
    const before = await counts();
    const result = await runImport(handle.db, await openSource(file), { municipalityCode: "1287", sourceName: path.basename(file) });
    expect(result.ok).toBe(false);
    expect(await counts()).toEqual(before);
    return { en: result.errors.map((e) => formatError(e, "en")), sv: result.errors.map((e) => formatError(e, "sv")) };
  }

  it("a truncated workbook is an error of the file, nothing imported", async () => {
    const whole = await rezip(caseload(20, { prefix: "TR" }), "as written", "STORE");
    for (const keep of [0.3, 0.9, 0.999]) {
      const { en, sv } = await rejected(xlsxFile("cut.xlsx", whole.subarray(0, Math.floor(whole.length * keep))));
      expect(en).toEqual([
        "cut.xlsx:1: -: the workbook cannot be read, it may be damaged or incomplete; save it again from Excel and retry (no zip directory at the end of the file (truncated, or not an .xlsx file))",
      ]);
      expect(sv[0]).toMatch(/^cut\.xlsx:1: -: arbetsboken går inte att läsa, den kan vara skadad eller ofullständig/);
    }
  });

  it("a workbook whose sheet is damaged is an error of that sheet, nothing imported", async () => {
    const whole = await rezip(caseload(20, { prefix: "DM" }), "as written", "STORE");
    // A stored entry's bytes are the XML itself: one row number changed in the first sheet
    // (participants) still parses, but the part's CRC-32 no longer matches.
    const at = whole.indexOf('<row r="17"');
    expect(at).toBeGreaterThan(0);
    whole.write("9", at + '<row r="1'.length);
    const { en } = await rejected(xlsxFile("damaged.xlsx", whole));
    expect(en[0]).toMatch(/^participants:\d+: -: the workbook cannot be read, .*xl\/worksheets\/sheet1\.xml: damaged \(CRC-32 does not match\)\)$/);
  });

  it("a sheet the workbook names but the file lacks is an error of that sheet", async () => {
    const wb = caseload(2, { prefix: "MS" });
    const original = await JSZip.loadAsync(await rezip(wb, "as written", "DEFLATE"));
    original.remove("xl/worksheets/sheet2.xml");
    const { en } = await rejected(xlsxFile("missing.xlsx", await original.generateAsync({ type: "nodebuffer", compression: "DEFLATE" })));
    expect(en).toEqual([
      "activities:1: -: the workbook cannot be read, it may be damaged or incomplete; save it again from Excel and retry (the sheet's part xl/worksheets/sheet2.xml is missing from the file)",
    ]);
  });

  it("rows the parser does not see are an error, not a shorter import", async () => {
    // Valid XML with the rows in a prefixed namespace: ExcelJS only knows <row>, and read none.
    const prefixed = (name: string, data: Buffer) =>
      name === "xl/worksheets/sheet1.xml"
        ? Buffer.from(data.toString("utf8").replace(/<row /g, '<x:row xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ').replace(/<\/row>/g, "</x:row>"))
        : data;
    const { en } = await rejected(xlsxFile("prefixed.xlsx", await rezip(caseload(3, { prefix: "PX" }), "as written", "DEFLATE", prefixed)));
    // (The activities then name participants the import did not get: reported too, as for a CSV file.)
    expect(en[0]).toBe("participants:1: -: the sheet has 4 rows but only 0 could be read; save the workbook again from Excel and retry");
  });
});

describe("bad input: every error listed, nothing written", () => {
  let before: Awaited<ReturnType<typeof counts>>;
  beforeEach(async () => {
    before = await counts();
  });

  const cases: { name: string; files: Parameters<typeof folder>[0]; expected: string[] }[] = [
    {
      name: "unknown column",
      files: { participants: [P_HEADER + ",colour", "E1,,A,B,1990-01-01,K,,2024-01-01,,,,,blue"].join("\n") },
      expected: ["participants.csv:1: colour: unknown column"],
    },
    {
      name: "bad personnummer checksum",
      files: { participants: [P_HEADER, "E1,198112189875,A,B,1981-12-18,K,,2024-01-01,,,,"].join("\n") },
      expected: ["participants.csv:2: personnummer: personnummer check digit is wrong"],
    },
    {
      name: "birth date contradicting personnummer",
      files: { participants: [P_HEADER, "E1,199001011239,A,B,1990-01-02,K,,2024-01-01,,,,"].join("\n") },
      expected: ["participants.csv:2: birth_date: birth date does not agree with personnummer (1990-01-01)"],
    },
    {
      name: "end before start",
      files: { participants: [P_HEADER, "E1,,A,B,1990-01-01,K,,2024-01-01,,,,"].join("\n"), activities: [A_HEADER, "E1,sfi,2024-02-01,2024-01-31,avslutad,,,"].join("\n") },
      expected: ["activities.csv:2: end_date: end date is before start date (2024-02-01)"],
    },
    {
      name: "unknown activity type",
      files: { activities: [A_HEADER, "A1,kurs,2024-02-01,,pagaende,,,"].join("\n") },
      expected: ["activities.csv:2: type: invalid value, allowed: sfi, yrkes_sfi, samhallsorientering, validering, praktik, extratjanst, introduktionsjobb, anstallning, rekryteringsutbildning, arbetsmarknadsutbildning, vuxenutbildning, halsoundersokning, annan; given: \"kurs\""],
    },
    {
      name: "unknown participant reference",
      files: { activities: [A_HEADER, "NOPE,sfi,2024-02-01,,pagaende,,,"].join("\n") },
      expected: ["activities.csv:2: participant_external_id: participant is neither in participants.csv nor in the database; given: \"NOPE\""],
    },
    {
      name: "duplicate external_id",
      files: { participants: [P_HEADER, "E1,,A,B,1990-01-01,K,,2024-01-01,,,,", "E2,,A,B,1990-01-01,K,,2024-01-01,,,,", "E1,,C,D,1991-01-01,M,,2024-01-01,,,,"].join("\n") },
      expected: ["participants.csv:4: external_id: the same external_id is on row 2"],
    },
    {
      name: "outcome recorded before exit + 90 days",
      files: { participants: [P_HEADER, "E1,,A,B,1990-01-01,K,,2024-01-01,,2024-02-01,2025-01-31,"].join("\n"), outcomes: [O_HEADER, "E1,arbete,2025-04-30"].join("\n") },
      expected: ["outcomes.csv:2: recorded_date: outcome can be recorded on 2025-05-01 at the earliest (programme_end + 90 days)"],
    },
    {
      name: "coordinator email that is not a coordinator",
      files: { participants: [P_HEADER, "E1,,A,B,1990-01-01,K,,2024-01-01,,,,chef@trelleborg.se"].join("\n") },
      expected: ["participants.csv:2: coordinator_email: no active etableringskoordinator has that email; given: \"chef@trelleborg.se\""],
    },
    {
      name: "an outcome for someone without programme_end, a bad org nr and bad hours",
      files: {
        activities: [A_HEADER, "A2,praktik,2024-02-01,,pagaende,,556036-0794,70", "A2,sfi,2024-02-01,,pagaende,,556036-0793,"].join("\n"),
        outcomes: [O_HEADER, "A2,arbete,2025-01-01"].join("\n"),
      },
      expected: [
        "activities.csv:2: employer_org_nr: organisationsnummer check digit is wrong",
        "activities.csv:2: hours_per_week: hours per week must be a number from 0 to 60; given: \"70\"",
        "activities.csv:3: employer_org_nr: an employer is only given for praktik, extratjanst, introduktionsjobb and anstallning",
        "outcomes.csv:2: participant_external_id: participant has no programme_end",
      ],
    },
    {
      name: "missing required column and empty required cell",
      files: { participants: ["external_id,first_name,birth_date,gender,reception_date", "E1,,1990-01-01,K,2024-01-01"].join("\n") },
      expected: ["participants.csv:1: last_name: required column is missing", "participants.csv:2: first_name: value is required"],
    },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      // Every case carries a valid row too, which must not be written either.
      const files = { ...c.files };
      const { result, lines } = await importDir(folder(files));
      expect(result.ok).toBe(false);
      expect(lines).toEqual(c.expected);
      expect(await counts()).toEqual(before);
    });
  }

  it("lists the errors of all files together and writes none of the valid rows", async () => {
    const dir = folder({
      participants: [P_HEADER, "N1,,Valid,Person,1990-01-01,K,,2024-01-01,,,,", "N2,,Bad,Person,1990-01-01,Z,,2024-01-01,,,,"].join("\n"),
      activities: [A_HEADER, "N1,sfi,2024-01-05,,pagaende,,,", "N1,sfi,2024-01-05,,okand,,,"].join("\n"),
    });
    const { lines } = await importDir(dir);
    expect(lines).toEqual(['participants.csv:3: gender: invalid value, allowed: K, M, X; given: "Z"', 'activities.csv:3: status: invalid value, allowed: planerad, pagaende, avslutad, avbruten; given: "okand"']);
    expect(await counts()).toEqual(before);
  });

  it("a dry run validates and reports but writes nothing", async () => {
    const dir = folder({ participants: [P_HEADER, "D1,,Dry,Run,1990-01-01,K,,2024-01-01,,,,", "A1,,Amina,Said,1981-12-18,K,,2023-01-10,,,,"].join("\n") });
    const { result } = await importDir(dir, { dryRun: true });
    expect(result.ok).toBe(true);
    expect(result.planned).toMatchObject({ participantsCreate: 1, participantsUpdate: 1 });
    expect(await counts()).toEqual(before);
  });

  it("a failure during the write rolls everything back", async () => {
    // Two rows that pass validation but collide in the database: the same personnummer as an
    // existing participant inserted behind the importer's back after validation.
    const dir = folder({ participants: [P_HEADER, "R1,,Roll,Back,1990-01-01,K,,2024-01-01,,,,"].join("\n"), activities: [A_HEADER, "R1,sfi,2024-01-05,,pagaende,,,"].join("\n") });
    const tables = await openSource(dir);
    let injected = false;
    await expect(
      runImport(handle.db, tables, {
        municipalityCode: "1287",
        sourceName: "rollback",
        onProgress: (p) => {
          if (p.phase === "write" && !injected) {
            injected = true;
            throw new Error("disk full");
          }
        },
      }),
    ).rejects.toThrow("disk full");
    expect(await counts()).toEqual(before);
  });
});

describe("municipality choice", () => {
  it("creates a tenant for a new code, named by --name", async () => {
    const dir = folder({ participants: [P_HEADER, "M1,,New,Tenant,1990-01-01,K,,2024-01-01,,,,"].join("\n") });
    const result = await runImport(handle.db, await openSource(dir), { municipalityCode: "0180", municipalityName: "Stockholm", sourceName: "x" });
    expect(result.ok).toBe(true);
    expect(result.municipality).toEqual({ code: "0180", name: "Stockholm", created: true });
    const [m] = await handle.db.select().from(s.municipalities).where(eq(s.municipalities.code, "0180"));
    expect(m.name).toBe("Stockholm");
  });
  it("without a code and with several tenants, names the choices", async () => {
    const dir = folder(VALID);
    await expect(runImport(handle.db, await openSource(dir), { sourceName: "x" })).rejects.toThrow(/0180 Stockholm, 1287 Trelleborg|1287 Trelleborg, 0180 Stockholm/);
  });
});

describe("statistics after a bulk load", () => {
  it("refreshes the tables' statistics after a large write, not after a small one", async () => {
    const small = await runImport(handle.db, await openSource(folder(VALID)), { municipalityCode: "1287", sourceName: "x" });
    expect(small.ok).toBe(true);
    expect(small.analyzed).toBe(false);
    // The threshold lowered to this import's few rows: the planner's row count of participants
    // is then the table's own.
    const dir = folder({ participants: [P_HEADER, "S1,,Stat,Istik,1990-01-01,K,,2024-01-01,,,,", "S2,,Stat,Istiker,1991-01-01,M,,2024-01-01,,,,"].join("\n") });
    const large = await runImport(handle.db, await openSource(dir), { municipalityCode: "1287", sourceName: "x", analyzeAfterRows: 2 });
    expect(large.ok).toBe(true);
    expect(large.analyzed).toBe(true);
    const [{ n }] = await handle.db.select({ n: count() }).from(s.participants);
    const [stats] = await rows(handle.db, sql`select reltuples from pg_class where relname = 'participants' and relkind = 'r'`);
    expect(Number(stats.reltuples)).toBe(n);
  });
});

describe("detectDelimiter", () => {
  it("picks the separator of the header line", () => {
    expect(detectDelimiter("a;b;c")).toBe(";");
    expect(detectDelimiter("a,b,c")).toBe(",");
    expect(detectDelimiter('"a;b",c,d')).toBe(",");
  });
});

describe("the plan's history", () => {
  it("writes one revision per person in the plan's history, none when nothing changed", async () => {
    // People of their own (H1, H2), so the other tests' rows stay as they are.
    const dir = folder({
      participants: [P_HEADER, "H1,,Hana,Historik,1985-02-02,K,,2023-01-10,,,,", "H2,,Hugo,Historik,1986-03-03,M,,2023-01-10,,,,"].join("\n"),
      activities: [A_HEADER, "H1,sfi,2023-01-20,2023-12-20,avslutad,Lärcentrum,,15", "H1,praktik,2023-04-01,2023-06-30,avslutad,Hamnen,,20", "H2,samhallsorientering,2023-02-01,,pagaende,,,"].join("\n"),
    });
    expect((await importDir(dir)).lines).toEqual([]);
    const [h1] = await handle.db.select({ id: s.participants.id }).from(s.participants).where(eq(s.participants.externalId, "H1"));
    const [h2] = await handle.db.select({ id: s.participants.id }).from(s.participants).where(eq(s.participants.externalId, "H2"));
    expect((await planHistoryOf(handle.db, h2.id)).map((h) => h.summary)).toEqual([`Import (${path.basename(dir)}): 1 ny insats`]);
    expect((await planHistoryOf(handle.db, h1.id)).map((h) => [h.kind, h.summary])).toEqual([["import", `Import (${path.basename(dir)}): 2 nya insatser`]]);
    await importDir(dir);
    expect(await planHistoryOf(handle.db, h1.id)).toHaveLength(1);
    const changed = await importDir(folder({ activities: [A_HEADER, "H1,sfi,2023-01-20,2024-01-31,avslutad,Lärcentrum,,15", "H1,validering,2023-09-01,,pagaende,,,"].join("\n") }));
    expect(changed.lines).toEqual([]);
    const history = await planHistoryOf(handle.db, h1.id);
    expect(history).toHaveLength(2);
    expect(history[0].summary).toMatch(/^Import \(etablera-import-\w+\): 1 ny insats, 1 insats ändrad$/);
    // The changed activity's version moved on, so a form opened on it before is stale.
    const [sfi] = await handle.db.select().from(s.activities).where(eq(s.activities.participantId, h1.id)).orderBy(s.activities.startDate).limit(1);
    expect(sfi).toMatchObject({ endDate: "2024-01-31", version: 2 });
    const [plan] = await handle.db.select().from(s.plans).where(eq(s.plans.participantId, h1.id));
    expect(plan.version).toBe(0);
  });
});

describe("a re-import of unchanged files", () => {
  // People of their own (U1, U2), so the other tests' rows stay as they are.
  const files = {
    participants: [
      P_HEADER,
      "U1,,Ulla,Oförändrad,1984-04-04,K,gymnasial,2022-01-10,anvisad,2022-02-01,2023-01-31,koordinator@trelleborg.se",
      "U2,,Ulf,Oförändrad,1983-03-03,M,,2022-01-10,,,,",
    ].join("\n"),
    activities: [
      A_HEADER,
      "U1,sfi,2022-02-01,2022-12-20,avslutad,Lärcentrum,,15",
      // The same type and start twice: the second gets a key of its own (|2).
      "U1,sfi,2022-02-01,,avbruten,Lärcentrum,,7.5",
      "U1,praktik,2022-05-01,2022-07-31,avslutad,Hamnen,556036-0793,20",
      "U2,samhallsorientering,2022-03-01,,pagaende,,,",
    ].join("\n"),
    outcomes: [O_HEADER, "U1,arbete,2023-05-15"].join("\n"),
  };

  async function people() {
    return handle.db
      .select({ id: s.participants.id, ext: s.participants.externalId, version: s.participants.version, updatedAt: s.participants.updatedAt, xmin: sql<string>`${s.participants}.xmin::text` })
      .from(s.participants)
      .where(inArray(s.participants.externalId, ["U1", "U2"]))
      .orderBy(asc(s.participants.externalId));
  }
  async function activitiesOf(ids: string[]) {
    return handle.db
      .select({ id: s.activities.id, key: s.activities.importKey, version: s.activities.version, updatedAt: s.activities.updatedAt, xmin: sql<string>`${s.activities}.xmin::text` })
      .from(s.activities)
      .where(inArray(s.activities.participantId, ids))
      .orderBy(asc(s.activities.importKey), asc(s.activities.participantId));
  }
  async function auditAfter(id: number) {
    return handle.db.select().from(s.auditLog).where(gt(s.auditLog.id, id)).orderBy(asc(s.auditLog.id));
  }
  async function lastAuditId() {
    const [r] = await handle.db.select({ id: sql<number>`coalesce(max(${s.auditLog.id}), 0)::int` }).from(s.auditLog);
    return Number(r.id);
  }

  it("rewrites no row and writes no revision, but counts and audits every row as before", async () => {
    const dir = folder(files);
    const first = await importDir(dir);
    expect(first.lines).toEqual([]);
    expect(formatSummary(first.result)).toBe("imported: 2 participants, 4 activities, 1 outcomes; updated: 0");
    const p1 = await people();
    const ids = p1.map((p) => p.id);
    const a1 = await activitiesOf(ids);
    expect(a1.map((a) => a.key)).toEqual(["praktik|2022-05-01", "samhallsorientering|2022-03-01", "sfi|2022-02-01", "sfi|2022-02-01|2"]);
    const h1 = await Promise.all(ids.map((id) => planHistoryOf(handle.db, id)));
    const [firstRun] = (await handle.db.select().from(s.auditLog).where(eq(s.auditLog.action, "import.run")).orderBy(sql`${s.auditLog.id} desc`).limit(1));
    const mark = await lastAuditId();

    const again = await importDir(dir);
    expect(again.lines).toEqual([]);
    expect(formatSummary(again.result)).toBe("imported: 0 participants, 0 activities, 0 outcomes; updated: 7");
    // Not one participant or activity row was rewritten: same version, same time, same row version.
    expect(await people()).toEqual(p1);
    expect(await activitiesOf(ids)).toEqual(a1);
    expect(await Promise.all(ids.map((id) => planHistoryOf(handle.db, id)))).toEqual(h1);

    // The audit names every person of the files, as on the first import.
    const entries = await auditAfter(mark);
    const [outcome] = await handle.db.select({ id: s.outcomes.id }).from(s.outcomes).where(eq(s.outcomes.participantId, ids[0]));
    const base = { source: "import", file: "participants.csv", import: path.basename(dir), activitiesFile: "activities.csv" };
    expect(entries.map((e) => [e.action, e.participantId, e.details])).toEqual([
      ["participant.import.update", ids[0], { ...base, activities: 3, outcomesFile: "outcomes.csv", outcomes: [outcome.id], outcomesCreated: 0 }],
      ["participant.import.update", ids[1], { ...base, activities: 1 }],
      ["import.run", null, { import: path.basename(dir), imported: { participants: 0, activities: 0, outcomes: 0 }, updated: 7 }],
    ]);
    expect(firstRun.details).toMatchObject({ imported: { participants: 2, activities: 4, outcomes: 1 }, updated: 0 });
  });

  it("rewrites only what changed, and a revision only for the person whose activity changed", async () => {
    const before = await people();
    const ids = before.map((p) => p.id);
    const aBefore = await activitiesOf(ids);
    const h2 = await planHistoryOf(handle.db, ids[1]);
    const dir = folder({
      // U2's last name changed; U1 as before.
      participants: files.participants.replace("Ulf,Oförändrad", "Ulf,Ändrad"),
      // U1's second sfi course (the |2 key) now has hours 10; the rest as before.
      activities: files.activities.replace("avbruten,Lärcentrum,,7.5", "avbruten,Lärcentrum,,10"),
    });
    const mark = await lastAuditId();
    const r = await importDir(dir);
    expect(r.lines).toEqual([]);
    expect(formatSummary(r.result)).toBe("imported: 0 participants, 0 activities, 0 outcomes; updated: 6");
    const after = await people();
    expect(after[0]).toEqual(before[0]);
    expect(after[1].version).toBe(before[1].version + 1);
    expect(after[1].xmin).not.toBe(before[1].xmin);
    const aAfter = await activitiesOf(ids);
    for (const [i, a] of aAfter.entries()) {
      if (a.key === "sfi|2022-02-01|2") expect(a.version).toBe(aBefore[i].version + 1);
      else expect(a).toEqual(aBefore[i]);
    }
    const h1 = await planHistoryOf(handle.db, ids[0]);
    expect(h1[0].summary).toBe(`Import (${path.basename(dir)}): 1 insats ändrad`);
    expect(h1[0].snapshot).toEqual({ import: path.basename(dir), created: 0, changed: 1 });
    expect(await planHistoryOf(handle.db, ids[1])).toEqual(h2);
    const entries = await auditAfter(mark);
    expect(entries.map((e) => [e.action, e.participantId, (e.details as { activities?: number }).activities])).toEqual([
      ["participant.import.update", ids[0], 3],
      ["participant.import.update", ids[1], 1],
      ["import.run", null, undefined],
    ]);
  });

  it("an activities file alone: one entry per person with all their rows counted, changed or not", async () => {
    const ids = (await people()).map((p) => p.id);
    const aBefore = await activitiesOf(ids);
    const mark = await lastAuditId();
    const r = await importDir(folder({ activities: files.activities.replace("avbruten,Lärcentrum,,7.5", "avbruten,Lärcentrum,,10") }));
    expect(r.lines).toEqual([]);
    expect(formatSummary(r.result)).toBe("imported: 0 participants, 0 activities, 0 outcomes; updated: 4");
    expect(await activitiesOf(ids)).toEqual(aBefore);
    const entries = await auditAfter(mark);
    expect(entries.map((e) => [e.action, e.participantId, (e.details as { count?: number }).count])).toEqual([
      ...[...ids].sort().map((id) => ["activity.import", id, id === ids[0] ? 3 : 1]),
      ["import.run", null, undefined],
    ]);
  });

  it("a new person's activities and a known person's new and changed ones in one import", async () => {
    const known = (await people()).map((p) => p.id);
    const before = await activitiesOf(known);
    const dir = folder({
      participants: `${files.participants}\nU3,,Ulrika,Ny,1990-01-01,K,,2022-01-10,,,,`,
      activities: [
        // U1's second sfi course back to 7.5 hours (the test before set 10).
        files.activities,
        "U2,praktik,2022-09-01,,pagaende,Hamnen,,20",
        "U3,sfi,2022-03-01,,pagaende,Lärcentrum,,15",
        "U3,sfi,2022-03-01,,avbruten,Lärcentrum,,5",
      ].join("\n"),
    });
    const r = await importDir(dir);
    expect(r.lines).toEqual([]);
    expect(formatSummary(r.result)).toBe("imported: 1 participants, 3 activities, 0 outcomes; updated: 6");
    const [u3] = await handle.db.select({ id: s.participants.id }).from(s.participants).where(eq(s.participants.externalId, "U3"));
    expect((await activitiesOf([u3.id])).map((a) => a.key)).toEqual(["sfi|2022-03-01", "sfi|2022-03-01|2"]);
    const after = await activitiesOf(known);
    expect(after.map((a) => a.key)).toEqual(["praktik|2022-05-01", "praktik|2022-09-01", "samhallsorientering|2022-03-01", "sfi|2022-02-01", "sfi|2022-02-01|2"]);
    for (const a of after) {
      const old = before.find((b) => b.id === a.id);
      if (a.key === "sfi|2022-02-01|2") expect(a.version).toBe(old!.version + 1);
      else if (old) expect(a).toEqual(old);
    }
    expect((await planHistoryOf(handle.db, u3.id))[0].snapshot).toEqual({ import: path.basename(dir), created: 2, changed: 0 });
  });
});
