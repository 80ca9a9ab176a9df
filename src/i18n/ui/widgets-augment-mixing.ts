import { defineStrings } from '../strings.ts';

/**
 * The erasing and mixing widget (Cutout, Hide-and-Seek, Mixup, CutMix) and the Copy-Paste lab. The captions hold
 * no-break spaces (\u00a0): a size such as 64 × 64 or an equation such as λ = 0.8436 stays on one line.
 */
export default defineStrings(
  {
    // Shared
    seed: 'Seed ',
    outlines: ' Outlines and boxes',
    loadingEngineModel: 'Loading the engine and the model…',
    // MixingBatch
    'mixing.title': 'Cutout, Hide-and-Seek, Mixup and CutMix on a batch of two',
    'mixing.input': 'Input',
    'mixing.legend': 'Batch and seed',
    'mixing.imageA': 'Image A ',
    'mixing.imageB': 'Image B ',
    'mixing.newDraw': 'New draw',
    'mixing.settings': 'Settings',
    'mixing.cutoutSide': 'Cutout side = ',
    'mixing.grid': 'Hide-and-Seek grid',
    'mixing.tiles': 'The batch of two images under each method',
    'mixing.item': 'Item {n}',
    'mixing.tile': '{method}, item {n}',
    'mixing.histogram': 'Histogram of 2,000 draws of lambda from Beta(alpha, alpha)',
    'mixing.bars': 'Bars per class: ',
    'mixing.softLabel': 'soft label ỹ',
    'mixing.modelP': "objects-cnn's p",
    'mixing.caption':
      "Item 1 is a {a}, item 2 a {b}. Mixup and CutMix mix each item with the other. CutMix's box (dashed red) is " +
      '{w}\u00a0×\u00a0{h}\u00a0px = {share} of the 64\u00a0×\u00a064 image, pasted from the other item ' +
      '(the drawn λ\u00a0=\u00a0{lambda} asked for {asked}; {how}).',
    'mixing.clipped': 'the border clipped the box',
    'mixing.rounded': 'the box was rounded to whole pixels',
    'mixing.histCaption':
      '{draws} draws of λ ~ Beta({alpha}, {alpha}) from the seed; {ends} lie within 0.05 of 0 or 1. ' + "This batch's λ\u00a0=\u00a0{lambda} (red line).",
    'mixing.panel': '{method}, item 1',
    'mixing.panelBars': '{title}: soft label and predicted probability per class',
    'mixing.count': '↑ count',
    // CopyPasteLab
    'paste.title': 'Copy-Paste: objects with their masks, pasted into another scene',
    'paste.scenes': 'Scenes',
    'paste.target': 'Target (two objects), No. ',
    'paste.source': 'Source (three objects), No. ',
    'paste.pasting': 'Pasting',
    'paste.p': 'Probability of pasting each source object p = ',
    'paste.targetTile': "The target scene with its objects' masks and boxes",
    'paste.targetCaption': 'Target',
    'paste.sourceTile': 'The source scene; the objects drawn for pasting are outlined',
    'paste.sourceCaption': 'Source: objects drawn for pasting outlined',
    'paste.resultTile': "The result: pasted objects on top, the target's objects with their occluded masks and boxes",
    'paste.resultCaption': 'Result: masks and boxes after occlusion',
    'paste.fates': 'What happened to each object',
    'paste.object': 'Object',
    'paste.from': 'From',
    'paste.pixels': 'Pixels',
    'paste.box': 'Box [x0, y0, x1, y1)',
    'paste.fromTarget': 'target',
    'paste.fromSource': 'source',
    'paste.dropped': 'dropped',
  },
  {
    // Shared
    seed: '시드 ',
    outlines: ' 윤곽선과 박스',
    loadingEngineModel: '엔진과 모델을 불러오는 중…',
    // MixingBatch
    'mixing.title': '두 장짜리 배치에 적용한 Cutout, Hide-and-Seek, Mixup, CutMix',
    'mixing.input': '입력',
    'mixing.legend': '배치와 시드',
    'mixing.imageA': '이미지 A ',
    'mixing.imageB': '이미지 B ',
    'mixing.newDraw': '새로 뽑기',
    'mixing.settings': '설정',
    'mixing.cutoutSide': 'Cutout 한 변 = ',
    'mixing.grid': 'Hide-and-Seek 격자',
    'mixing.tiles': '방법마다 적용한 두 이미지의 배치',
    'mixing.item': '항목 {n}',
    'mixing.tile': '{method}, 항목 {n}',
    'mixing.histogram': 'Beta(alpha, alpha)에서 lambda를 2,000번 뽑은 히스토그램',
    'mixing.bars': '클래스별 막대: ',
    'mixing.softLabel': '소프트 레이블 ỹ',
    'mixing.modelP': 'objects-cnn의 p',
    'mixing.caption':
      '항목 1은 {a}, 항목 2는 {b}입니다. Mixup과 CutMix는 각 항목을 다른 항목과 섞습니다. CutMix의 박스(빨간 점선)는 ' +
      '{w}\u00a0×\u00a0{h}\u00a0px로 64\u00a0×\u00a064 이미지의 {share}이며, 다른 항목에서 붙여 넣었습니다' +
      '(뽑힌 λ\u00a0=\u00a0{lambda}에서 요구한 몫은 {asked}였고, {how}).',
    'mixing.clipped': '이미지 경계가 박스를 잘랐습니다',
    'mixing.rounded': '박스를 픽셀 단위로 반올림했습니다',
    'mixing.histCaption':
      '시드로 Beta({alpha}, {alpha})에서 λ를 {draws}번 뽑았고, 그중 {ends}가 0이나 1에서 0.05 이내에 있습니다. ' +
      '이 배치의 λ\u00a0=\u00a0{lambda}는 빨간 선입니다.',
    'mixing.panel': '{method}, 항목 1',
    'mixing.panelBars': '{title}: 클래스별 소프트 레이블과 예측 확률',
    'mixing.count': '↑ 개수',
    // CopyPasteLab
    'paste.title': 'Copy-Paste: 물체를 마스크와 함께 다른 장면에 붙여 넣기',
    'paste.scenes': '장면',
    'paste.target': '대상 (물체 두 개), 번호 ',
    'paste.source': '원본 (물체 세 개), 번호 ',
    'paste.pasting': '붙여 넣기',
    'paste.p': '원본 물체마다 붙여 넣을 확률 p = ',
    'paste.targetTile': '물체의 마스크와 박스를 표시한 대상 장면',
    'paste.targetCaption': '대상',
    'paste.sourceTile': '원본 장면. 붙여 넣으려고 뽑은 물체에 윤곽선을 그렸습니다',
    'paste.sourceCaption': '원본: 붙여 넣으려고 뽑은 물체에 윤곽선',
    'paste.resultTile': '결과: 붙여 넣은 물체가 위에 있고, 대상의 물체는 가려진 뒤의 마스크와 박스로 표시됩니다',
    'paste.resultCaption': '결과: 가려진 뒤의 마스크와 박스',
    'paste.fates': '물체마다 일어난 일',
    'paste.object': '물체',
    'paste.from': '출처',
    'paste.pixels': '픽셀',
    'paste.box': '박스 [x0, y0, x1, y1)',
    'paste.fromTarget': '대상',
    'paste.fromSource': '원본',
    'paste.dropped': '빠짐',
  },
);
