import torch


def filter_tiles(conv):
    """First-layer filters as images: each weight drawn with 0 at mid grey and the
    filter's largest magnitude m at black or full colour,
    T^k_uvc = 1/2 + W^k_uvc / (2m),  m = max_uvc |W^k_uvc|.
    `conv` is a torch.nn.Conv2d (weight [K, 3, kh, kw]); the tiles are [K, kh, kw, 3]."""
    W = conv.weight.detach().permute(0, 2, 3, 1)  # one filter per row: [K, kh, kw, 3]
    m = W.abs().amax(dim=(1, 2, 3), keepdim=True)  # each filter's largest magnitude
    return 0.5 + W / (2 * m)
