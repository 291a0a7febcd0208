// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { lazyView } from './lazyView.tsx';

afterEach(cleanup);

/** A view whose code arrives when the test says so. */
function arrivingLater() {
  let arrive = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const load = async () => {
    await arrived;
    return function Loaded({ text }: { text: string }) {
      return <p>{text}</p>;
    };
  };
  return {
    load,
    arrive: () =>
      act(async () => {
        arrive();
        await arrived;
      }),
  };
}

describe('lazyView', () => {
  it('says which view is loading until its code arrives, then shows the view', async () => {
    const { load, arrive } = arrivingLater();
    const View = lazyView('The test view', load);
    render(<View text="here" />);
    expect(screen.getByText('The test view is loading…')).toBeTruthy();
    await arrive();
    expect(await screen.findByText('here')).toBeTruthy();
    expect(screen.queryByText('The test view is loading…')).toBeNull();
  });

  it('shows nothing while a silent view (a closed dialog) waits for its code', async () => {
    const { load, arrive } = arrivingLater();
    const View = lazyView('The test dialog', load, { silent: true });
    const { container } = render(<View text="opened" />);
    expect(container.textContent).toBe('');
    await arrive();
    expect(await screen.findByText('opened')).toBeTruthy();
  });
});
