// Jumping to an event from anywhere (a finding, a timeline, a refused link): select it and its identity, scroll.
import { useCallback } from 'react';
import { useActions, useDatasetService } from '../../store/hooks.ts';
import { identityOfRow } from './DatasetRow.tsx';

export function useJumpToEvent(): (index: number) => void {
  const service = useDatasetService();
  const { jumpToEvent } = useActions();
  return useCallback(
    (index: number) => {
      // Unfiltered, a record's row position is its index.
      void service.ask('rows', { offset: index, limit: 1 }).then(({ rows }) => {
        const row = rows[0];
        jumpToEvent(index, row === undefined ? undefined : identityOfRow(row));
      });
    },
    [service, jumpToEvent],
  );
}
