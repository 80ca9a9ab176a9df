import { activeSession } from './session-settings.ts';

/**
 * On every page: only a reader who is in a peer session loads the session code
 * (Yjs, the provider, the panel); everyone else loads nothing more.
 */
const session = activeSession();
if (session) void import('./session-run.ts').then(({ runSession }) => runSession(session));
