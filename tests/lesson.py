"""The lesson's worked example, shared by the tests (seed lesson: 6×6 input, 3×3 kernel)."""

import numpy as np

WORKED_INPUT = np.array(
    [
        [18, 54, 51, 239, 244, 188],
        [55, 121, 75, 78, 95, 88],
        [35, 24, 204, 113, 109, 221],
        [3, 154, 104, 235, 25, 130],
        [15, 253, 225, 159, 78, 233],
        [68, 85, 180, 214, 245, 0],
    ],
    dtype=float,
)
WORKED_KERNEL = np.array([[1, 0, 1], [0, 1, 0], [1, 0, 1]], dtype=float)
WORKED_OUTPUT = np.array(
    [
        [429, 505, 686, 856],
        [261, 792, 412, 640],
        [633, 653, 851, 751],
        [608, 913, 713, 657],
    ],
    dtype=float,
)


def impossible_scene():
    """The worked input under a 7×3 kernel, taller than the input: no output.

    The window refuses edits that lead here, but a scene file can hold it.
    """
    from convstudio.model import Scene

    return Scene(input=WORKED_INPUT, kernels=np.ones((7, 3)))
