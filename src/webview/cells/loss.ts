/** Cell 3, head and loss: what follows the last layer, the loss and its options, and checks. */
import type {
  HeadName,
  LossConfig,
  LossName,
  Reduction,
  RunConfig,
} from '../../engine/config';
import { HEAD_CHOICES, LOSS_CHOICES, LOSSES, REDUCTION_CHOICES } from '../catalog';
import { dataProvides, diagnose, lossContract } from '../../engine/diagnose';
import { el, field, numberInput, select } from '../dom';
import { fill, markInvalid } from '../invalid';
import type { Change, PageState } from '../state';
import { checkWeights, RULES } from '../validation';
import { Cell, touches, type CellContext } from './cell';

/** The head-and-loss cell. */
export class LossCell extends Cell {
  private readonly _head = select(HEAD_CHOICES, 'none', 'head');
  private readonly _loss = select(LOSS_CHOICES, 'BCEWithLogitsLoss', 'loss');
  private readonly _reduction = select(REDUCTION_CHOICES, 'mean', 'reduction');
  private readonly _weight = listInput('loss-weight');
  private readonly _posWeight = listInput('pos-weight');
  private readonly _ignoreIndex = numberInput(-100, {
    rule: RULES.ignoreIndex,
    testId: 'ignore-index',
  });
  private readonly _labelSmoothing = numberInput(0, {
    rule: RULES.labelSmoothing,
    step: 0.05,
  });
  private readonly _fields = {
    weight: field('weight', this._weight, 'one per output; blank: none'),
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
    if (this.showsDraft(changes))
      this._showDraft(draft.loss, draft.model.head, changes.has('config'));
    if (touches(changes, 'draft')) this._showChecks(draft);
  }

  private _readInto(config: RunConfig): void {
    config.model.head = this._head.value as HeadName;
    const name = this._loss.value as LossName;
    const accepts = LOSSES[name];
    const old = config.loss;
    const loss: LossConfig = { name, reduction: this._reduction.value as Reduction };
    if (accepts.weight) loss.weight = this._list(this._weight, old.weight);
    if (accepts.posWeight) loss.posWeight = this._list(this._posWeight, old.posWeight);
    if (accepts.ignoreIndex)
      loss.ignoreIndex =
        this.check(this._ignoreIndex, RULES.ignoreIndex) ?? old.ignoreIndex;
    if (accepts.labelSmoothing) {
      const smoothing = this.check(this._labelSmoothing, RULES.labelSmoothing);
      loss.labelSmoothing = smoothing ?? old.labelSmoothing;
    }
    for (const key of Object.keys(loss) as (keyof LossConfig)[])
      if (loss[key] === undefined) delete loss[key];
    config.loss = loss;
    this._showFields(name);
  }

  /** The list typed in `input`, or `previous` (marking the input) when it is refused. */
  private _list(input: HTMLInputElement, previous?: number[]): number[] | undefined {
    const checked = checkWeights(input.value);
    markInvalid(input, checked.ok ? undefined : checked.message);
    return checked.ok ? checked.value : previous;
  }

  private _showDraft(loss: LossConfig, head: HeadName, force: boolean): void {
    this._head.value = head;
    this._loss.value = loss.name;
    this._reduction.value = loss.reduction;
    fill(this._weight, loss.weight?.join(', ') ?? '', force);
    fill(this._posWeight, loss.posWeight?.join(', ') ?? '', force);
    fill(this._ignoreIndex, String(loss.ignoreIndex ?? -100), force);
    fill(this._labelSmoothing, String(loss.labelSmoothing ?? 0), force);
    this._showFields(loss.name);
  }

  private _showFields(name: LossName): void {
    const accepts = LOSSES[name];
    for (const key of Object.keys(this._fields) as (keyof LossCell['_fields'])[]) {
      this._fields[key].hidden = !accepts[key];
    }
  }

  private _showChecks(draft: RunConfig): void {
    const expects = lossContract(draft);
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

/** A term and its definition, for a `<dl>`. */
function term(name: string, value: string): HTMLElement[] {
  return [el('dt', { text: name }), el('dd', { text: value })];
}
