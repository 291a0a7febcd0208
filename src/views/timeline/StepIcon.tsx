// Icons for the step buttons, drawn in SVG: the media-control glyphs are missing from many system fonts.
export type StepIconName = 'first' | 'previous' | 'play' | 'pause' | 'next' | 'last';

const PATHS: Readonly<Record<StepIconName, string>> = {
  first: 'M3 2h2v12H3zM14 2v12L6 8z',
  previous: 'M12 2v12L4 8z',
  play: 'M4 2v12l8-6z',
  pause: 'M4 2h3v12H4zM9 2h3v12H9z',
  next: 'M4 2v12l8-6z',
  last: 'M11 2h2v12h-2zM2 2v12l8-6z',
};

export function StepIcon({ name }: { readonly name: StepIconName }) {
  return (
    <svg
      className="step-icon"
      viewBox="0 0 16 16"
      width="12"
      height="12"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
