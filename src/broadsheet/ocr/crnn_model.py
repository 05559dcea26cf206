"""The Nastaliq CRNN: a few convolution blocks, two bidirectional LSTM layers, a CTC output per column.

Small on purpose — it is trained on a shared CPU (``make ocr-model-ur-crnn``): 48-pixel lines, five
convolution blocks that halve the width twice (an output column per four input columns, about two per
letter) and the height to three rows, then two layers of 128 LSTM units each way: about a million
weights. Needs PyTorch, which only training installs (the ``ocr-train`` extra); reading uses the ONNX
export and onnxruntime.
"""

from __future__ import annotations

import torch
from torch import nn

from broadsheet.ocr.crnn_lines import HEIGHT


def _block(inputs: int, outputs: int, pool: tuple[int, int] | None) -> list[nn.Module]:
    layers: list[nn.Module] = [nn.Conv2d(inputs, outputs, 3, padding=1, bias=False), nn.BatchNorm2d(outputs), nn.ReLU()]
    if pool is not None:
        layers.append(nn.MaxPool2d(pool, pool))
    return layers


class Crnn(nn.Module):
    """Line image (N, 1, HEIGHT, W) → class scores (N, W / 4, classes + 1), class 0 being CTC's blank."""

    def __init__(self, classes: int, hidden: int = 128) -> None:
        super().__init__()
        self.features = nn.Sequential(
            *_block(1, 16, (2, 2)),
            *_block(16, 32, (2, 2)),
            *_block(32, 64, (2, 1)),
            *_block(64, 96, (2, 1)),
            *_block(96, 96, None),
        )
        rows = HEIGHT // 16
        self.squeeze = nn.Linear(96 * rows, 2 * hidden)
        self.recurrent = nn.LSTM(2 * hidden, hidden, num_layers=2, bidirectional=True, batch_first=True, dropout=0.1)
        self.out = nn.Linear(2 * hidden, classes + 1)

    def forward(self, lines: torch.Tensor) -> torch.Tensor:
        maps = self.features(lines)  # N, C, rows, T
        n, c, h, t = maps.shape
        columns = maps.permute(0, 3, 1, 2).reshape(n, t, c * h)
        hidden, _ = self.recurrent(torch.relu(self.squeeze(columns)))
        scores: torch.Tensor = self.out(hidden)
        return scores
