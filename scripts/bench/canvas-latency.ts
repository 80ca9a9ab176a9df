/**
 * The latency a reader feels: from a control's event to the widget's canvas
 * receiving its new pixels (putImageData), timed inside the page so no round
 * trip to Node is counted. Shared by the widget benchmarks.
 */
import type { Page } from '@playwright/test';
import { quantile } from './stats.ts';

export interface CanvasLatency {
  /** Page path, e.g. '/lessons/cam-and-grad-cam/'. */
  path: string;
  /** The widget's id. */
  widget: string;
  /** Selectors inside the widget: the control to change and the canvas that shows the result. */
  control: string;
  canvas: string;
  /** The event the control fires ('input' or 'change') and the values it cycles through. */
  event: string;
  values: string[];
  backends: string[];
  runs: number;
  /** Fewer runs on these backends (they are slow). */
  slow?: Record<string, number>;
}

/** One line per backend: requested, used, median and p95 in ms. */
export async function canvasLatency(page: Page, origin: string, spec: CanvasLatency): Promise<string[]> {
  const lines = ['requested  ran on   median ms   p95 ms'];
  for (const backend of spec.backends) {
    await page.goto(`${origin}${spec.path}${spec.path.includes('?') ? '&' : '?'}backend=${backend}`);
    await page.locator(`#${spec.widget}`).scrollIntoViewIfNeeded();
    await page.locator(`#${spec.widget}[data-ready]`).waitFor({ timeout: 60_000 });
    const used = (await page.locator('[data-backend-badge]').getAttribute('data-backend')) ?? '?';
    const runs = spec.slow?.[backend] ?? spec.runs;
    const times = await page.evaluate(measure, { ...spec, runs });
    lines.push(`${backend.padEnd(10)} ${used.padEnd(7)} ${quantile(times, 0.5).toFixed(2).padStart(9)} ${quantile(times, 0.95).toFixed(2).padStart(8)}`);
  }
  return lines;
}

/** Runs in the page (serialised: it may use only its argument). */
async function measure({ widget, control, canvas, event, values, runs }: CanvasLatency): Promise<number[]> {
  const root = document.querySelector<HTMLElement>(`#${widget}`)!;
  const input = root.querySelector<HTMLInputElement | HTMLSelectElement>(control)!;
  const context = root.querySelector<HTMLCanvasElement>(canvas)!.getContext('2d')!;
  const put = context.putImageData.bind(context);
  let drawn: (t: number) => void = () => {};
  context.putImageData = ((...args: Parameters<typeof put>) => {
    put(...args);
    drawn(performance.now());
  }) as typeof context.putImageData;
  const samples: number[] = [];
  for (let n = 0; n < runs + 5; n++) {
    const done = new Promise<number>((resolve) => (drawn = resolve));
    const start = performance.now();
    input.value = values[n % values.length]!;
    input.dispatchEvent(new Event(event, { bubbles: true }));
    const end = await done;
    if (n >= 5) samples.push(end - start);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return samples;
}
