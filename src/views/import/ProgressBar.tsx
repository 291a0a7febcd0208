// A determinate progress bar (ARIA progressbar with aria-valuenow in percent).
export function ProgressBar(props: {
  readonly label: string;
  readonly done: number;
  readonly total: number;
}) {
  const percent = props.total <= 0 ? 0 : Math.min(100, Math.round((props.done / props.total) * 100));
  return (
    <div
      className="progress-bar"
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}%`}
      data-testid="import.progressBar"
    >
      <div className="progress-bar__fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
