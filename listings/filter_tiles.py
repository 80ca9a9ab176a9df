import torch


def filter_tiles(conv):
    """
    en: First-layer filters as images: each weight drawn with 0 at mid grey and the
    en: filter's largest magnitude m at black or full colour,
    en: T^k_uvc = 1/2 + W^k_uvc / (2m),  m = max_uvc |W^k_uvc|.
    en: `conv` is a torch.nn.Conv2d (weight [K, 3, kh, kw]); the tiles are [K, kh, kw, 3].
    ko: 첫 층의 필터를 이미지로 그린다. 가중치 0은 중간 회색으로, 필터에서 가장 큰
    ko: 절댓값 m은 검정이나 완전한 색으로 그린다:
    ko: T^k_uvc = 1/2 + W^k_uvc / (2m),  m = max_uvc |W^k_uvc|.
    ko: `conv`는 torch.nn.Conv2d(가중치 [K, 3, kh, kw])이고, 타일은 [K, kh, kw, 3]이다.
    """
    # en: one filter per row
    # ko: 행마다 필터 하나
    W = conv.weight.detach().permute(0, 2, 3, 1)  # [K, kh, kw, 3]
    # en: each filter's largest magnitude
    # ko: 필터마다 가장 큰 절댓값
    m = W.abs().amax(dim=(1, 2, 3), keepdim=True)
    return 0.5 + W / (2 * m)
