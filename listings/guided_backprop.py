import torch


def guided_backprop(model, image, c):
    """
    en: Guided backpropagation (Springenberg et al. 2015): dS_c/dI with every ReLU
    en: passing back R_in = [z > 0] [R > 0] R. ReLU's own backward applies [z > 0] and
    en: the hook clamps the result; the ReLUs must be nn.ReLU modules, not in place.
    ko: 가이드 역전파(Springenberg 등, 2015): 모든 ReLU가 R_in = [z > 0] [R > 0] R을
    ko: 돌려보낼 때의 dS_c/dI. [z > 0]은 ReLU 자체의 역전파가 적용하고, 훅은 그 결과의
    ko: 음수를 0으로 자른다. ReLU는 in-place가 아닌 nn.ReLU 모듈이어야 한다.
    """
    def clamp(module, grad_in, grad_out):
        return (grad_in[0].clamp(min=0),)

    hooks = [m.register_full_backward_hook(clamp) for m in model.modules() if isinstance(m, torch.nn.ReLU)]
    x = image[None].clone().requires_grad_(True)
    model(x)[0, c].backward()
    for hook in hooks:
        hook.remove()
    return x.grad[0]
