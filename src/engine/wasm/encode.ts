/**
 * A small WebAssembly binary encoder: just enough of the format (types, functions, one
 * memory, exports, and the integer, control and 128-bit SIMD instructions the matrix
 * kernels use) to build a module in memory, so that no build step or `.wasm` file is needed.
 */

/** A value type of WebAssembly. */
export const I32 = 0x7f;
export const V128 = 0x7b;

/** Instruction bytes, named as in the WebAssembly text format. */
export const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  end: [0x0b],
  get: (local: number) => [0x20, ...uleb(local)],
  set: (local: number) => [0x21, ...uleb(local)],
  tee: (local: number) => [0x22, ...uleb(local)],
  i32: (value: number) => [0x41, ...sleb(value)],
  i32Eqz: [0x45],
  i32LtS: [0x48],
  i32GtS: [0x4a],
  i32Add: [0x6a],
  i32Sub: [0x6b],
  i32Mul: [0x6c],
  f32Load: (offset: number) => [0x2a, 2, ...uleb(offset)],
  f64Load: (offset: number) => [0x2b, 3, ...uleb(offset)],
  f32Store: (offset: number) => [0x38, 2, ...uleb(offset)],
  f64Store: (offset: number) => [0x39, 3, ...uleb(offset)],
  v128Load: (offset: number) => simd(0x00, [4, ...uleb(offset)]),
  load32Splat: (offset: number) => simd(0x09, [2, ...uleb(offset)]),
  load64Splat: (offset: number) => simd(0x0a, [3, ...uleb(offset)]),
  v128Store: (offset: number) => simd(0x0b, [4, ...uleb(offset)]),
  v128Zero: simd(0x0c, new Array<number>(16).fill(0)),
  /** v128.const of 16 bytes, little-endian lanes. */
  v128Const: (bytes: number[]) => simd(0x0c, bytes),
  /** v128.load64_zero: 8 bytes into the low half, the high half zero. */
  load64Zero: (offset: number) => simd(0x5d, [3, ...uleb(offset)]),
  /** v128.store64_lane: the low 8 bytes (lane 0 of i64x2). */
  store64Low: (offset: number) => simd(0x5b, [3, ...uleb(offset), 0]),
  f32x4DemoteF64x2Zero: simd(0x5e),
  f64x2PromoteLowF32x4: simd(0x5f),
  f64x2Sqrt: simd(0xef),
  f64x2Sub: simd(0xf1),
  f64x2Div: simd(0xf3),
  /** i8x16.shuffle: byte i of the result is byte lanes[i] of the two operands joined. */
  shuffle: (lanes: number[]) => simd(0x0d, lanes),
  v128And: simd(0x4e),
  f32x4Gt: simd(0x44),
  f64x2Gt: simd(0x4a),
  f32x4Max: simd(0xe9),
  f64x2Max: simd(0xf5),
  f32x4Add: simd(0xe4),
  f32x4Sub: simd(0xe5),
  f32x4Mul: simd(0xe6),
  f64x2Add: simd(0xf0),
  f64x2Mul: simd(0xf2),
};

/** A function to encode: its i32 parameters, its extra locals, and its body. */
export interface FunctionSpec {
  name: string;
  params: number;
  locals: { count: number; type: number }[];
  body: number[];
}

/** The bytes of a module with one exported memory (`memory`) and the exported `functions`. */
export function encodeModule(
  functions: FunctionSpec[],
  memoryPages: number,
): Uint8Array<ArrayBuffer> {
  const types = functions.map((f) => [
    0x60,
    ...vector(new Array(f.params).fill([I32])),
    0,
  ]);
  const exports = functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]);
  exports.push([...name('memory'), 0x02, 0]);
  const bodies = functions.map((f) => {
    const locals = vector(f.locals.map((l) => [...uleb(l.count), l.type]));
    return sized(locals.concat(f.body, op.end));
  });
  // Long arrays are joined by concat, not spread: a spread is a loop in the interpreter,
  // which would make these functions hot and queue them for the optimizing compiler.
  const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  return new Uint8Array(
    header.concat(
      section(1, vector(types)),
      section(3, vector(functions.map((_, i) => uleb(i)))),
      section(5, vector([[0x00, ...uleb(memoryPages)]])),
      section(7, vector(exports)),
      section(10, vector(bodies)),
    ),
  );
}

/** An instruction of the SIMD prefix 0xfd, with its immediates. */
function simd(code: number, immediates: number[] = []): number[] {
  return [0xfd, ...uleb(code), ...immediates];
}

/** Unsigned LEB128. */
function uleb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
function sleb(value: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done =
      (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** A byte vector prefixed with its length. */
function sized(bytes: number[]): number[] {
  return uleb(bytes.length).concat(bytes);
}

/** A vector of already encoded items, prefixed with their count. */
function vector(items: number[][]): number[] {
  return uleb(items.length).concat(...items);
}

/** An ASCII name. */
function name(text: string): number[] {
  return sized(Array.from(text, (ch) => ch.charCodeAt(0)));
}

/** A section with its id and size. */
function section(id: number, content: number[]): number[] {
  return [id].concat(sized(content));
}
