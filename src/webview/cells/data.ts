/** Cell 1, the data: which dataset, how many points, noise, split and seed, and a preview. */
import type { DatasetConfig, DatasetName } from '../../engine/config';
import { DATASET_CHOICES, DATASETS, datasetShape, suitLossToTask } from '../catalog';
import { el, field, numberInput, select, setChoices, setRule } from '../dom';
import { Heatmap } from '../heatmap';
import { fill } from '../invalid';
import { Legend, legendEntries } from '../legend';
import { projectPoints } from '../points';
import type { Change, PageState } from '../state';
import { RULES } from '../validation';
import { Cell, touches, type CellContext } from './cell';

/** The data cell. */
export class DataCell extends Cell {
  private readonly _name = select(DATASET_CHOICES, 'moons', 'dataset');
  private readonly _samples = numberInput(400, {
    rule: RULES.samples,
    testId: 'samples',
  });
  private readonly _noise = numberInput(0.2, {
    rule: RULES.noise,
    step: 0.05,
    testId: 'noise',
  });
  private readonly _testFraction = numberInput(0.2, {
    rule: RULES.testFraction,
    step: 0.05,
    testId: 'test-fraction',
  });
  private readonly _seed = numberInput(0, { rule: RULES.seed, testId: 'data-seed' });
  private readonly _classes = numberInput(3, { rule: RULES.classes, testId: 'classes' });
  private readonly _classesField = field('Classes', this._classes);
  private readonly _featureX = select([], '0', 'feature-x');
  private readonly _featureY = select([], '1', 'feature-y');
  private readonly _featureFields = el('div', { className: 'row' }, [
    field('Horizontal axis', this._featureX),
    field('Vertical axis', this._featureY),
  ]);
  private readonly _summary = el('p', { className: 'summary', testId: 'data-summary' });
  private readonly _preview: Heatmap;
  private readonly _legend = new Legend('data-legend');

  /** Builds the data cell as cell `index`. */
  constructor(index: number, context: CellContext) {
    super(index, 'Data', context);
    const canvas = el('canvas', {
      className: 'plot preview',
      testId: 'data-preview',
      attrs: {
        role: 'img',
        'aria-label': 'Scatter plot of the training points by class',
      },
    });
    this._preview = new Heatmap(canvas, {
      shade: 'winner',
      hardBoundaries: false,
      showTest: true,
    });
    this.inputs.append(
      el('div', { className: 'row' }, [
        field('Dataset', this._name),
        field('Samples', this._samples),
        field('Noise', this._noise),
        field('Test fraction', this._testFraction),
        field('Seed', this._seed),
        this._classesField,
      ]),
      this._featureFields,
    );
    this.output.append(this._summary, canvas, this._legend.element);
    this._listen();
  }

  /** Redraws the inputs from the draft and the preview from the host's dataset. */
  render(state: PageState, changes: ReadonlySet<Change>): void {
    if (this.showsDraft(changes)) this._showDraft(state, changes.has('config'));
    if (touches(changes, 'view')) this._showDataset(state);
  }

  /** Redraws the preview in the new theme. */
  override retheme(): void {
    this._preview.invalidate();
    this._preview.draw(this.context.theme());
    this._legend.retheme(this.context.theme());
  }

  private _listen(): void {
    const onEdit = () =>
      this.edit((draft) => {
        const previous = datasetShape(draft.dataset).task;
        const before = draft.dataset.name;
        this._readInto(draft.dataset);
        suitLossToTask(draft, previous);
        // A run named after its data follows it; the page has no name field of its own.
        if (draft.dataset.name !== before)
          draft.name = DATASETS[draft.dataset.name].label;
      });
    const numbers = [
      this._samples,
      this._noise,
      this._testFraction,
      this._seed,
      this._classes,
    ];
    for (const input of numbers) input.addEventListener('change', onEdit);
    this._name.addEventListener('change', () => {
      const name = this._name.value as DatasetName;
      this._showEnabled(name);
      fill(this._classes, String(DATASETS[name].classes), true);
      onEdit();
    });
    this._featureX.addEventListener('change', () => this._sendView());
    this._featureY.addEventListener('change', () => this._sendView());
  }

  private _readInto(dataset: DatasetConfig): void {
    const name = this._name.value as DatasetName;
    const entry = DATASETS[name];
    dataset.name = name;
    dataset.samples = this.check(this._samples, RULES.samples) ?? dataset.samples;
    dataset.noise = this.check(this._noise, RULES.noise) ?? dataset.noise;
    dataset.testFraction =
      this.check(this._testFraction, RULES.testFraction) ?? dataset.testFraction;
    dataset.seed = this.check(this._seed, RULES.seed) ?? dataset.seed;
    const variable = entry.variableClasses;
    const count = variable
      ? (this.check(this._classes, RULES[variable]) ?? dataset[variable] ?? entry.classes)
      : undefined;
    delete dataset.classes;
    delete dataset.labels;
    if (variable) dataset[variable] = count;
  }

  private _showDraft(state: PageState, force: boolean): void {
    const dataset = state.draft?.dataset;
    if (!dataset) return;
    this._name.value = dataset.name;
    fill(this._samples, String(dataset.samples), force);
    fill(this._noise, String(dataset.noise), force);
    fill(this._testFraction, String(dataset.testFraction), force);
    fill(this._seed, String(dataset.seed), force);
    fill(this._classes, String(datasetShape(dataset).classes), force);
    this._showEnabled(dataset.name);
  }

  private _showEnabled(name: DatasetName): void {
    const entry = DATASETS[name];
    for (const input of [this._samples, this._noise]) {
      (input.parentElement as HTMLElement).hidden = entry.real;
    }
    this._classesField.hidden = !entry.variableClasses;
    const labels = entry.variableClasses === 'labels';
    setRule(this._classes, labels ? RULES.labels : RULES.classes);
    const caption = this._classesField.querySelector('label');
    if (caption) caption.textContent = labels ? 'Labels' : 'Classes';
  }

  private _showDataset(state: PageState): void {
    const dataset = state.run?.dataset;
    const view = state.run?.view;
    if (!dataset || !view) return;
    const choices = dataset.features.map((name, i) => ({
      value: String(i),
      label: name,
    }));
    setChoices(this._featureX, choices, String(view.features[0]));
    setChoices(this._featureY, choices, String(view.features[1]));
    this._featureFields.hidden = dataset.features.length <= 2;
    const classes = dataset.classNames.join(', ');
    this._summary.textContent =
      `${dataset.train.x.length} training and ${dataset.test.x.length} test points, ` +
      `${dataset.features.length} features, ${dataset.task}: ${classes}.`;
    const train = projectPoints(dataset, 'train', view.features);
    const test = projectPoints(dataset, 'test', view.features);
    this._preview.setPoints(train, test);
    this._preview.draw(this.context.theme());
    this._legend.show(legendEntries(dataset, 'winner'), this.context.theme());
  }

  private _sendView(): void {
    const run = this.context.store.state.run;
    if (!run) return;
    const features: [number, number] = [
      Number(this._featureX.value),
      Number(this._featureY.value),
    ];
    run.view = { ...run.view, features };
    this.context.post({ type: 'setView', view: run.view });
    this.context.store.touch('view');
  }
}
