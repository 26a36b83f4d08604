"""The command line on a stack of layers (scene version 2): ``compute`` prints every layer's
output, ``--json`` adds ``"layers"`` and ``--trace``, ``render`` and ``gif`` step through the
whole stack, and every refusal is one line naming the layer. Run as a user runs it (a
subprocess), except the fuzzed trace, which calls the function ``compute --json`` prints."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from convstudio.cli import compute_payload
from convstudio.engine import PADDING_MODES
from convstudio.engine.layers import Activation, Conv2d, Layer, Pool2d, StackLayerError, shapes
from convstudio.engine.layers import forward as stack_forward
from convstudio.model import Scene
from tests.test_cli import gif_frames, png_size, run

# The small CNN of the lesson: conv 3×3 (bias −2) → ReLU → max pool 2×2 → conv 2×2.
INPUT = [
    [3, 1, 4, 1, 5, 9],
    [2, 6, 5, 3, 5, 8],
    [9, 7, 9, 3, 2, 3],
    [8, 4, 6, 2, 6, 4],
    [3, 3, 8, 3, 2, 7],
    [9, 5, 0, 2, 8, 8],
]
SOBEL = [[1, 0, -1], [2, 0, -2], [1, 0, -1]]
LAST = [[1, -1], [0.5, 2]]
SMALL_CNN = [
    {"type": "conv2d", "kernels": SOBEL, "bias": [-2]},
    {"type": "relu"},
    {"type": "max_pool2d", "kernel_size": 2},
    {"type": "conv2d", "kernels": LAST},
]


def stack_file(tmp_path: Path, layers, input=INPUT, name="stack.json", **more) -> Path:
    data = {"format": "convstudio-scene", "version": 2, "input": input, "layers": layers, **more}
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# -- slow, obvious loops (valid convolution at stride 1, ReLU, max pooling 2×2 stride 2)


def slow_conv(x: list[list[float]], k: list[list[float]], bias: float = 0.0) -> np.ndarray:
    kh, kw = len(k), len(k[0])
    rows, cols = len(x) - kh + 1, len(x[0]) - kw + 1
    out = np.zeros((rows, cols))
    for r in range(rows):
        for c in range(cols):
            total = bias
            for i in range(kh):
                for j in range(kw):
                    total += x[r + i][c + j] * k[i][j]
            out[r, c] = total
    return out


def slow_max_pool(x: np.ndarray) -> np.ndarray:
    rows, cols = x.shape[0] // 2, x.shape[1] // 2
    out = np.zeros((rows, cols))
    for r in range(rows):
        for c in range(cols):
            out[r, c] = max(x[2 * r + i, 2 * c + j] for i in range(2) for j in range(2))
    return out


def small_cnn_maps() -> list[np.ndarray]:
    conv = slow_conv(INPUT, SOBEL, -2)
    relu = np.where(conv > 0, conv, 0.0)
    pool = slow_max_pool(relu)
    return [conv, relu, pool, slow_conv(pool.tolist(), LAST)]


def table(grid: np.ndarray) -> list[list[float]]:
    return [[float(v) for v in row] for row in grid]


def test_compute_prints_every_layer_of_a_stack_under_its_heading(tmp_path):
    result = run("compute", stack_file(tmp_path, SMALL_CNN))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    blocks = result.stdout.rstrip("\n").split("\n\n")
    assert [b.splitlines()[0] for b in blocks] == [
        "# Layer 1 (conv2d): 1×4×4",
        "# Layer 2 (relu): 1×4×4",
        "# Layer 3 (max_pool2d): 1×2×2",
        "# Layer 4 (conv2d): 1×1×1",
    ]
    printed = [[[float(v) for v in line.split()] for line in b.splitlines()[1:]] for b in blocks]
    expected = small_cnn_maps()
    assert printed == [table(m) for m in expected]
    engine = stack_forward(Scene(np.array(INPUT), layers=_small_cnn_layers()).layers, INPUT)
    assert printed == [table(m[0]) for m in engine[1:]]


def _small_cnn_layers() -> tuple[Layer, ...]:
    return (
        Conv2d(np.array(SOBEL), [-2.0]),
        Activation("relu"),
        Pool2d("max_pool2d", 2),
        Conv2d(np.array(LAST)),
    )


def test_compute_json_of_a_stack_keeps_the_last_layers_keys_and_adds_every_layer(tmp_path):
    result = run("compute", stack_file(tmp_path, SMALL_CNN), "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    maps = small_cnn_maps()
    assert payload["output_shape"] == [1, 1, 1]
    assert payload["output"] == [table(maps[-1])]
    # Totals over the stack: 9 weights and a bias, then 4 weights; 16·9 and 1·4 multiply-adds.
    assert (payload["parameters"], payload["macs"]) == (10 + 4, 144 + 4)
    assert payload["fully_connected_parameters"] == 36 * 1 + 1
    assert [layer["type"] for layer in payload["layers"]] == [
        "conv2d",
        "relu",
        "max_pool2d",
        "conv2d",
    ]
    assert [layer["output"] for layer in payload["layers"]] == [[table(m)] for m in maps]
    assert [layer["output_shape"] for layer in payload["layers"]] == [
        [1, 4, 4],
        [1, 4, 4],
        [1, 2, 2],
        [1, 1, 1],
    ]
    assert [(layer["parameters"], layer["macs"]) for layer in payload["layers"]] == [
        (10, 144),
        (0, 0),
        (0, 0),
        (4, 4),
    ]
    # r = r_prev + (k − 1)·d·j_prev, j = j_prev·s: 3; 3; 3 + 1·1 = 4 (j 2); 4 + 1·2 = 6.
    assert [(layer["receptive_field"], layer["jump"]) for layer in payload["layers"]] == [
        ([3, 3], [1, 1]),
        ([3, 3], [1, 1]),
        ([4, 4], [2, 2]),
        ([6, 6], [2, 2]),
    ]
    assert "trace" not in payload


def conv(rows: int, cols: int, **settings) -> dict:
    return {"type": "conv2d", "kernels": np.ones((rows, cols)).astype(int).tolist(), **settings}


def test_receptive_field_and_jump_follow_the_recurrence_by_hand(tmp_path):
    # conv 3×3 → conv 3×3 → max pool 2 stride 2 → conv 3×3 on 12×12:
    # r: 3, 3 + 2·1 = 5, 5 + 1·1 = 6, 6 + 2·2 = 10; j: 1, 1, 2, 2.
    layers = [conv(3, 3), conv(3, 3), {"type": "max_pool2d", "kernel_size": 2}, conv(3, 3)]
    path = stack_file(tmp_path, layers, input=np.arange(144).reshape(12, 12).tolist())
    result = run("compute", path, "--json", "--trace", "3,1,0")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    fields = [(layer["receptive_field"], layer["jump"]) for layer in payload["layers"]]
    assert fields == [([3, 3], [1, 1]), ([5, 5], [1, 1]), ([6, 6], [2, 2]), ([10, 10], [2, 2])]
    assert [layer["output_shape"] for layer in payload["layers"]] == [
        [1, 10, 10],
        [1, 8, 8],
        [1, 4, 4],
        [1, 2, 2],
    ]
    # Cell (1, 0) of the last map reads pooled rows 1..3, conv rows 2..7, 2..9, input 2..11:
    # its receptive field is 10 rows, as the recurrence says.
    assert payload["trace"] == [
        {"rows": [2, 11], "cols": [0, 9]},
        {"rows": [2, 9], "cols": [0, 7]},
        {"rows": [2, 7], "cols": [0, 5]},
        {"rows": [1, 3], "cols": [0, 2]},
    ]


def test_rows_and_columns_are_kept_apart(tmp_path):
    # A 1×3 kernel at stride (2, 1), then 3×3: rows r 1 → 5, j 2; columns r 3 → 5, j 1.
    layers = [conv(1, 3, stride=[2, 1]), conv(3, 3)]
    path = stack_file(tmp_path, layers, input=np.ones((9, 9)).tolist())
    payload = json.loads(run("compute", path, "--json", "--trace", "1,0,2").stdout)
    assert [(layer["receptive_field"], layer["jump"]) for layer in payload["layers"]] == [
        ([1, 3], [2, 1]),
        ([5, 5], [2, 1]),
    ]
    assert payload["trace"] == [
        {"rows": [0, 4], "cols": [2, 6]},
        {"rows": [0, 2], "cols": [2, 4]},
    ]


def test_a_trace_through_padding_only_is_null(tmp_path):
    # A 1×1 kernel padded by 1: output cell (0, 0) reads only padding.
    layers = [conv(1, 1, padding=1), conv(1, 1)]
    path = stack_file(tmp_path, layers, input=[[1, 2], [3, 4]])
    payload = json.loads(run("compute", path, "--json", "--trace", "1,0,0").stdout)
    assert payload["trace"] == [
        {"rows": None, "cols": None},
        {"rows": [0, 0], "cols": [0, 0]},
    ]
    # Padding is never part of it, whatever the mode: a reflected row is not read again.
    reflect = stack_file(
        tmp_path, [conv(3, 3, padding=1, padding_mode="reflect")], input=np.ones((4, 4)).tolist()
    )
    payload = json.loads(run("compute", reflect, "--json", "--trace", "0,0,0").stdout)
    assert payload["trace"] == [{"rows": [0, 1], "cols": [0, 1]}]


def test_a_single_convolution_prints_as_it_always_did_and_traces_too(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(
        json.dumps({"format": "convstudio-scene", "version": 1, "input": INPUT, "kernels": SOBEL}),
        encoding="utf-8",
    )
    text = run("compute", path).stdout
    assert "#" not in text
    assert [[float(v) for v in line.split()] for line in text.splitlines()] == table(
        slow_conv(INPUT, SOBEL)
    )
    payload = json.loads(run("compute", path, "--json", "--trace", "0,3,2").stdout)
    assert payload["trace"] == [{"rows": [3, 5], "cols": [2, 4]}]
    assert len(payload["layers"]) == 1


def test_csv_of_a_stack_is_the_last_layers_output(tmp_path):
    layers = [*SMALL_CNN[:3], {"type": "avg_pool2d", "kernel_size": 1}]
    target = tmp_path / "out.csv"
    result = run("compute", stack_file(tmp_path, layers), "-o", target)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert target.read_text() == "11,12\n6,11\n"


def test_kernel_replaces_the_first_convolutions_kernels(tmp_path):
    kernel = tmp_path / "identity.json"
    kernel.write_text(
        json.dumps(
            {
                "format": "convstudio-kernel",
                "version": 1,
                "name": "identity",
                "weights": [[0, 0, 0], [0, 1, 0], [0, 0, 0]],
            }
        ),
        encoding="utf-8",
    )
    result = run("compute", stack_file(tmp_path, SMALL_CNN), "--json", "--kernel", kernel)
    assert result.returncode == 0, result.stderr
    layers = json.loads(result.stdout)["layers"]
    middle = (np.array(INPUT)[1:5, 1:5] - 2).tolist()  # the bias −2 stays
    assert layers[0]["output"] == [middle]
    assert layers[3]["parameters"] == 4  # the last convolution keeps its 2×2 kernel


def test_help_explains_layers_and_trace():
    result = run("compute", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "--trace L,R,C" in text
    for words in ("receptive_field", "jump", "null where its windows read only padding"):
        assert words in text
    assert "first convolution" in text


# -- render and gif step through the whole stack


def test_render_takes_any_step_of_the_stack(tmp_path):
    target = tmp_path / "frame.png"
    # Step 20 is the ReLU's: beyond the first convolution's 16 steps.
    result = run("render", stack_file(tmp_path, SMALL_CNN), "-o", target, "--step", "20")
    assert result.returncode == 0, result.stderr
    assert png_size(target) == (1280, 720)
    too_far = run("render", stack_file(tmp_path, SMALL_CNN), "-o", target, "--step", "37")
    assert too_far.returncode == 2
    assert "--step must be between 0 and 36 for this scene, not 37" in too_far.stderr


def test_gif_of_a_stack_has_a_frame_for_every_step_of_every_layer(tmp_path):
    target = tmp_path / "run.gif"
    result = run("gif", stack_file(tmp_path, SMALL_CNN), "-o", target, "--fps", "30")
    assert result.returncode == 0, result.stderr
    size, durations = gif_frames(target)
    assert size == (1280, 720)
    assert len(durations) == 16 + 16 + 4 + 1


def test_the_gifs_size_is_checked_on_the_stacks_steps(tmp_path):
    # 32×32 → 8 kernels → ReLU → ReLU: 3 × 8192 steps, 24 576 frames at 1920×1080.
    layers = [conv(1, 1), {"type": "relu"}, {"type": "relu"}]
    layers[0]["kernels"] = [[[[1]]]] * 8
    path = stack_file(tmp_path, layers, input=np.ones((32, 32)).tolist())
    result = run("gif", path, "-o", tmp_path / "f.gif", "--size", "1920x1080")
    assert result.returncode == 2
    assert "A GIF of 24576 frames at 1920×1080 is too large" in result.stderr


# -- refusals: one line naming the layer and the key, exit status 2

STACK_ERRORS = {
    "an unknown type": (
        lambda t: ["compute", stack_file(t, [conv(1, 1), {"type": "pool"}])],
        'Layer 2: unknown type "pool"; use one of conv2d, relu',
    ),
    "a missing key": (
        lambda t: ["compute", stack_file(t, [conv(1, 1), {"type": "max_pool2d"}])],
        "Layer 2 (max_pool2d): the key “kernel_size” is missing.",
    ),
    "a wrong key": (
        lambda t: ["compute", stack_file(t, [conv(1, 1), {"type": "relu", "slope": 1}])],
        "Layer 2 (relu): unknown key “slope”.",
    ),
    "an input too small for the pool": (
        lambda t: [
            "compute",
            stack_file(t, [*SMALL_CNN[:3], {"type": "max_pool2d", "kernel_size": 3}]),
        ],
        "the scene's settings are impossible: Layer 4 (max_pool2d): The input has 2 rows, "
        "fewer than the window's 3: no window fits.",
    ),
    "7 layers": (
        lambda t: ["compute", stack_file(t, [conv(1, 1)] + [{"type": "relu"}] * 6)],
        "“layers” has 7 layers; a scene holds at most 6.",
    ),
    "pool padding over half the window": (
        lambda t: [
            "compute",
            stack_file(t, [conv(1, 1), {"type": "avg_pool2d", "kernel_size": 2, "padding": 2}]),
        ],
        "Layer 2 (avg_pool2d): “padding” is 2, more than half the window of 2: at most 1.",
    ),
    "version 2 with no layers": (
        lambda t: ["compute", stack_file(t, [])],
        "“layers” must be a non-empty list of layers.",
    ),
    "version 2 without the layers key": (
        lambda t: ["render", _without_layers(t), "-o", t / "f.png"],
        "The field “layers” is missing.",
    ),
    "channels that do not match the next convolution": (
        lambda t: [
            "gif",
            stack_file(t, [conv(1, 1), {**conv(1, 1), "kernels": [[[[1]]] * 2]}]),
            "-o",
            t / "f.gif",
        ],
        "impossible, so it has no steps: Layer 2 (conv2d): ",
    ),
    "render of a pooling window over the window's limit": (
        lambda t: [
            "render",
            stack_file(
                t,
                [conv(3, 3), {"type": "relu"}, {"type": "max_pool2d", "kernel_size": 12}],
                input=np.ones((16, 16)).tolist(),
            ),
            "-o",
            t / "f.png",
        ],
        "Layer 3 (max_pool2d): The pooling window is 12×12; the window takes a pooling window "
        "of 1 to 9 rows and columns.",
    ),
    "render of a map larger than the window shows": (
        lambda t: [
            "render",
            stack_file(
                t, [conv(1, 1, padding=10), {"type": "relu"}], input=np.ones((16, 16)).tolist()
            ),
            "-o",
            t / "f.png",
        ],
        "Layer 2 (relu): The input is 36×36; the window takes an input of 1 to 32 rows and "
        "columns.",
    ),
    "gif of a later convolution beyond the window": (
        lambda t: [
            "gif",
            stack_file(t, [conv(1, 1), {"type": "relu"}, {**conv(1, 1), "stride": 9}]),
            "-o",
            t / "f.gif",
        ],
        "Layer 3 (conv2d): The stride is 9; the window takes a stride of 1 to 8.",
    ),
    "a stack over the budget": (
        lambda t: [
            "compute",
            stack_file(
                t,
                [conv(1, 1, padding=3000), {"type": "relu"}, {"type": "relu"}, {"type": "relu"}],
                input=[[1]],
            ),
            "-o",
            t / "out.csv",
        ],
        # 6001² values a map: 36 million multiply-adds and 3 × 36 million ReLUs; the input
        # and 4 maps (1.07 GB), a ReLU's temporaries (0.54 GB), the CSV's text (1.34 GB).
        "This scene needs 144 million multiply-adds and 2.95 GB; the budget is 1 billion and 1 GB.",
    ),
    "--trace without --json": (
        lambda t: ["compute", stack_file(t, SMALL_CNN), "--trace", "0,0,0"],
        "--trace adds to the JSON output: add --json",
    ),
    "--trace of two numbers": (
        lambda t: ["compute", stack_file(t, SMALL_CNN), "--json", "--trace", "1,2"],
        "argument --trace: “1,2” is not three whole numbers L,R,C from 0",
    ),
    "--trace of a word": (
        lambda t: ["compute", stack_file(t, SMALL_CNN), "--json", "--trace", "a,b,c"],
        "“a,b,c” is not three whole numbers",
    ),
    "--trace of a negative layer": (
        lambda t: ["compute", stack_file(t, SMALL_CNN), "--json", "--trace=-1,0,0"],
        "“-1,0,0” is not three whole numbers",
    ),
    "--trace of a layer past the stack": (
        lambda t: ["compute", stack_file(t, SMALL_CNN), "--json", "--trace", "4,0,0"],
        "--trace: there is no layer L = 4; L is 0 to 3",
    ),
    "--trace of a layer of 3000 digits": (
        lambda t: ["compute", stack_file(t, SMALL_CNN), "--json", "--trace", "9" * 3000 + ",0,0"],
        "--trace: there is no layer L = " + "9" * 39 + "…; L is 0 to 3",
    ),
    "--trace of a cell outside the map": (
        lambda t: [
            "compute",
            stack_file(t, SMALL_CNN),
            "--json",
            "--trace",
            "2,0,2",
            "-o",
            t / "out.csv",
        ],
        "--trace: there is no cell (0, 2) in the output of layer L = 2 (max_pool2d), which is 2×2: "
        "rows 0 to 1, columns 0 to 1",
    ),
}


def _without_layers(tmp_path: Path) -> Path:
    path = stack_file(tmp_path, SMALL_CNN, name="no-layers.json")
    data = json.loads(path.read_text())
    del data["layers"]
    path.write_text(json.dumps(data))
    return path


@pytest.mark.parametrize("case", list(STACK_ERRORS))
def test_a_bad_stack_or_trace_is_one_line_and_status_2(tmp_path, case):
    make_args, expected = STACK_ERRORS[case]
    args = make_args(tmp_path)
    before = sorted(tmp_path.iterdir())
    result = run(*args, cwd=tmp_path, timeout=60)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert len(lines[0]) <= 240, lines[0][:300]
    assert lines[0].startswith("convstudio: error: ")
    assert expected in lines[0]
    assert sorted(tmp_path.iterdir()) == before  # nothing written


# -- the trace against a brute-force search, on random stacks


@st.composite
def random_stacks(draw):
    """A small random stack, its input, and its twin with zero padding (padding is never part
    of a trace, whatever the mode, so the twin's trace is the stack's)."""
    channels = draw(st.integers(1, 2))
    side = (draw(st.integers(3, 9)), draw(st.integers(3, 9)))
    layers: list[Layer] = []
    zeros: list[Layer] = []
    c = channels
    for index in range(draw(st.integers(1, 4))):
        kind = "conv" if index == 0 else draw(st.sampled_from(["conv", "act", "max", "avg"]))
        if kind == "conv":
            c_out = draw(st.integers(1, 2))
            kernel = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
            settings = {
                "stride": (draw(st.integers(1, 2)), draw(st.integers(1, 2))),
                "padding": (draw(st.integers(0, 2)), draw(st.integers(0, 2))),
                "dilation": (draw(st.integers(1, 2)), draw(st.integers(1, 2))),
            }
            mode = draw(st.sampled_from(PADDING_MODES))
            layers.append(Conv2d(np.ones((c_out, c, *kernel)), padding_mode=mode, **settings))
            zeros.append(Conv2d(np.ones((c_out, c, *kernel)), **settings))
            c = c_out
            continue
        if kind == "act":
            layers.append(Activation(draw(st.sampled_from(["relu", "leaky_relu", "tanh"]))))
        else:
            k = draw(st.integers(1, 3))
            layers.append(
                Pool2d(
                    "max_pool2d" if kind == "max" else "avg_pool2d",
                    k,
                    stride=draw(st.sampled_from([None, 1, 2])),
                    padding=draw(st.integers(0, k // 2)),
                    dilation=draw(st.integers(1, 2)) if kind == "max" else 1,
                    ceil_mode=draw(st.booleans()),
                )
            )
        zeros.append(layers[-1])
    return np.ones((channels, *side)), layers, zeros


def read_masks(layers, maps, layer, row, col):
    """Brute force: the cells of each map that output cell (*row*, *col*) of *layer* reads,
    found by walking every step of every layer and keeping the cells each step reads (its
    equation's terms; ``None`` is padding) when it writes a cell already kept."""
    wanted = np.zeros(maps[layer + 1].shape, dtype=bool)
    wanted[:, row, col] = True
    masks = []
    for index in range(layer, -1, -1):
        x = maps[index]
        read = np.zeros(x.shape, dtype=bool)
        count = layers[index].step_count(x.shape)
        for k in range(count):
            step = layers[index].step(x, k)
            if any(wanted[cell] for cell in step.writes):
                for cell in step.reads:
                    if cell is not None:
                        read[cell] = True
        masks.append(read)
        wanted = read
    return masks[::-1]


def spans_of(mask: np.ndarray) -> dict:
    rows = np.flatnonzero(mask.any(axis=(0, 2)))
    cols = np.flatnonzero(mask.any(axis=(0, 1)))
    if rows.size == 0:
        return {"rows": None, "cols": None}
    return {"rows": [int(rows[0]), int(rows[-1])], "cols": [int(cols[0]), int(cols[-1])]}


@given(random_stacks(), st.data())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_trace_is_every_cell_the_windows_read(stack, data):
    x, layers, zeros = stack
    try:
        shapes(layers, x.shape)
    except StackLayerError:
        assume(False)
    scene = Scene(x, layers=layers)
    maps = stack_forward(scene.layers, x)
    layer = data.draw(st.integers(0, len(layers) - 1))
    _, rows, cols = maps[layer + 1].shape
    row, col = data.draw(st.integers(0, rows - 1)), data.draw(st.integers(0, cols - 1))
    payload = compute_payload(scene, maps, (layer, row, col))
    # With zero padding a step reads padding as None; other modes read the cell it copies.
    twin = Scene(x, layers=zeros)
    masks = read_masks(twin.layers, stack_forward(twin.layers, x), layer, row, col)
    assert payload["trace"] == [spans_of(mask) for mask in masks]
    # Every layer's numbers are the engine's, and its field follows the recurrence.
    size, jump = [1, 1], [1, 1]
    for entry, stage, out in zip(payload["layers"], scene.layers, maps[1:], strict=True):
        assert entry["output"] == out.tolist()
        window = stage.window()
        for axis in (0, 1):
            size[axis] += (window.kernel[axis] - 1) * window.dilation[axis] * jump[axis]
            jump[axis] *= window.stride[axis]
        assert (entry["receptive_field"], entry["jump"]) == (size, jump)
