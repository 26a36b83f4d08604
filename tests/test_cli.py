"""The command line, run as a user runs it: ``python -m convstudio ...`` in a subprocess,
with no display (no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM)."""

from __future__ import annotations

import json
import os
import re
import stat
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


def run(
    *args: str | Path, cwd: Path | None = None, timeout: float = 60, **options
) -> subprocess.CompletedProcess[str]:
    options.setdefault("capture_output", "stdout" not in options)
    return subprocess.run(
        [sys.executable, "-m", "convstudio", *map(str, args)],
        text=True,
        encoding="utf-8",
        env=options.pop("env", headless_env()),
        cwd=cwd,
        timeout=timeout,
        **options,
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
        "fully_connected_parameters": 36 * 16 + 16,
        # A scene of one convolution is a stack of one layer, for scripts to rely on.
        "layers": [
            {
                "type": "conv2d",
                "output_shape": [1, 4, 4],
                "output": [WORKED_OUTPUT],
                "parameters": 9,
                "macs": 144,
                "receptive_field": [3, 3],
                "jump": [1, 1],
            }
        ],
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


def test_render_refuses_a_size_below_the_smallest_window(tmp_path):
    # A frame is the window as a user sees it: never a larger window scaled down.
    target = tmp_path / "small.png"
    result = run("render", WORKED, "-o", target, "--size", "640x480")
    assert result.returncode == 2
    assert result.stderr == (
        "convstudio: error: --size 640x480 is smaller than the window can be for this scene "
        "(at least 800x480)\n"
    )
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- gif


def gif_frames(path: Path) -> tuple[tuple[int, int], list[int]]:
    """The GIF's size and each frame's duration in ms, read back with Pillow."""
    from PIL import Image

    with Image.open(path) as gif:
        durations = []
        for i in range(gif.n_frames):
            gif.seek(i)
            durations.append(gif.info["duration"])
        assert gif.info["loop"] == 0  # loops forever
        return gif.size, durations


def test_gif_has_one_frame_per_step_at_the_default_speed(tmp_path):
    target = tmp_path / "run.gif"
    result = run("gif", WORKED, "-o", target)
    assert result.returncode == 0, result.stderr
    assert (result.stdout, result.stderr) == ("", "")
    assert gif_frames(target) == ((1280, 720), [500] * 16)  # 2 steps per second


def test_gif_frame_time_follows_fps_and_size(tmp_path, two_kernels):
    target = tmp_path / "run.gif"
    result = run("gif", two_kernels, "-o", target, "--fps", "4", "--size", "1920x1080")
    assert result.returncode == 0, result.stderr
    assert gif_frames(target) == ((1920, 1080), [250] * 32)  # 2 kernels × 16 positions


def test_gif_frames_are_the_rendered_steps(qapp, tmp_path):
    from PIL import Image, ImageChops

    gif, png = tmp_path / "run.gif", tmp_path / "step.png"
    assert run("gif", WORKED, "-o", gif).returncode == 0
    assert run("render", WORKED, "-o", png, "--step", "5").returncode == 0
    with Image.open(gif) as frames, Image.open(png) as frame:
        frames.seek(5)  # frame 6 is step 5: step 0's empty output is not a frame
        difference = ImageChops.difference(frames.convert("RGB"), frame.convert("RGB"))
        # 256 colours instead of the PNG's anti-aliased thousands: close, not equal.
        assert max(high for _low, high in difference.getextrema()) < 48
        frames.seek(4)
        earlier = ImageChops.difference(frames.convert("RGB"), frame.convert("RGB"))
        assert max(high for _low, high in earlier.getextrema()) > 100


def test_gif_replaces_an_existing_file(tmp_path):
    target = tmp_path / "run.gif"
    target.write_bytes(b"old")
    result = run("gif", WORKED, "-o", target)
    assert result.returncode == 0, result.stderr
    assert target.read_bytes()[:6] == b"GIF89a"
    assert [p.name for p in tmp_path.iterdir()] == ["run.gif"]


def test_render_replaces_an_existing_file(tmp_path):
    target = tmp_path / "frame.png"
    target.write_bytes(b"old")
    result = run("render", WORKED, "-o", target, "--step", "3", "--size", "1920x1080")
    assert result.returncode == 0, result.stderr
    assert png_size(target) == (1920, 1080)
    assert [p.name for p in tmp_path.iterdir()] == ["frame.png"]  # no temporary left behind


# ---------------------------------------------------------------- errors


def sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)  # no disk used
    return path


def copy_of_worked(tmp_path: Path, name: str = "scene.json") -> Path:
    path = tmp_path / name
    path.write_bytes(Path(WORKED).read_bytes())
    return path


