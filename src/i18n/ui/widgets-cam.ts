import { defineStrings } from '../strings.ts';

/** The CAM widgets: the heat legend, the CAM builder, the CAM gallery and the Grad-CAM explorer. */
export default defineStrings(
  {
    // Shared
    loadingEngineModel: 'Loading the engine and the model…',
    class: 'Class',
    imageOutlines: 'Image, object outlines',
    // HeatLegend
    heatNote: 'map value, scaled to [0, 1]; low values leave the image visible',
    // CamBuilder
    builderTitle: 'Building a class activation map, one channel at a time',
    builderLegend: 'Class and sum',
    channelsSummed: 'Channels summed:',
    all: 'all',
    summedAll: 'all {n}',
    summedSome: '{n} of {total}',
    summedHelp: 'Channels are added in order of w<sub>k</sub><sup>c</sup> F<sub>k</sub>, their share of the class score.',
    channelsLabel: 'The channels that add most to the class score',
    partialCaption: 'Sₙ, the sum of the first n weighted maps',
    overlayCaption: 'ReLU(Sₙ), upsampled over the image',
    builderWhere: 'Point at the sum S<sub>n</sub> to read its value at one position.',
    cellExplain:
      'S<sub>{n}</sub>({i}, {j}) = {value}, the sum of the first {n} weighted maps at row {i}, column {j}; this cell covers {size} × {size} pixels of the image.',
    channelLabel: 'Channel {k}, weight {w}',
    score:
      'Σ<sub>first {n} of {total}</sub> w<sub>k</sub><sup>c</sup> F<sub>k</sub> = <strong>{partial}</strong>' +
      ' (all {total}: {all}; plus the bias b<sub>c</sub> = {bias} gives {withBias},' +
      " and the model's logit is y<sup>c</sup> = {logit}). The mean of S<sub>n</sub> over the map is this same partial sum.",
    // CamGallery
    galleryTitle: 'Where objects-cnn looks: CAM on held-out scenes',
    firstScene: 'First scene',
    nextScenes: 'Next scenes',
    galleryKey: "Outline: the object's true mask · ✚ the CAM's peak · <strong>hit</strong> when the peak falls inside the mask",
    galleryRows: 'Held-out scenes with one CAM per object',
    objectCaption: '“{name}”: ',
    hit: 'hit',
    miss: 'miss',
    camFor: 'CAM for {caption}',
    // GradCamExplorer
    explorerTitle: 'Grad-CAM at any layer, with its alphas',
    explorerLegend: 'Model, class and layer',
    layer: 'Layer',
    guidedCaption: 'Guided Grad-CAM (|G|, top 1% clipped)',
    alphasIntro: 'Channel weights α<sub>k</sub><sup>c</sup> = mean over positions of ∂y<sup>c</sup>/∂A<sup>k</sup>, largest and smallest:',
    detailsTiming:
      'Grad-CAM on screen {heatmap} ms after the change; Guided Grad-CAM and the CAM check after {total} ms (they wait until class and layer have stayed put for {wait} ms after the heatmap).',
    layerOption: '{name} ({type}, {shape})',
    layerOptionPooled: '{name} ({type}, {shape}, read by the pooling)',
    fromShape: 'from {h} × {w} × {k}',
    logitScore: 'y<sup>c</sup> = {logit}, softmax p<sup>c</sup> = {p}',
    largest: 'largest {n} of {total}',
    smallest: 'smallest {n}',
    agreement:
      'CAM against Grad-CAM at <code>{layer}</code>, the layer global average pooling reads (Z = {z} positions): ' +
      'largest difference of the two maps scaled to [0, 1] = <strong>{mapGap}</strong>; ' +
      'largest |Z α<sub>k</sub><sup>c</sup> − w<sub>k</sub><sup>c</sup>| = <strong>{weightGap}</strong>. ' +
      'Through the pooling, ∂y<sup>c</sup>/∂A<sup>k</sup><sub>ij</sub> = w<sub>k</sub><sup>c</sup>/Z at every position, so the two methods weigh the channels alike.',
  },
  {
    // Shared
    loadingEngineModel: '엔진과 모델을 불러오는 중…',
    class: '클래스',
    imageOutlines: '이미지와 물체 윤곽선',
    // HeatLegend
    heatNote: '[0, 1]로 조정한 맵 값. 값이 낮은 곳은 이미지가 그대로 보입니다',
    // CamBuilder
    builderTitle: '채널을 하나씩 더해 만드는 클래스 활성화 맵',
    builderLegend: '클래스와 합',
    channelsSummed: '더한 채널:',
    all: '전체',
    summedAll: '전체 {n}개',
    summedSome: '{total}개 중 {n}개',
    summedHelp: '채널은 클래스 점수에서 차지하는 몫 w<sub>k</sub><sup>c</sup> F<sub>k</sub>가 큰 순서대로 더해집니다.',
    channelsLabel: '클래스 점수에 가장 크게 기여하는 채널',
    partialCaption: 'Sₙ, 가중치를 곱한 처음 n개 맵의 합',
    overlayCaption: 'ReLU(Sₙ), 이미지 크기로 업샘플링',
    builderWhere: '합 S<sub>n</sub>의 한 위치를 가리키면 그 위치의 값을 읽을 수 있습니다.',
    cellExplain:
      'S<sub>{n}</sub>({i}, {j}) = {value}: {i}행 {j}열에서 가중치를 곱한 처음 {n}개 맵의 합입니다. 이 칸은 이미지의 {size} × {size} 픽셀을 덮습니다.',
    channelLabel: '채널 {k}, 가중치 {w}',
    score:
      'Σ<sub>{total}개 중 처음 {n}개</sub> w<sub>k</sub><sup>c</sup> F<sub>k</sub> = <strong>{partial}</strong>' +
      ' (전체 {total}개: {all}. 여기에 편향 b<sub>c</sub> = {bias}를 더하면 {withBias}이고,' +
      ' 모델의 로짓은 y<sup>c</sup> = {logit}입니다). 맵 전체에 대한 S<sub>n</sub>의 평균이 바로 이 부분합입니다.',
    // CamGallery
    galleryTitle: 'objects-cnn은 어디를 보는가: 홀드아웃 장면의 CAM',
    firstScene: '첫 장면',
    nextScenes: '다음 장면',
    galleryKey: '윤곽선: 물체의 실제 마스크 · ✚ CAM의 최댓값 위치 · 최댓값이 마스크 안에 떨어지면 <strong>적중</strong>',
    galleryRows: '물체마다 CAM을 하나씩 보여 주는 홀드아웃 장면',
    objectCaption: '“{name}”: ',
    hit: '적중',
    miss: '빗나감',
    camFor: 'CAM 히트맵: {caption}',
    // GradCamExplorer
    explorerTitle: '원하는 층에서 보는 Grad-CAM과 알파',
    explorerLegend: '모델, 클래스, 층',
    layer: '층',
    guidedCaption: '가이드 Grad-CAM (|G|, 상위 1% 잘라냄)',
    alphasIntro: '채널 가중치 α<sub>k</sub><sup>c</sup> = 위치에 대한 ∂y<sup>c</sup>/∂A<sup>k</sup>의 평균. 가장 큰 값과 가장 작은 값:',
    detailsTiming:
      '변경 후 {heatmap} ms 만에 Grad-CAM이 화면에 나왔고, 가이드 Grad-CAM과 CAM 확인은 {total} ms 뒤에 나왔습니다(히트맵이 나온 뒤 클래스와 층이 {wait} ms 동안 그대로일 때까지 기다립니다).',
    layerOption: '{name} ({type}, {shape})',
    layerOptionPooled: '{name} ({type}, {shape}, 풀링이 읽는 층)',
    fromShape: '{h} × {w} × {k}에서',
    logitScore: 'y<sup>c</sup> = {logit}, 소프트맥스 p<sup>c</sup> = {p}',
    largest: '전체 {total}개 중 가장 큰 {n}개',
    smallest: '가장 작은 {n}개',
    agreement:
      '전역 평균 풀링이 읽는 층 <code>{layer}</code>에서 CAM과 Grad-CAM 비교(Z = 위치 {z}개): ' +
      '[0, 1]로 조정한 두 맵의 최대 차이 = <strong>{mapGap}</strong>, ' +
      '최대 |Z α<sub>k</sub><sup>c</sup> − w<sub>k</sub><sup>c</sup>| = <strong>{weightGap}</strong>. ' +
      '풀링을 거치면 모든 위치에서 ∂y<sup>c</sup>/∂A<sup>k</sup><sub>ij</sub> = w<sub>k</sub><sup>c</sup>/Z이므로, 두 방법은 채널에 같은 가중치를 줍니다.',
  },
);
