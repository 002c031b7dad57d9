// The colours of a chart's series, in order (each with at least 3:1 contrast against the white
// chart background, WCAG 1.4.11). Apart from the charts so that server components can use them.
const PALETTE = ["#0b5d6b", "#b4490d", "#4b3f99", "#1e6b34"];
export const seriesColor = (i: number) => PALETTE[i % PALETTE.length];
