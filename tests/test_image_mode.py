"""Image mode: reading images, the whole-image result, regions as inputs, bad images."""

from __future__ import annotations

import struct
import threading
import zlib
from pathlib import Path
from typing import ClassVar

import numpy as np
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage

from convstudio.engine import conv2d
from convstudio.model import Scene, Studio
from convstudio.model import image as image_model
from convstudio.model.image import (
    Cancelled,
    ImageError,
    as_channels,
    check_complete,
    image_output,
    image_planes,
    region_scene,
)
from convstudio.qt import image_window
from convstudio.qt.background import LatestJob
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


def opened(qtbot, window: ImageWindow, path: Path) -> bool:
    """Open *path* and wait until it is shown (it is decoded on a worker thread)."""
    with qtbot.waitSignal(window.image_loaded, timeout=20000):
        assert window.open_image(path)
    return True


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
    window.show()  # a hidden window leaves edits until it is shown again
    assert opened(qtbot, window, write_png(tmp_path / "a.png", pixels))
    assert window.result.shape == (1, 38, 48)  # small: computed at once
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
    assert opened(qtbot, window, write_png(tmp_path / "a.png", pixels))
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
    assert opened(qtbot, window, write_png(tmp_path / "a.png", pixels))
    (tmp_path / "text.png").write_text("not an image")
    assert not window.open_image(tmp_path / "text.png")
    assert "not an image" in messages[-1]
    assert not window.open_image(png_header_claiming(tmp_path / "huge.png", 20000, 20000))
    assert "20000×20000" in messages[-1] and "up to 4096×4096" in messages[-1]
    whole = write_png(tmp_path / "whole.png", pixels).read_bytes()
    (tmp_path / "cut.png").write_bytes(whole[: len(whole) // 2])  # a download cut short
    assert not window.open_image(tmp_path / "cut.png")
    assert "cut.png is cut short" in messages[-1]
    assert window.pixels.shape == (40, 50, 3)  # still the first image


def test_a_region_larger_than_the_grid_is_clamped(qtbot, studio, pixels, tmp_path):
    window = ImageWindow(studio, lambda _text: None)
    qtbot.addWidget(window)
    opened(qtbot, window, write_png(tmp_path / "a.png", pixels))
    window.region.setSize((45, 38))
    assert window.region_box()[2:] == (32, 32)


def photo(height: int, width: int) -> np.ndarray:
    """Smooth colours with some noise: compresses like a photo, not like noise or flat grey."""
    rows, cols = np.mgrid[0:height, 0:width]
    rng = np.random.default_rng(2)
    rgb = np.stack([rows * 255 // height, cols * 255 // width, (rows + cols) % 256], axis=-1)
    return np.clip(rgb + rng.integers(-8, 9, rgb.shape), 0, 255).astype(np.uint8)


@pytest.mark.parametrize("suffix", ["png", "jpg"])
def test_a_file_cut_to_two_thirds_is_refused_in_words_and_the_old_image_kept(
    qtbot, studio, pixels, tmp_path, suffix
):
    whole = tmp_path / f"photo.{suffix}"
    image = QImage(np.ascontiguousarray(photo(300, 400)).tobytes(), 400, 300, 1200,
                   QImage.Format.Format_RGB888)  # fmt: skip
    assert image.save(str(whole))
    check_complete(whole)  # the whole file passes
    data = whole.read_bytes()
    cut = tmp_path / f"cut.{suffix}"
    cut.write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(ImageError, match="cut short"):
        check_complete(cut)
    messages: list[str] = []
    window = ImageWindow(studio, messages.append)
    qtbot.addWidget(window)
    assert opened(qtbot, window, write_png(tmp_path / "a.png", pixels))
    assert not window.open_image(cut)  # Qt would show a JPEG's missing third grey
    assert messages == [
        f"Could not open the image. cut.{suffix} is cut short (the file ends before the "
        "image does); it cannot be shown."
    ]
    assert window.pixels.shape == (40, 50, 3)


def test_the_result_is_banded_reports_progress_and_stops_when_cancelled(studio, monkeypatch):
    rgb = photo(300, 200)
    done: list[tuple[int, int]] = []
    scene = studio.document.scene.replace(padding=1)
    out = image_output(scene, rgb, progress=lambda d, t: done.append((d, t)))
    np.testing.assert_array_equal(out, scene.problem(as_channels(rgb, 1)).compute(np.float32))
    assert done == [(1, 1)]  # small: one band
    monkeypatch.setattr("convstudio.model.image._BAND_WORK", 9 * 200 * 20)  # 20 rows
    done.clear()
    with pytest.raises(Cancelled):
        image_output(scene, rgb, progress=lambda d, t: done.append((d, t)),
                     cancelled=lambda: len(done) >= 2)  # fmt: skip
    assert done == [(1, 15), (2, 15)]  # stopped after two of 15 bands


class Gate:
    """Holds the worker inside image_output until the test opens it (or the job is cancelled)."""

    def __init__(self, monkeypatch) -> None:
        self.open = threading.Event()
        self.started: list[Scene] = []
        self.progress: list[list[tuple[int, int]]] = []
        real = image_window.image_output

        def held(scene, rgb, *, progress=None, cancelled=None, planes=None, out=None):
            self.started.append(scene)
            calls: list[tuple[int, int]] = []
            self.progress.append(calls)
            while not (cancelled and cancelled()) and not self.open.wait(0.005):
                pass  # stands for a long computation that checks its flag between bands

            def record(done: int, total: int) -> None:
                calls.append((done, total))
                if progress is not None:
                    progress(done, total)

            return real(scene, rgb, progress=record, cancelled=cancelled, planes=planes, out=out)

        monkeypatch.setattr(image_window, "image_output", held)


@pytest.fixture
def threaded(qtbot, studio):
    """A shown window that sends every job to the worker thread."""
    window = ImageWindow(studio, lambda text: pytest.fail(text))
    qtbot.addWidget(window)
    window.inline_work = 0
    window.show()
    return window


def test_the_result_arrives_from_the_worker_and_is_the_engines(qtbot, threaded, studio, pixels,
                                                               tmp_path):  # fmt: skip
    progress: list[int] = []
    threaded.progress.valueChanged.connect(progress.append)
    with qtbot.waitSignal(threaded.result_ready):
        assert threaded.open_image(write_png(tmp_path / "a.png", pixels))
        assert threaded.result is None  # returns before the result exists
    expected = conv2d(as_channels(pixels, 1)[0], studio.document.scene.kernels[0, 0])
    np.testing.assert_array_equal(threaded.result[0], expected)
    assert progress[-1] == 1 and threaded.progress.isHidden()
    assert threaded.status.text().startswith("Result 48×38, computed at full resolution")


def test_a_large_image_shows_a_preview_first_then_the_full_result(
    qtbot, threaded, tmp_path, monkeypatch
):
    monkeypatch.setattr(image_window, "PREVIEW_WORK", 0)  # stands for a long computation
    shown: list[str] = []
    threaded.preview_ready.connect(lambda: shown.append(threaded.status.text()))
    threaded.result_ready.connect(lambda: shown.append(threaded.status.text()))
    with qtbot.waitSignal(threaded.result_ready, timeout=20000):
        threaded.open_image(write_png(tmp_path / "big.png", photo(1100, 600)))
    assert shown[0].startswith("Preview: every 3th pixel (198×365")  # ceil(1100 / 512) = 3
    assert shown[1].startswith("Result 598×1098, computed at full resolution")
    assert threaded.result.shape == (1, 1098, 598)
    # The picture drawn is the full one, coloured on the worker.
    assert threaded.result_image.image.shape == (1098, 598)


def test_a_quick_result_on_a_large_image_comes_without_a_preview(qtbot, threaded, tmp_path):
    # 1100×600 with a 3×3 kernel: 6 M multiply-adds, a few ms; a preview would delay it.
    previews: list[bool] = []
    threaded.preview_ready.connect(lambda: previews.append(True))
    with qtbot.waitSignal(threaded.result_ready, timeout=20000):
        threaded.open_image(write_png(tmp_path / "big.png", photo(1100, 600)))
    assert previews == []
    assert threaded.status.text().startswith("Result 598×1098, computed at full resolution")


def test_an_edit_cancels_the_running_job_and_only_the_newest_result_shows(
    qtbot, threaded, studio, pixels, tmp_path, monkeypatch
):
    gate = Gate(monkeypatch)
    results: list[np.ndarray] = []
    threaded.result_ready.connect(lambda: results.append(threaded.result))
    threaded.open_image(write_png(tmp_path / "a.png", pixels))
    qtbot.waitUntil(lambda: len(gate.started) == 1)  # the first job is running
    # The event loop runs while the worker is busy: a timer fires.
    fired: list[bool] = []
    QTimer.singleShot(1, lambda: fired.append(True))
    qtbot.waitUntil(lambda: bool(fired))
    assert not gate.open.is_set() and threaded.result is None
    studio.document.set_kernel([[0, 0, 0], [0, 2, 0], [0, 0, 0]])  # a newer edit
    with qtbot.waitSignal(threaded.result_ready):
        gate.open.set()
    assert len(gate.started) == 2
    assert gate.progress[0] == []  # the old job stopped before its first band
    assert gate.progress[1] == [(1, 1)]
    assert len(results) == 1  # the old result never showed
    np.testing.assert_array_equal(results[0][0], 2 * as_channels(pixels, 1)[0, 1:-1, 1:-1])


def test_progress_reaches_the_gui_thread_at_most_every_interval_and_always_the_last(qtbot):
    # 128 bands at 4096² sent 128 label and bar repaints to the GUI thread, half its work
    # for an edit; now the bands between two sends are skipped (never the cancel check).
    job = LatestJob(progress_interval=1e9)  # stands for bands quicker than the interval
    received: list[tuple[int, int]] = []
    job.progressed.connect(lambda done, total: received.append((done, total)))

    def work(ticket) -> int:
        for done in range(1, 51):
            ticket.progress(done, 50)
        return 50

    with qtbot.waitSignal(job.finished):
        job.start(work)
    assert received == [(1, 50), (50, 50)]  # the first, and the last (the bar full)
    job.shutdown()


def test_closing_the_window_while_a_job_runs_is_clean(qtbot, studio, pixels, tmp_path,
                                                      monkeypatch):  # fmt: skip
    gate = Gate(monkeypatch)
    window = ImageWindow(studio, lambda text: pytest.fail(text))
    qtbot.addWidget(window)
    window.inline_work = 0
    window.show()
    window.open_image(write_png(tmp_path / "a.png", pixels))
    qtbot.waitUntil(lambda: len(gate.started) == 1)
    ready: list[bool] = []
    window.result_ready.connect(lambda: ready.append(True))
    window.close()  # cancels the job and waits for the worker to let go
    assert gate.progress[0] == [] and not gate.open.is_set()
    studio.document.set_kernel([[1]])  # hidden: nothing starts
    assert len(gate.started) == 1
    gate.open.set()
    with qtbot.waitSignal(window.result_ready):
        window.show()  # shown again: the newest scene's result
    assert window.result.shape == (1, 40, 50) and ready == [True]


# An SVG of nested <use> elements: 3 levels of 10 here (8 levels took Qt's SVG reader 56 s).
NESTED_SVG = """<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
 width="64" height="64"><defs><rect id="a0" width="1" height="1"/>
{}</defs><use xlink:href="#a3"/></svg>""".format(
    "\n".join(
        f'<g id="a{level}">' + f'<use xlink:href="#a{level - 1}"/>' * 10 + "</g>"
        for level in range(1, 4)
    )
)


class RecordingReader(image_window.QImageReader):
    """Qt's image reader, remembering each one made (to see what it was told to read)."""

    made: ClassVar[list[image_window.QImageReader]] = []

    def __init__(self, *args) -> None:
        super().__init__(*args)
        RecordingReader.made.append(self)


@pytest.fixture
def readers(monkeypatch) -> list[image_window.QImageReader]:
    RecordingReader.made = []
    monkeypatch.setattr(image_window, "QImageReader", RecordingReader)
    return RecordingReader.made


def test_an_svg_named_png_is_refused_by_its_content_before_any_decoder_sees_it(
    qtbot, studio, pixels, tmp_path, readers
):
    messages: list[str] = []
    window = ImageWindow(studio, messages.append)
    qtbot.addWidget(window)
    svg = tmp_path / "photo.png"
    svg.write_text(NESTED_SVG)
    assert not window.open_image(svg)  # refused at once, on the GUI thread
    assert messages == [
        "Could not open the image. photo.png is not an image that can be read (PNG or JPEG)."
    ]
    assert readers == []  # no reader, so neither Qt's SVG plugin nor any other, saw it
    with pytest.raises(ImageError, match="not an image"):
        read_image(svg)
    assert window.pixels is None


def test_a_file_is_decoded_as_what_its_content_is_and_as_nothing_else(
    qapp, pixels, tmp_path, readers
):
    named_jpeg = write_png(tmp_path / "a.png", pixels).rename(tmp_path / "photo.jpg")
    np.testing.assert_array_equal(read_image(named_jpeg), pixels)
    assert readers  # every reader was told the format found in the file, and only that
    for reader in readers:
        assert bytes(reader.format()) == b"png"
        assert not reader.autoDetectImageFormat() and not reader.decideFormatFromContent()


def test_decoding_runs_on_a_worker_and_its_failure_is_said_in_words(
    qtbot, studio, pixels, tmp_path, monkeypatch
):
    threads: list[threading.Thread] = []
    real = image_window.decode_image

    def recording(path: Path) -> np.ndarray:
        threads.append(threading.current_thread())
        return real(path)

    monkeypatch.setattr(image_window, "decode_image", recording)
    messages: list[str] = []
    window = ImageWindow(studio, messages.append)
    qtbot.addWidget(window)
    assert opened(qtbot, window, write_png(tmp_path / "a.png", pixels))
    assert threads and threads[0] is not threading.main_thread()
    # A whole file whose header is right but whose pixel data is not.
    broken = png_header_claiming(tmp_path / "broken.png", 64, 64)
    assert window.open_image(broken)  # the header passes: refused only when decoded
    assert window.status.text() == "Opening broken.png…" and not window.progress.isHidden()
    qtbot.waitUntil(lambda: bool(messages))
    assert messages[0].startswith("Could not open the image. broken.png could not be read: ")
    assert threads[-1] is not threading.main_thread()
    assert window.pixels.shape == (40, 50, 3)  # the old image stays


def test_an_image_that_would_take_too_much_memory_is_refused_before_decoding(
    qtbot, studio, pixels, tmp_path, monkeypatch
):
    monkeypatch.setattr("convstudio.model.image.MAX_DECODE_MB", 2)
    messages: list[str] = []
    window = ImageWindow(studio, messages.append)
    qtbot.addWidget(window)
    assert opened(qtbot, window, write_png(tmp_path / "a.png", pixels))
    assert image_window.QImageReader.allocationLimit() == image_window.MAX_DECODE_MB  # Qt's too
    big = write_png(tmp_path / "big.png", np.zeros((1024, 1024, 3), dtype=np.uint8))
    assert not window.open_image(big)
    assert messages == [
        "Could not open the image. big.png would take 4 MB of memory to decode; "
        "ConvStudio decodes images of up to 2 MB."
    ]


@pytest.mark.parametrize("mode", ["zeros", "reflect", "replicate", "circular"])
@pytest.mark.parametrize(("channels", "groups"), [(1, 1), (3, 1), (3, 3), (4, 2)])
def test_the_kept_planes_give_the_numbers_of_converting_each_band(
    mode, channels, groups, monkeypatch
):
    rgb = photo(70, 90)
    rng = np.random.default_rng(4)
    scene = Scene(
        input=np.zeros((channels, 6, 6)),
        kernels=rng.integers(-3, 4, (groups * 2, channels // groups, 3, 3)).astype(float),
        bias=[0.5] * (groups * 2),
        groups=groups,
        padding=2,
        padding_mode=mode,
        stride=2,
        dilation=2,
    )
    monkeypatch.setattr("convstudio.model.image._BAND_WORK", 2000)  # many bands
    planes = image_planes(rgb, channels)
    assert planes.dtype == np.float32 and planes.shape == (3 if channels == 3 else 1, 70, 90)
    np.testing.assert_array_equal(image_output(scene, rgb, planes=planes), image_output(scene, rgb))
    # A preview samples the planes as it samples the pixels.
    np.testing.assert_array_equal(
        image_output(scene, rgb[::3, ::3], planes=planes[:, ::3, ::3]),
        image_output(scene, rgb[::3, ::3]),
    )


def test_edits_reuse_the_image_converted_once(qtbot, threaded, studio, tmp_path, monkeypatch):
    made: list[int] = []
    real = image_model.image_planes

    def counting(rgb: np.ndarray, channels: int) -> np.ndarray:
        made.append(channels)
        return real(rgb, channels)

    monkeypatch.setattr(image_model, "image_planes", counting)
    rgb = photo(60, 80)
    with qtbot.waitSignal(threaded.result_ready):
        threaded.open_image(write_png(tmp_path / "a.png", rgb))
    for weight in (2, 3):
        with qtbot.waitSignal(threaded.result_ready):
            studio.document.set_kernel([[0, 0, 0], [0, weight, 0], [0, 0, 0]])
        np.testing.assert_array_equal(
            threaded.result[0], weight * as_channels(rgb, 1)[0, 1:-1, 1:-1]
        )
    assert made == [1]  # converted to grey once, for the first result


def test_each_band_is_computed_into_the_result_itself(monkeypatch):
    # No band-sized result to allocate, zero and copy in: at 4096² that was a pass over
    # 335 MB per edit, and every zeroed array holds the GIL the GUI thread waits for.
    rgb = photo(70, 90)
    scene = Scene(
        input=np.zeros((3, 6, 6)),
        kernels=np.random.default_rng(6).integers(-3, 4, (2, 3, 3, 3)).astype(float),
        padding="same",
    )
    want = image_output(scene, rgb, planes=image_planes(rgb, 3))
    written: list[np.ndarray] = []
    real = image_model.correlate_padded

    def recording(*args, **kwargs):
        written.append(kwargs["out"])
        return real(*args, **kwargs)

    monkeypatch.setattr(image_model, "_BAND_WORK", 2000)  # many bands
    monkeypatch.setattr(image_model, "correlate_padded", recording)
    got = image_output(scene, rgb, planes=image_planes(rgb, 3))
    np.testing.assert_array_equal(got, want)
    assert len(written) > 1 and all(np.shares_memory(band, got) for band in written)


@pytest.mark.parametrize("mode", ["zeros", "reflect"])
def test_a_band_cut_from_the_planes_is_zero_exactly_in_the_padding(mode):
    # The band's margins are zeroed and the rest copied: nothing of the uninitialised
    # memory it starts from shows.
    planes = np.arange(1, 1 + 2 * 30 * 40, dtype=np.float32).reshape(2, 30, 40)
    rows = np.r_[-1, -1, 0:30, -1, -1, -1] if mode == "zeros" else np.r_[1, 0:30, 28]
    cols = np.r_[-1, 0:40, -1, -1] if mode == "zeros" else np.r_[2, 1, 0:40, 38]
    for _ in range(20):  # freed and allocated again: memory that held numbers before
        x = image_model._band_input(planes, rows, cols)
        want = planes[:, rows.clip(0)][:, :, cols.clip(0)]
        want[:, rows < 0] = 0.0
        want[:, :, cols < 0] = 0.0
        np.testing.assert_array_equal(x, want)
        assert x.flags.c_contiguous


def test_a_spare_buffer_is_taken_only_when_nothing_else_holds_it():
    assert image_model.spare_buffer([]) is None
    alone = np.zeros((2, 3, 4), dtype=np.float32)
    address = alone.ctypes.data
    kept = [alone]
    del alone
    taken = image_model.spare_buffer(kept)
    assert taken is not None and taken.ctypes.data == address and kept == []
    held = np.zeros((2, 3, 4), dtype=np.float32)
    assert image_model.spare_buffer([held]) is None  # the caller still holds it
    base = np.zeros((4, 3, 4), dtype=np.float32)
    view = base[:2]
    assert image_model.spare_buffer([view]) is None  # a view: its base lives on elsewhere
    del view


def test_the_result_can_be_written_over_an_earlier_one():
    rgb = photo(30, 40)
    scene = Scene(input=np.zeros((1, 6, 6)), kernels=np.ones((2, 1, 3, 3)), padding="same")
    want = image_output(scene, rgb)
    buffer = np.full((2, 30, 40), np.nan, dtype=np.float32)
    assert image_output(scene, rgb, out=buffer) is buffer
    np.testing.assert_array_equal(buffer, want)
    for wrong in (np.empty((2, 30, 41), np.float32), np.empty((2, 30, 40), np.float64)):
        with pytest.raises(ValueError, match="out is"):
            image_output(scene, rgb, out=wrong)


def test_an_edit_writes_over_the_last_result_unless_someone_still_holds_it(
    qtbot, threaded, studio, tmp_path, monkeypatch
):
    # A new 4096² result's 335 MB of fresh pages, and the old one's unmapping, stall the
    # GUI thread's own page faults: the memory of a result nobody holds is used again.
    given: list[int | None] = []  # the memory each computation was given to write over
    real = image_window.image_output

    def recording(*args, out=None, **kwargs):
        given.append(None if out is None else out.ctypes.data)
        return real(*args, out=out, **kwargs)

    monkeypatch.setattr(image_window, "image_output", recording)
    rgb = photo(60, 80)
    with qtbot.waitSignal(threaded.result_ready):
        threaded.open_image(write_png(tmp_path / "a.png", rgb))
    first = threaded.result.ctypes.data
    with qtbot.waitSignal(threaded.result_ready):
        studio.document.set_kernel([[0, 0, 0], [0, 2, 0], [0, 0, 0]])
    assert given == [None, first]  # the first result's memory, with the new numbers
    assert threaded.result.ctypes.data == first
    np.testing.assert_array_equal(threaded.result[0], 2 * as_channels(rgb, 1)[0, 1:-1, 1:-1])
    kept = threaded.result  # a caller keeps this result: it must not change
    with qtbot.waitSignal(threaded.result_ready):
        studio.document.set_kernel([[0, 0, 0], [0, 3, 0], [0, 0, 0]])
    assert given[-1] is None  # a new result, not over the one kept
    np.testing.assert_array_equal(kept[0], 2 * as_channels(rgb, 1)[0, 1:-1, 1:-1])
    np.testing.assert_array_equal(threaded.result[0], 3 * as_channels(rgb, 1)[0, 1:-1, 1:-1])
