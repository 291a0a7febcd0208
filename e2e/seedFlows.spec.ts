// The three seed flows of DECISIONS.md, step by step: the table equals the guide's tables, and exactly the
// retroactively changed distinct_id cells are highlighted at the step that changed them.
import { expect, test } from './fixtures.ts';
import { TablePage, type GuideRow, type TableSnapshot } from './pages/tablePage.ts';

/** The table after one step: its rows, and the visible rows (1-based) whose distinct_id this step rewrote. */
interface Expected {
  readonly rows: readonly GuideRow[];
  readonly changed?: readonly number[];
}

const RETRO = 'Retroactively updated';

// New User Signup: events 1-2 on D1 resolve to $device:D1; event 3 carries D1 and U1 and links them.
const browsing: GuideRow[] = [
  ['Page View', 'D1', '', '$device:D1', ''],
  ['Viewed Pricing', 'D1', '', '$device:D1', ''],
];
const signedUp: GuideRow[] = [
  ['Page View', 'D1', '', 'U1', RETRO],
  ['Viewed Pricing', 'D1', '', 'U1', RETRO],
  ['Sign Up', 'D1', 'U1', 'U1', 'Links D1 ⇒ U1'],
];

const NEW_USER_SIGNUP: readonly Expected[] = [
  { rows: [] },
  { rows: browsing.slice(0, 1) },
  { rows: browsing },
  // identify('U1') sends $identify, which the guide's table does not show and which links nothing.
  { rows: browsing },
  { rows: signedUp, changed: [1, 2] },
];

// Returning User: continues it; events 4-5 on the new device D2, then event 6 links D2 ⇒ U1.
const newDevice: GuideRow[] = [
  ['Page View', 'D2', '', '$device:D2', 'New device D2'],
  ['Viewed Pricing', 'D2', '', '$device:D2', ''],
];

const RETURNING_USER: readonly Expected[] = [
  ...NEW_USER_SIGNUP,
  { rows: [...signedUp, ...newDevice.slice(0, 1)] },
  { rows: [...signedUp, ...newDevice] },
  { rows: [...signedUp, ...newDevice] },
  {
    rows: [
      ...signedUp,
      ['Page View', 'D2', '', 'U1', `New device D2; ${RETRO}`],
      ['Viewed Pricing', 'D2', '', 'U1', RETRO],
      ['Log In', 'D2', 'U1', 'U1', 'Links D2 ⇒ U1'],
    ],
    changed: [4, 5],
  },
];

// Multiple Users, One Device: U1 on D1, reset() gives D2, then events 3-5 on D2 end up with U2.
const firstUser: GuideRow[] = [
  ['Page View', 'D1', '', 'U1', RETRO],
  ['Log In', 'D1', 'U1', 'U1', 'Links D1 ⇒ U1'],
];
const afterReset: GuideRow[] = [
  ['Page View', 'D2', '', '$device:D2', 'Reset generated new ID: D2'],
  ['Viewed Pricing', 'D2', '', '$device:D2', ''],
];

const MULTIPLE_USERS_ONE_DEVICE: readonly Expected[] = [
  { rows: [] },
  { rows: [['Page View', 'D1', '', '$device:D1', '']] },
  { rows: [['Page View', 'D1', '', '$device:D1', '']] },
  { rows: firstUser, changed: [1] },
  // reset() sends nothing: the table stays, and nothing is highlighted any more.
  { rows: firstUser },
  { rows: [...firstUser, ...afterReset.slice(0, 1)] },
  { rows: [...firstUser, ...afterReset] },
  { rows: [...firstUser, ...afterReset] },
  {
    rows: [
      ...firstUser,
      ['Page View', 'D2', '', 'U2', `Reset generated new ID: D2; ${RETRO}`],
      ['Viewed Pricing', 'D2', '', 'U2', RETRO],
      ['Log In', 'D2', 'U2', 'U2', 'Links D2 ⇒ U2'],
    ],
    changed: [3, 4],
  },
];

const FLOWS = [
  { scenario: 'new-user-signup', title: 'New User Signup', steps: NEW_USER_SIGNUP },
  { scenario: 'returning-user', title: 'Returning User', steps: RETURNING_USER },
  {
    scenario: 'multiple-users-one-device',
    title: 'Multiple Users, One Device',
    steps: MULTIPLE_USERS_ONE_DEVICE,
  },
];

/** As sent, only distinct_id cells can be rewritten, so the highlighted cells are exactly those. */
function expectedSnapshot({ rows, changed = [] }: Expected): TableSnapshot {
  return { rows, changed, changedCells: changed.map((row) => `${row}.distinct_id`) };
}

for (const flow of FLOWS) {
  test(`${flow.title}: every step matches the guide's table`, async ({ page }) => {
    const table = new TablePage(page);
    await table.open(`scenario=${flow.scenario}`);
    for (const [step, expected] of flow.steps.entries()) {
      if (step > 0) await table.nextStep();
      await expect
        .poll(() => table.snapshot(), { message: `${flow.scenario} after step ${step}` })
        .toEqual(expectedSnapshot(expected));
    }
  });
}
