// An id shown by its short label (D1, $device:D1), with the full id on hover and for screen readers when they differ.
import './shared.css';

export function IdText({ id, label }: { readonly id: string; readonly label: (id: string) => string }) {
  const short = label(id);
  if (short === id) return <code className="id-text">{id === '' ? '(none)' : id}</code>;
  return (
    <code className="id-text" title={id}>
      {short}
    </code>
  );
}
