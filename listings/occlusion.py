import torch


def occlusion_map(model, image, c, patch=8, stride=4, grey=0.5):
    """Occlusion (Zeiler & Fergus 2014): d_c(p) = S_c(I) - S_c(I * (1 - M_p) + g M_p),
    with a grey patch M_p every `stride` pixels. image: [3, h, w]."""
    _, h, w = image.shape
    rows, cols = (h - patch) // stride + 1, (w - patch) // stride + 1
    masks = torch.zeros(rows * cols, 1, h, w)  # M_p: 1 inside patch p
    for r in range(rows):
        for q in range(cols):
            masks[r * cols + q, :, r * stride:r * stride + patch, q * stride:q * stride + patch] = 1
    occluded = image * (1 - masks) + grey * masks  # a copy per position
    with torch.no_grad():
        return (model(image[None])[0, c] - model(occluded)[:, c]).reshape(rows, cols)
