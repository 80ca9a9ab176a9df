import { defineStrings } from '../strings.ts';

/** The attributions page (each asset's use in Korean is content/attributions.json's usedForKo). */
export default defineStrings(
  {
    title: 'Attributions and licences',
    description: 'Every dataset, image, model and library this book uses, with its author and licence.',
    lead: 'Glassbox uses only material whose licence allows reuse without share-alike or non-commercial terms. Everything below is served from this site; nothing is fetched from anywhere else while you read.',
    // The table's columns
    asset: 'Asset',
    author: 'Author / source',
    licence: 'Licence',
    usedFor: 'Used for',
  },
  {
    title: '출처와 라이선스',
    description: '이 책이 쓰는 모든 데이터셋, 이미지, 모델, 라이브러리를 저작자와 라이선스와 함께 정리했습니다.',
    lead: 'Glassbox는 동일조건변경허락(share-alike)이나 비영리 조건 없이 재사용할 수 있는 라이선스의 자료만 씁니다. 아래의 모든 자료는 이 사이트에서 제공되며, 책을 읽는 동안 다른 곳에서 가져오는 것은 없습니다.',
    asset: '자료',
    author: '저작자 / 출처',
    licence: '라이선스',
    usedFor: '쓰이는 곳',
  },
);