def linked(tmp_path: Path, link) -> Path:
    path = tmp_path / "out.csv"
    link(tmp_path / "scene.json", path)
    return path


def device(tmp_path: Path) -> Path:
    """A device node of the test's own (like /dev/full): if a broken guard ever wrote over
    it, only this copy would be replaced, never the machine's /dev/full."""
    path = tmp_path / "full"
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    except (PermissionError, AttributeError):
        pytest.skip("making a device node needs root")
    return path


def device_link(tmp_path: Path, name: str = "frame.png") -> Path:
    path = tmp_path / name
    path.symlink_to(device(tmp_path))
    return path


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


def scene_file(tmp_path: Path, name: str, **changes) -> Path:
    data = {
        "format": "convstudio-scene",
        "version": 1,
        "input": [[1, 2, 3], [4, 5, 6], [7, 8, 9]],
        "kernels": [[1, 0], [0, 1]],
        **changes,
    }
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def folder(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.mkdir()
    return path


def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


def long_number(tmp_path: Path) -> Path:
    path = scene_file(tmp_path, "digits.json")
    path.write_text(path.read_text().replace("[[1, ", "[[" + "1" * 5000 + ", "))
    return path


def deep(tmp_path: Path, depth: int) -> Path:
    path = tmp_path / "deep.json"
    path.write_text(
        '{"format": "convstudio-scene", "version": 1, "kernels": [[1]], "input": '
        + "[" * depth
        + "1"
        + "]" * depth
        + "}"
    )
    return path


# The issue's 431-byte scene: a 6×6 input padded by 4096 took 16 s to compute.
def padded_4096(tmp_path: Path) -> Path:
    return scene_file(
        tmp_path,
        "padded.json",
        input=[[[1, 2, 3, 4, 5, 6]] * 6] * 3,
        kernels=[[[[1, 0, 1], [0, 1, 0], [1, 0, 1]]] * 3] * 3,
        padding=4096,
    )


def big_kernel(tmp_path: Path) -> Path:
    return scene_file(
        tmp_path, "big-kernel.json", input=[[0] * 1000] * 1000, kernels=[[0] * 300] * 300
    )


FOUR_CHANNELS = [[[1, 2], [3, 4]]] * 4
BEYOND_THE_WINDOW = {
    "5 channels": (
        {"input": [[[1, 2], [3, 4]]] * 5, "kernels": [[[[1]]] * 5]},
        "The input has 5 channels; the window",
    ),
    "9 kernels": ({"kernels": [[[[1]]]] * 9}, "There are 9 kernels; the window"),
    "5 groups": (
        {"input": [[[1, 2], [3, 4]]] * 5, "kernels": [[[[1]]]] * 5, "groups": 5},
        "The input has 5 channels; the window",
    ),
    "groups 8 of 4 channels": (
        {"input": FOUR_CHANNELS, "kernels": [[[[1]]]] * 8, "groups": 8},
        "The groups are 8; the window",
    ),
    "dilation 5": (
        {"input": [[1] * 20] * 20, "dilation": 5},
        "The dilation is 5; the window",
    ),
    "groups 2**31": (
        {"input": FOUR_CHANNELS, "kernels": [[[[1]]]] * 4, "groups": 2**31},
        "“groups” must be at most 64, not 2147483648.",
    ),
}

ERRORS = {
    **{
        f"{command} {case}": (
            lambda t, c=case, command=command: (
                [scene_file(t, "big.json", **BEYOND_THE_WINDOW[c][0])]
                if command == "launch"
                else [
                    "render",
                    scene_file(t, "big.json", **BEYOND_THE_WINDOW[c][0]),
                    "-o",
                    t / "f.png",
                ]
            ),
            BEYOND_THE_WINDOW[case][1],
        )
        for case in BEYOND_THE_WINDOW
        for command in ("render", "launch")
    },
    **{
        f"gif {case}": (
            lambda t, c=case: [
                "gif",
                scene_file(t, "big.json", **BEYOND_THE_WINDOW[c][0]),
                "-o",
                t / "f.gif",
            ],
            BEYOND_THE_WINDOW[case][1],
        )
        for case in BEYOND_THE_WINDOW
    },
    "a named pipe": (lambda t: ["compute", fifo(t)], "pipe.json is a named pipe (FIFO)"),
    "/dev/zero": (lambda t: ["compute", "/dev/zero"], "zero is a device, not a scene file."),
    "a 5000-digit number": (
        lambda t: ["compute", long_number(t)],
        "digits.json holds a number too long to read.",
    ),
    "1000-deep nesting": (lambda t: ["compute", deep(t, 1000)], "nested too deeply"),
    "980-deep nesting": (lambda t: ["compute", deep(t, 980)], "not 5-D or more"),
    "a file over 64 MB": (
        lambda t: ["compute", sparse(t / "huge.json", 64 * 2**20 + 1)],
        "huge.json is too large to be a scene file",
    ),
    "compute over budget": (
        lambda t: ["compute", padded_4096(t)],
        # 3.01 GB to compute, and 3 × 8193² values to print as text (18.8 GB)
        "This scene needs 5.44 billion multiply-adds and 21.8 GB; "
        "the budget is 1 billion and 1 GB.",
    ),
    "render over budget": (
        lambda t: ["render", padded_4096(t), "-o", t / "f.png"],
        "This scene needs 5.44 billion multiply-adds",
    ),
    "a 300×300 kernel on a big input": (
        lambda t: ["compute", big_kernel(t)],
        "This scene needs 44.2 billion multiply-adds",
    ),
    "-o a named pipe": (
        lambda t: ["compute", WORKED, "-o", fifo(t)],
        "Cannot write ",
    ),
    "-o a device": (
        lambda t: ["compute", WORKED, "-o", device(t)],
        "/full: it is a device, not a file.",
    ),
    "-o a folder": (lambda t: ["compute", WORKED, "-o", t], "it is a folder, not a file."),
    "-o the scene it reads": (
        lambda t: ["compute", copy_of_worked(t), "-o", t / "scene.json"],
        "Cannot write ",
    ),
    "-o a hard link to the scene": (
        lambda t: ["compute", copy_of_worked(t), "-o", linked(t, os.link)],
        "it is the file being read.",
    ),
    "-o a symlink to the scene": (
        lambda t: ["compute", copy_of_worked(t), "-o", linked(t, os.symlink)],
        "it is the file being read.",
    ),
    "render -o a symlink to a device": (
        lambda t: ["render", WORKED, "-o", device_link(t)],
        "it is a device, not a file.",
    ),
    "render -o the scene it reads": (
        lambda t: ["render", copy_of_worked(t, "scene.png"), "-o", t / "scene.png"],
        "it is the file being read.",
    ),
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
        "argument --step: “two” is not a whole number",
    ),
    "render of an impossible scene": (
        lambda t: ["render", impossible(t), "-o", t / "f.png"],
        "the scene's settings are impossible, so it has no steps: The kernel spans 3 rows",
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
        "neither a command (compute, render, gif, lessons, presets, train), a lesson",
    ),
    "gif over budget": (
        lambda t: ["gif", padded_4096(t), "-o", t / "f.gif"],
        "This scene needs 5.44 billion multiply-adds",
    ),
    "gif to a non-GIF name": (
        lambda t: ["gif", WORKED, "-o", t / "run.png"],
        "gif writes GIF animations: name the file .gif, not “run.png”",
    ),
    "gif into a missing folder": (
        lambda t: ["gif", WORKED, "-o", t / "no" / "f.gif"],
        "does not exist",
    ),
    "gif -o the scene it reads": (
        lambda t: ["gif", copy_of_worked(t, "scene.gif"), "-o", t / "scene.gif"],
        "it is the file being read.",
    ),
    "gif -o a symlink to a device": (
        lambda t: ["gif", WORKED, "-o", device_link(t, "run.gif")],
        "it is a device, not a file.",
    ),
    "gif -o a folder": (
        lambda t: ["gif", WORKED, "-o", folder(t, "f.gif")],
        "it is a folder, not a file.",
    ),
    "gif of an impossible scene": (
        lambda t: ["gif", impossible(t), "-o", t / "f.gif"],
        "impossible, so it has no steps",
    ),
    "gif size below the window": (
        lambda t: ["gif", WORKED, "-o", t / "f.gif", "--size", "700x700"],
        "--size 700x700 is smaller than the window can be for this scene (at least 800x480)",
    ),
    "render size below the window": (
        lambda t: ["render", WORKED, "-o", t / "f.png", "--size", "1280x400"],
        "--size 1280x400 is smaller than the window can be for this scene",
    ),
    "gif size not WxH": (
        lambda t: ["gif", WORKED, "-o", t / "f.gif", "--size", "1280"],
        "--size must look like 1280x720",
    ),
    "gif fps too fast": (
        lambda t: ["gif", WORKED, "-o", t / "f.gif", "--fps", "31"],
        "--fps must be between 0.25 and 30 steps per second, not 31",
    ),
    "gif fps zero": (
        lambda t: ["gif", WORKED, "-o", t / "f.gif", "--fps", "0"],
        "--fps must be between 0.25 and 30",
    ),
    "gif fps nan": (
        lambda t: ["gif", WORKED, "-o", t / "f.gif", "--fps", "nan"],
        "--fps must be between 0.25 and 30",
    ),
    "gif fps not a number": (
        lambda t: ["gif", WORKED, "-o", t / "f.gif", "--fps", "fast"],
        "argument --fps: “fast” is not a number",
    ),
    "gif too large for memory": (
        lambda t: [
            "gif",
            scene_file(t, "many.json", input=[[1] * 32] * 32, kernels=[[[[1]]]] * 8),
            "-o",
            t / "f.gif",
            "--size",
            "1920x1080",
        ],
        "A GIF of 8192 frames at 1920×1080 is too large (at most 289 frames at that size)",
    ),
    "gif without -o": (lambda t: ["gif", WORKED], "-o/--output"),
    "unknown launcher option": (lambda t: ["--frobnicate"], "unrecognized arguments"),
}


