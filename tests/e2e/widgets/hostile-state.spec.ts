import type { Page } from '@playwright/test';
import { encodeState, type WidgetState } from '../../../src/engine/shared/state.ts';
import { expect, test } from '../fixtures.ts';
import { expectedNotices, hostileStates } from './hostile-states.ts';

/**
 * Every widget on every page, opened with at least 50 hostile but type-valid
 * states each (links and saved states), must end up computing, with a notice
 * wherever a value was replaced. Each page load carries many copies of every
 * widget of the page, each with its own state: the page is cloned before its
 * scripts run, and every copy mounts at once (no waiting for the scroll).
 * "Computing" is `data-ready` (a computation finished), or for the widgets whose
 * first computation is long, a progress report of it; those are then stopped.
 * The class-visualisation galleries read no state, so each gets one load, not 50.
 */
const STATES = 50;
/** Copies of each widget per page load: two loads (two tests) per page. */
const COPIES = 25;

/** Longest first, so the two workers finish together. */
const PAGES: Record<string, string[]> = {
  '/lessons/trusting-heatmaps/': ['deletion-insertion', 'method-table', 'sanity-check'],
  '/lessons/convolution-pooling-activation/': ['conv-explorer', 'shape-calculator', 'relu-pool'],
  '/lessons/layer-activations/': ['filter-gallery', 'activation-grid', 'channel-mask'],
  '/lessons/maximally-activating-patches/': ['field-explorer', 'top-patches'],
  '/lessons/occlusion-and-saliency/': ['occlusion-explorer', 'guided-relu-example', 'saliency-compare'],
  '/lessons/cam-and-grad-cam/': ['cam-builder', 'grad-cam-explorer', 'scene-composer'],
  '/lessons/vit-attention/': ['attention-explorer', 'attention-table'],
  '/lessons/semantic-segmentation/': ['segmentation-explorer'],
  '/lessons/gan-dissection/': ['gan-sampler', 'gan-dissection'],
  '/lessons/embedding-features/': ['neighbour-explorer', 'embedding-map'],
  '/lessons/class-visualization/': ['class-viz-ascent', 'class-viz-regularizers', 'class-viz-gallery', 'latent-viz-gallery', 'feature-viz'],
  '/data-and-models/': ['objects-gallery', 'cam-gallery'],
  '/lessons/erasing-and-mixing/': ['mixing-batch'],
  '/lessons/augmentation-policies/': ['policy-grid'],
  '/lessons/geometric-transforms/': ['transform-lab'],
  '/lessons/copy-paste-and-synthetic-data/': ['copy-paste-lab', 'objects-gallery'],
  '/lessons/what-augmentation-buys/': ['training-lab'],
  // Not here: why-augment and test-time-augmentation. Their measuring widgets take no setting but a fixed image count
  // (50 copies of a 1,000-image measurement would be the whole run), and the TTA measurement computes only on request.
};
/** Short runs where the page takes a size from its address (as the other specs do). */
const SMALL = 'emb-n=50&emb-batch=1&trust-batch=1';
/** The gallery never reads a state (it has no settings): one load with a hostile link shows it still starts. */
const STATELESS = new Set(['class-viz-gallery', 'latent-viz-gallery']);

interface Copy {
  /** The widget's id on the page, and this copy's. */
  of: string;
  id: string;
  kind: string;
  state: WidgetState;
  /** Whether the state comes in the link or from an earlier visit's storage. */
  via: 'link' | 'saved';
}

/** Copies of each widget of the page with their states, for load number `load`. */
function plan(path: string, kinds: Record<string, string>, load: number): Copy[] {
  return Object.entries(kinds).flatMap(([id, kind]) => {
    if (STATELESS.has(kind) && load > 0) return [];
    const count = STATELESS.has(kind) ? 1 : COPIES;
    const states = hostileStates(kind, STATES, [...`${path}${id}`].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7));
    return Array.from({ length: count }, (_, i) => ({
      of: id,
      id: i ? `${id}-h${i}` : id,
      kind,
      state: states[load * COPIES + i]!,
      // Own pixels reach a widget only from storage: a link never carries them.
      via: i % 2 || states[load * COPIES + i]!.image?.kind === 'upload' ? ('saved' as const) : ('link' as const),
    }));
  });
}

