/** An honest placeholder for a part of the app that a later piece of work fills. */
export function NotYet({ title, intro, notYet }: { title: string; intro: string; notYet: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p>{intro}</p>
      <p className="notice">{notYet}</p>
    </>
  );
}