@pytest.mark.parametrize("case", list(ERRORS))
def test_a_bad_argument_or_file_is_one_line_and_status_2(tmp_path, case):
    make_args, expected = ERRORS[case]
    args = make_args(tmp_path)
    before = sorted(tmp_path.iterdir())
    result = run(*args, cwd=tmp_path, timeout=20)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("convstudio: error: ")
    assert expected in lines[0]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "f.png").exists()
    assert sorted(tmp_path.iterdir()) == before  # nothing written, no temporary left


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


def test_stdin_is_refused_when_it_is_a_pipe():
    result = run("compute", "/dev/stdin", input="{}", timeout=20)
    assert result.returncode == 2
    assert result.stderr == ("convstudio: error: stdin is a named pipe (FIFO), not a scene file.\n")


# ---------------------------------------------------------------- budget


def test_no_budget_computes_a_scene_over_the_budget(tmp_path):
    # 1.6 billion multiply-adds on a 400×400 padded input: a few seconds, not refused.
    path = scene_file(tmp_path, "heavy.json", input=[[1] * 10] * 10, kernels=[[1] * 200] * 200)
    path.write_text(path.read_text().replace('"kernels"', '"padding": 195, "kernels"'))
    refused = run("compute", path, "--json")
    assert refused.returncode == 2
    assert "This scene needs 1.62 billion multiply-adds" in refused.stderr
    result = run("compute", path, "--json", "--no-budget")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["output_shape"] == [1, 201, 201]
    assert payload["macs"] == 201 * 201 * 200 * 200
    assert payload["output"][0][100][100] == 100  # the whole input under the kernel


