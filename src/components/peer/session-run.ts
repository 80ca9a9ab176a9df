import { saveFile } from '~/components/assignment/save-file.ts';
import { Follow } from './follow.ts';
import { bindNotes } from './notes.ts';
import { mountVote } from './pi-view.ts';
import { PeerRound } from './pi-round.ts';
import { onPresence, participants, publish } from './presence.ts';
import { sayRefusal } from './refusal.ts';
import { showRoomCode } from './room-code.ts';
import { joinRoom, type Connection, type Room } from './session-connect.ts';
import { exportSession, sessionMarkdown } from './session-export.ts';
import { identity, joinLink, leaveSession, setFollowing, type ActiveSession, type Identity } from './session-settings.ts';
import { WidgetSync } from './widget-sync.ts';
import { basePath, pageLang } from '~/i18n/lang.ts';
import strings from '~/i18n/ui/peer.ts';

const t = strings(pageLang());

/**
 * A page in a peer session: joins the room, shows the session panel (who is
 * here, follow mode and the wheel, the vote, this page's notes and discussion
 * prompts, export, leave) and keeps widgets and place in step with the room.
 * The first page to find the room empty makes its reader the host.
 */
const STATUS: Record<Connection, string> = {
  connecting: t('status.connecting'),
  connected: t('status.connected'),
  reconnecting: t('status.reconnecting'),
  unreachable: t('status.unreachable'),
  refused: t('status.refused'),
};

const part = <T extends HTMLElement>(panel: HTMLElement, name: string): T => panel.querySelector<T>(`[data-peer-${name}]`)!;

export function runSession(session: ActiveSession, me: Identity = identity()): Room {
  const panel = document.querySelector<HTMLElement>('[data-peer]')!;
  const room = joinRoom(session, me);
  let following = session.following;
  const follow = new Follow(room, () => following);
  // The presenter's widgets are always shared; a participant's while they follow.
  const widgets = new WidgetSync(
    room,
    () => following || follow.isPresenter(),
    (way) => (panel.dataset[way === 'sent' ? 'lastSent' : 'lastReceived'] = String(Date.now())),
  );
  const rounds = new PeerRound(room);
  panel.hidden = false;
  part(panel, 'code').textContent = showRoomCode(session.code);
  const link = part<HTMLAnchorElement>(panel, 'link');
  link.href = joinLink(session.code, session.server);
  link.textContent = link.href;
  const followBox = part<HTMLInputElement>(panel, 'follow');
  followBox.checked = following;
  const signal = room.signal;
  followBox.addEventListener(
    'change',
    () => {
      following = followBox.checked;
      setFollowing(following);
      publish(room, { following });
      if (following) {
        widgets.applyAll();
        follow.start();
      }
    },
    { signal },
  );
  room.onConnection((state) => {
    const refusal = state === 'refused' ? room.refusal() : undefined;
    part(panel, 'status').textContent = refusal ? t('status.serverSaid', { status: STATUS[state], reason: sayRefusal(refusal, pageLang()) }) : STATUS[state];
    panel.dataset['connection'] = state;
  });
  publish(room, { id: me.id, name: me.name, following, since: Date.now() });
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && publish(room, { since: Date.now() }), { signal });

  const render = mountVote(
    part(panel, 'vote'),
    rounds,
    signal,
    () => follow.isHost(),
    () => new Map(participants(room).map((p) => [p.id, p.name])),
  );
  const people = (): void => {
    const list = participants(room);
    const presenter = follow.presenter();
    part(panel, 'count').textContent = t('people.here', { n: list.length });
    part(panel, 'presenter').textContent = follow.isPresenter() ? t('people.youPresent') : (list.find((p) => p.id === presenter)?.name ?? '');
    part(panel, 'people').replaceChildren(
      ...list.map((p) => {
        const item = document.createElement('li');
        item.textContent = `${p.name}${p.id === presenter ? ` ${t('people.presenting')}` : ''}${p.id === me.id ? ` ${t('people.you')}` : ''}${p.following || p.id === presenter ? '' : ` ${t('people.notFollowing')}`}`;
        if (p.ask && p.id !== presenter && (follow.isPresenter() || follow.isHost())) {
          const give = Object.assign(document.createElement('button'), {
            type: 'button',
            className: 'pill',
            textContent: t('people.handOver', { name: p.name }),
          });
          give.addEventListener('click', () => follow.handOver(p.id));
          item.append(' ', give);
        }
        return item;
      }),
    );
    const ask = part<HTMLButtonElement>(panel, 'ask');
    ask.hidden = follow.isPresenter();
    ask.textContent = list.find((p) => p.id === me.id)?.ask ? t('people.asked') : t('panel.ask');
    panel.dataset['role'] = follow.isPresenter() ? 'presenter' : 'participant';
  };
  part(panel, 'ask').addEventListener('click', () => follow.ask(true), { signal });
  // Presence changes many times a second while the presenter moves (place, pointer): the lists are drawn
  // again only when who is here, their names, roles or requests change.
  let seen = '';
  onPresence(room, () => {
    const now = JSON.stringify(participants(room).map(({ id, name, following, ask }) => [id, name, following, ask]));
    if (now === seen) return;
    seen = now;
    people();
    render();
  });
  rounds.onChange(render);
  room.doc.getMap('meta').observe(people);

  const prompts = [...document.querySelectorAll('main .discussion .prompts li')];
  part(panel, 'prompts').hidden = !prompts.length;
  part(panel, 'prompt-list').replaceChildren(...prompts.map((li) => li.cloneNode(true)));
  if (document.querySelector('main')) bindNotes(room, part(panel, 'notes'), basePath(location.pathname));
  else part(panel, 'notes-part').hidden = true;

  const file = (kind: 'md' | 'json'): void => {
    const data = exportSession(room, rounds);
    const text = kind === 'json' ? JSON.stringify(data, null, 2) : sessionMarkdown(data, pageLang());
    saveFile(`glassbox-session-${session.code.slice(0, 5)}.${kind}`, new Blob([text], { type: kind === 'json' ? 'application/json' : 'text/markdown' }));
  };
  part(panel, 'export-md').addEventListener('click', () => file('md'), { signal });
  part(panel, 'export-json').addEventListener('click', () => file('json'), { signal });
  part(panel, 'leave').addEventListener(
    'click',
    () => {
      leaveSession();
      room.leave();
      panel.hidden = true;
      location.reload();
    },
    { signal },
  );

  void room.synced.then(() => {
    const meta = room.doc.getMap('meta');
    if (!meta.get('host')) room.doc.transact(() => (meta.set('host', me.id), meta.set('presenter', me.id), meta.set('created', Date.now())), room.local);
    widgets.start(following);
    follow.start();
    people();
    render();
    panel.dataset['synced'] = 'true';
  });
  return room;
}
