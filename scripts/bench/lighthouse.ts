/**
 * Lighthouse, mobile (its default: a mid-range phone, simulated throttling) and
 * desktop, for three long lessons: Performance and Accessibility scores, total
 * blocking time and largest contentful paint. Lighthouse drives its own
 * Chromium (the same Debian build) through a debugging port.
 */
import type { Page } from '@playwright/test';
import { chromium as launcher } from '@playwright/test';
import lighthouse from 'lighthouse';
import desktop from 'lighthouse/core/config/desktop-config.js';
import { chromium } from '../../playwright.config.ts';

const LESSONS = ['/lessons/convolution-pooling-activation/', '/lessons/cam-and-grad-cam/', '/lessons/occlusion-and-saliency/'];
const PORT = 9333;

export async function bench(_page: Page, origin: string): Promise<string[]> {
  const lines = ['Lighthouse 13 (mobile: simulated mid-range phone and 4G; desktop: its desktop preset)', `${'lesson'.padEnd(44)} form      perf  a11y   TBT ms   LCP s`];
  const browser = await launcher.launch({ ...chromium, args: [...chromium.args, `--remote-debugging-port=${PORT}`] });
  try {
    for (const path of LESSONS) {
      for (const form of ['mobile', 'desktop'] as const) {
        const result = await lighthouse(`${origin}${path}`, { port: PORT, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] }, form === 'desktop' ? desktop : undefined);
        const lhr = result!.lhr;
        const score = (id: string) => String(Math.round((lhr.categories[id]?.score ?? NaN) * 100));
        const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
        lines.push(`${path.padEnd(44)} ${form.padEnd(8)} ${score('performance').padStart(5)} ${score('accessibility').padStart(5)} ${audit('total-blocking-time').toFixed(0).padStart(8)} ${(audit('largest-contentful-paint') / 1000).toFixed(2).padStart(7)}`);
      }
    }
  } finally {
    await browser.close();
  }
  return lines;
}
