import { readRoomCode, newRoomCode, showRoomCode } from './room-code.ts';
import { LIMITS } from './room-limits.ts';
import { runSession } from './session-run.ts';
import { activeSession, DEFAULT_SERVER, enterSession, identity, joinLink, leaveSession, nameSchema, saveName, serverSchema } from './session-settings.ts';
import { pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/peer.ts';

const t = strings(pageLang());

/**
 * The session page: start a session (a new code; the reader becomes its host),
 * or join one by code or link, under the name the reader chooses, on the
 * book's server or one named here. An unreachable server is said plainly, and
 * the reader is left outside any session, with the book as it always was.
 */
const page = document.querySelector<HTMLElement>('[data-session-page]')!;
const form = page.querySelector<HTMLFormElement>('[data-session-form]')!;
const field = <T extends HTMLElement>(name: string): T => page.querySelector<T>(`[data-session-${name}]`)!;
const status = field('status');
const params = new URLSearchParams(location.search);

const known = identity().name;
field<HTMLInputElement>('name').value = known === 'Reader' ? '' : known;
const linked = readRoomCode(params.get('join') ?? '');
if (linked) {
  field<HTMLInputElement>('join-code').value = showRoomCode(linked);
  form.dataset['joining'] = 'true';
  field('join').classList.add('primary');
  field('start').classList.remove('primary');
}
const linkedServer = serverSchema.safeParse(params.get('server') ?? '');
if (linkedServer.success && linkedServer.data !== DEFAULT_SERVER) {
  field<HTMLInputElement>('server').value = linkedServer.data;
  field<HTMLDetailsElement>('server-details').open = true;
}

function say(text: string, kind: 'info' | 'error' = 'info'): void {
  status.textContent = text;
  status.dataset['kind'] = kind;
}

function showSession(code: string, server: string): void {
  form.hidden = true;
  field('box').hidden = false;
  field('code').textContent = showRoomCode(code);
  const link = field<HTMLAnchorElement>('link');
  link.href = joinLink(code, server);
  link.textContent = link.href;
}

field('copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(field<HTMLAnchorElement>('link').href);
    field('copied').textContent = t('dialog.copied');
  } catch {
    field('copied').textContent = t('dialog.copyByHand');
  }
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const joining = (event.submitter as HTMLButtonElement | null)?.value === 'join';
  const name = nameSchema.safeParse(field<HTMLInputElement>('name').value);
  if (!name.success) return say(t('dialog.nameNeeded', { max: LIMITS.name }), 'error');
  const server = serverSchema.safeParse(field<HTMLInputElement>('server').value.trim());
  if (!server.success) return say(t('dialog.badServer'), 'error');
  const code = joining ? readRoomCode(field<HTMLInputElement>('join-code').value) : newRoomCode();
  if (!code) return say(t('dialog.badCode'), 'error');
  saveName(name.data);
  const session = { code, server: server.data, following: true };
  enterSession(session);
  say(t('dialog.connecting', { server: server.data }));
  const room = runSession(session, { ...identity(), name: name.data });
  room.onConnection((state) => {
    if (state === 'connected') {
      say('');
      showSession(code, server.data);
    } else if (state === 'unreachable') {
      leaveSession();
      room.leave();
      document.querySelector<HTMLElement>('[data-peer]')!.hidden = true;
      say(t('dialog.unreachable', { server: server.data }), 'error');
    }
  });
});

const active = activeSession();
if (active) showSession(active.code, active.server);
