/** The version of Logit Lab written into run files; kept equal to package.json's by a test. */
export const TOOL_VERSION = '0.1.0';

/** The run file format this version reads and writes. */
export const RUN_FORMAT_VERSION = 1;
