// The options of DECISIONS.md and the SDK version, and the assumptions they put in force.
import {
  CANONICAL_STRATEGY_TEXT,
  type CanonicalStrategyName,
  DEFAULT_OPTIONS,
  withDefaults,
  type ResolveOptions,
} from '../../engine/index.ts';
import type { SdkVersion } from '../../simulator/index.ts';
import { useActions, useAppState, useScenario } from '../../store/hooks.ts';
import { AssumptionList } from './AssumptionList.tsx';
import { ChoiceField, type Choice } from './ChoiceField.tsx';
import { ClusterLimitField } from './ClusterLimitField.tsx';
import './settings.css';

type ChoiceKey = Exclude<keyof ResolveOptions, 'clusterLimit'>;

/** Each option with a fixed set of values: its label, the open question it answers, and its choices in words. */
interface ChoiceFieldSpec {
  readonly key: ChoiceKey;
  readonly label: string;
  readonly question: string;
  readonly choices: readonly Choice<string>[];
  readonly hint?: (value: string) => string;
}

const CHOICE_FIELDS: readonly ChoiceFieldSpec[] = [
  {
    key: 'guidCheck',
    label: 'GUID check on $anon_id',
    question: 'Q-3',
    choices: [
      { value: 'php', text: "PHP SDK's five groups" },
      { value: 'strict-v4', text: 'Strict RFC 4122 v4' },
      { value: 'off', text: 'Off' },
    ],
  },
  {
    key: 'canonical',
    label: 'Original canonical id',
    question: 'Q-5',
    choices: [
      { value: 'larger-cluster', text: 'Larger cluster' },
      { value: 'user-id-when-present', text: 'User id when present' },
      { value: 'first-seen', text: 'First seen' },
    ],
    hint: (value) => `When clusters merge, ${CANONICAL_STRATEGY_TEXT[value as CanonicalStrategyName]}.`,
  },
  {
    key: 'linkOrder',
    label: 'Simplified link order',
    question: 'Q-1',
    choices: [
      { value: 'ingestion', text: 'Ingestion order' },
      { value: 'event-time', text: 'Event time' },
    ],
  },
  {
    key: 'devicePrefix',
    label: '$device_id already prefixed',
    question: 'Q-8',
    choices: [
      { value: 'prefix-again', text: 'Prefix again' },
      { value: 'strip', text: 'Strip the prefix' },
    ],
  },
  {
    key: 'blockedIdMatch',
    label: 'Placeholder id match',
    question: 'Q-12',
    choices: [
      { value: 'exact', text: 'Exact' },
      { value: 'case-insensitive', text: 'Case-insensitive' },
    ],
  },
];

const SDK_CHOICES: readonly Choice<SdkVersion>[] = [
  { value: 'current', text: 'Current (2.83)' },
  { value: 'legacy', text: 'Legacy (before 2.50)' },
];

export function SettingsPanel() {
  const options = useAppState((state) => state.options);
  const sdkVersion = useAppState((state) => state.sdkVersion);
  const scenario = useScenario();
  const { setOption, resetOptions, setSdkVersion } = useActions();
  const inForce = withDefaults(options);
  const scenarioSdk = scenario.sdkVersion ?? 'current';
  return (
    <form className="settings" aria-label="Settings" onSubmit={(event) => event.preventDefault()}>
      <h2 className="panel-heading">Options</h2>
      <ClusterLimitField
        value={inForce.clusterLimit}
        onChange={(limit) => setOption('clusterLimit', limit)}
      />
      {CHOICE_FIELDS.map((field) => (
        <ChoiceField
          key={field.key}
          label={field.label}
          question={field.question}
          value={inForce[field.key]}
          defaultValue={DEFAULT_OPTIONS[field.key]}
          choices={field.choices}
          testId={`settings.${field.key}`}
          {...(field.hint === undefined ? {} : { hint: field.hint(inForce[field.key]) })}
          onChange={(value) =>
            // The value is one of the field's own choices, which are exactly the option's allowed values.
            setOption(
              field.key,
              value === DEFAULT_OPTIONS[field.key] ? undefined : (value as ResolveOptions[ChoiceKey]),
            )
          }
        />
      ))}
      <ChoiceField
        label="SDK version"
        question="SDK"
        value={sdkVersion ?? scenarioSdk}
        defaultValue={scenarioSdk}
        choices={SDK_CHOICES}
        testId="settings.sdkVersion"
        onChange={(value) => setSdkVersion(value === scenarioSdk ? undefined : value)}
      />
      <button
        type="button"
        className="settings-reset"
        data-testid="settings.reset"
        onClick={() => {
          resetOptions();
          setSdkVersion(undefined);
        }}
      >
        Reset to defaults
      </button>
      <h2 className="panel-heading">Assumptions in force</h2>
      <AssumptionList />
    </form>
  );
}
