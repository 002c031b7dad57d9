// Writing import folders for tests: CSV text per file, exactly as a user's export would be.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const P_HEADER = "external_id,personnummer,first_name,last_name,birth_date,gender,education_level,reception_date,settlement,programme_start,programme_end,coordinator_email";
export const A_HEADER = "participant_external_id,type,start_date,end_date,status,provider,employer_org_nr,hours_per_week";
export const O_HEADER = "participant_external_id,status,recorded_date";

export function folder(files: Partial<Record<"participants" | "activities" | "outcomes", string>>, opts: { bom?: boolean } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), "etablera-import-"));
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(path.join(dir, `${name}.csv`), (opts.bom ? "\uFEFF" : "") + text);
  }
  return dir;
}

/** A small valid caseload: two participants, three activities, one outcome. */
export const VALID = {
  participants: [
    P_HEADER,
    "A1,19811218-9876,Amina,Said,1981-12-18,K,gymnasial,2023-01-10,anvisad,2023-02-01,2025-01-31,",
    'A2,,"Omar, Jr",Haile,1990-05-05,M,,2023-03-01,,2023-03-20,,',
  ].join("\n"),
  activities: [
    A_HEADER,
    "A1,sfi,2023-01-20,2023-12-20,avslutad,Lärcentrum,,15",
    "A1,praktik,2023-04-01,2023-06-30,avslutad,Hamnen,556036-0793,20",
    "A2,praktik,2023-05-01,,pagaende,,,",
  ].join("\n"),
  outcomes: [O_HEADER, "A1,arbete,2025-05-01"].join("\n"),
};
