import torch


def top_patches(features, images, c, k):
    """
    en: Maximally activating patches (Zeiler & Fergus 2014): for channel c, each
    en: image's strongest unit m_n = max_uv A_n[c, u, v] and where it is; the k
    en: images with the largest m_n are the channel's top patches (crop each at the
    en: unit's receptive field to see it).
    ko: 최대 활성화 패치(Zeiler & Fergus, 2014): 채널 c에 대해 이미지마다 가장 강한
    ko: 유닛 m_n = max_uv A_n[c, u, v]와 그 위치를 구한다. m_n이 가장 큰 이미지 k장이
    ko: 그 채널의 상위 패치다(보려면 각 이미지에서 그 유닛의 수용 영역을
    ko: 잘라 낸다).
    """
    with torch.no_grad():
        maps = features(images)[:, c]  # A_n[c, u, v]: [n, u, v]
        flat = maps.flatten(1)
        # en: the k images with the largest m_n
        # ko: m_n이 가장 큰 이미지 k장
        values, indices = flat.amax(dim=1).topk(k)
        # en: each one's strongest unit, row-major
        # ko: 각 이미지에서 가장 강한 유닛, 행 우선 인덱스
        where = flat.argmax(dim=1)[indices]
    return indices, where // maps.shape[2], where % maps.shape[2], values
