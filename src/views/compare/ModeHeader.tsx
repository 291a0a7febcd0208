// The header every Compare table shares: its first column's name, then one column per mode compared.
import { modeLabel } from './modes.ts';

export function ModeHeader({ first, modes }: { first: string; modes: readonly string[] }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {modes.map((mode) => (
          <th scope="col" key={mode}>
            {modeLabel(mode)}
          </th>
        ))}
      </tr>
    </thead>
  );
}
