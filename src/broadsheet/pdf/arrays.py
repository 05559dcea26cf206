"""The array types the PDF stages pass between them: one name for each, defined once."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int32]
Index = npt.NDArray[np.intp]  # positions in another array
BoolArray = npt.NDArray[np.bool_]
