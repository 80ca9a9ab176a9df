import torch


def class_visualization(model, start, c, lam, eta, steps, offset=0.5):
    """Class visualization (Simonyan et al. 2014): I* = argmax_I S_c(I) - lambda ||I||_2^2, by
    gradient ascent on the image from `start`, the weights fixed:
    I <- I + eta grad_I (S_c(I) - lambda ||I||_2^2). The network sees I + offset (the lesson's 1/2: I counts from mid-grey)."""
    image = start.clone()
    for _ in range(steps):
        x = image.clone().requires_grad_(True)
        (model(x[None] + offset)[0, c] - lam * (x**2).sum()).backward()
        image = image + eta * x.grad
    return image
