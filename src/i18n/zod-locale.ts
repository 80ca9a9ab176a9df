import en from 'zod/v4/locales/en.js';
import ko from 'zod/v4/locales/ko.js';
import { z } from '~/engine/shared/zod.ts';
import { pageLang } from './lang.ts';

// Imported for its effect by the page code that shows a schema's complaint to the reader (an assignment link, a
// hand-in file, the builder's draft): zod then words its issues in the page's language (zod/mini has no words of
// its own, only "Invalid input").
z.config((pageLang() === 'ko' ? ko : en)());
