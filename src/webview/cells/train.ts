/** Cell 4, training: optimizer, epochs, batches, seed and dtype; run, pause, step, reset. */
import type { OptimizerConfig, OptimizerName, RunConfig } from '../../engine/config';
import type { DType } from '../../engine/tensor';
import { OPTIMIZER_CHOICES, OPTIMIZERS } from '../catalog';
import {
  button,
  checkbox,
  checkboxOf,
  el,
  field,
  numberInput,
  readNumber,
  select,
} from '../dom';
import type { Change, PageState } from '../state';
import { Cell, touches, type CellContext } from './cell';
import { Progress } from '../progress';

/** The training cell. */
export class TrainCell extends Cell {
  private readonly _optimizer = select(OPTIMIZER_CHOICES, 'Adam', 'optimizer');
  private readonly _lr = numberInput(0.01, { min: 0, step: 0.001, testId: 'lr' });
  private readonly _momentum = numberInput(0, {
    min: 0,
    max: 1,
    step: 0.1,
    testId: 'momentum',
  });
  private readonly _beta1 = numberInput(0.9, { min: 0, max: 1, step: 0.01 });
  private readonly _beta2 = numberInput(0.999, { min: 0, max: 1, step: 0.001 });
  private readonly _weightDecay = numberInput(0, {
    min: 0,
    step: 0.0001,
    testId: 'weight-decay',
  });
  private readonly _epochs = numberInput(100, {
    min: 1,
    max: 100000,
    step: 1,
    testId: 'epochs',
  });
  private readonly _batchSize = numberInput(32, {
    min: 1,
    step: 1,
    testId: 'batch-size',
  });
  private readonly _shuffle = checkbox('Shuffle every epoch', true, 'shuffle');
  private readonly _seed = numberInput(0, { min: 0, step: 1, testId: 'seed' });
  private readonly _dtype = select(
    [
      { value: 'float32', label: 'float32' },
      { value: 'float64', label: 'float64' },
    ],
    'float32',
    'dtype',
  );
  private readonly _momentumField = field('momentum', this._momentum);
  private readonly _betaFields = [
    field('beta1', this._beta1),
    field('beta2', this._beta2),
  ];
  private readonly _buttons = {
    run: button('Run', () => this.run(), { testId: 'run', className: 'primary' }),
    pause: button('Pause', () => this.context.post({ type: 'pause' }), {
      testId: 'pause',
    }),
    step: button('Step', () => this._step(), { testId: 'step' }),
    reset: button('Reset', () => this.context.post({ type: 'reset' }), {
      testId: 'reset',
    }),
    reseed: button('Reseed', () => this._reseed(), { testId: 'reseed' }),
  };
  private readonly _progress = new Progress();

  /** Builds the training cell as cell `index`. */
  constructor(index: number, context: CellContext) {
    super(index, 'Train', context);
    this._buttons.step.title = 'Train one epoch, then pause';
    this._buttons.reset.title = 'Back to epoch 0 with the same initial weights';
    this._buttons.reseed.title = 'Back to epoch 0 with new initial weights';
    this.inputs.append(
      el('div', { className: 'row' }, [
        field('Optimizer', this._optimizer),
        field('lr', this._lr),
        this._momentumField,
        ...this._betaFields,
        field('weight_decay', this._weightDecay),
      ]),
      el('div', { className: 'row' }, [
        field('Epochs', this._epochs),
        field('Batch size', this._batchSize),
        field('Seed', this._seed),
        field('dtype', this._dtype),
        this._shuffle,
      ]),
    );
    const toolbar = el('div', { className: 'toolbar', attrs: { role: 'toolbar' } });
    toolbar.setAttribute('aria-label', 'Training controls');
    toolbar.append(...Object.values(this._buttons));
    this.output.append(toolbar, this._progress.element);
    this._listen();
  }

  /** Trains: sends the draft if it changed, then starts or resumes. */
  override run(): void {
    this.context.applyDraft();
    this.context.post({ type: 'train' });
  }

  /** Redraws the inputs from the draft, the buttons from the status, and the progress. */
  render(state: PageState, changes: ReadonlySet<Change>): void {
    const run = state.run;
    if (!run) return;
    if (this.showsDraft(changes) && state.draft) this._showDraft(state.draft);
    if (touches(changes, 'status')) this._showStatus(state);
    if (touches(changes, 'history', 'status')) this._progress.show(run);
  }

  private _listen(): void {
    const inputs = [
      this._optimizer,
      this._lr,
      this._momentum,
      this._beta1,
      this._beta2,
      this._weightDecay,
      this._epochs,
      this._batchSize,
      checkboxOf(this._shuffle),
      this._seed,
      this._dtype,
    ];
    for (const input of inputs) {
      input.addEventListener('change', () => this.edit((d) => this._readInto(d)));
    }
  }

  private _readInto(config: RunConfig): void {
    const name = this._optimizer.value as OptimizerName;
    const optimizer: OptimizerConfig = {
      ...config.optimizer,
      name,
      lr: readNumber(this._lr, 0.01),
    };
    optimizer.weightDecay = readNumber(this._weightDecay, 0);
    delete optimizer.momentum;
    delete optimizer.betas;
    if (OPTIMIZERS[name].momentum) optimizer.momentum = readNumber(this._momentum, 0);
    if (OPTIMIZERS[name].betas) {
      optimizer.betas = [readNumber(this._beta1, 0.9), readNumber(this._beta2, 0.999)];
    }
    config.optimizer = optimizer;
    config.training.epochs = Math.max(1, Math.round(readNumber(this._epochs, 100)));
    config.training.batchSize = Math.max(1, Math.round(readNumber(this._batchSize, 32)));
    config.training.shuffle = checkboxOf(this._shuffle).checked;
    config.seed = Math.max(0, Math.round(readNumber(this._seed, 0)));
    config.dtype = this._dtype.value as DType;
    this._showOptimizerFields(name);
  }

  private _showDraft(config: RunConfig): void {
    const o = config.optimizer;
    this._optimizer.value = o.name;
    this._lr.value = String(o.lr);
    this._momentum.value = String(o.momentum ?? 0);
    this._beta1.value = String(o.betas?.[0] ?? 0.9);
    this._beta2.value = String(o.betas?.[1] ?? 0.999);
    this._weightDecay.value = String(o.weightDecay ?? 0);
    this._epochs.value = String(config.training.epochs);
    this._batchSize.value = String(config.training.batchSize);
    checkboxOf(this._shuffle).checked = config.training.shuffle;
    this._seed.value = String(config.seed);
    this._dtype.value = config.dtype;
    this._showOptimizerFields(o.name);
  }

  private _showOptimizerFields(name: OptimizerName): void {
    this._momentumField.hidden = !OPTIMIZERS[name].momentum;
    for (const f of this._betaFields) f.hidden = !OPTIMIZERS[name].betas;
  }

  private _showStatus(state: PageState): void {
    const status = state.run?.status ?? 'idle';
    const running = status === 'running';
    this._buttons.run.disabled = running;
    this._buttons.run.textContent = status === 'paused' ? 'Resume' : 'Run';
    this._buttons.pause.disabled = !running;
    this._buttons.step.disabled = running;
  }

  private _step(): void {
    this.context.applyDraft();
    this.context.post({ type: 'step' });
  }

  private _reseed(): void {
    const seed = Math.floor(Math.random() * 1_000_000);
    this.context.store.setSeed(seed);
    this._seed.value = String(seed);
    this.context.post({ type: 'reseed', seed });
  }
}
