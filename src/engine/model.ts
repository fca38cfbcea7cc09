/** A multilayer perceptron: Linear layers, a hidden activation after each but the last, a head. */
import { type Activation, activation } from './activations';
import type { ActivationName, HeadName, ModelConfig } from './config';
import { headBackward, headForward } from './heads';
import { Linear, type LinearWeights } from './linear';
import type { Rng } from './rng';
import { type DType, type Matrix, zeros } from './tensor';

export type { LinearWeights } from './linear';

/** A trainable tensor and its gradient, in PyTorch's `parameters()` order. */
export interface Parameter {
  name: string;
  value: Matrix;
  grad: Matrix;
}

/** Buffers of one batch size: pre-activations z, activations h, and their gradients. */
interface Buffers {
  z: Matrix[];
  h: Matrix[];
  dz: Matrix[];
  dh: Matrix[];
  out: Matrix;
  /** d loss / d out, for the loss to write into. */
  dOut: Matrix;
}

/** Linear(sizes[0], sizes[1]), act, ..., Linear(sizes[L-1], sizes[L]), head. */
export class Mlp {
  readonly sizes: number[];
  readonly layers: Linear[];
  readonly acts: Activation[];
  readonly head: HeadName;
  readonly dtype: DType;
  private _buffers = new Map<number, Buffers>();
  private _last: Buffers | undefined;
  private _input: Matrix | undefined;

  /** A model of zeros; `activations` has one entry per hidden layer (sizes.length - 2). */
  constructor(
    sizes: number[],
    activations: ActivationName[],
    head: HeadName,
    dtype: DType,
    negativeSlope = 0.01,
  ) {
    if (activations.length !== sizes.length - 2) {
      throw new Error(
        `Mlp: ${sizes.length - 2} hidden layers need as many activations, got ${activations.length}`,
      );
    }
    this.sizes = sizes.slice();
    this.head = head;
    this.dtype = dtype;
    this.layers = [];
    for (let i = 0; i + 1 < sizes.length; i++) {
      this.layers.push(new Linear(sizes[i], sizes[i + 1], dtype));
    }
    this.acts = activations.map((a) => activation(a, negativeSlope));
  }

  /** The model a ModelConfig describes, for `inputs` features. */
  static fromConfig(model: ModelConfig, inputs: number, dtype: DType): Mlp {
    const sizes = [inputs, ...model.hidden.map((l) => l.units), model.outputs];
    const acts = model.hidden.map((l) => l.activation);
    return new Mlp(sizes, acts, model.head, dtype, model.negativeSlope);
  }

  /** PyTorch's default initialisation, layer by layer, weight then bias. */
  init(rng: Rng): this {
    for (const layer of this.layers) layer.init(rng);
    return this;
  }

  /** The output after the head, (N, outputs). Keeps what backward needs. */
  forward(x: Matrix): Matrix {
    const buf = this._buffersFor(x.rows);
    this._input = x;
    let h = x;
    for (let i = 0; i < this.layers.length; i++) {
      this.layers[i].forward(h, buf.z[i]);
      if (i < this.acts.length) this.acts[i].forward(buf.z[i], buf.h[i]);
      h = buf.h[i];
    }
    const logits = buf.z[this.layers.length - 1];
    if (this.head === 'none') return logits;
    headForward(this.head, logits, buf.out);
    return buf.out;
  }

  /** The output before the head (the logits) of the last forward pass. */
  lastLogits(): Matrix {
    if (!this._input) throw new Error('Mlp.lastLogits: call forward first');
    return this._buffersFor(this._input.rows).z[this.layers.length - 1];
  }

  /** A buffer shaped like the output of the last forward pass, for d loss / d output. */
  outputGrad(): Matrix {
    if (!this._input) throw new Error('Mlp.outputGrad: call forward first');
    return this._buffersFor(this._input.rows).dOut;
  }

