"use client";
// A new group's teachers: checkboxes of the municipality's sfi teachers, at most 30 at a time (the
// first by name, or the matches of a search by name or e-mail address, as one types). Chosen
// teachers stay at the top, checked, whatever the search shows, so a search never loses a choice.
// A region has hundreds of sfi teachers; the page sends only the first 30.
import { Field, fieldAria } from "@/app/_components/Field";
import { searchStatus, useLiveSearch } from "@/app/_components/SearchedSelect";
import type { SfiMessages } from "@/lib/i18n/areas/sfi";
import type { TeacherOption } from "@/lib/sfi/queries";
import { searchTeachersServer } from "./actions";

export type TeacherList = { rows: TeacherOption[]; total: number };

export function TeacherChoice({
  t,
  initial,
  isTeacher,
  chosen,
  onChange,
  error,
  help,
}: {
  t: SfiMessages;
  /** The first teachers by name and how many there are, as the page found them. */
  initial: TeacherList;
  isTeacher: boolean;
  chosen: TeacherOption[];
  onChange: (next: TeacherOption[]) => void;
  error?: string;
  /** The hint above the list, when not the new group's. */
  help?: string;
}) {
  const { q, setQ, found, search, onKeyDown } = useLiveSearch(searchTeachersServer, 1);

  if (initial.total === 0) {
    // A teacher alone teaches the group; an admin needs a teacher to choose.
    return isTeacher ? null : (
      <fieldset className="field" {...fieldAria("teacherIds", error)}>
        <legend>{t.teachers}</legend>
        <p className="hint">{t.teachersNone}</p>
        {error && (
          <p id="teacherIds-error" className="field-error">
            {error}
          </p>
        )}
      </fieldset>
    );
  }

  const list = found && "rows" in found ? found : initial;
  const isChosen = (id: string) => chosen.some((c) => c.id === id);
  const shown = [...chosen, ...list.rows.filter((r) => !isChosen(r.id))];
  const status = searchStatus(
    found,
    { matches: t.teachersMatches, matchesFirst: t.teachersMatchesFirst, noMatch: t.teachersNoMatch, failed: t.teachersSearchFailed },
    initial.total > initial.rows.length ? t.teachersFirst.replace("{n}", String(initial.total)).replace("{shown}", String(initial.rows.length)) : "",
  );
  const toggle = (teacher: TeacherOption, on: boolean) => onChange(on ? [...chosen, teacher] : chosen.filter((c) => c.id !== teacher.id));
  return (
    <fieldset className="field teacher-choice" {...fieldAria("teacherIds", error)}>
      <legend>{t.teachers}</legend>
      <p className="hint">{help ?? (isTeacher ? t.teachersHelpTeacher : t.teachersHelpAdmin)}</p>
      <Field id="teacher-search" label={t.teachersSearch}>
        <span className="search-form">
          <input id="teacher-search" type="search" value={q} maxLength={200} autoComplete="off" onChange={(ev) => setQ(ev.target.value)} onKeyDown={onKeyDown} aria-controls="teacher-options" />
          <button type="button" onClick={search}>
            {t.teachersSearchButton}
          </button>
        </span>
      </Field>
      <p id="teacher-search-status" aria-live="polite" role="status" className="definition">
        {status}
      </p>
      <div id="teacher-options">
        {shown.map((u) => (
          <label key={u.id} className="checkbox">
            <input type="checkbox" name="teacherIds" value={u.id} checked={isChosen(u.id)} onChange={(ev) => toggle(u, ev.target.checked)} /> {u.name}{" "}
            <span className="definition">({u.email})</span>
          </label>
        ))}
      </div>
      {error && (
        <p id="teacherIds-error" className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
