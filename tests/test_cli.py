"""The command line, run as a user runs it: ``python -m convstudio ...`` in a subprocess,
with no display (no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM)."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from convstudio.model import scene_path

WORKED = str(scene_path("worked-example"))
WORKED_OUTPUT = [
    [429, 505, 686, 856],
    [261, 792, 412, 640],
    [633, 653, 851, 751],
    [608, 913, 713, 657],
]
# Kernel 2 is the identity: its map is the input's middle 4×4.
IDENTITY_OUTPUT = [
    [121, 75, 78, 95],
    [24, 204, 113, 109],
    [154, 104, 235, 25],
    [253, 225, 159, 78],
]


def headless_env() -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "convstudio", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=headless_env(),
        cwd=cwd,
        timeout=60,
    )


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.fixture
def two_kernels(tmp_path) -> Path:
    path = tmp_path / "two-kernels.json"
    scene = json.loads(Path(WORKED).read_text(encoding="utf-8"))
    scene["kernels"] = [
        [[[1, 0, 1], [0, 1, 0], [1, 0, 1]]],
        [[[0, 0, 0], [0, 1, 0], [0, 0, 0]]],
    ]
    scene["title"] = "Two kernels"
    path.write_text(json.dumps(scene), encoding="utf-8")
    return path


# ---------------------------------------------------------------- compute


def test_compute_prints_the_output_map():
    result = run("compute", WORKED)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == [" ".join(map(str, row)) for row in WORKED_OUTPUT]
    assert result.stdout.splitlines()[0] == "429 505 686 856"


def test_compute_json_has_the_issues_schema():
    result = run("compute", WORKED, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "output_shape": [1, 4, 4],
        "output": [WORKED_OUTPUT],
        "parameters": 9,
        "macs": 144,
    }


def test_compute_prints_each_map_of_a_two_kernel_scene(two_kernels):
    result = run("compute", two_kernels)
    assert result.returncode == 0, result.stderr
    blocks = result.stdout.rstrip("\n").split("\n\n")
    assert [b.splitlines()[0] for b in blocks] == [
        "# output channel 1 of 2",
        "# output channel 2 of 2",
    ]
    assert [r.split() for r in blocks[1].splitlines()[1:]] == [
        [str(v) for v in row] for row in IDENTITY_OUTPUT
    ]


def test_compute_writes_csv_blocks_separated_by_a_blank_line(tmp_path, two_kernels):
    target = tmp_path / "out.csv"
    result = run("compute", two_kernels, "-o", target)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""  # the CSV goes to the file only
    expected = (
        "\n".join(",".join(map(str, row)) for row in WORKED_OUTPUT)
        + "\n\n"
        + "\n".join(",".join(map(str, row)) for row in IDENTITY_OUTPUT)
        + "\n"
    )
    assert target.read_text(encoding="utf-8") == expected


def test_compute_json_and_csv_together(tmp_path, two_kernels):
    target = tmp_path / "out.csv"
    result = run("compute", two_kernels, "--json", "-o", target)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["output_shape"] == [2, 4, 4]
    assert payload["output"] == [WORKED_OUTPUT, IDENTITY_OUTPUT]
    assert payload["parameters"] == 18
    assert payload["macs"] == 288
    assert target.read_text(encoding="utf-8").count("\n\n") == 1


def test_compute_writes_fractions_exactly(tmp_path):
    path = tmp_path / "halves.json"
    path.write_text(
        json.dumps(
            {
                "format": "convstudio-scene",
                "version": 1,
                "input": [[1, 2], [3, 4]],
                "kernels": [[0.5]],
                "bias": [0.25],
            }
        ),
        encoding="utf-8",
    )
    target = tmp_path / "halves.csv"
    result = run("compute", path, "-o", target)
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8") == "0.75,1.25\n1.75,2.25\n"
    printed = run("compute", path)
    assert printed.stdout.splitlines() == ["0.75 1.25", "1.75 2.25"]


# ---------------------------------------------------------------- render


def test_render_writes_a_png_of_the_requested_size(tmp_path):
    target = tmp_path / "frame.png"
    result = run("render", WORKED, "-o", target, "--size", "1920x1080")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert png_size(target) == (1920, 1080)


def test_render_a_step_with_qt_reading_the_image(qapp, tmp_path):
    from PySide6.QtGui import QImage

    first, done = tmp_path / "first.png", tmp_path / "done.png"
    assert run("render", WORKED, "-o", first, "--step", "0", "--size", "1600x900").returncode == 0
    assert run("render", WORKED, "-o", done, "--size", "1600x900").returncode == 0
    image = QImage(str(first))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1600, 900)
    # Step 0 shows one output value, the default every value: different pictures.
    assert first.read_bytes() != done.read_bytes()


def test_render_default_size_is_1280x720(tmp_path):
    target = tmp_path / "frame.png"
    result = run("render", WORKED, "-o", target)
    assert result.returncode == 0, result.stderr
    assert png_size(target) == (1280, 720)


def test_render_a_small_size(tmp_path):
    # Smaller than the window's minimum size: the frame is scaled into the size asked for.
    target = tmp_path / "small.png"
    result = run("render", WORKED, "-o", target, "--size", "640x480")
    assert result.returncode == 0, result.stderr
    assert png_size(target) == (640, 480)


def test_render_replaces_an_existing_file(tmp_path):
    target = tmp_path / "frame.png"
    target.write_bytes(b"old")
    result = run("render", WORKED, "-o", target, "--step", "3", "--size", "1920x1080")
    assert result.returncode == 0, result.stderr
    assert png_size(target) == (1920, 1080)
    assert [p.name for p in tmp_path.iterdir()] == ["frame.png"]  # no temporary left behind


# ---------------------------------------------------------------- errors


def damaged(tmp_path: Path) -> Path:
    path = tmp_path / "damaged.json"
    path.write_text('{"format": "convstudio-scene", "version": 1, "input": [[1, 2], [3]]}')
    return path


def impossible(tmp_path: Path) -> Path:
    path = tmp_path / "impossible.json"
    path.write_text(
        json.dumps(
            {
                "format": "convstudio-scene",
                "version": 1,
                "input": [[1, 2], [3, 4]],
                "kernels": [[1, 1, 1], [1, 1, 1], [1, 1, 1]],
            }
        )
    )
    return path


ERRORS = {
    "render to a non-PNG name": (
        lambda t: ["render", WORKED, "-o", t / "frame.jpg"],
        "name the file .png",
    ),
    "missing file": (lambda t: ["compute", t / "nowhere.json"], "There is no file"),
    "damaged file": (lambda t: ["compute", damaged(t)], "damaged.json: "),
    "not json": (lambda t: ["compute", Path(__file__)], "is not valid JSON"),
    "impossible settings": (
        lambda t: ["compute", impossible(t)],
        "the scene's settings are impossible: The kernel spans 3 rows",
    ),
    "csv into a missing folder": (
        lambda t: ["compute", WORKED, "-o", t / "no" / "out.csv"],
        "cannot write",
    ),
    "step too large": (
        lambda t: ["render", WORKED, "-o", t / "f.png", "--step", "16"],
        "--step must be between 0 and 15 for this scene, not 16",
    ),
    "negative step": (
        lambda t: ["render", WORKED, "-o", t / "f.png", "--step", "-1"],
        "--step must be between 0 and 15",
    ),
    "step not a number": (
        lambda t: ["render", WORKED, "-o", t / "f.png", "--step", "two"],
        "invalid int value",
    ),
    "step of an impossible scene": (
        lambda t: ["render", impossible(t), "-o", t / "f.png", "--step", "0"],
        "impossible, so it has no steps",
    ),
    "size not WxH": (
        lambda t: ["render", WORKED, "-o", t / "f.png", "--size", "big"],
        "--size must look like 1280x720, not “big”",
    ),
    "size too small": (
        lambda t: ["render", WORKED, "-o", t / "f.png", "--size", "100x100"],
        "--size 100x100 is out of range",
    ),
    "png into a missing folder": (
        lambda t: ["render", WORKED, "-o", t / "no" / "f.png"],
        "does not exist",
    ),
    "render without -o": (lambda t: ["render", WORKED], "-o/--output"),
    "compute without a scene": (lambda t: ["compute"], "required: scene"),
    "unknown option": (lambda t: ["compute", WORKED, "--colour"], "unrecognized arguments"),
    "unknown command": (
        lambda t: ["frobnicate"],
        "neither a command (compute, render) nor a scene file",
    ),
    "unknown launcher option": (lambda t: ["--frobnicate"], "unrecognized arguments"),
}


@pytest.mark.parametrize("case", list(ERRORS))
def test_a_bad_argument_or_file_is_one_line_and_status_2(tmp_path, case):
    make_args, expected = ERRORS[case]
    result = run(*make_args(tmp_path), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("convstudio: error: ")
    assert expected in lines[0]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "f.png").exists()


def test_the_window_without_a_display_is_one_clear_line():
    result = run()
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "convstudio: error: there is no display to open the window on (DISPLAY is not set); "
        "“convstudio render SCENE.json -o frame.png” draws a frame without one"
    ]


def test_a_scene_in_the_window_without_a_display(two_kernels):
    result = run(two_kernels)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "there is no display" in result.stderr


def test_version():
    from convstudio import __version__

    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"ConvStudio {__version__}"


@pytest.mark.parametrize(
    ("name", "shape", "parameters", "macs"),
    [
        ("rgb-one-kernel", [1, 4, 4], 27, 16 * 27),
        ("rgb-two-kernels", [2, 4, 4], 2 * 27 + 2, 2 * 16 * 27),
        ("depthwise", [3, 4, 4], 3 * 9, 3 * 16 * 9),
        ("one-by-one", [2, 6, 6], 2 * 3, 2 * 36 * 3),
        ("dilation", [1, 3, 3], 9, 9 * 9),
    ],
)
def test_compute_json_covers_the_channel_lessons(name, shape, parameters, macs):
    import numpy as np

    from convstudio.engine import conv2d
    from convstudio.model import load_scene

    path = scene_path(name)
    result = run("compute", path, "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["output_shape"] == shape
    assert (payload["parameters"], payload["macs"]) == (parameters, macs)
    scene = load_scene(path)
    expected = conv2d(
        scene.input,
        scene.kernels[:, :, ::-1, ::-1] if scene.flip else scene.kernels,
        scene.bias,
        stride=scene.stride,
        padding=scene.padding,
        dilation=scene.dilation,
        groups=scene.groups,
        padding_mode=scene.padding_mode,
    )
    np.testing.assert_allclose(payload["output"], expected)