  /** Gradients of every parameter from dOut = d loss / d output, for the last forward pass. */
  backward(dOut: Matrix): void {
    const x = this._input;
    if (!x) throw new Error('Mlp.backward: call forward first');
    const buf = this._buffersFor(x.rows);
    const last = this.layers.length - 1;
    if (this.head === 'none') buf.dz[last].data.set(dOut.data);
    else headBackward(this.head, buf.z[last], buf.out, dOut, buf.dz[last]);
    for (let i = last; i >= 0; i--) {
      const input = i === 0 ? x : buf.h[i - 1];
      this.layers[i].backward(input, buf.dz[i], i === 0 ? undefined : buf.dh[i - 1]);
      if (i > 0)
        this.acts[i - 1].backward(
          buf.z[i - 1],
          buf.h[i - 1],
          buf.dh[i - 1],
          buf.dz[i - 1],
        );
    }
  }

  /** Weights and biases with their gradients, as `model.parameters()` lists them. */
  parameters(): Parameter[] {
    return this.layers.flatMap((l, i) => [
      { name: `${2 * i}.weight`, value: l.w, grad: l.dw },
      { name: `${2 * i}.bias`, value: l.b, grad: l.db },
    ]);
  }

  /** How many numbers the model learns. */
  parameterCount(): number {
    return this.layers.reduce((n, l) => n + l.w.data.length + l.b.data.length, 0);
  }

  /** Every layer's parameters, PyTorch's layout. */
  weights(): LinearWeights[] {
    return this.layers.map((l) => l.weights());
  }

  /** Loads every layer's parameters; refuses a list of the wrong length or shape. */
  setWeights(weights: LinearWeights[]): void {
    if (weights.length !== this.layers.length) {
      throw new Error(
        `Mlp has ${this.layers.length} Linear layers, the weights list ${weights.length}: ` +
          'check the model against the run file',
      );
    }
    weights.forEach((w, i) => this.layers[i].setWeights(w));
  }

  /** The model as PyTorch prints an nn.Sequential. */
  describe(negativeSlope = 0.01): string {
    const lines: string[] = [];
    this.layers.forEach((l, i) => {
      lines.push(`Linear(in_features=${l.nin}, out_features=${l.nout}, bias=True)`);
      if (i < this.acts.length)
        lines.push(activationModule(this.acts[i].name, negativeSlope));
    });
    const head = headModule(this.head);
    if (head) lines.push(head);
    const body = lines.map((s, i) => `  (${i}): ${s}`).join('\n');
    return `Sequential(\n${body}\n)`;
  }

  /** Buffers for a batch of `rows`, made once per batch size and reused. */
  private _buffersFor(rows: number): Buffers {
    if (this._last?.out.rows === rows) return this._last;
    let buf = this._buffers.get(rows);
    if (buf) return (this._last = buf);
    const widths = this.sizes.slice(1);
    const make = () => widths.map((w) => zeros(rows, w, this.dtype));
    buf = {
      z: make(),
      h: make(),
      dz: make(),
      dh: make(),
      out: zeros(rows, widths.at(-1)!, this.dtype),
      dOut: zeros(rows, widths.at(-1)!, this.dtype),
    };
    if (this._buffers.size > 8) this._buffers.clear();
    this._buffers.set(rows, buf);
    return (this._last = buf);
  }
}

/** How PyTorch prints a hidden activation module. */
function activationModule(name: ActivationName, negativeSlope: number): string {
  switch (name) {
    case 'relu':
      return 'ReLU()';
    case 'leaky_relu':
      return `LeakyReLU(negative_slope=${negativeSlope})`;
    case 'tanh':
      return 'Tanh()';
    case 'sigmoid':
      return 'Sigmoid()';
    case 'identity':
      return 'Identity()';
  }
}

/** How PyTorch prints a head module, or nothing for raw logits. */
function headModule(head: HeadName): string | undefined {
  if (head === 'sigmoid') return 'Sigmoid()';
  if (head === 'softmax') return 'Softmax(dim=1)';
  if (head === 'log_softmax') return 'LogSoftmax(dim=1)';
  return undefined;
}
