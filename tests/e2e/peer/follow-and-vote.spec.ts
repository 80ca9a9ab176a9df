import { LESSON } from '../fixtures.ts';
import { CODE, enter, expect, ids, openPanel, reader, test } from './participants.ts';

test('follow mode: the follower’s page goes to the presenter’s lesson, place and widget state, and stays put once they stop following', async ({
  browser,
  baseURL,
  spawn,
}) => {
  const server = await spawn.server();
  const session = { code: CODE, server: server.url };
  const a = await reader(browser, baseURL!, 'Ana', ids.host, session);
  await enter(a, LESSON);
  const b = await reader(browser, baseURL!, 'Bo', ids.b, session);
  await enter(b, '/');
  // Bo opened the home page, and is taken to Ana's lesson.
  await expect(b.page).toHaveURL(new RegExp(`${LESSON}$`));
  await a.page.locator('#relu-pool').scrollIntoViewIfNeeded();
  await a.page.locator('#relu-pool [data-pool-size]').selectOption('3');
  // Bo's window scrolls to the same widget (within the viewport, whatever its layout), which shows Ana's setting.
  await expect(b.page.locator('#relu-pool')).toBeInViewport();
  await expect(b.page.locator('#relu-pool [data-map="pooled"] [data-map-dims]')).toHaveText('31 × 31');
  // Ana's pointer appears on Bo's page with her name.
  const box = (await a.page.locator('#relu-pool').boundingBox())!;
  await a.page.mouse.move(box.x + box.width / 2, box.y + 20);
  await expect(b.page.locator('.peer-pointer')).toBeVisible();
  await expect(b.page.locator('.peer-pointer')).toHaveText('Ana');
  // Bo leaves follow mode: Ana moves on, Bo stays.
  await openPanel(b.page);
  await b.page.locator('[data-peer-follow]').uncheck();
  await enter(a, '/lessons/layer-activations/');
  // Ana's new place has reached the room (her own page has it), and a little time for Bo to react if he wrongly did.
  await a.page.waitForTimeout(1500);
  await expect(b.page).toHaveURL(new RegExp(`${LESSON}$`));
  // Following again takes Bo to Ana.
  // (Clicked, not checked: the page leaves at once, before a checked box could be read back.)
  await b.page.locator('[data-peer-follow]').click();
  await expect(b.page).toHaveURL(/\/lessons\/layer-activations\/$/);
  await expect(b.page.locator('[data-peer-follow]')).toBeChecked();
  // Bo asks for the wheel; Ana hands it over; now Ana follows Bo.
  await expect(b.page.locator('[data-peer]')).toHaveAttribute('data-synced', 'true');
  await openPanel(b.page);
  await b.page.locator('[data-peer-ask]').click();
  await openPanel(a.page);
  await a.page.getByRole('button', { name: 'Hand the wheel to Bo' }).click();
  await expect(b.page.locator('[data-peer]')).toHaveAttribute('data-role', 'presenter');
  await b.page.goto(`${LESSON}?backend=wasm`);
  await expect(a.page).toHaveURL(new RegExp(`${LESSON}$`));
  await a.close();
  await b.close();
});

