// A group's schedule in its form: the weekdays, the lesson's start and end, and hours per lesson.
// The same fields when a group is created (GroupForm) and changed (EditGroupForm).
import type { ReactNode } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import type { SfiMessages } from "@/lib/i18n/areas/sfi";

export type ScheduleField = "days" | "start" | "end" | "hours";

export function ScheduleFields({
  t,
  field,
  described,
  error,
}: {
  t: SfiMessages;
  /** The form's registration of a field (react-hook-form's `register`). */
  field: (name: ScheduleField) => UseFormRegisterReturn;
  /** aria-invalid and aria-describedby when the field has an error. */
  described: (name: ScheduleField) => object;
  /** The field's error message, if any. */
  error: (name: ScheduleField) => ReactNode;
}) {
  return (
    <>
      <fieldset className="field" {...described("days")}>
        <legend>{t.days}</legend>
        {[1, 2, 3, 4, 5, 6, 7].map((d) => (
          <label key={d} className="checkbox">
            <input type="checkbox" value={String(d)} {...field("days")} /> {t.dayNames[d]}
          </label>
        ))}
        {error("days")}
      </fieldset>
      <div className="field">
        <label htmlFor="start">{t.start}</label>
        <input id="start" type="time" {...field("start")} {...described("start")} />
        {error("start")}
      </div>
      <div className="field">
        <label htmlFor="end">{t.end}</label>
        <input id="end" type="time" {...field("end")} {...described("end")} />
        {error("end")}
      </div>
      <div className="field">
        <label htmlFor="hours">{t.hoursPerLesson}</label>
        <input id="hours" type="number" step="0.5" min="0.5" max="12" {...field("hours")} {...described("hours")} />
        {error("hours")}
      </div>
    </>
  );
}
