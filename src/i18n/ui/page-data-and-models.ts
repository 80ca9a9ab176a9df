import { defineStrings } from '../strings.ts';

/** The appendix on the course's data and models, and its tables of the models' cards (ModelCards.astro). */
export default defineStrings(
  {
    title: "The course's data and models",
    description:
      'The two datasets Glassbox trains on, Fashion-MNIST and the synthetic Glassbox Objects, and the models trained on them, with their measured accuracy.',
    kicker: 'Appendix',
    lead: 'Every heatmap in this book is computed on a network the project trained itself, from data it can regenerate. This appendix shows both, so you can judge the models before you judge their explanations.',
    // Glassbox Objects
    objectsTitle: 'Glassbox Objects, a synthetic dataset (합성 데이터)',
    objects:
      'Explanation methods are hard to grade on photographs, because nobody knows exactly which pixels <em>are</em> the cat. So the book makes its own images. Ten everyday classes are drawn from open emoji sets, pasted at a random position, size, rotation and mirror image onto a procedural texture or a crop of a public-domain photo, and every pasted object keeps its exact mask and bounding box. Later lessons use those masks to measure how often a heatmap points at the right object. One emoji style (Twemoji) is never used in training: it tests whether a model learned "cat" or merely one artist\'s cat.',
    generator:
      'The generator is a single pure function of a seed, the same code in the training scripts and in this page: the grid below is generated in your browser as you watch, never downloaded.',
    // Fashion-MNIST
    fashion:
      'Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017) has 70,000 greyscale 28×28 photos of clothing in ten classes; it was designed as a harder drop-in for handwritten digits. The book trains on its 60,000 training images and ships a slice of the test set for the widgets:',
    spriteAlt: 'A sheet of Fashion-MNIST test images: shirts, trousers, shoes, bags and dresses',
    spriteCaption: 'The committed Fashion-MNIST test slice, as one sprite sheet (MIT licence).',
    // The models
    modelsTitle: 'The models',
    models:
      'All of them are small VGG-style networks: blocks of 3×3 convolutions with ReLU, max pooling, then global average pooling and one dense layer, which makes them CAM-compatible. Accuracy is measured on data no model trained on: the Fashion-MNIST test split, and Glassbox Objects streams with seeds the training never used. A unit test reloads each model and re-measures these numbers on every CI run.',
    lab: "The two <code>objects-lab</code> models come from the augmentation experiment: objects-cnn's layout at half the channels, trained for 12 passes over a fixed set of 2,048 scenes, once with random flips and crops and once without augmentation, from the same seed (2), so the two differ by the augmentation alone. Of the three seeds the experiment ran, this is the one at which the flips-and-crops model scored highest on the pointing game; their figures are those of the experiment's protocol (500 held-out images, 500 of the unseen style). Choose either in the Grad-CAM explorer, the scene composer or the method table to compare their heatmaps on the same scene.",
    vit: '<code>objects-vit</code> is a Vision Transformer (Dosovitskiy et al. 2021) at the same toy scale: the image cut into 64 patches of 8 × 8 pixels, each one a token, a CLS token for the answer, and four blocks of self-attention with four heads. It has no global average pooling, so its pointing-game columns use the map made for attention instead: the gradient-weighted attention rollout of the object\'s class (Chefer et al. 2021) over the 8 × 8 patches, enlarged to the image as the CAM is. Plain attention rollout (Abnar &amp; Zuidema 2020), which gives every object of a scene the same map because it does not depend on the class, scores 38.7 % on the exact mask: it can hit at most one object of each scene. The lesson <a href="{href}">Attention in a Vision Transformer</a> shows its attention head by head and scores both maps beside objects-cnn\'s Grad-CAM.',
    segmenter:
      '<code>objects-segmenter</code> labels every pixel instead of the image: a small fully convolutional network with skip connections (a mini U-Net, Ronneberger et al. 2015) trained on the exact masks, scored by the intersection over union of each class on the pointing game\'s 500 held-out scenes (the last table below). The lesson <a href="{href}">Labelling every pixel</a> shows its label maps beside the truth.',
    gan: '<code>objects-gan</code> draws instead of reading: a small DCGAN (Radford et al. 2016) whose generator turns 64 random numbers into a 32 × 32 scene of one large object on a flat or graded background, trained against a discriminator on such scenes. Its table below reports what objects-cnn makes of 1,000 of its samples, and a Fréchet distance between objects-cnn\'s pooled features of those samples and of real scenes drawn the same way (FID\'s statistic on our own classifier\'s features, so comparable only within this book), beside the distance between two real sets of that size. The lesson <a href="{ganHref}">Inside a generator</a> dissects it with objects-segmenter, and the <a href="{classVizHref}">class-visualization lesson</a> climbs objects-cnn\'s class scores through it.',
    pointing:
      'The pointing game asks, for every object of a scene with two or three objects, whether the peak of the class activation map (CAM) for that object\'s class lies on the object. The card reports it twice: with the peak required on the exact mask, and within 2 pixels of it (Zhang et al. forgive 15 pixels on photographs about 500 pixels wide; scaled to our 64-pixel scenes that is 2), the tolerance the lessons use too. The second table splits the exact-mask score by class. Cats and birds are the hard cases, even alone in an image: the map for "bird" peaks at the thin legs and feet, the map for "cat" at the whiskers, and the peak falls between those strokes, on background a pixel or two from the mask. A finer map would not help: evaluating the network at every pixel instead of every fourth (shifting the input and stitching the maps together) scores no better. The misses are where the model\'s evidence is.',
    gallery:
      'Below, the same held-out scenes the card was measured on, explained live in your browser; the lessons on explaining a decision take these maps apart.',
    // The model cards' tables (ModelCards.astro)
    'cards.none': 'No model has been trained yet: run <code>npm run train -- &lt;model&gt;</code>.',
    'cards.model': 'Model',
    'cards.data': 'Data',
    'cards.heldOut': 'Held-out accuracy (images)',
    'cards.unseenEmoji': 'Unseen emoji style',
    'cards.pointingExact': 'Pointing game, exact mask',
    'cards.pointingTolerant': 'Pointing game, within {px} px',
    'cards.parameters': 'Parameters (weights)',
    'cards.trained': 'Trained on 2 cores',
    'cards.training': 'seed {seed}, {epochs} epochs, {minutes} min ({date})',
    'cards.byClassCaption': 'Pointing game on the exact mask, class by class',
    'cards.segmenterCaption': 'Segmentation: IoU per label on the 500 held-out scenes of 2-3 objects (mean over the ten classes)',
    'cards.meanIoU': 'Mean IoU',
    'cards.unseenStyle': 'Unseen style',
    'cards.pixelAccuracy': 'Pixel accuracy',
    'cards.generatorsCaption': 'Generators: what objects-cnn makes of their samples',
    'cards.recognised': 'Samples recognised (objects-cnn, p ≥ {p})',
    'cards.frechet': 'Fréchet distance to real scenes (between two real sets)',
    'cards.recognisedOf': '{percent} of {count}',
    // The datasets' short names, as the cards give them (card.json's data.dataset up to its first colon or comma)
    'cards.datasetObjects': 'Glassbox Objects (synthetic, this project)',
    'cards.datasetFashion': 'Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017)',
  },
  {
    title: '이 강의의 데이터와 모델',
    description: 'Glassbox가 학습에 쓰는 두 데이터셋인 Fashion-MNIST와 합성 데이터셋 Glassbox Objects, 그리고 그 데이터로 학습한 모델과 측정한 정확도.',
    kicker: '부록',
    lead: '이 책의 모든 히트맵은 이 프로젝트가 직접 학습한 네트워크로, 언제든 다시 만들 수 있는 데이터에서 계산합니다. 이 부록에서는 그 둘을 모두 보여 줍니다. 모델의 설명을 판단하기 전에 모델부터 판단할 수 있도록 말입니다.',
    objectsTitle: 'Glassbox Objects: 합성 데이터셋',
    objects:
      '사진으로는 설명 방법을 채점하기 어렵습니다. 어느 픽셀이 <em>정확히</em> 고양이인지 아는 사람이 없기 때문입니다. 그래서 이 책은 이미지를 직접 만듭니다. 공개 이모지 세트에서 일상적인 클래스 열 개를 가져와, 위치, 크기, 회전, 좌우 반전을 무작위로 정해 절차적으로 만든 텍스처나 퍼블릭 도메인 사진의 일부 위에 붙입니다. 붙인 물체마다 정확한 마스크와 경계 박스가 함께 남습니다. 뒤의 레슨은 이 마스크로 히트맵이 얼마나 자주 올바른 물체를 가리키는지 측정합니다. 이모지 스타일 하나(Twemoji)는 학습에 전혀 쓰지 않습니다. 모델이 "고양이"를 배웠는지, 아니면 한 작가가 그린 고양이만 배웠는지 시험하기 위해서입니다.',
    generator:
      '생성기는 시드 하나를 받는 순수 함수 하나이고, 학습 스크립트와 이 페이지가 같은 코드를 씁니다. 아래 격자는 내려받은 것이 아니라, 보고 있는 동안 여러분의 브라우저에서 생성됩니다.',
    fashion:
      'Fashion-MNIST(Xiao, Rasul, Vollgraf, 2017)는 열 개 클래스의 옷을 찍은 28×28 흑백 사진 70,000장으로, 손글씨 숫자 데이터셋을 그대로 대신할 수 있는 더 어려운 데이터셋으로 만들어졌습니다. 이 책은 학습 이미지 60,000장으로 모델을 학습하고, 위젯에서 쓸 테스트 세트의 일부를 함께 싣습니다.',
    spriteAlt: 'Fashion-MNIST 테스트 이미지를 모은 시트: 셔츠, 바지, 신발, 가방, 드레스',
    spriteCaption: '저장소에 들어 있는 Fashion-MNIST 테스트 이미지 일부를 스프라이트 시트 한 장에 담은 것(MIT 라이선스).',
    modelsTitle: '모델',
    models:
      '모두 작은 VGG 스타일 네트워크입니다. ReLU를 쓰는 3×3 합성곱 블록과 최대 풀링 뒤에 전역 평균 풀링과 밀집층 하나가 이어지므로, CAM을 그대로 적용할 수 있습니다. 정확도는 어떤 모델도 학습에 쓰지 않은 데이터로 측정합니다. Fashion-MNIST의 테스트 세트, 그리고 학습에 한 번도 쓰지 않은 시드로 만든 Glassbox Objects 이미지입니다. CI가 돌 때마다 단위 테스트가 각 모델을 다시 불러와 이 수치를 다시 측정합니다.',
    lab: '두 <code>objects-lab</code> 모델은 증강 실험에서 나왔습니다. objects-cnn과 같은 구조에 채널 수를 절반으로 줄이고, 고정된 장면 2,048개로 12 에폭 학습했습니다. 한 번은 무작위 뒤집기와 자르기를 써서, 한 번은 증강 없이, 같은 시드(2)에서 학습했으므로 두 모델의 차이는 증강뿐입니다. 실험에서 돌린 세 시드 가운데, 뒤집기와 자르기를 쓴 모델이 포인팅 게임에서 가장 높은 점수를 낸 시드가 이것입니다. 수치는 실험 프로토콜(홀드아웃 이미지 500장, 처음 보는 스타일 이미지 500장)을 따릅니다. Grad-CAM 탐색기, 장면 구성기, 방법 표에서 둘 중 하나를 골라 같은 장면의 히트맵을 비교해 보세요.',
    vit: '<code>objects-vit</code>는 같은 장난감 규모의 비전 트랜스포머(Dosovitskiy 외 2021)입니다. 이미지를 8 × 8 픽셀 패치 64개로 잘라 패치 하나를 토큰 하나로 삼고, 답을 내는 CLS 토큰을 더해, 헤드가 네 개인 셀프 어텐션 블록 네 개에 통과시킵니다. 전역 평균 풀링이 없으므로 포인팅 게임 열에는 어텐션을 위해 만든 맵을 대신 씁니다. 8 × 8 패치에 대해 구한, 물체 클래스의 그래디언트 가중 어텐션 롤아웃(Chefer 외 2021)을 CAM처럼 이미지 크기로 키운 맵입니다. 평범한 어텐션 롤아웃(Abnar &amp; Zuidema 2020)은 클래스에 의존하지 않아 한 장면의 모든 물체에 같은 맵을 주므로, 정확한 마스크 기준으로 38.7 %에 그칩니다. 장면마다 물체를 많아야 하나만 맞힐 수 있기 때문입니다. <a href="{href}">비전 트랜스포머의 어텐션</a> 레슨은 이 모델의 어텐션을 헤드별로 보여 주고, 두 맵을 objects-cnn의 Grad-CAM과 나란히 채점합니다.',
    segmenter:
      '<code>objects-segmenter</code>는 이미지 전체가 아니라 픽셀 하나하나에 레이블을 붙입니다. 스킵 연결이 있는 작은 완전 합성곱 네트워크(작은 U-Net, Ronneberger 외 2015)로, 정확한 마스크로 학습했고, 포인팅 게임과 같은 홀드아웃 장면 500개에서 클래스별 IoU(교집합 대 합집합 비)로 채점합니다(아래 분할 표). <a href="{href}">모든 픽셀에 레이블 붙이기</a> 레슨에서 이 모델의 레이블 맵을 정답과 나란히 볼 수 있습니다.',
    gan: '<code>objects-gan</code>은 이미지를 읽는 대신 그립니다. 작은 DCGAN(Radford 외 2016)으로, 생성자가 무작위 수 64개를 단색이나 그러데이션 배경 위에 큰 물체 하나가 있는 32 × 32 장면으로 바꾸며, 그런 장면을 보는 판별자와 맞서며 학습했습니다. 아래 표는 이 모델의 샘플 1,000개를 objects-cnn이 무엇으로 보는지 보여 주고, 그 샘플들과 같은 방식으로 뽑은 실제 장면들에 대해 objects-cnn의 풀링된 특징 사이의 프레셰 거리(Fréchet distance)를 같은 크기의 실제 장면 두 세트 사이의 거리와 나란히 적습니다(FID의 통계량을 이 책의 분류기 특징에 적용한 것이므로, 이 책 안에서만 비교할 수 있습니다). <a href="{ganHref}">생성자의 내부</a> 레슨은 objects-segmenter로 이 모델을 해부하고, <a href="{classVizHref}">클래스 시각화 레슨</a>은 이 모델을 거쳐 objects-cnn의 클래스 점수를 끌어올립니다.',
    pointing:
      '포인팅 게임은 물체가 두세 개 있는 장면의 물체마다, 그 물체의 클래스에 대한 클래스 활성화 맵(CAM)의 최고점이 물체 위에 있는지를 묻습니다. 카드에는 이 점수를 두 번 적습니다. 최고점이 정확한 마스크 위에 있어야 하는 경우와, 마스크에서 2픽셀 이내면 되는 경우입니다(Zhang 외는 폭이 약 500픽셀인 사진에서 15픽셀을 허용합니다. 이를 64픽셀 장면에 맞추면 2픽셀이며, 레슨에서도 이 허용 오차를 씁니다). 두 번째 표는 정확한 마스크 기준 점수를 클래스별로 나눈 것입니다. 고양이와 새는 이미지에 혼자 있어도 어려운 경우입니다. "새"의 맵은 가는 다리와 발에서, "고양이"의 맵은 수염에서 최고점을 찍는데, 그 최고점이 가는 획 사이, 곧 마스크에서 한두 픽셀 떨어진 배경에 놓입니다. 더 촘촘한 맵도 도움이 되지 않습니다. 네 픽셀마다가 아니라 모든 픽셀에서 네트워크를 평가해도(입력을 옮겨 가며 얻은 맵을 이어 붙여도) 점수는 나아지지 않습니다. 빗나간 곳이 바로 모델의 근거가 있는 곳입니다.',
    gallery:
      '아래는 카드의 수치를 측정한 바로 그 홀드아웃 장면들을, 여러분의 브라우저에서 실시간으로 설명한 것입니다. 모델 결정을 설명하는 레슨들에서 이 맵들을 하나하나 뜯어봅니다.',
    'cards.none': '아직 학습한 모델이 없습니다. <code>npm run train -- &lt;model&gt;</code>을 실행하세요.',
    'cards.model': '모델',
    'cards.data': '데이터',
    'cards.heldOut': '홀드아웃 정확도(이미지 수)',
    'cards.unseenEmoji': '처음 보는 이모지 스타일',
    'cards.pointingExact': '포인팅 게임, 정확한 마스크',
    'cards.pointingTolerant': '포인팅 게임, {px} px 이내',
    'cards.parameters': '매개변수 수(가중치 크기)',
    'cards.trained': '2코어에서 학습',
    'cards.training': '시드 {seed}, {epochs} 에폭, {minutes}분 ({date})',
    'cards.byClassCaption': '정확한 마스크 기준 포인팅 게임, 클래스별',
    'cards.segmenterCaption': '분할: 물체가 2~3개인 홀드아웃 장면 500개에서 레이블별 IoU (평균은 열 개 클래스에 대한 평균)',
    'cards.meanIoU': '평균 IoU',
    'cards.unseenStyle': '처음 보는 스타일',
    'cards.pixelAccuracy': '픽셀 정확도',
    'cards.generatorsCaption': '생성자: 샘플을 objects-cnn이 무엇으로 보는가',
    'cards.recognised': '인식된 샘플(objects-cnn, p ≥ {p})',
    'cards.frechet': '실제 장면과의 프레셰 거리(실제 장면 두 세트 사이의 거리)',
    'cards.recognisedOf': '{count}개 중 {percent}',
    'cards.datasetObjects': 'Glassbox Objects (합성, 이 프로젝트)',
    'cards.datasetFashion': 'Fashion-MNIST (Xiao, Rasul, Vollgraf, 2017)',
  },
);
