"""Files checked before they are read or written (convstudio.model.files)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from convstudio.model.files import (
    FileCheckError,
    check_readable_file,
    check_writable_target,
    read_bytes_checked,
    read_text_checked,
)

needs_posix = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev are POSIX")


@pytest.fixture
def fifo(tmp_path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(fifo):
    # Opening a FIFO for reading blocks until a writer comes: this must not even open it.
    with pytest.raises(FileCheckError, match=r"^pipe\.json is a named pipe \(FIFO\), not a scene"):
        read_text_checked(fifo, 1000, "a scene file")


@needs_posix
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_a_device_is_refused(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    with pytest.raises(FileCheckError, match="is a device, not a scene file"):
        read_bytes_checked(device, 1000, "a scene file")


@pytest.mark.skipif(not os.path.exists("/proc/self/maps"), reason="needs Linux /proc")
def test_reading_stops_past_the_limit_whatever_the_size_says():
    # /proc files are regular files whose size says 0: only the bounded read catches them.
    assert os.stat("/proc/self/maps").st_size == 0
    with pytest.raises(FileCheckError, match="too large to be a preset file"):
        read_bytes_checked("/proc/self/maps", 16, "a preset file")


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(64 * 2**20 + 1)  # sparse: costs no disk
    with pytest.raises(FileCheckError, match=r"huge\.json is too large .*more than 64 MB"):
        check_readable_file(path, 64 * 2**20, "a scene file")


def test_a_file_at_the_limit_is_read(tmp_path):
    path = tmp_path / "exact.txt"
    path.write_bytes(b"x" * 100)
    assert read_bytes_checked(path, 100) == b"x" * 100
    with pytest.raises(FileCheckError, match="too large"):
        read_bytes_checked(path, 99)


def test_text_is_utf8_and_a_byte_order_mark_is_dropped(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes('\ufeff{"title": "Grüße"}'.encode())
    assert read_text_checked(path, 1000) == '{"title": "Grüße"}'
    path.write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(FileCheckError, match=r"bom\.json is not a text file"):
        read_text_checked(path, 1000, "a scene file")


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(FileCheckError, match=r"There is no file .*nowhere\.json"):
        read_text_checked(tmp_path / "nowhere.json", 1000)
    with pytest.raises(FileCheckError, match="is a folder, not a scene file"):
        read_text_checked(tmp_path, 1000, "a scene file")


# ---------------------------------------------------------------- writing


def test_a_new_file_or_a_regular_file_may_be_written(tmp_path):
    new = tmp_path / "out.csv"
    assert check_writable_target(new) == Path(os.path.realpath(new))
    new.write_text("old")
    assert check_writable_target(new) == Path(os.path.realpath(new))


def test_special_files_are_not_written(tmp_path, fifo):
    with pytest.raises(FileCheckError, match="it is a named pipe"):
        check_writable_target(fifo)
    with pytest.raises(FileCheckError, match="it is a folder"):
        check_writable_target(tmp_path)
    if os.path.exists("/dev/full"):
        with pytest.raises(FileCheckError, match="it is a device"):
            check_writable_target("/dev/full")


@needs_posix
def test_a_symlink_is_followed_to_its_regular_target(tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    assert check_writable_target(link) == Path(os.path.realpath(real))
    if os.path.exists("/dev/full"):
        device_link = tmp_path / "full.csv"
        device_link.symlink_to("/dev/full")
        with pytest.raises(FileCheckError, match="it is a device"):
            check_writable_target(device_link)


@needs_posix
def test_the_file_being_read_is_never_written(tmp_path):
    source = tmp_path / "scene.json"
    source.write_text("{}")
    hard = tmp_path / "hard.json"
    os.link(source, hard)
    soft = tmp_path / "soft.json"
    soft.symlink_to(source)
    for target in (source, hard, soft, tmp_path / "." / "scene.json"):
        with pytest.raises(FileCheckError, match="it is the file being read"):
            check_writable_target(target, source=source)
    assert check_writable_target(tmp_path / "other.json", source=source).name == "other.json"


def test_a_target_with_a_nul_byte_is_refused_in_words():
    with pytest.raises(FileCheckError, match="null byte"):
        check_writable_target("scene\x00.json")


# ---------------------------------------------------------------- quoting and probing


def test_a_quote_is_cut_and_escaped_in_one_helper():
    from convstudio.model.numbers import shortened

    assert shortened("a\nb\x1b[2J\x00c\u2028") == "a\\nb\\x1b[2J\\x00c\\u2028"
    assert shortened("x" * 10**6) == "x" * 39 + "…"
    assert len(shortened("\n" * 100)) == 40  # the escapes count toward the limit
    assert shortened("\ud800") == "\\ud800"  # a lone surrogate, which UTF-8 cannot take
    path = "/a/long/folder/" * 20 + "scene.json"
    assert shortened(path, 40, middle=True).endswith("…der/scene.json"[-14:])
    assert len(shortened(path, 40, middle=True)) == 40


def test_a_path_that_cannot_be_looked_at_is_one_sentence(tmp_path):
    from convstudio.model.files import path_exists, path_status

    assert path_status(tmp_path / "missing") is None
    assert path_status(tmp_path / "missing" / "below") is None
    assert path_exists(tmp_path)
    with pytest.raises(FileCheckError, match=r"^Cannot look at .*a: File name too long\.$") as info:
        path_exists(tmp_path / ("a" * 300))
    assert len(str(info.value)) < 150
    with pytest.raises(FileCheckError, match="Cannot look at"):
        path_exists("nul\x00name")


def test_a_scene_argument_too_long_for_a_path_is_a_file_check_error():
    from convstudio.model.lessons import scene_argument

    with pytest.raises(FileCheckError, match="File name too long"):
        scene_argument("a" * 300)
    assert scene_argument("worked-example").name == "worked-example.json"


@pytest.mark.parametrize("name", ["", "out.csv/", "folder/out.csv/"])
def test_a_target_named_as_no_file_is_refused(tmp_path, name):
    with pytest.raises(FileCheckError, match=r"empty|a name ending in / is a folder, not a file"):
        check_writable_target(name)


def test_a_control_character_in_a_file_name_is_escaped(tmp_path):
    path = tmp_path / "bad\n\x1b[2J.json"
    path.mkdir()
    with pytest.raises(FileCheckError) as info:
        read_bytes_checked(path, 100)
    assert "\n" not in str(info.value) and "\x1b" not in str(info.value)
    assert "bad\\n\\x1b[2J.json is a folder" in str(info.value)
