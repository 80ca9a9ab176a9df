import { defineStrings } from '../strings.ts';

/** The one boot script of every widget: what a widget says when its module cannot be loaded. */
export default defineStrings(
  { loadFailed: 'This widget could not be loaded ({message}); reloading the page may help.' },
  { loadFailed: '이 위젯을 불러오지 못했습니다. {message} 페이지를 새로 고치면 해결될 수 있습니다.' },
);
