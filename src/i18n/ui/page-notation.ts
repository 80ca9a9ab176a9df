import { defineStrings } from '../strings.ts';

/** The notation page (the symbols' meanings themselves are in src/lib/notation.ts). */
export default defineStrings(
  {
    title: 'Notation',
    description:
      'The symbols the lessons use, what each stands for, and the lessons that use it; with the letters that mean different things in different lessons.',
    kicker: 'Appendix',
    lead: 'The lessons write each method the way its paper does, so that you can read the paper next. This page collects the symbols, what each stands for and where it is used. A few letters carry different meanings in different lessons; they are listed together at the end.',
    // The table of each group
    symbol: 'Symbol',
    meaning: 'Meaning, and the lessons that use it',
    // Letters with several meanings
    overloadedTitle: 'One letter, several meanings',
    overloadedLead: 'Each of these letters means one thing within a lesson; across lessons, read it by the lesson you are in.',
  },
  {
    title: '표기법',
    description: '레슨에서 쓰는 기호와 각 기호의 뜻, 그 기호를 쓰는 레슨을 정리했습니다. 레슨마다 다른 뜻으로 쓰이는 글자도 함께 모았습니다.',
    kicker: '부록',
    lead: '레슨은 각 방법을 그 논문과 같은 방식으로 적습니다. 그래야 레슨 다음에 논문을 바로 읽을 수 있습니다. 이 페이지에는 기호와 각 기호의 뜻, 그리고 그 기호가 쓰이는 곳을 모았습니다. 몇몇 글자는 레슨마다 뜻이 다른데, 이런 글자는 마지막에 따로 정리했습니다.',
    symbol: '기호',
    meaning: '뜻과 그 기호를 쓰는 레슨',
    overloadedTitle: '한 글자, 여러 뜻',
    overloadedLead: '아래 글자는 한 레슨 안에서는 한 가지 뜻으로만 쓰입니다. 레슨이 달라지면 지금 읽고 있는 레슨의 뜻으로 읽으세요.',
  },
);
