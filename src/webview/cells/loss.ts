/** Cell 3, head and loss: what follows the last layer, the loss and its options, and checks. */
import type {
  HeadName,
  LossConfig,
  LossName,
  Reduction,
  RunConfig,
} from '../../engine/config';
import { HEAD_CHOICES, LOSS_CHOICES, LOSSES, REDUCTION_CHOICES } from '../catalog';
import { dataProvides, diagnose, lossExpects } from '../diagnose';
import { el, field, numberInput, readNumber, select } from '../dom';
import type { Change, PageState } from '../state';
import { Cell, touches, type CellContext } from './cell';

/** The head-and-loss cell. */
export class LossCell extends Cell {
  private readonly _head = select(HEAD_CHOICES, 'none', 'head');
  private readonly _loss = select(LOSS_CHOICES, 'BCEWithLogitsLoss', 'loss');
  private readonly _reduction = select(REDUCTION_CHOICES, 'mean', 'reduction');
  private readonly _weight = listInput('loss-weight');
  private readonly _posWeight = listInput('pos-weight');
  private readonly _ignoreIndex = numberInput(-100, { step: 1, testId: 'ignore-index' });
  private readonly _labelSmoothing = numberInput(0, { min: 0, max: 1, step: 0.05 });
  private readonly _fields = {
    weight: field('weight', this._weight, 'one per output, comma-separated; blank: none'),
    posWeight: field('pos_weight', this._posWeight, 'one per output; blank: none'),
    ignoreIndex: field('ignore_index', this._ignoreIndex),
    labelSmoothing: field('label_smoothing', this._labelSmoothing),
  };
  private readonly _contract = el('dl', {
    className: 'contract',
    testId: 'loss-contract',
  });
  private readonly _diagnostics = el('ul', {
    className: 'diagnostics',
    testId: 'diagnostics',
  });

  /** Builds the head-and-loss cell as cell `index`. */
  constructor(index: number, context: CellContext) {
    super(index, 'Head and loss', context);
    this._labelSmoothing.dataset.testid = 'label-smoothing';
    this.inputs.append(
      el('div', { className: 'row' }, [
        field('Head', this._head),
        field('Loss', this._loss),
        field('reduction', this._reduction),
      ]),
      el('div', { className: 'row' }, Object.values(this._fields)),
    );
    this.output.append(this._contract, this._diagnostics);
    const controls = [
      this._head,
      this._loss,
      this._reduction,
      this._weight,
      this._posWeight,
    ];
    for (const input of [...controls, this._ignoreIndex, this._labelSmoothing]) {
      input.addEventListener('change', () => this.edit((d) => this._readInto(d)));
    }
  }

  /** Redraws the inputs from the draft, and the contract and diagnostics for it. */
  render(state: PageState, changes: ReadonlySet<Change>): void {
    const draft = state.draft;
    if (!draft) return;
    if (this.showsDraft(changes)) this._showDraft(draft.loss, draft.model.head);
    if (touches(changes, 'draft')) this._showChecks(state, draft);
  }

  private _readInto(config: RunConfig): void {
    config.model.head = this._head.value as HeadName;
    const name = this._loss.value as LossName;
    const accepts = LOSSES[name];
    const loss: LossConfig = { name, reduction: this._reduction.value as Reduction };
    const weight = parseList(this._weight.value);
    const posWeight = parseList(this._posWeight.value);
    if (accepts.weight && weight) loss.weight = weight;
    if (accepts.posWeight && posWeight) loss.posWeight = posWeight;
    if (accepts.ignoreIndex)
      loss.ignoreIndex = Math.round(readNumber(this._ignoreIndex, -100));
    if (accepts.labelSmoothing) loss.labelSmoothing = readNumber(this._labelSmoothing, 0);
    config.loss = loss;
    this._showFields(name);
  }

  private _showDraft(loss: LossConfig, head: HeadName): void {
    this._head.value = head;
    this._loss.value = loss.name;
    this._reduction.value = loss.reduction;
    this._weight.value = loss.weight?.join(', ') ?? '';
    this._posWeight.value = loss.posWeight?.join(', ') ?? '';
    this._ignoreIndex.value = String(loss.ignoreIndex ?? -100);
    this._labelSmoothing.value = String(loss.labelSmoothing ?? 0);
    this._showFields(loss.name);
  }

  private _showFields(name: LossName): void {
    const accepts = LOSSES[name];
    for (const key of Object.keys(this._fields) as (keyof LossCell['_fields'])[]) {
      this._fields[key].hidden = !accepts[key];
    }
  }

  private _showChecks(state: PageState, draft: RunConfig): void {
    const fromHost = !this.context.store.isDirty()
      ? state.run?.model?.expects
      : undefined;
    const expects = fromHost ?? lossExpects(draft);
    const provided = dataProvides(draft);
    this._contract.replaceChildren(
      ...term(`${draft.loss.name} expects as input`, expects.input),
      ...term('The model gives it', provided.input),
      ...term(`${draft.loss.name} expects as target`, expects.target),
      ...term('The data provides', provided.target),
    );
    const found = diagnose(draft);
    this._diagnostics.replaceChildren(
      ...found.map((d) =>
        el('li', { className: `diagnostic ${d.level}`, text: d.message }),
      ),
    );
    if (found.length === 0) {
      this._diagnostics.append(
        el('li', { className: 'diagnostic ok', text: 'Head, loss and data agree.' }),
      );
    }
  }
}

/** A text input for a comma-separated list of numbers. */
function listInput(testId: string): HTMLInputElement {
  return el('input', {
    testId,
    attrs: { type: 'text', inputmode: 'decimal', spellcheck: 'false' },
  });
}

/** The numbers of a comma-separated list, or undefined when blank or not all numbers. */
export function parseList(text: string): number[] | undefined {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) return undefined;
  const values = parts.map(Number);
  return values.every(Number.isFinite) ? values : undefined;
}

/** A term and its definition, for a `<dl>`. */
function term(name: string, value: string): HTMLElement[] {
  return [el('dt', { text: name }), el('dd', { text: value })];
}
