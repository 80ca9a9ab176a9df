import { defineStrings } from '../strings.ts';

/** The Glassbox Objects gallery, and the class menu the scene widgets share (scene-view.ts). */
export default defineStrings(
  {
    // ObjectsGallery
    galleryTitle: 'Glassbox Objects: fresh samples from the generator',
    seed: 'Seed',
    newSamples: 'New samples',
    objectsPerImage: 'Objects per image',
    emojiStyle: 'Emoji style',
    trainingStyles: 'Training styles (Noto, Fluent)',
    unseenStyle: 'Unseen style (Twemoji)',
    maskOutlines: 'Mask outlines',
    boundingBoxes: 'Bounding boxes',
    gridLabel: 'Generated images with their labels',
    tileLabel: 'Generated image containing {names}',
    // The class menu of the scene widgets
    inTheImage: '{name} (in the image)',
  },
  {
    // ObjectsGallery
    galleryTitle: 'Glassbox Objects: 생성기에서 새로 뽑은 샘플',
    seed: '시드',
    newSamples: '새 샘플',
    objectsPerImage: '이미지당 물체 수',
    emojiStyle: '이모지 스타일',
    trainingStyles: '학습 스타일 (Noto, Fluent)',
    unseenStyle: '처음 보는 스타일 (Twemoji)',
    maskOutlines: '마스크 윤곽선',
    boundingBoxes: '경계 박스',
    gridLabel: '생성된 이미지와 그 레이블',
    tileLabel: '생성된 이미지: {names}',
    // The class menu of the scene widgets
    inTheImage: '{name} (이미지에 있음)',
  },
);
