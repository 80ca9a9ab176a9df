import torch


def guided_backprop(model, image, c):
    """Guided backpropagation (Springenberg et al. 2015): dS_c/dI with every ReLU
    passing back R_in = [z > 0] [R > 0] R. ReLU's own backward applies [z > 0] and
    the hook clamps the result; the ReLUs must be nn.ReLU modules, not in place."""
    def clamp(module, grad_in, grad_out):
        return (grad_in[0].clamp(min=0),)

    hooks = [m.register_full_backward_hook(clamp) for m in model.modules() if isinstance(m, torch.nn.ReLU)]
    x = image[None].clone().requires_grad_(True)
    model(x)[0, c].backward()
    for hook in hooks:
        hook.remove()
    return x.grad[0]
