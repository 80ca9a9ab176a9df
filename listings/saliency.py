import torch


def saliency_map(model, image, c):
    """
    en: Saliency map (Simonyan et al. 2014): w = dS_c/dI, and
    en: M_ij = max over colour channels k of |w_kij|.
    ko: 현저성 맵(Simonyan 등, 2014): w = dS_c/dI이고,
    ko: M_ij = 색 채널 k에 대한 |w_kij|의 최댓값.
    """
    x = image[None].clone().requires_grad_(True)
    model(x)[0, c].backward()  # S_c
    return x.grad[0].abs().amax(dim=0)