/** Opens `path` with the copies planned; resolves once the page has parsed. */
async function openWith(page: Page, path: string, backend: string, copies: Copy[]): Promise<void> {
  const count: Record<string, number> = {};
  for (const copy of copies) count[copy.of] = (count[copy.of] ?? 0) + 1;
  const saved = Object.fromEntries(copies.filter((c) => c.via === 'saved').map((c) => [`glassbox:widget:${path}:${c.id}`, JSON.stringify(c.state)]));
  await page.addInitScript(({ count, saved }) => {
    localStorage.clear();
    for (const [key, value] of Object.entries(saved)) localStorage.setItem(key, value);
    // Every widget starts at once instead of when scrolled to.
    window.IntersectionObserver = class {
      constructor(private readonly callback: IntersectionObserverCallback) {}
      observe(target: Element) {
        setTimeout(() => this.callback([{ isIntersecting: true, target } as IntersectionObserverEntry], this as unknown as IntersectionObserver));
      }
      unobserve() {}
      disconnect() {}
      takeRecords() { return []; }
    } as unknown as typeof IntersectionObserver;
    // Parsed, before the module scripts mount the widgets: copy each widget under new ids.
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      for (const section of document.querySelectorAll<HTMLElement>('section[data-widget]')) {
        const n = count[section.id] ?? 0;
        if (n === 0) section.remove();
        for (let i = n - 1; i >= 1; i--) {
          const copy = section.cloneNode(true) as HTMLElement;
          const id = `${section.id}-h${i}`;
          for (const element of [copy, ...copy.querySelectorAll('*')]) {
            for (const { name, value } of [...element.attributes]) if (name !== 'data-widget' && value.includes(section.id)) element.setAttribute(name, value.split(section.id).join(id));
          }
          section.after(copy);
        }
      }
    });
  }, { count, saved });
  const links = copies.filter((c) => c.via === 'link').map((c) => `state.${c.id}=${encodeState(c.state)}`);
  const url = `${path}?backend=${backend}&${SMALL}&${links.join('&')}`;
  // A long address would pass the server's header limit: serve the page itself from its short address.
  await page.route((u) => u.pathname === path, async (route) => route.fulfill({ response: await route.fetch({ url: new URL(path, route.request().url()).href }) }));
  await page.goto(url);
}

/** Widgets whose first computation is long: a progress report of it counts as computing, and the test then stops it. */
const LONG = ['sanity-check', 'deletion-insertion', 'method-table', 'attention-table', 'top-patches', 'class-viz-gallery', 'latent-viz-gallery', 'gan-dissection'];

/**
 * In the page, polled: marks each copy computing once it has computed (or is
 * reporting progress of its long job), then stops what it would go on
 * computing, as a reader pressing Stop or Pause, so the next copies get the
 * engine; notes any error on a status line. True once every copy is settled.
 */
