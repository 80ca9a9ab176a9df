import { defineStrings } from '../strings.ts';

/** The glossary page. */
export default defineStrings(
  {
    title: 'Glossary',
    description: 'Every key term of the book in English and Korean, with its definition and the lesson that introduces it.',
    kicker: 'Appendix',
    lead: 'Every key term the lessons list, in English and in Korean, with the definition the book gives it and the lesson that introduces it ({n} terms). The Korean names are the ones used in Korean courses; the <a href="{href}" hreflang="{other}" data-language-switch>Korean edition</a> of this page gives the definitions in Korean.',
    term: 'Term',
    otherName: 'Korean',
    definition: 'Definition',
    introduced: 'Introduced in',
    alsoIn: 'also in',
  },
  {
    title: '용어집',
    description: '이 책의 모든 핵심 용어를 한국어와 영어로, 정의와 그 용어를 처음 소개하는 레슨과 함께 정리했습니다.',
    kicker: '부록',
    lead: '레슨마다 정리한 핵심 용어를 한국어와 영어로, 이 책의 정의와 그 용어를 처음 소개하는 레슨과 함께 모았습니다(모두 {n}개). <a href="{href}" hreflang="{other}" data-language-switch>영어판</a> 용어집에는 영어 정의가 있습니다.',
    term: '용어',
    otherName: '영어',
    definition: '정의',
    introduced: '처음 나오는 레슨',
    alsoIn: '다른 레슨',
  },
);
