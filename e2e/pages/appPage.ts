// Page object for the app shell: header, timeline, notices and the details tabs, reached by role and test id.
import { expect, type Locator, type Page } from '@playwright/test';
import { findScenario } from '../../src/scenarios/library/index.ts';

/** A library scenario's title, as the picker shows it. */
export function titleOf(id: string): string {
  const scenario = findScenario(id);
  if (scenario === undefined) throw new Error(`no library scenario ${id}`);
  return scenario.title;
}

export type ModeName = 'simplified' | 'original' | 'legacy';
export type SideTab = 'Why' | 'Devices' | 'Profiles' | 'Settings';

export interface View {
  readonly scenario: string;
  readonly mode: ModeName;
  readonly step: number;
}

export class AppPage {
  constructor(readonly page: Page) {}

  /** Opens a view by URL (or a raw query string) and waits for the app to render. */
  async open(view: View | string = ''): Promise<void> {
    const search = typeof view === 'string' ? view : AppPage.search(view);
    await this.page.goto(`/${search}`);
    await expect(this.nextStep).toBeVisible();
  }

  static search(view: View): string {
    return `?scenario=${view.scenario}&mode=${view.mode}&step=${view.step}`;
  }

  get firstStep(): Locator {
    return this.page.getByRole('button', { name: 'First step', exact: true });
  }
  get previousStep(): Locator {
    return this.page.getByRole('button', { name: 'Previous step', exact: true });
  }
  get nextStep(): Locator {
    return this.page.getByRole('button', { name: 'Next step', exact: true });
  }
  get lastStep(): Locator {
    return this.page.getByRole('button', { name: 'Last step', exact: true });
  }
  get playPause(): Locator {
    return this.page.getByTestId('timeline.play');
  }
  get scrubber(): Locator {
    return this.page.getByRole('slider', { name: 'Step' });
  }
  get position(): Locator {
    return this.page.getByTestId('timeline.position');
  }
  get description(): Locator {
    return this.page.getByTestId('timeline.description');
  }
  get scenarioBox(): Locator {
    return this.page.getByRole('combobox', { name: 'Scenario' });
  }
  get notices(): Locator {
    return this.page.getByTestId('notices');
  }
  get tablePanel(): Locator {
    return this.page.getByRole('region', { name: 'Events' });
  }

  mode(name: string | RegExp): Locator {
    return this.page.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name });
  }

  tab(name: SideTab): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  panel(name: SideTab): Locator {
    return this.page.getByRole('tabpanel', { name, exact: true });
  }

  row(number: number): Locator {
    return this.page.getByTestId(`table.row.${number}`);
  }

  resolvedCell(number: number): Locator {
    return this.page.getByTestId(`table.cell.${number}.distinct_id`);
  }

  async expectStep(cursor: number, of: number): Promise<void> {
    await expect(this.position).toHaveText(`Step ${cursor} of ${of}`);
  }

  /** The view the URL names now. */
  view(): View {
    const params = new URL(this.page.url()).searchParams;
    return {
      scenario: params.get('scenario') ?? '',
      mode: (params.get('mode') ?? '') as ModeName,
      step: Number(params.get('step')),
    };
  }

  /** Picks a scenario through the combobox, by typing its title. */
  async pickScenario(id: string): Promise<void> {
    await this.scenarioBox.fill(titleOf(id));
    await this.page.getByTestId(`picker.option.${id}`).click();
  }

  async openTab(name: SideTab): Promise<Locator> {
    await this.tab(name).click();
    return this.panel(name);
  }
}
