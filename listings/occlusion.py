import torch


def occlusion_map(model, image, c, patch=8, stride=4, grey=0.5):
    """
    en: Occlusion (Zeiler & Fergus 2014): d_c(p) = S_c(I) - S_c(I * (1 - M_p) + g M_p),
    en: with a grey patch M_p every `stride` pixels. image: [3, h, w].
    ko: 가림(Zeiler & Fergus, 2014): d_c(p) = S_c(I) - S_c(I * (1 - M_p) + g M_p).
    ko: 회색 패치 M_p를 `stride` 픽셀마다 놓는다. image: [3, h, w].
    """
    _, h, w = image.shape
    rows, cols = (h - patch) // stride + 1, (w - patch) // stride + 1
    # en: M_p: 1 inside patch p
    # ko: M_p: 패치 p 안에서 1
    masks = torch.zeros(rows * cols, 1, h, w)
    for r in range(rows):
        for q in range(cols):
            masks[r * cols + q, :, r * stride:r * stride + patch, q * stride:q * stride + patch] = 1
    # en: a copy per position
    # ko: 위치마다 사본 하나
    occluded = image * (1 - masks) + grey * masks
    with torch.no_grad():
        return (model(image[None])[0, c] - model(occluded)[:, c]).reshape(rows, cols)
