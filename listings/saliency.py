import torch


def saliency_map(model, image, c):
    """Saliency map (Simonyan et al. 2014): w = dS_c/dI, and
    M_ij = max over colour channels k of |w_kij|."""
    x = image[None].clone().requires_grad_(True)
    model(x)[0, c].backward()  # S_c
    return x.grad[0].abs().amax(dim=0)
