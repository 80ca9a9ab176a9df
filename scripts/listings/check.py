"""Runs the lessons' PyTorch listings on the tiny model whose weights, image and TensorFlow.js maps
check.ts wrote to the file named on the command line; prints each method's largest difference and
exits 1 when one is over 1e-5 (relative to the map's largest magnitude). Called by check.ts."""
import json
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / 'listings'))
from cam import cam  # noqa: E402
from class_visualization import class_visualization  # noqa: E402
from filter_tiles import filter_tiles  # noqa: E402
from grad_cam import grad_cam  # noqa: E402
from grad_cam_plus_plus import grad_cam_plus_plus  # noqa: E402
from guided_backprop import guided_backprop  # noqa: E402
from nearest_neighbours import nearest_neighbours  # noqa: E402
from occlusion import occlusion_map  # noqa: E402
from pca import pca_map  # noqa: E402
from saliency import saliency_map  # noqa: E402
from smoothgrad import smooth_grad  # noqa: E402
from top_patches import top_patches  # noqa: E402
from tsne import tsne_affinities, tsne_gradient, tsne_step  # noqa: E402

fixture = json.loads(Path(sys.argv[1]).read_text())


def tensor(entry):
    return torch.tensor(entry['values'], dtype=torch.float32).reshape(entry['shape'])


w = {name: tensor(entry) for name, entry in fixture['weights'].items()}


class Center(torch.nn.Module):
    def forward(self, x):
        return 2 * x - 1


conv0 = torch.nn.Conv2d(3, 4, 3, padding=1)
conv1 = torch.nn.Conv2d(4, 5, 3, padding=1, bias=False)
bn = torch.nn.BatchNorm2d(5, eps=1e-3)
dense = torch.nn.Linear(5, 3)
with torch.no_grad():
    conv0.weight.copy_(w['k0'].permute(3, 2, 0, 1))  # TensorFlow [kh, kw, in, out] -> PyTorch [out, in, kh, kw]
    conv0.bias.copy_(w['b0'])
    conv1.weight.copy_(w['k1'].permute(3, 2, 0, 1))
    bn.weight.copy_(w['gamma'])
    bn.bias.copy_(w['beta'])
    bn.running_mean.copy_(w['mean'])
    bn.running_var.copy_(w['variance'])
    dense.weight.copy_(w['kernel'].T)
    dense.bias.copy_(w['bias'])
features = torch.nn.Sequential(Center(), conv0, torch.nn.ReLU(), torch.nn.MaxPool2d(2), conv1, bn, torch.nn.ReLU()).eval()
head = torch.nn.Sequential(torch.nn.AdaptiveAvgPool2d(1), torch.nn.Flatten(), dense).eval()
model = torch.nn.Sequential(features, head).eval()

image = tensor(fixture['image']).permute(2, 0, 1)  # [h, w, 3] -> [3, h, w]
c = fixture['c']
maps = {name: tensor(entry) for name, entry in fixture['maps'].items()}
results = {
    'occlusion': (occlusion_map(model, image, c, patch=4, stride=2, grey=0.5), maps['occlusion']),
    'saliency': (saliency_map(model, image, c), maps['saliency']),
    'smoothgrad, no noise': (smooth_grad(model, image, c, n=1, spread=0.0), maps['saliency']),
    'guided backprop': (guided_backprop(model, image, c).permute(1, 2, 0), maps['guided']),
    'cam': (cam(features, dense.weight, image, c), maps['cam']),
    'grad-cam': (grad_cam(features, head, image, c), maps['gradCam']),
    'grad-cam++': (grad_cam_plus_plus(features, head, image, c), maps['gradCamPlusPlus']),
    'class visualization': (class_visualization(model, image, c, 0.1, 0.05, 5).permute(1, 2, 0), maps['classViz']),
    'filter tiles': (filter_tiles(conv0), maps['filterTiles']),
}
image_set = tensor(fixture['set']).permute(0, 3, 1, 2)  # [n, h, w, 3] -> [n, 3, h, w]
for name, got, want in [
    ('nearest neighbours', nearest_neighbours(features, image_set, 4, 3), fixture['neighbours']),
    ('top patches', top_patches(features, image_set, 2, 4), fixture['patches']),
]:
    # Indices and positions must be equal; the distances or activations (the last entry) are compared below.
    for part, expected in zip(got[:-1], want[:-1]):
        assert part.tolist() == [int(v) for v in expected['values']], f'{name}: {part.tolist()} != {expected["values"]}'
    results[name] = (got[-1], tensor(want[-1]))
points, ratios = pca_map(features, image_set)
results['pca points'] = (points, tensor(fixture['pca'][0]))
results['pca variance shares'] = (ratios, tensor(fixture['pca'][1]))
with torch.no_grad():
    p = tsne_affinities(features(image_set).mean(dim=(2, 3)), 2)
    y = tensor(fixture['tsne']['layout'])
    results['t-SNE P'] = (p, tensor(fixture['tsne']['p']))
    results['t-SNE gradient'] = (tsne_gradient(p, y, 12), tensor(fixture['tsne']['gradient']))
    results['t-SNE step'] = (tsne_step(p, y, 0.9 * y, 10, 0.5, 12), tensor(fixture['tsne']['step']))
failed = False
for name, (got, want) in results.items():
    error = ((got.detach() - want).abs().max() / want.abs().max()).item()
    failed |= not error <= 1e-5
    print(f'{name:22s} largest difference {error:.1e} of the largest value {"ok" if error <= 1e-5 else "FAILED"}')
sys.exit(1 if failed else 0)
