/** Cell 4, training: optimizer, epochs, batches, seed and dtype; run, pause, step, reset. */
import type { OptimizerConfig, OptimizerName, RunConfig } from '../../engine/config';
import type { DType } from '../../engine/tensor';
import { OPTIMIZER_CHOICES, OPTIMIZERS } from '../catalog';
import { button, checkbox, checkboxOf, el, field, numberInput, select } from '../dom';
import { fill } from '../invalid';
import { RULES } from '../validation';
import type { Change, PageState } from '../state';
import { Cell, touches, type CellContext } from './cell';
import { Progress } from '../progress';

/** The training cell. */
export class TrainCell extends Cell {
  private readonly _optimizer = select(OPTIMIZER_CHOICES, 'Adam', 'optimizer');
  private readonly _lr = numberInput(0.01, { rule: RULES.lr, step: 0.001, testId: 'lr' });
  private readonly _momentum = numberInput(0, {
    rule: RULES.momentum,
    step: 0.1,
    testId: 'momentum',
  });
  private readonly _beta1 = numberInput(0.9, { rule: RULES.beta, step: 0.01 });
  private readonly _beta2 = numberInput(0.999, { rule: RULES.beta, step: 0.001 });
  private readonly _weightDecay = numberInput(0, {
    rule: RULES.weightDecay,
    step: 0.0001,
    testId: 'weight-decay',
  });
  private readonly _epochs = numberInput(100, { rule: RULES.epochs, testId: 'epochs' });
  private readonly _batchSize = numberInput(32, {
    rule: RULES.batchSize,
    testId: 'batch-size',
  });
  private readonly _shuffle = checkbox('Shuffle every epoch', true, 'shuffle');
  private readonly _seed = numberInput(0, { rule: RULES.seed, testId: 'seed' });
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

  /** Trains: sends the draft if it changed, then starts or resumes (not while one is refused). */
  override run(): void {
    if (this.context.applyDraft()) this.context.post({ type: 'train' });
  }

  /** Redraws the inputs from the draft, the buttons from the status, and the progress. */
  render(state: PageState, changes: ReadonlySet<Change>): void {
    const run = state.run;
    if (!run) return;
    if (this.showsDraft(changes) && state.draft)
      this._showDraft(state.draft, changes.has('config'));
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
    const old = config.optimizer;
    const optimizer: OptimizerConfig = {
      ...old,
      name,
      lr: this.check(this._lr, RULES.lr) ?? old.lr,
      weightDecay: this.check(this._weightDecay, RULES.weightDecay) ?? old.weightDecay,
    };
    delete optimizer.momentum;
    delete optimizer.betas;
    if (OPTIMIZERS[name].momentum)
      optimizer.momentum =
        this.check(this._momentum, RULES.momentum) ?? old.momentum ?? 0;
    if (OPTIMIZERS[name].betas)
      optimizer.betas = this._readBetas(old.betas ?? [0.9, 0.999]);
    config.optimizer = optimizer;
    const training = config.training;
    training.epochs = this.check(this._epochs, RULES.epochs) ?? training.epochs;
    training.batchSize =
      this.check(this._batchSize, RULES.batchSize) ?? training.batchSize;
    training.shuffle = checkboxOf(this._shuffle).checked;
    config.seed = this.check(this._seed, RULES.seed) ?? config.seed;
    config.dtype = this._dtype.value as DType;
    this._showOptimizerFields(name);
  }

  /** Adam's betas as typed, each falling back to `previous` when refused. */
  private _readBetas(previous: [number, number]): [number, number] {
    return [
      this.check(this._beta1, RULES.beta) ?? previous[0],
      this.check(this._beta2, RULES.beta) ?? previous[1],
    ];
  }

  private _showDraft(config: RunConfig, force: boolean): void {
    const o = config.optimizer;
    this._optimizer.value = o.name;
    fill(this._lr, String(o.lr), force);
    fill(this._momentum, String(o.momentum ?? 0), force);
    fill(this._beta1, String(o.betas?.[0] ?? 0.9), force);
    fill(this._beta2, String(o.betas?.[1] ?? 0.999), force);
    fill(this._weightDecay, String(o.weightDecay ?? 0), force);
    fill(this._epochs, String(config.training.epochs), force);
    fill(this._batchSize, String(config.training.batchSize), force);
    checkboxOf(this._shuffle).checked = config.training.shuffle;
    fill(this._seed, String(config.seed), force);
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
    if (this.context.applyDraft()) this.context.post({ type: 'step' });
  }

  private _reseed(): void {
    const seed = Math.floor(Math.random() * 1_000_000);
    this.context.store.setSeed(seed);
    fill(this._seed, String(seed), true);
    this.context.post({ type: 'reseed', seed });
  }
}
