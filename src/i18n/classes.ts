import type { Lang } from './lang.ts';

/** The datasets' class labels in Korean, for display only: labels stay English in states, ids and the engine. */
const KOREAN: Record<string, string> = {
  cat: '고양이',
  dog: '개',
  fish: '물고기',
  bird: '새',
  car: '자동차',
  apple: '사과',
  banana: '바나나',
  tree: '나무',
  house: '집',
  flower: '꽃',
  background: '배경',
  'T-shirt/top': '티셔츠/탑',
  Trouser: '바지',
  Pullover: '풀오버',
  Dress: '드레스',
  Coat: '코트',
  Sandal: '샌들',
  Shirt: '셔츠',
  Sneaker: '스니커즈',
  Bag: '가방',
  'Ankle boot': '앵클 부츠',
};

/** A class label as the reader's edition shows it. */
export function className(label: string, lang: Lang): string {
  return lang === 'ko' ? (KOREAN[label] ?? label) : label;
}
