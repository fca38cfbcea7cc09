/** Cell 2, the model: hidden layers with their widths and activations, and the output width. */
import type { ActivationName, RunConfig } from '../../engine/config';
import { ACTIVATION_CHOICES, datasetShape, outputChoices } from '../catalog';
import { button, el, field, numberInput, select, setChoices } from '../dom';
import { fill } from '../invalid';
import type { Change, PageState } from '../state';
import { MAX_LAYERS, RULES } from '../validation';
import { Cell, touches, type CellContext } from './cell';

/** Why "Add layer" is disabled at the limit. */
const LAYER_LIMIT = `At most ${MAX_LAYERS} hidden layers`;

/** The model cell. */
export class ModelCell extends Cell {
  private readonly _layers = el('ol', { className: 'layers', testId: 'layers' });
  private readonly _outputs = select([], '1', 'outputs');
  private readonly _slope = numberInput(0.01, { rule: RULES.negativeSlope, step: 0.01 });
  private readonly _slopeField = field('LeakyReLU negative slope', this._slope);
  private readonly _add = button('Add layer', () => this._addLayer(), {
    testId: 'add-layer',
    className: 'secondary',
  });
  private readonly _limit = el('span', {
    className: 'hint',
    text: `${LAYER_LIMIT}.`,
    testId: 'layer-limit',
  });
  private readonly _count = el('p', { className: 'summary', testId: 'param-count' });
  private readonly _description = el('pre', {
    className: 'code',
    testId: 'model-description',
  });

  /** Builds the model cell as cell `index`. */
  constructor(index: number, context: CellContext) {
    super(index, 'Model', context);
    this.inputs.append(
      el('p', {
        className: 'hint',
        text: 'Hidden layers: Linear(in, units) then activation.',
      }),
      this._layers,
      el('div', { className: 'row' }, [
        el('div', { className: 'add-layer' }, [this._add, this._limit]),
        field('Output units', this._outputs),
        this._slopeField,
      ]),
    );
    this.output.append(this._count, this._description);
    this._outputs.addEventListener('change', () =>
      this.edit((d) => (d.model.outputs = Number(this._outputs.value))),
    );
    this._slope.addEventListener('change', () =>
      this.edit((d) => {
        const slope = this.check(this._slope, RULES.negativeSlope);
        if (slope !== undefined) d.model.negativeSlope = slope;
      }),
    );
  }

  /** Redraws the layer list from the draft, and the description from the host's model. */
  render(state: PageState, changes: ReadonlySet<Change>): void {
    const force = changes.has('config');
    if (touches(changes, 'draft') && state.draft) this._showDraft(state.draft, force);
    if (changes.has('all')) this._showModel(state);
  }

  private _showDraft(config: RunConfig, force: boolean): void {
    const hidden = config.model.hidden;
    const rows = this._layers.children;
    while (rows.length > hidden.length) rows[rows.length - 1].remove();
    while (rows.length < hidden.length) this._layers.append(this._layerRow(rows.length));
    this._fillLayers(config, force);
    this._showLimit(hidden.length >= MAX_LAYERS);
    const { task, classes } = datasetShape(config.dataset);
    const choices = outputChoices(task, classes, config.loss.name);
    const widths = choices.map((n) => ({ value: String(n), label: String(n) }));
    setChoices(this._outputs, widths, String(config.model.outputs));
    this._outputs.disabled = choices.length === 1;
    fill(this._slope, String(config.model.negativeSlope ?? 0.01), force);
    this._slopeField.hidden = !config.model.hidden.some(
      (l) => l.activation === 'leaky_relu',
    );
  }

  /** Disables "Add layer" at the limit, saying why. */
  private _showLimit(full: boolean): void {
    this._add.disabled = full;
    this._limit.hidden = !full;
    if (full) {
      this._add.title = LAYER_LIMIT;
      this._add.setAttribute('aria-description', LAYER_LIMIT);
    } else {
      this._add.removeAttribute('title');
      this._add.removeAttribute('aria-description');
    }
  }

  private _fillLayers(config: RunConfig, force: boolean): void {
    config.model.hidden.forEach((layer, i) => {
      const row = this._layers.children[i];
      fill(row.querySelector('input') as HTMLInputElement, String(layer.units), force);
      (row.querySelector('select') as HTMLSelectElement).value = layer.activation;
    });
  }

  private _layerRow(i: number): HTMLElement {
    const units = numberInput(8, { rule: RULES.units, testId: `layer-units-${i}` });
    const activation = select(ACTIVATION_CHOICES, 'relu', `layer-activation-${i}`);
    units.addEventListener('change', () =>
      this.edit((d) => {
        const value = this.check(units, RULES.units);
        if (value !== undefined) d.model.hidden[i].units = value;
      }),
    );
    activation.addEventListener('change', () =>
      this.edit(
        (d) => (d.model.hidden[i].activation = activation.value as ActivationName),
      ),
    );
    const remove = button('Remove', () => this._removeLayer(i), {
      testId: `remove-layer-${i}`,
      className: 'secondary',
      attrs: { 'aria-label': `Remove hidden layer ${i + 1}` },
    });
    return el('li', { className: 'row layer' }, [
      field(`Layer ${i + 1} units`, units),
      field('Activation', activation),
      remove,
    ]);
  }

  private _addLayer(): void {
    this.edit((d) => {
      const last = d.model.hidden[d.model.hidden.length - 1];
      d.model.hidden.push({
        units: last?.units ?? 8,
        activation: last?.activation ?? 'relu',
      });
    });
  }

  private _removeLayer(i: number): void {
    const rows = [...this._layers.querySelectorAll('input')];
    for (const input of rows.slice(i)) fill(input, '', true);
    this.edit((d) => d.model.hidden.splice(i, 1));
    const next = this._layers.querySelector('button') ?? this._add;
    next.focus();
  }

  private _showModel(state: PageState): void {
    const model = state.run?.model;
    if (!model) return;
    this._count.textContent = `${model.parameterCount.toLocaleString('en-US')} parameters`;
    this._description.textContent = model.description;
  }
}
