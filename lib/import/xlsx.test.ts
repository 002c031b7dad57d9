// The workbook reader's own checks: the <row> count that guards against rows a parser skips, and
// files that are no zip at all.
import { describe, expect, it } from "vitest";
import path from "node:path";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { openZip, rowTagCounter, XlsxError } from "./xlsx";

const SHEET =
  '<worksheet><dimension ref="A1:B4"/><sheetData><row r="1" spans="1:2"><c r="A1"><v>1</v></c></row>' +
  '<row>\n<c><v>2</v></c></row><row r="3"/><x:row xmlns:x="urn:x" r="4"></x:row></sheetData>' +
  '<rowBreaks count="1"><brk id="2"/></rowBreaks></worksheet>';

describe("rowTagCounter", () => {
  it("counts every <row>, prefixed or not, and nothing else, wherever the text is cut", () => {
    const whole = rowTagCounter();
    whole.feed(SHEET);
    expect(whole.count).toBe(4);
    for (let i = 0; i <= SHEET.length; i++) {
      for (let j = i; j <= SHEET.length; j += 7) {
        const c = rowTagCounter();
        c.feed(SHEET.slice(0, i));
        c.feed(SHEET.slice(i, j));
        c.feed(SHEET.slice(j));
        expect(c.count, `cut at ${i} and ${j}`).toBe(4);
      }
    }
  });
});

describe("openZip", () => {
  it("a file that is no zip is an XlsxError that says so", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "etablera-xlsx-")), "text.xlsx");
    writeFileSync(file, "external_id,first_name\nA1,Amina\n");
    await expect(openZip(file)).rejects.toThrow(XlsxError);
    await expect(openZip(file)).rejects.toThrow(/no zip directory at the end of the file/);
    writeFileSync(file, "");
    await expect(openZip(file)).rejects.toThrow(/not a zip file/);
  });
});