def test_help_documents_no_budget():
    result = run("compute", "--help")
    assert result.returncode == 0
    assert "--no-budget" in result.stdout


# ---------------------------------------------------------------- output faults


needs_dev_full = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")


@needs_dev_full
def test_stdout_on_a_full_disk_is_one_line():
    with open("/dev/full", "w") as full:
        result = run("compute", WORKED, stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == 2
    assert result.stderr == (
        "convstudio: error: cannot print the output: No space left on device\n"
    )


@needs_dev_full
def test_help_on_a_full_disk_is_one_line():
    with open("/dev/full", "w") as full:
        result = run("--help", stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr


def close_fd(fd: int):
    return lambda: os.close(fd)


def test_a_closed_stdout_is_one_line():
    result = run("compute", WORKED, stdout=None, stderr=subprocess.PIPE, preexec_fn=close_fd(1))
    assert result.returncode == 2
    assert result.stderr == (
        "convstudio: error: cannot print the output: standard output is closed\n"
    )


def test_a_closed_pipe_is_silent_and_status_2():
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before the first write: EPIPE, every time
    try:
        result = run("compute", WORKED, "--json", stdout=write_end, stderr=subprocess.PIPE)
    finally:
        os.close(write_end)
    assert result.returncode == 2
    assert result.stderr == ""


@pytest.mark.parametrize("args", [["compute", "nowhere.json"], ["compute", WORKED, "--colour"]])
def test_a_closed_stderr_still_exits_2(tmp_path, args):
    result = run(*args, cwd=tmp_path, preexec_fn=close_fd(2))
    assert result.returncode == 2
    assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_a_closed_stderr_does_not_let_the_csv_take_its_place(tmp_path):
    target = tmp_path / "out.csv"
    result = run("compute", WORKED, "-o", target, preexec_fn=close_fd(2))
    assert result.returncode == 0
    assert target.read_text().splitlines()[0] == "429,505,686,856"


def test_o_follows_a_symlink_to_a_regular_file(tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    result = run("compute", WORKED, "-o", link)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()  # the link is kept, its file replaced
    assert real.read_text().splitlines()[0] == "429,505,686,856"


def small_files(limit: int):
    """A child whose files cannot grow past *limit* bytes: a full disk, even for root."""

    def apply() -> None:
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of death
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


needs_rlimit = pytest.mark.skipif(sys.platform == "win32", reason="needs RLIMIT_FSIZE")


@needs_rlimit
def test_csv_on_a_full_disk_is_one_line_and_keeps_the_old_file(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old")
    path = scene_file(tmp_path, "big.json", input=[[1] * 100] * 100, kernels=[[1]])
    result = run("compute", path, "-o", target, preexec_fn=small_files(4000))
    assert result.returncode == 2
    assert result.stderr == f"convstudio: error: cannot write {target}: File too large\n"
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.json", "out.csv"]


@needs_rlimit
def test_render_on_a_full_disk_is_one_line_without_libpng(tmp_path):
    target = tmp_path / "frame.png"
    result = run("render", WORKED, "-o", target, preexec_fn=small_files(4000))
    assert result.returncode == 2
    assert result.stderr == f"convstudio: error: cannot write {target}: File too large\n"
    assert list(tmp_path.iterdir()) == []


@needs_rlimit
def test_gif_on_a_full_disk_is_one_line_and_keeps_the_old_file(tmp_path):
    target = tmp_path / "run.gif"
    target.write_bytes(b"old")
    result = run("gif", WORKED, "-o", target, preexec_fn=small_files(4000))
    assert result.returncode == 2
    assert result.stderr == f"convstudio: error: cannot write {target}: File too large\n"
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["run.gif"]


@needs_rlimit
def test_stdout_into_a_file_that_cannot_grow(tmp_path):
    path = scene_file(tmp_path, "big.json", input=[[1] * 100] * 100, kernels=[[1]])
    with open(tmp_path / "out.txt", "w") as out:
        result = run(
            "compute", path, stdout=out, stderr=subprocess.PIPE, preexec_fn=small_files(4000)
        )
    assert result.returncode == 2
    assert result.stderr == "convstudio: error: cannot print the output: File too large\n"


# ---------------------------------------------------------------- a display that does not answer


def x_env(display: str) -> dict[str, str]:
    return {**headless_env(), "DISPLAY": display}


@pytest.mark.skipif(sys.platform != "linux", reason="X11 probing is for Linux")
@pytest.mark.parametrize("display", [":87", ":87.0", "unix:87", "127.0.0.1:87", "no-colon"])
def test_a_display_nobody_listens_on_is_one_line_not_a_core_dump(display):
    from convstudio.cli import x_display_answers

    if x_display_answers(display):
        pytest.skip(f"an X server answers at {display}")
    result = run(WORKED, env=x_env(display), timeout=30)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"convstudio: error: there is no X display answering at DISPLAY={display}, so the "
        "window cannot open; “convstudio render SCENE.json -o frame.png” draws a frame "
        "without one"
    ]


@pytest.mark.skipif(sys.platform != "linux", reason="abstract sockets are Linux")
def test_the_probe_finds_a_listening_display():
    import socket

    from convstudio.cli import x_display_answers

    for number in range(9100, 9200):
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            server.bind(f"\0/tmp/.X11-unix/X{number}")
        except OSError:
            server.close()
            continue
        break
    else:
        pytest.skip("no free display number")
    with server:
        server.listen(8)
        assert x_display_answers(f":{number}")
        assert x_display_answers(f":{number}.0")
        assert x_display_answers(f"unix:{number}")
    assert not x_display_answers(f":{number}")
    assert not x_display_answers("")


def test_render_and_gif_present_draw_the_presentation_stage(tmp_path):
    from PIL import Image

    editing, presenting = tmp_path / "editing.png", tmp_path / "presenting.png"
    assert run("render", WORKED, "-o", editing, "--size", "1280x720").returncode == 0
    assert (
        run("render", WORKED, "-o", presenting, "--size", "1280x720", "--present").returncode == 0
    )
    with Image.open(editing) as a, Image.open(presenting) as b:
        assert a.size == b.size == (1280, 720)
        # The editor's spin boxes and tabs are gone: the pictures differ.
        assert a.tobytes() != b.tobytes()
    run_gif = tmp_path / "present.gif"
    assert run("gif", WORKED, "-o", run_gif, "--present").returncode == 0
    with Image.open(run_gif) as gif:
        assert gif.n_frames == 16


# ---------------------------------------------------------------- in Chinese


def chinese_env() -> dict[str, str]:
    """LANGUAGE=zh_TW, as gettext reads it (a locale of C would make it ignored)."""
    env = {k: v for k, v in headless_env().items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    return {**env, "LANGUAGE": "zh_TW"}


ARGPARSE_ENGLISH = re.compile(
    r"usage|positional arguments|options:|show this help|show the version|"
    r"unrecognized arguments|required:"
)


def test_help_and_argparse_errors_are_in_chinese():
    env = chinese_env()
    for args in (["--help"], ["compute", "--help"], ["gif", "--help"]):
        shown = run(*args, env=env)
        assert shown.returncode == 0, shown.stderr
        assert not ARGPARSE_ENGLISH.search(shown.stdout), shown.stdout
        assert "用法：" in shown.stdout and "選項" in shown.stdout
    assert "位置參數" in run("--help", env=env).stdout
    for args in (["compute", WORKED, "--colour"], ["compute"]):
        refused = run(*args, env=env)
        assert refused.returncode == 2
        assert len(refused.stderr.splitlines()) == 1
        assert not ARGPARSE_ENGLISH.search(refused.stderr), refused.stderr
    assert "無法辨識的參數：--colour" in run("compute", WORKED, "--colour", env=env).stderr
    # English stays English.
    assert "positional arguments" in run("--help").stdout


def zh_tw_lesson_notes() -> list[str]:
    """The shipped lessons' notes in 繁體中文, from the translation file."""
    import xml.etree.ElementTree as ET

    from convstudio.model import resource_dir
    from convstudio.model.lessons import lessons

    notes = {x.note for x in lessons()}
    ts = ET.parse(resource_dir() / "translations" / "convstudio_zh_TW.ts")
    return [
        message.findtext("translation")
        for context in ts.getroot().iter("context")
        if context.findtext("name") == "Lessons"
        for message in context.iter("message")
        if message.findtext("source") in notes
    ]


def test_lessons_in_chinese_wrap_by_display_width_between_phrases():
    from convstudio.cli import display_width

    env = {**headless_env(), "LC_ALL": "zh_TW.UTF-8", "LANG": "zh_TW.UTF-8"}
    listed = run("lessons", env=env)
    assert listed.returncode == 0, listed.stderr
    blocks = [
        [line[4:] for line in block.splitlines()[1:]] for block in listed.stdout.split("\n\n")
    ]
    notes = {note.replace(" ", ""): note for note in zh_tw_lesson_notes()}
    assert len(blocks) == len(notes)
    for lines in blocks:
        assert all(display_width(line) <= 84 for line in lines)  # 88 columns with the indent
        assert not [line for line in lines if line[0] in "，。、；：！？）」"]
        note = notes["".join(lines).replace(" ", "")]
        at = 0
        for line in lines[:-1]:
            at = note.index(line, at) + len(line)
            if note[at] != " ":  # not at a space: beside a wide (Chinese) character
                assert display_width(note[at - 1 : at + 1]) > 2, (line, note[at:])
    # Full lines: far wider than the old 44 characters of two columns each.
    assert max(display_width(line) for lines in blocks for line in lines) > 80


def test_a_line_ends_at_a_pause_rather_than_inside_a_phrase():
    from convstudio.cli import display_width, wrap_to_width

    text = "一二三四五六七八九十一二，三四五六七八九十一二三四五六七八九十一二三四"
    lines = wrap_to_width(text, 30)
    assert lines[0] == "一二三四五六七八九十一二，"  # not cut in the next phrase
    assert all(display_width(line) <= 30 for line in lines)
    assert "".join(lines) == text
    # A phrase longer than a line is cut between characters; a word never.
    assert wrap_to_width("三四五六七八九十一二三四", 10) == ["三四五六七", "八九十一二", "三四"]
    assert wrap_to_width("看 convolution 的結果", 12) == ["看", "convolution", "的結果"]


# ---------------------------------------------------------------- bounded work, short lines


def padded_4000(tmp_path: Path) -> Path:
    """The issue's 95-byte scene: a cheap convolution with 64 million values to print."""
    path = tmp_path / "padded.json"
    path.write_text(
        '{"format":"convstudio-scene","version":1,"input":[[1]],"kernels":[[1]],"padding":4000}'
    )
    return path


def named(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def kernel_file(tmp_path: Path, slices: int) -> Path:
    data = {
        "format": "convstudio-kernel",
        "version": 1,
        "name": "deep",
        "weights": [[[1]]] * slices,
    }
    return named(tmp_path, f"deep-{slices}.json", json.dumps(data))


LONG_NAME = "a" * 300  # one name longer than any file system's 255 bytes
CONTROLS = "\n\x1b[2J"  # a new line, and the escape that clears a terminal
LONG_DIGITS = "9" * 4000  # a number Python can read, far too long to quote
TOO_MANY_DIGITS = "9" * 5000  # one it cannot (more than 4300 digits)

BOUNDED = {
    "padding 4000 printed": (
        lambda t: ["compute", padded_4000(t)],
        "This scene needs 64 million multiply-adds and 6.92 GB; the budget is 1 billion and 1 GB.",
    ),
    "padding 4000 as JSON": (
        lambda t: ["compute", padded_4000(t), "--json"],
        # The output twice: as "output", and as the one layer's in "layers".
        "This scene needs 64 million multiply-adds and 8.71 GB; the budget is 1 billion and 1 GB.",
    ),
    "padding 4000 as CSV": (
        lambda t: ["compute", padded_4000(t), "-o", t / "out.csv"],
        "This scene needs 64 million multiply-adds and 3.34 GB",
    ),
    "2.25 million values printed": (
        lambda t: ["compute", scene_file(t, "wide.json", input=[[1] * 1500] * 1500, kernels=[[1]])],
        "This scene's output has 2.25 million values to print or write; the budget is 2 million.",
    ),
    "gif at 7680x4320": (
        lambda t: ["gif", "worked-example", "--size", "7680x4320", "-o", t / "f.gif"],
        "A GIF of 16 frames at 7680×4320 is too large (at most 2 frames at that size)",
    ),
    **{
        f"{command} a name of 300 characters": (
            lambda t, command=command: [
                *([] if command == "launch" else [command]),
                LONG_NAME,
                *({"render": ["-o", t / "f.png"], "gif": ["-o", t / "f.gif"]}.get(command, [])),
            ],
            "…" + "a" * 50 + ": File name too long.",
        )
        for command in ("compute", "render", "gif", "launch")
    },
    "render -o a name of 300 characters": (
        lambda t: ["render", WORKED, "-o", t / (LONG_NAME + ".png")],
        "a.png: File name too long.",
    ),
    "--kernel a name of 300 characters": (
        lambda t: ["compute", WORKED, "--kernel", t / LONG_NAME],
        "a: File name too long.",
    ),
    "a missing file named with control characters": (
        lambda t: ["compute", f"nowhere{CONTROLS}.json"],
        "There is no file nowhere\\n\\x1b[2J.json.",
    ),
    "a damaged file named with control characters": (
        lambda t: ["compute", named(t, f"bad{CONTROLS}.json", "{")],
        "bad\\n\\x1b[2J.json is not valid JSON",
    ),
    "an unknown key with control characters": (
        lambda t: ["compute", scene_file(t, "key.json", **{f"a{CONTROLS}\x00b": 1})],
        "Unknown field “a\\n\\x1b[2J\\x00b”.",
    ),
    "-o a name with control characters": (
        lambda t: ["compute", WORKED, "-o", t / f"no{CONTROLS}" / "out.csv"],
        "no\\n\\x1b[2J/out.csv",
    ),
    "a version of 4000 digits": (
        lambda t: [
            "compute",
            named(t, "v.json", '{"format": "convstudio-scene", "version": -' + LONG_DIGITS + "}"),
        ],
        "v.json: “version” must be 1 or 2, not a number of about 4001 digits.",
    ),
    "--step of 5000 digits": (
        lambda t: ["render", WORKED, "-o", t / "f.png", "--step", TOO_MANY_DIGITS],
        "argument --step: “" + "9" * 39 + "…” is too long a number",
    ),
    "--step of 4000 digits": (
        lambda t: ["render", WORKED, "-o", t / "f.png", "--step", LONG_DIGITS],
        "--step must be between 0 and 15 for this scene, not " + "9" * 39 + "…",
    ),
    "--fps of 5000 characters": (
        lambda t: ["gif", WORKED, "-o", t / "f.gif", "--fps", "x" * 5000],
        "argument --fps: “" + "x" * 39 + "…” is not a number",
    ),
    "--size of 4000 digits": (
        lambda t: ["render", WORKED, "-o", t / "f.png", "--size", LONG_DIGITS + "x240"],
        "is out of range (320x240 to 7680x4320)",
    ),
    "an unknown option of 5000 characters": (
        lambda t: ["compute", WORKED, "--" + "x" * 5000],
        "unrecognized arguments: --xxx",
    ),
    **{
        f"{command} -o an empty name": (
            lambda t, command=command: [command, WORKED, "-o", ""],
            "The name of the file to write is empty.",
        )
        for command in ("compute", "render", "gif")
    },
    **{
        f"{command} -o a name ending in /": (
            lambda t, command=command, name=name: [command, WORKED, "-o", f"{t / name}/"],
            f"{name}/: a name ending in / is a folder, not a file.",
        )
        for command, name in (("compute", "out.csv"), ("render", "f.png"), ("gif", "f.gif"))
    },
    "a kernel of 65 slices": (
        lambda t: ["compute", WORKED, "--kernel", kernel_file(t, 65)],
        "has 65 slices, one per input channel; a scene has at most 64 input channels.",
    ),
    "a kernel of 500000 slices": (
        lambda t: ["compute", WORKED, "--kernel", kernel_file(t, 500_000)],
        "is too large to be a kernel file (more than 1 MB).",
    ),
    "render a kernel of 10 slices": (
        lambda t: ["render", WORKED, "-o", t / "f.png", "--kernel", kernel_file(t, 10)],
        "This kernel has 10 slices, one per input channel, but the input can have at most "
        "4 channels.",
    ),
}


@pytest.mark.parametrize("case", list(BOUNDED))
def test_work_is_bounded_and_every_refusal_is_one_short_line(tmp_path, case):
    make_args, expected = BOUNDED[case]
    args = make_args(tmp_path)
    before = sorted(tmp_path.iterdir())
    result = run(*args, cwd=tmp_path, timeout=60)
    assert result.returncode == 2, result.stderr[:300]
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr[:300]
    assert len(lines[0]) <= 240, lines[0][:300]
    assert "\x1b" not in result.stderr and "\x00" not in result.stderr
    assert lines[0].startswith("convstudio: error: ")
    assert expected in lines[0]
    assert sorted(tmp_path.iterdir()) == before  # nothing written, no temporary left
    assert not Path(f"{tmp_path}/out.csv").exists()


def test_a_10_slice_kernel_still_says_what_compute_needs(tmp_path):
    # compute takes scenes of up to 64 channels: setting the input to 10 is possible there.
    result = run("compute", WORKED, "--kernel", kernel_file(tmp_path, 10))
    assert result.returncode == 2
    assert "set the input to 10 channels first" in result.stderr


# A command whose write stops once its temporary is written, until a signal comes.
STOPPED_WRITE = """
import os, signal, sys
from convstudio import cli

def fsync(fd):
    print("writing", flush=True)  # the temporary is on disk now
    signal.pause()

os.fsync = fsync
sys.exit(cli.main(sys.argv[1:]))
"""

STOPPED = [("compute", "out.csv", name) for name in ("SIGTERM", "SIGINT", "SIGHUP")] + [
    ("render", "f.png", "SIGTERM"),
    ("gif", "f.gif", "SIGINT"),
]


@pytest.mark.skipif(sys.platform == "win32", reason="signals are POSIX")
@pytest.mark.parametrize(("command", "name", "signal_name"), STOPPED)
def test_a_write_stopped_by_a_signal_leaves_no_temporary(tmp_path, command, name, signal_name):
    import signal

    number = getattr(signal, signal_name)
    target = tmp_path / name
    target.write_bytes(b"the old file")
    child = subprocess.Popen(
        [sys.executable, "-c", STOPPED_WRITE, command, WORKED, "-o", str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=headless_env(),
    )
    try:
        assert child.stdout.readline() == "writing\n", child.stderr.read()
        assert len(list(tmp_path.iterdir())) == 2  # the file, and the temporary being written
        child.send_signal(number)
        child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -number  # ended by the signal, as the shell expects
    assert [p.name for p in tmp_path.iterdir()] == [name]
    assert target.read_bytes() == b"the old file"


@pytest.mark.skipif(sys.platform == "win32", reason="removal is POSIX-only")
@pytest.mark.parametrize(
    ("command", "name"), [("compute", "out.csv"), ("render", "f.png"), ("gif", "f.gif")]
)
def test_every_command_clears_what_killed_writes_of_its_target_left(tmp_path, command, name):
    dead = 2**31 - 1  # no such process
    left = tmp_path / f".{name}.convstudio-{dead}-zz9_.tmp"
    in_progress = tmp_path / f".{name}.convstudio-{os.getpid()}-abc123.tmp"
    another_files = tmp_path / f".other.csv.convstudio-{dead}-zz9_.tmp"
    for path in (left, in_progress, another_files):
        path.write_text("x")
    result = run(command, WORKED, "-o", tmp_path / name)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [name, in_progress.name, another_files.name]
    )
