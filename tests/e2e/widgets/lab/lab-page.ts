import type { Locator, Page } from '@playwright/test';
import { expect } from '../../fixtures.ts';

export const LAB_LESSON = '/lessons/what-augmentation-buys/';

/** The experiment's lesson with its training lab in view, its kept runs listed ("Ready"). */
export async function openLab(page: Page, open: (path: string) => Promise<void>): Promise<Locator> {
  await open(LAB_LESSON);
  const lab = page.locator('#training-lab');
  await lab.scrollIntoViewIfNeeded();
  await expect(lab.locator('[data-widget-status]')).toContainText('Ready');
  return lab;
}
