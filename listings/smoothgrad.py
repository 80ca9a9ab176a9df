import torch


def smooth_grad(model, image, c, n=50, spread=0.15, seed=0):
    """
    en: SmoothGrad (Smilkov et al. 2017): dS_c/dI averaged over n copies of the image
    en: with noise N(0, sigma^2), sigma = spread * (max - min), then mapped as a saliency map.
    ko: SmoothGrad(Smilkov 등, 2017): 잡음 N(0, sigma^2), sigma = spread * (max - min)을 더한
    ko: 이미지 사본 n개에서 dS_c/dI를 평균한 뒤 현저성 맵으로 나타낸다.
    """
    generator = torch.Generator().manual_seed(seed)
    sigma = spread * (image.max() - image.min())
    total = torch.zeros_like(image)
    for _ in range(n):
        noise = sigma * torch.randn(image.shape, generator=generator)
        x = (image + noise)[None].requires_grad_(True)  # I + eps_t
        model(x)[0, c].backward()
        total += x.grad[0]
    return (total / n).abs().amax(dim=0)
