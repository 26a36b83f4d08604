"""Image mode: reading images, the whole-image result, regions as inputs, bad images."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from convstudio.engine import conv2d
from convstudio.model import Scene, Studio
from convstudio.model.image import ImageError, as_channels, image_output, region_scene
from convstudio.qt.image_window import ImageWindow, read_image


def write_png(path: Path, pixels: np.ndarray) -> Path:
    height, width = pixels.shape[:2]
    data = np.ascontiguousarray(pixels, dtype=np.uint8).tobytes()
    image = QImage(data, width, height, 3 * width, QImage.Format.Format_RGB888)
    assert image.save(str(path))
    return path


def png_header_claiming(path: Path, width: int, height: int) -> Path:
    """A PNG whose header says width×height; its pixel data is a token (never decoded)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + chunk(b"IEND", b"")
    )
    return path


@pytest.fixture
def pixels() -> np.ndarray:
    return np.random.default_rng(1).integers(0, 256, (40, 50, 3), dtype=np.uint8)


@pytest.fixture
def studio() -> Studio:
    return Studio(Scene(input=np.zeros((6, 6)), kernels=[[1, 0, -1], [2, 0, -2], [1, 0, -1]]))


def test_a_png_reads_back_pixel_for_pixel(tmp_path, qapp, pixels):
    assert (read_image(write_png(tmp_path / "a.png", pixels)) == pixels).all()


def test_grey_is_the_luma_of_rgb_and_rgb_keeps_its_channels(pixels):
    grey = as_channels(pixels, 1)
    expected = np.round(pixels @ np.array([0.299, 0.587, 0.114]))
    np.testing.assert_array_equal(grey[0], expected)
    np.testing.assert_array_equal(as_channels(pixels, 3)[2], pixels[..., 2])


def test_the_whole_image_result_is_the_engines(studio, pixels):
    out = image_output(studio.document.scene, pixels)
    expected = conv2d(as_channels(pixels, 1)[0], studio.document.scene.kernels[0, 0])
    np.testing.assert_allclose(out[0], expected)


def test_a_region_becomes_the_input_and_the_kernel_follows_the_channels(studio, pixels):
    scene = region_scene(studio.document.scene, pixels, 5, 7, 8, 9, colour=True)
    assert scene.input.shape == (3, 8, 9)
    np.testing.assert_array_equal(scene.input, np.moveaxis(pixels[5:13, 7:16], -1, 0))
    assert scene.kernels.shape == (1, 3, 3, 3)
    # The grey kernel is applied to each of R, G and B.
    assert (scene.kernels[0, 1] == scene.kernels[0, 0]).all()
    assert scene.channel_names == ("R", "G", "B")
    with pytest.raises(ImageError, match="inside the image"):
        region_scene(studio.document.scene, pixels, 35, 0, 8, 8, colour=False)
    with pytest.raises(ImageError, match="1 to 32"):
        region_scene(studio.document.scene, pixels, 0, 0, 33, 8, colour=False)


def test_the_window_shows_the_result_and_steps_a_region(qtbot, studio, pixels, tmp_path):
    messages: list[str] = []
    window = ImageWindow(studio, messages.append)
    qtbot.addWidget(window)
    assert window.open_image(write_png(tmp_path / "a.png", pixels))
    assert window.result.shape == (1, 38, 48)
    studio.document.set_kernel([[0, 0, 0], [0, 2, 0], [0, 0, 0]])  # an edit recomputes
    np.testing.assert_allclose(window.result[0], 2 * as_channels(pixels, 1)[0, 1:-1, 1:-1])
    window.set_region(4, 6, 10, 12)
    assert window.apply_region()
    assert studio.document.scene.input.shape == (1, 10, 12)
    assert studio.position == 0
    studio.document.undo()
    assert studio.document.scene.input.shape == (1, 6, 6)
    assert messages == []


def test_a_region_smaller_than_the_kernel_is_refused_in_words(qtbot, studio, pixels, tmp_path):
    messages: list[str] = []
    window = ImageWindow(studio, messages.append)
    qtbot.addWidget(window)
    assert window.open_image(write_png(tmp_path / "a.png", pixels))
    before = studio.document.scene
    window.set_region(4, 6, 2, 2)  # 2×2 pixels under a 3×3 kernel
    assert not window.apply_region()
    assert studio.document.scene is before
    assert messages[-1].startswith("The kernel spans 3 rows but the padded input has only 2")
    assert messages[-1].endswith("The settings stay as they were.")


def test_bad_images_are_refused_in_words_and_the_old_one_kept(qtbot, studio, pixels, tmp_path):
    messages: list[str] = []
    window = ImageWindow(studio, messages.append)
    qtbot.addWidget(window)
    assert window.open_image(write_png(tmp_path / "a.png", pixels))
    (tmp_path / "text.png").write_text("not an image")
    assert not window.open_image(tmp_path / "text.png")
    assert "not an image" in messages[-1]
    assert not window.open_image(png_header_claiming(tmp_path / "huge.png", 20000, 20000))
    assert "20000×20000" in messages[-1] and "up to 4096×4096" in messages[-1]
    whole = write_png(tmp_path / "whole.png", pixels).read_bytes()
    (tmp_path / "cut.png").write_bytes(whole[: len(whole) // 2])  # a download cut short
    assert not window.open_image(tmp_path / "cut.png")
    assert "cut.png could not be read" in messages[-1]
    assert window.pixels.shape == (40, 50, 3)  # still the first image


def test_a_region_larger_than_the_grid_is_clamped(qtbot, studio, pixels, tmp_path):
    window = ImageWindow(studio, lambda _text: None)
    qtbot.addWidget(window)
    window.open_image(write_png(tmp_path / "a.png", pixels))
    window.region.setSize((45, 38))
    assert window.region_box()[2:] == (32, 32)