function watch({ copies, long }: { copies: [string, string][]; long: string[] }): boolean {
  const seen = ((window as unknown as { hostile?: { computing: Record<string, string>; errors: Record<string, string>; stopped: Record<string, boolean> } }).hostile ??= {
    computing: {},
    errors: {},
    stopped: {},
  });
  const click = (root: HTMLElement, selector: string) => root.querySelector<HTMLButtonElement>(selector)?.click();
  for (const [id, kind] of copies) {
    const root = document.getElementById(id);
    if (!root) {
      seen.errors[id] = 'missing';
      continue;
    }
    const status = root.querySelector<HTMLElement>('[data-widget-status]')!;
    if (status.dataset['kind'] === 'error') seen.errors[id] ??= status.textContent ?? '';
    if (!seen.computing[id]) {
      const progress = root.querySelector<HTMLElement>('[data-progress]');
      const running = long.includes(kind) && progress && (progress instanceof HTMLProgressElement ? progress.value > 0 : /step [1-9]/.test(progress.textContent ?? ''));
      if (root.dataset['ready'] === 'true') seen.computing[id] = `ready at ${performance.now().toFixed(0)} ms`;
      else if (running) seen.computing[id] = `running at ${performance.now().toFixed(0)} ms`;
      else continue;
    }
    if (long.includes(kind) && root.dataset['ready'] !== 'true' && !seen.stopped[id]) {
      seen.stopped[id] = true;
      if (kind === 'top-patches') click(root, '[data-scan]');
      else click(root, '[data-stop]');
    }
    const smooth = root.querySelector<HTMLButtonElement>('[data-smooth-stop]');
    if (smooth && !smooth.hidden) smooth.click();
    if (kind === 'embedding-map' && root.querySelector('[data-run]')?.textContent === 'Pause') click(root, '[data-run]');
    if (kind === 'class-viz-ascent' && root.dataset['running'] === 'true') click(root, '[data-toggle]');
  }
  return copies.every(([id]) => seen.computing[id] || seen.errors[id]);
}

test.describe.configure({ mode: 'parallel', timeout: 240_000 });

const LOADS = Math.ceil(STATES / COPIES);

// One test per page load, so the two workers share the long pages.
for (const [path, ids] of Object.entries(PAGES)) {
  for (let load = 0; load < LOADS; load++) {
    const states = `states ${load * COPIES + 1}–${Math.min(STATES, (load + 1) * COPIES)} of ${STATES}`;
    test(`${path}: every widget computes from hostile ${states}, with a notice for each value replaced`, async ({ page, backend }, info) => {
      test.skip(info.project.name !== 'wasm', 'one backend is enough: the states are checked before any computing');
      const started = Date.now();
      // The page's widgets, as built, are the ones listed here (none starts: none is scrolled to).
      await page.goto(`${path}?backend=${backend}`);
      const found = await page.locator('section[data-widget]').evaluateAll((all) => all.map((s) => [s.id, (s as HTMLElement).dataset['widget']!]));
      expect(found.map(([id]) => id).sort()).toEqual([...ids].sort());
      const copies = plan(path, Object.fromEntries(found), load);
      await openWith(page, path, backend, copies);
      // A copy that never computes is named below, with its state and its status line.
      const settled = { timeout: Number(process.env['HOSTILE_WAIT_MS'] ?? 150_000), polling: 200 };
      await page.waitForFunction(watch, { copies: copies.map((c): [string, string] => [c.id, c.kind]), long: LONG }, settled).catch(() => undefined);
      const shown = await page.evaluate((all) => {
        const seen = (window as unknown as { hostile: { computing: Record<string, string>; errors: Record<string, string> } }).hostile;
        return all.map((id) => ({
          id,
          status: document.getElementById(id)?.querySelector('[data-widget-status]')?.textContent ?? '',
          computing: seen.computing[id],
          error: seen.errors[id],
          notice: document.getElementById(id)?.querySelector('[data-widget-notice]')?.textContent ?? '',
        }));
      }, copies.map((c) => c.id));
      // Leave the page, so nothing it still computes slows the next test.
      await page.goto('about:blank');
      for (const [i, copy] of copies.entries()) {
        const result = shown[i]!;
        const what = `${copy.id} (${copy.via}) ${JSON.stringify(copy.state).slice(0, 300)}; status: ${result.status}`;
        expect.soft(result.error, what).toBeUndefined();
        expect.soft(result.computing, what).toBeTruthy();
        const { exact, patterns } = expectedNotices(copy.state);
        for (const sentence of exact) expect.soft(result.notice, what).toContain(sentence);
        for (const pattern of patterns) expect.soft(result.notice, what).toMatch(pattern);
        if (exact.length === 0 && patterns.length === 0) expect.soft(result.notice, what).toBe('');
      }
      if (process.env['HOSTILE_TIMES']) console.log(shown.map((r) => `${r.id}: ${r.computing}`).join('\n'));
      console.log(`${path} ${states}: ${copies.length} copies computing after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });
  }
}
