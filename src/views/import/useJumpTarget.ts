// Scrolls the table to the event a finding, the identity timeline or a graph edge pointed at; when the table's
// filter hides that event, the filter is cleared first, so a jump always lands.
import { useEffect, useRef } from 'react';
import { useActions, useDataset, useDatasetService } from '../../store/hooks.ts';
import type { RowFilter } from '../../worker/queries.ts';

export function useJumpTarget(filter: RowFilter, reveal: (position: number) => void): void {
  const jump = useDataset((d) => d.jump);
  const service = useDatasetService();
  const { setDatasetFilter } = useActions();
  const revealLatest = useRef(reveal);
  const handled = useRef(0);
  useEffect(() => {
    revealLatest.current = reveal;
  });
  useEffect(() => {
    if (jump === null || handled.current === jump.seq) return;
    let current = true;
    void service.ask('locate', { ...filter, index: jump.index }).then((position) => {
      if (!current) return;
      if (position < 0) {
        setDatasetFilter({});
        return;
      }
      handled.current = jump.seq;
      revealLatest.current(position);
    });
    return () => {
      current = false;
    };
  }, [jump, filter, service, setDatasetFilter]);
}
