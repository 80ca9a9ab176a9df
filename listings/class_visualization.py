import torch


def class_visualization(model, start, c, lam, eta, steps, offset=0.5):
    """
    en: Class visualization (Simonyan et al. 2014): I* = argmax_I S_c(I) - lambda ||I||_2^2, by
    en: gradient ascent on the image from `start`, the weights fixed:
    en: I <- I + eta grad_I (S_c(I) - lambda ||I||_2^2). The network sees I + offset (the lesson's 1/2: I counts from mid-grey).
    ko: 클래스 시각화(Simonyan 등, 2014): I* = argmax_I S_c(I) - lambda ||I||_2^2. 가중치를 고정한 채
    ko: `start`에서 시작해 이미지에 경사 상승법을 적용한다:
    ko: I <- I + eta grad_I (S_c(I) - lambda ||I||_2^2). 네트워크는 I + offset을 본다(레슨의 1/2: I는 중간 회색을 기준으로 잰다).
    """
    image = start.clone()
    for _ in range(steps):
        x = image.clone().requires_grad_(True)
        (model(x[None] + offset)[0, c] - lam * (x**2).sum()).backward()
        image = image + eta * x.grad
    return image