test('peer instruction: a vote, a reveal, groups and a second vote give the right before and after counts', async ({ browser, baseURL, spawn }) => {
  const server = await spawn.server();
  const session = { code: CODE, server: server.url };
  const a = await reader(browser, baseURL!, 'Ana', ids.host, session);
  await enter(a, LESSON);
  const b = await reader(browser, baseURL!, 'Bo', ids.b, session);
  const c = await reader(browser, baseURL!, 'Cy', ids.c, session);
  await enter(b, LESSON);
  await enter(c, LESSON);
  for (const r of [a, b, c]) await openPanel(r.page);
  // The exercise "map-of-methods": option 2 ("Explaining a decision") is right.
  await a.page.locator('[data-pi-exercise]').selectOption({ value: `${LESSON}#map-of-methods` });
  await a.page.locator('[data-pi-open]').click();
  const vote = async (r: typeof a, option: number, why = '') => {
    const form = r.page.locator('[data-pi-form]');
    await form.locator(`input[value="${option}"]`).check();
    if (why) await r.page.locator('[data-pi-why]').fill(why);
    await form.locator('[data-pi-submit]').click();
    await expect(r.page.locator('[data-pi-voted]')).toHaveText('Your vote is in.');
  };
  await vote(a, 1);
  await vote(b, 0);
  await vote(c, 1);
  // Before the reveal nobody sees the class's votes.
  await expect(b.page.locator('[data-pi-state]')).toContainText('3 votes so far');
  await expect(b.page.locator('[data-pi-results]')).toBeHidden();
  await a.page.locator('[data-pi-reveal]').click();
  const row = (r: typeof a, i: number) => r.page.locator(`[data-pi-bars] li[data-option="${i}"]`);
  await expect(row(b, 0)).toHaveAttribute('data-first', '1');
  await expect(row(b, 1)).toHaveAttribute('data-first', '2');
  await expect(row(b, 2)).toHaveAttribute('data-first', '0');
  // Groups of 2 for 3 voters: two groups, and readers with different votes are mixed.
  await a.page.locator('[data-pi-size]').selectOption('2');
  await a.page.locator('[data-pi-discuss]').click();
  for (const r of [a, b, c]) await expect(r.page.locator('[data-pi-group]')).toContainText(/You are in group [12]/);
  await a.page.locator('[data-pi-revote]').click();
  await expect(b.page.locator('[data-pi-results]')).toBeHidden();
  // Bo changes his answer: he must say why.
  await b.page.locator('[data-pi-form] input[value="1"]').check();
  await expect(b.page.locator('[data-pi-why-label]')).toBeVisible();
  await vote(b, 1, 'Ana showed me the heatmap explains one decision.');
  await vote(c, 1);
  await vote(a, 1);
  await a.page.locator('[data-pi-close]').click();
  for (const r of [a, b, c]) {
    await expect(row(r, 1)).toHaveAttribute('data-second', '3');
    await expect(row(r, 0)).toHaveAttribute('data-second', '0');
    await expect(row(r, 0)).toHaveAttribute('data-first', '1');
  }
  await expect(row(b, 1)).toHaveAttribute('data-right', 'true');
  await expect(b.page.locator('[data-pi-bars] li[data-right]')).toHaveCount(1);
  const moves = JSON.parse((await a.page.locator('[data-pi-moves]').getAttribute('data-moves'))!);
  expect(moves).toEqual({ stayedRight: 2, becameRight: 1, becameWrong: 0, stayedWrong: 0 });
  await expect(a.page.locator('[data-pi-whys]')).toContainText('Bo: Ana showed me the heatmap explains one decision.');
  // The export carries the round.
  const download = a.page.waitForEvent('download');
  await a.page.locator('[data-peer-export-json]').click();
  const file = await (await download).path();
  const data = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(file, 'utf8')));
  expect(data.rounds).toHaveLength(1);
  expect(data.rounds[0].votes.find((v: { name: string }) => v.name === 'Bo')).toEqual({
    name: 'Bo',
    first: '1',
    second: '2',
    why: 'Ana showed me the heatmap explains one decision.',
  });
  for (const r of [a, b, c]) await r.close();
});

test('a follower who reads Korean follows an English presenter into the Korean edition of the same lesson, place and widget state', async ({
  browser,
  baseURL,
  spawn,
}) => {
  const server = await spawn.server();
  const session = { code: CODE, server: server.url };
  const a = await reader(browser, baseURL!, 'Ana', ids.host, session);
  await enter(a, LESSON);
  const b = await reader(browser, baseURL!, 'Bo', ids.b, session);
  // Bo chose Korean: every page he opens is the Korean edition.
  await b.page.addInitScript(() => localStorage.setItem('glassbox:lang', 'ko'));
  await enter(b, '/ko/');
  await expect(b.page).toHaveURL(new RegExp(`/ko${LESSON}$`));
  await a.page.locator('#relu-pool').scrollIntoViewIfNeeded();
  await a.page.locator('#relu-pool [data-pool-size]').selectOption('3');
  await expect(b.page.locator('#relu-pool')).toBeInViewport();
  await expect(b.page.locator('#relu-pool [data-map="pooled"] [data-map-dims]')).toHaveText('31 × 31');
  // And he stays there: no bouncing between the editions.
  await b.page.waitForTimeout(1500);
  await expect(b.page).toHaveURL(new RegExp(`/ko${LESSON}$`));
  await a.close();
  await b.close();
});
