/** Cell 2, the model: hidden layers with their widths and activations, and the output width. */
import type { ActivationName, RunConfig } from '../../engine/config';
import { ACTIVATION_CHOICES, datasetShape, outputChoices } from '../catalog';
import { button, el, field, numberInput, readNumber, select, setChoices } from '../dom';
import type { Change, PageState } from '../state';
import { Cell, touches, type CellContext } from './cell';

const MAX_LAYERS = 8;
const MAX_UNITS = 512;

/** The model cell. */
export class ModelCell extends Cell {
  private readonly _layers = el('ol', { className: 'layers', testId: 'layers' });
  private readonly _outputs = select([], '1', 'outputs');
  private readonly _slope = numberInput(0.01, { min: 0, max: 1, step: 0.01 });
  private readonly _slopeField = field('LeakyReLU negative slope', this._slope);
  private readonly _add = button('Add layer', () => this._addLayer(), {
    testId: 'add-layer',
    className: 'secondary',
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
        this._add,
        field('Output units', this._outputs),
        this._slopeField,
      ]),
    );
    this.output.append(this._count, this._description);
    this._outputs.addEventListener('change', () =>
      this.edit((d) => (d.model.outputs = Number(this._outputs.value))),
    );
    this._slope.addEventListener('change', () =>
      this.edit((d) => (d.model.negativeSlope = readNumber(this._slope, 0.01))),
    );
  }

  /** Redraws the layer list from the draft, and the description from the host's model. */
  render(state: PageState, changes: ReadonlySet<Change>): void {
    if (touches(changes, 'draft') && state.draft) this._showDraft(state.draft);
    if (changes.has('all')) this._showModel(state);
  }

  private _showDraft(config: RunConfig): void {
    const hidden = config.model.hidden;
    if (this._layers.children.length !== hidden.length) {
      this._layers.replaceChildren(...hidden.map((_, i) => this._layerRow(i)));
    }
    this._fillLayers(config);
    this._add.disabled = config.model.hidden.length >= MAX_LAYERS;
    const { task, classes } = datasetShape(config.dataset);
    const choices = outputChoices(task, classes, config.loss.name);
    const widths = choices.map((n) => ({ value: String(n), label: String(n) }));
    setChoices(this._outputs, widths, String(config.model.outputs));
    this._outputs.disabled = choices.length === 1;
    this._slope.value = String(config.model.negativeSlope ?? 0.01);
    this._slopeField.hidden = !config.model.hidden.some(
      (l) => l.activation === 'leaky_relu',
    );
  }

  private _fillLayers(config: RunConfig): void {
    const focused = document.activeElement;
    config.model.hidden.forEach((layer, i) => {
      if (focused && this._layers.children[i].contains(focused)) return;
      const row = this._layers.children[i];
      (row.querySelector('input') as HTMLInputElement).value = String(layer.units);
      (row.querySelector('select') as HTMLSelectElement).value = layer.activation;
    });
  }

  private _layerRow(i: number): HTMLElement {
    const units = numberInput(8, {
      min: 1,
      max: MAX_UNITS,
      step: 1,
      testId: `layer-units-${i}`,
    });
    const activation = select(ACTIVATION_CHOICES, 'relu', `layer-activation-${i}`);
    units.addEventListener('change', () =>
      this.edit((d) => {
        d.model.hidden[i].units = clampUnits(readNumber(units, 8));
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

/** A layer width rounded and kept within 1..MAX_UNITS. */
function clampUnits(value: number): number {
  return Math.max(1, Math.min(MAX_UNITS, Math.round(value)));
}
