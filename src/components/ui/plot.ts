/**
 * Observable Plot, loaded once per page. Evaluating it is one uninterrupted
 * task of 80-150 ms on the page's thread, so pages whose widgets draw with it
 * load it in their first idle moment (see widgets/boot.ts), not in the middle
 * of a widget's run.
 */
export type PlotModule = typeof import('./plot-marks.ts');

let plotModule: Promise<PlotModule> | undefined;

export function loadPlot(): Promise<PlotModule> {
  plotModule ??= import('./plot-marks.ts');
  // A failed download is tried again by the next caller instead of failing every chart on the page.
  plotModule.catch(() => (plotModule = undefined));
  return plotModule;
}

function whenIdle(work: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(work, { timeout: 5000 });
  else setTimeout(work, 1000);
}

/**
 * Loads Plot once the page has loaded and its thread is idle, then, in a
 * later idle moment, draws one small chart that is thrown away: a chart's
 * first drawing compiles Plot's code and cost a widget's first figure a
 * 93 ms task on a busy machine.
 */
export function loadPlotWhenIdle(): void {
  const start = (): void =>
    whenIdle(() => {
      // A failed preload is not an error: the first chart loads Plot again and reports it there.
      loadPlot().then(
        (Plot) => whenIdle(() => void Plot.plot({ marks: [Plot.line([0, 1], { x: (d: number) => d, y: (d: number) => d })] })),
        () => undefined,
      );
    });
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
}
