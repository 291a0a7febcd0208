// What the shapes and colours of the graph mean.
export function GraphLegend() {
  return (
    <ul className="graph-legend" aria-label="Graph legend">
      <li>
        <span className="graph-legend__swatch graph-node--device" aria-hidden="true" /> device
      </li>
      <li>
        <span className="graph-legend__swatch graph-node--user" aria-hidden="true" /> user
      </li>
      <li>
        <span className="graph-legend__swatch graph-node--other" aria-hidden="true" /> other id
      </li>
      <li>
        <span className="graph-node__badge" aria-hidden="true">
          ★
        </span>{' '}
        canonical
      </li>
      <li>
        <span className="graph-legend__line graph-legend__line--failed" aria-hidden="true" /> refused
      </li>
    </ul>
  );
}
