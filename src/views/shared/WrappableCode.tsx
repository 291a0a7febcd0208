// A long code word (errAnonDistinctIdAssignedAlready, $failure_reason) that may break only between its parts:
// <wbr> at camel-case humps and after _ . : -, so a narrow panel shows "errAnonDistinctId / AssignedAlready"
// instead of "errAnonDistinctIdAssignedA / lready".
import { Fragment } from 'react';
import { codeParts } from './codeParts.ts';

export function WrappableCode({ code }: { readonly code: string }) {
  const parts = codeParts(code);
  return (
    <span className="wrappable-code">
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
