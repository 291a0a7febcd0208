// The scenario's title and lesson: the one thing it teaches, visible while stepping (three lines, the rest on demand).
import { useLayoutEffect, useRef, useState } from 'react';
import { useScenario } from '../../store/hooks.ts';

/** Whether the clamped text hides some of itself; re-measured when the text or the width changes. */
function useOverflows(text: string) {
  const ref = useRef<HTMLParagraphElement>(null);
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return undefined;
    const measure = () => setOverflows(element.scrollHeight > element.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [text]);
  return { ref, overflows };
}

export function Lesson() {
  const scenario = useScenario();
  const [expanded, setExpanded] = useState(false);
  const { ref, overflows } = useOverflows(scenario.lesson ?? '');
  const textId = `lesson-${scenario.id}`;
  return (
    <section className="lesson" aria-label="Lesson" data-testid="timeline.lesson">
      <h2 className="lesson-title">{scenario.title}</h2>
      <p className="lesson-text" id={textId} ref={ref} data-clamped={!expanded}>
        {scenario.lesson}
      </p>
      {overflows || expanded ? (
        <button
          type="button"
          className="link-button lesson-toggle"
          aria-expanded={expanded}
          aria-controls={textId}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Less' : 'More'}
        </button>
      ) : null}
    </section>
  );
}
