/** The refusals of the losses: a code for programs and a message that teaches. */

/** Why a loss refused its input, target or options. */
export type LossErrorCode =
  'input_out_of_range' | 'target_out_of_range' | 'shape_mismatch' | 'invalid';

/** A loss refused what it was given; `message` says what, which value, and what to do. */
export class LossError extends Error {
  /** The kind of refusal, stable for programs. */
  readonly code: LossErrorCode;

  constructor(code: LossErrorCode, message: string) {
    super(message);
    this.name = 'LossError';
    this.code = code;
  }
}
