import { describe, expect, it } from 'vitest';
import { createAppStore } from './appStore.ts';

const fresh = () => createAppStore({ stepCount: 4 });

describe('the app store actions', () => {
  it('clamps stepping to 0 … stepCount', () => {
    const store = fresh();
    const { stepBack, stepForward, stepTo, stepLast } = store.getState();
    stepBack();
    expect(store.getState().cursor).toBe(0);
    stepLast();
    stepForward();
    expect(store.getState().cursor).toBe(4);
    stepTo(99);
    expect(store.getState().cursor).toBe(4);
    stepTo(-5);
    expect(store.getState().cursor).toBe(0);
  });

  it('starts playing from the beginning when at the end, and stepping back pauses', () => {
    const store = fresh();
    store.getState().stepLast();
    store.getState().togglePlay();
    expect(store.getState()).toMatchObject({ playing: true, cursor: 0 });
    store.getState().stepForward();
    store.getState().stepBack();
    expect(store.getState()).toMatchObject({ playing: false, cursor: 0 });
  });

  it('opens a location clamped to its step count, clearing selection and playback', () => {
    const store = fresh();
    store.getState().select({ kind: 'id', id: 'U1' });
    store.getState().togglePlay();
    store.getState().openLocation({ scenarioId: 'returning-user', mode: 'original', cursor: 12 }, 8);
    expect(store.getState()).toMatchObject({
      scenarioId: 'returning-user',
      mode: 'original',
      cursor: 8,
      stepCount: 8,
      selection: null,
      playing: false,
    });
  });

  it('keeps only overridden options, and resets them', () => {
    const store = fresh();
    store.getState().setOption('clusterLimit', 10);
    store.getState().setOption('guidCheck', 'off');
    store.getState().setOption('guidCheck', undefined);
    expect(store.getState().options).toEqual({ clusterLimit: 10 });
    store.getState().resetOptions();
    expect(store.getState().options).toEqual({});
  });

  it('switches the side panel and dismisses notices by position', () => {
    const store = fresh();
    store.getState().showSidePanel('profiles');
    store.getState().addNotice('one');
    store.getState().addNotice('two');
    store.getState().dismissNotice(0);
    expect(store.getState()).toMatchObject({ sidePanel: 'profiles', notices: ['two'] });
  });
});
