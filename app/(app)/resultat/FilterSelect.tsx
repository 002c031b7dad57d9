"use client";
// A filter of Resultat: a select named as its query parameter, "all" first. Drawn in the browser
// from its options (a region's hundred units): sent as data, not as a hundred elements that the
// server would defer one by one, parse again and render for every view of the page.

export function FilterSelect({ name, label, value, all, options }: { name: string; label: string; value: string | undefined; all: string; options: { value: string; label: string }[] }) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={value ?? ""}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
