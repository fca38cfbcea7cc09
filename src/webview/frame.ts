/** Coalesces redraw requests into one call per animation frame. */

/** A function that, however often it is called, runs `draw` at most once per frame. */
export function perFrame(draw: () => void): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      draw();
    });
  };
}

/** Sizes `canvas` to its CSS box times the device pixel ratio; returns the CSS size. */
export function fitCanvas(canvas: HTMLCanvasElement): { width: number; height: number } {
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(1, canvas.clientWidth);
  const height = Math.max(1, canvas.clientHeight);
  const pixelsWide = Math.round(width * ratio);
  const pixelsHigh = Math.round(height * ratio);
  if (canvas.width !== pixelsWide) canvas.width = pixelsWide;
  if (canvas.height !== pixelsHigh) canvas.height = pixelsHigh;
  canvas.getContext('2d')?.setTransform(ratio, 0, 0, ratio, 0, 0);
  return { width, height };
}

/** A function that runs `draw` in an animation frame at most once per `ms`, and once more after. */
export function atMostEvery(ms: number, draw: () => void): () => void {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = perFrame(() => {
    last = performance.now();
    draw();
  });
  return () => {
    if (timer !== undefined) return;
    const wait = last + ms - performance.now();
    if (wait <= 0) return frame();
    timer = setTimeout(() => {
      timer = undefined;
      frame();
    }, wait);
  };
}
