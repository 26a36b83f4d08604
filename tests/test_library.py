"""The user's kernel library: one file per kernel, names, damaged files, the old kernels.json."""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from convstudio.model import scene as scene_module
from convstudio.model.library import (
    CARRIED_OVER_FILE,
    LEGACY_FILE,
    MAX_NAME,
    KernelLibrary,
    LibraryError,
    file_stem,
)
from convstudio.model.presets import (
    KernelPreset,
    builtin_presets,
    kernel_file_bias,
    load_kernel_file,
    save_kernel_file,
    save_presets,
)

BUILTIN = tuple(p.name for p in builtin_presets())
NOW = datetime.datetime(2026, 11, 29, 14, 5)
STAMP = "20261129-140500"
W2 = np.array([[1.0, -2.5], [0.0, 4.0]])
W3 = np.arange(27, dtype=np.float64).reshape(3, 3, 3) / 4
UNSAFE = set('<>:"/\\|?*') | {chr(c) for c in range(32)} | {"\x7f"}
WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {
    f"{d}{n}" for d in ("com", "lpt") for n in "123456789"
}


def library(tmp_path: Path) -> KernelLibrary:
    return KernelLibrary(tmp_path / "data" / "kernels", reserved=BUILTIN)


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every file and folder under *root* (hidden ones too), with the files' bytes."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes() if p.is_file() else None
        for p in root.rglob("*")
    }


def names_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def one_line(exc: pytest.ExceptionInfo[LibraryError]) -> str:
    message = str(exc.value)
    assert message and "\n" not in message
    return message


# ------------------------------------------------------------------ saving and listing


def test_saved_kernels_are_listed_as_yours_sorted_by_name(tmp_path):
    lib = library(tmp_path)
    lib.save("beta", W2)
    lib.save("Alpha", W3)
    lib.save("gamma", [[7]])
    entries = lib.entries()
    assert [e.name for e in entries] == ["Alpha", "beta", "gamma"]  # casefold, not ASCII order
    assert all(e.preset.group == "yours" and not e.legacy for e in entries)
    assert all(e.file.parent == lib.folder for e in entries)
    assert entries[0].preset.weights.shape == (3, 3, 3)
    np.testing.assert_array_equal(entries[0].preset.weights, W3)
    np.testing.assert_array_equal(entries[1].preset.weights, W2)
    assert len(names_in(lib.folder)) == 3


def test_save_returns_the_entry_it_wrote(tmp_path):
    lib = library(tmp_path)
    entry, replaced = lib.save("  Edge  ", W2)
    assert not replaced
    assert entry.name == "Edge" and entry.preset.group == "yours"
    assert load_kernel_file(entry.file).name == "Edge"
    assert lib.entry("Edge").file == entry.file


def test_saving_the_same_name_replaces_it_in_its_one_file(tmp_path):
    lib = library(tmp_path)
    first, replaced = lib.save("Edge", W2)
    assert not replaced
    second, replaced = lib.save("Edge", W2 * 2)
    assert replaced
    assert second.file == first.file
    assert names_in(lib.folder) == [first.file.name]
    (only,) = lib.entries()
    np.testing.assert_array_equal(only.preset.weights, W2 * 2)


def test_the_bias_is_written_into_the_kernel_file(tmp_path):
    lib = library(tmp_path)
    with_bias, _ = lib.save("with bias", W2, bias=0.25)
    without, _ = lib.save("without", W2)
    assert kernel_file_bias(with_bias.file) == 0.25
    assert kernel_file_bias(without.file) is None
    # Replacing without a bias drops the old one: the file is the new kernel, whole.
    lib.save("with bias", W2)
    assert kernel_file_bias(with_bias.file) is None


# ------------------------------------------------------------------ names


@pytest.mark.parametrize(
    "name",
    [
        "",
        "   ",
        "\t\n",
        "x" * (MAX_NAME + 1),
        " " + "y" * (MAX_NAME + 1),
        "Sobel x",
        "SOBEL X",
        " sobel x ",
    ],
)
def test_a_refused_name_changes_nothing(tmp_path, name):
    lib = library(tmp_path)
    lib.save("kept", W2)
    before = snapshot(tmp_path)
    with pytest.raises(LibraryError) as caught:
        lib.save(name, W3)
    assert "Nothing was saved." in one_line(caught)
    assert snapshot(tmp_path) == before


def test_a_refused_name_does_not_create_the_folder(tmp_path):
    lib = library(tmp_path)
    with pytest.raises(LibraryError):
        lib.save("", W2)
    assert snapshot(tmp_path) == {}


def test_a_name_of_exactly_max_name_characters_is_accepted(tmp_path):
    lib = library(tmp_path)
    name = "n" * MAX_NAME
    lib.save(name, W2)
    assert [e.name for e in lib.entries()] == [name]


def test_a_too_long_name_is_quoted_shortened_in_the_message(tmp_path):
    lib = library(tmp_path)
    with pytest.raises(LibraryError) as caught:
        lib.save("z" * 5000, W2)
    assert len(one_line(caught)) < 200


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("Sobel x", "Sobel x"),
        ('a/b\\c:d*e?f"g<h>i|j', "a_b_c_d_e_f_g_h_i_j"),
        ("tab\there\x00\x7f", "tab_here__"),
        ("../../etc/passwd", "_.._etc_passwd"),
        ("..hidden", "hidden"),
        (" .x. ", "x"),
        ("CON", "CON_"),
        ("nul", "nul_"),
        ("com1", "com1_"),
        ("LPT9", "LPT9_"),
        ("com10", "com10"),
        ("console", "console"),
        ("边缘检测", "边缘检测"),
        ("", "kernel"),
        ("...", "kernel"),
        (" . . ", "kernel"),
    ],
)
def test_file_stem(name, stem):
    assert file_stem(name) == stem


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("CON.txt"),
        pytest.param("a" * (MAX_NAME - 1) + " b"),
    ],
)
def test_file_stem_is_safe_on_windows_too(name):
    stem = file_stem(name)
    assert stem.split(".")[0].casefold() not in WINDOWS_RESERVED
    assert not stem.endswith((" ", "."))


@settings(max_examples=300, deadline=None)
@given(name=st.text())
def test_any_file_stem_is_a_plain_visible_file_name(name):
    stem = file_stem(name)
    assert 1 <= len(stem) <= MAX_NAME
    assert not set(stem) & UNSAFE
    assert not stem.startswith((".", " "))  # a leading dot would be hidden, and not listed
    assert stem.casefold() not in WINDOWS_RESERVED


@settings(max_examples=150, deadline=None)
@given(
    name=st.text(max_size=MAX_NAME + 5),
    weights=st.lists(
        st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), min_size=4, max_size=4
    ),
)
def test_any_accepted_name_is_saved_and_comes_back(tmp_path_factory, name, weights):
    lib = KernelLibrary(tmp_path_factory.mktemp("lib") / "kernels", reserved=BUILTIN)
    try:
        name = lib.check_name(name)
    except LibraryError:
        assume(False)
    grid = np.array(weights).reshape(2, 2)
    entry, replaced = lib.save(name, grid)
    assert not replaced
    assert entry.file.parent == lib.folder
    assert entry.file.resolve().parent == lib.folder.resolve()  # no path traversal
    assert names_in(lib.folder) == [entry.file.name]
    (back,) = lib.entries()
    assert back.name == name
    np.testing.assert_array_equal(back.preset.weights, grid)


def test_a_name_holding_damaged_is_still_listed(tmp_path):
    lib = library(tmp_path)
    lib.save("Edge.damaged-copy", W2)
    assert [e.name for e in lib.entries()] == ["Edge.damaged-copy"]


def test_a_name_with_a_lone_surrogate_is_refused_or_kept(tmp_path):
    lib = library(tmp_path)
    name = "bad \ud800 name"
    try:
        lib.save(name, W2)
    except LibraryError:
        assert snapshot(tmp_path) in ({}, {"data": None, "data/kernels": None})
    else:
        assert [e.name for e in lib.entries()] == [name]


@pytest.mark.parametrize(
    ("first", "second"),
    [("a/b", "a_b"), ("Edge", "edge"), ("a:b", "a?b"), ("CON", "CON_"), ("..x", "x")],
)
def test_names_with_one_file_stem_keep_a_file_each(tmp_path, first, second):
    lib = library(tmp_path)
    one, _ = lib.save(first, W2)
    two, replaced = lib.save(second, W3)
    assert not replaced
    assert one.file != two.file
    assert len(names_in(lib.folder)) == 2
    by_name = {e.name: e for e in lib.entries()}
    np.testing.assert_array_equal(by_name[first].preset.weights, W2)
    np.testing.assert_array_equal(by_name[second].preset.weights, W3)
    # Replacing either goes to its own file.
    lib.save(first, W2 + 1)
    assert load_kernel_file(two.file).name == second
    np.testing.assert_array_equal(load_kernel_file(two.file).weights, W3)
    assert len(names_in(lib.folder)) == 2


# ------------------------------------------------------------------ rename, delete, restore


def test_rename_moves_the_kernel_to_one_new_file_with_its_bias(tmp_path):
    lib = library(tmp_path)
    old, _ = lib.save("Edge", W3, bias=-1.5)
    lib.save("other", W2)
    new = lib.rename("Edge", "Sharp edge")
    assert new.name == "Sharp edge"
    assert [e.name for e in lib.entries()] == ["other", "Sharp edge"]
    assert not old.file.exists()
    assert len(names_in(lib.folder)) == 2
    assert kernel_file_bias(new.file) == -1.5
    np.testing.assert_array_equal(lib.entry("Sharp edge").preset.weights, W3)


@pytest.mark.parametrize("taken", ["other", " other "])
def test_renaming_onto_another_kernel_is_refused_and_changes_nothing(tmp_path, taken):
    lib = library(tmp_path)
    lib.save("Edge", W2)
    lib.save("other", W3)
    before = snapshot(tmp_path)
    with pytest.raises(LibraryError) as caught:
        lib.rename("Edge", taken)
    assert "Nothing was renamed." in one_line(caught)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("bad", ["", "Sobel x", "x" * (MAX_NAME + 1)])
def test_renaming_to_a_refused_name_changes_nothing(tmp_path, bad):
    lib = library(tmp_path)
    lib.save("Edge", W2)
    before = snapshot(tmp_path)
    with pytest.raises(LibraryError) as caught:
        lib.rename("Edge", bad)
    assert "Nothing was renamed." in one_line(caught)
    assert snapshot(tmp_path) == before


def test_renaming_to_the_same_name_changes_nothing(tmp_path):
    lib = library(tmp_path)
    saved, _ = lib.save("Edge", W2, bias=2)
    before = snapshot(tmp_path)
    assert lib.rename("Edge", " Edge ").file == saved.file
    assert snapshot(tmp_path) == before


def test_renaming_a_missing_kernel_is_refused(tmp_path):
    lib = library(tmp_path)
    lib.save("Edge", W2)
    before = snapshot(tmp_path)
    with pytest.raises(LibraryError) as caught:
        lib.rename("Blur", "Soft")
    assert "Blur" in one_line(caught)
    assert snapshot(tmp_path) == before


def test_a_rename_that_cannot_write_keeps_the_old_name(tmp_path, monkeypatch):
    lib = library(tmp_path)
    lib.save("Edge", W2)
    before = snapshot(tmp_path)

    def full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("convstudio.model.library.save_kernel_file", full)
    with pytest.raises(OSError):
        lib.rename("Edge", "Sharp")
    assert snapshot(tmp_path) == before
    assert [e.name for e in lib.entries()] == ["Edge"]


def test_rename_keeps_the_description_of_a_shared_kernel_file(tmp_path):
    lib = library(tmp_path)
    lib.folder.mkdir(parents=True)
    shared = KernelPreset("From a friend", W2, description="Finds vertical edges.")
    save_kernel_file(shared, lib.folder / "From a friend.json", bias=1)
    renamed = lib.rename("From a friend", "Friend's edges")
    assert load_kernel_file(renamed.file).description == "Finds vertical edges."


def test_delete_then_restore_brings_the_kernel_back(tmp_path):
    lib = library(tmp_path)
    saved, _ = lib.save("Edge", W3, bias=0.5)
    lib.save("other", W2)
    data = saved.file.read_bytes()
    removed = lib.delete("Edge")
    assert [e.name for e in lib.entries()] == ["other"]
    assert not saved.file.exists()
    path = lib.restore(removed)
    assert path.parent == lib.folder
    assert path.read_bytes() == data
    assert [e.name for e in lib.entries()] == ["Edge", "other"]
    np.testing.assert_array_equal(lib.entry("Edge").preset.weights, W3)
    assert kernel_file_bias(path) == 0.5


def test_restore_is_refused_when_that_name_was_saved_since(tmp_path):
    lib = library(tmp_path)
    lib.save("Edge", W2)
    removed = lib.delete("Edge")
    newer, _ = lib.save("Edge", W3)
    before = snapshot(tmp_path)
    with pytest.raises(LibraryError) as caught:
        lib.restore(removed)
    assert "Edge" in one_line(caught)
    assert snapshot(tmp_path) == before
    assert lib.entry("Edge").file == newer.file
    np.testing.assert_array_equal(lib.entry("Edge").preset.weights, W3)


def test_deleting_a_missing_kernel_is_refused(tmp_path):
    lib = library(tmp_path)
    lib.save("Edge", W2)
    before = snapshot(tmp_path)
    with pytest.raises(LibraryError):
        lib.delete("edge")
    assert snapshot(tmp_path) == before


def test_restore_never_writes_over_a_file_of_that_name(tmp_path):
    lib = library(tmp_path)
    lib.save("Edge", W2)
    removed = lib.delete("Edge")
    # A damaged file took the name meanwhile (a copy that went wrong).
    (lib.folder / "Edge.json").write_bytes(b"{broken")
    path = lib.restore(removed)
    assert path.name != "Edge.json"
    assert (lib.folder / "Edge.json").read_bytes() == b"{broken"
    np.testing.assert_array_equal(lib.entry("Edge").preset.weights, W2)


# ------------------------------------------------------------------ damaged files

DAMAGED = {
    "not json": b"{not json at all",
    "wrong format": json.dumps({"format": "something else", "weights": [[1]]}).encode(),
    "nan weights": b'{"format": "convstudio-kernel", "version": 1, "name": "n", '
    b'"weights": [[NaN, 1], [2, 3]]}',
}


@pytest.mark.parametrize("content", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_file_is_skipped_then_set_aside_unchanged(tmp_path, content):
    lib = library(tmp_path)
    lib.save("good", W2)
    bad = lib.folder / "bad.json"
    bad.write_bytes(content)
    found = lib.scan()
    assert [e.name for e in found.entries] == ["good"]
    ((path, reason),) = found.damaged
    assert path == bad and "bad.json" in reason and "\n" not in reason

    said = lib.tidy(now=NOW)
    kept = lib.folder / f"bad.damaged-{STAMP}.json"
    assert kept.read_bytes() == content
    assert not bad.exists()
    (message,) = said
    assert "bad.json" in message and kept.name in message
    assert [e.name for e in lib.entries()] == ["good"]
    assert lib.scan().damaged == []

    before = snapshot(tmp_path)
    assert lib.tidy(now=NOW) == []
    assert snapshot(tmp_path) == before


def test_a_kernel_named_like_a_damaged_file_never_writes_over_it(tmp_path):
    lib = library(tmp_path)
    lib.folder.mkdir(parents=True)
    bad = lib.folder / "Edge.json"
    bad.write_bytes(DAMAGED["not json"])
    entry, replaced = lib.save("Edge", W2)
    assert not replaced  # the damaged file is no kernel of that name
    assert entry.file != bad
    assert bad.read_bytes() == DAMAGED["not json"]

    lib.tidy(now=NOW)
    kept = lib.folder / f"Edge.damaged-{STAMP}.json"
    lib.save("Edge", W3)
    assert kept.read_bytes() == DAMAGED["not json"]
    np.testing.assert_array_equal(lib.entry("Edge").preset.weights, W3)


def test_setting_aside_never_writes_over_an_earlier_damaged_file(tmp_path):
    lib = library(tmp_path)
    lib.folder.mkdir(parents=True)
    earlier = lib.folder / f"bad.damaged-{STAMP}.json"
    earlier.write_bytes(b"earlier")
    (lib.folder / "bad.json").write_bytes(b"later")
    (message,) = lib.tidy(now=NOW)
    later = lib.folder / f"bad.damaged-{STAMP}-2.json"
    assert earlier.read_bytes() == b"earlier"
    assert later.read_bytes() == b"later"
    assert later.name in message


def test_hidden_and_other_files_are_neither_listed_nor_touched(tmp_path):
    lib = library(tmp_path)
    lib.save("good", W2)
    (lib.folder / ".Edge.json.convstudio-1-abc.tmp").write_bytes(b"half")
    (lib.folder / ".hidden.json").write_bytes(b"{")
    (lib.folder / "notes.txt").write_bytes(b"mine")
    before = snapshot(tmp_path)
    assert lib.scan().damaged == []
    assert lib.tidy(now=NOW) == []
    assert snapshot(tmp_path) == before


# ------------------------------------------------------------------ the older kernels.json


def legacy(lib: KernelLibrary, *presets: KernelPreset) -> bytes:
    save_presets(list(presets), lib.legacy_file)
    return lib.legacy_file.read_bytes()


def test_kernels_json_is_listed_until_tidy_carries_it_over(tmp_path):
    lib = library(tmp_path)
    assert lib.legacy_file == lib.folder.parent / LEGACY_FILE
    original = legacy(lib, KernelPreset("Old edge", W2), KernelPreset("Old colour", W3))
    entries = lib.entries()
    assert [(e.name, e.legacy, e.preset.group) for e in entries] == [
        ("Old colour", True, "yours"),
        ("Old edge", True, "yours"),
    ]
    before = snapshot(tmp_path)
    with pytest.raises(LibraryError) as caught:
        lib.rename("Old edge", "New edge")
    assert LEGACY_FILE in one_line(caught)
    with pytest.raises(LibraryError) as caught:
        lib.delete("Old edge")
    assert LEGACY_FILE in one_line(caught)
    assert snapshot(tmp_path) == before

    assert lib.tidy(now=NOW) == []
    assert not lib.legacy_file.exists()
    assert (lib.folder.parent / CARRIED_OVER_FILE).read_bytes() == original
    entries = lib.entries()
    assert [(e.name, e.legacy) for e in entries] == [("Old colour", False), ("Old edge", False)]
    assert all(e.file.parent == lib.folder for e in entries)
    assert len(names_in(lib.folder)) == 2
    np.testing.assert_array_equal(entries[0].preset.weights, W3)
    np.testing.assert_array_equal(entries[1].preset.weights, W2)
    lib.rename("Old edge", "New edge")  # now it can be changed

    before = snapshot(tmp_path)
    assert lib.tidy(now=NOW) == []
    assert snapshot(tmp_path) == before


def test_a_name_in_the_folder_and_in_kernels_json_is_listed_once_from_the_folder(tmp_path):
    lib = library(tmp_path)
    mine, _ = lib.save("Edge", W3)
    legacy(lib, KernelPreset("Edge", W2), KernelPreset("Blur", [[0.5]]))
    entries = lib.entries()
    assert [(e.name, e.legacy) for e in entries] == [("Blur", True), ("Edge", False)]
    assert entries[1].file == mine.file
    lib.tidy(now=NOW)
    assert [e.name for e in lib.entries()] == ["Blur", "Edge"]
    np.testing.assert_array_equal(lib.entry("Edge").preset.weights, W3)
    assert len(names_in(lib.folder)) == 2


def test_saving_over_an_old_kernel_lists_the_new_one(tmp_path):
    lib = library(tmp_path)
    legacy(lib, KernelPreset("Edge", W2))
    entry, replaced = lib.save("Edge", W3)
    assert replaced
    (listed,) = lib.entries()
    assert not listed.legacy and listed.file == entry.file
    lib.tidy(now=NOW)
    np.testing.assert_array_equal(lib.entry("Edge").preset.weights, W3)


def test_a_carry_over_that_cannot_write_leaves_kernels_json_as_it_was(tmp_path, monkeypatch):
    lib = library(tmp_path)
    original = legacy(lib, KernelPreset("Old edge", W2), KernelPreset("Old blur", [[1]]))

    def full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("convstudio.model.library.save_kernel_file", full)
    (message,) = lib.tidy(now=NOW)
    assert "No space left on device" in message and LEGACY_FILE in message
    assert lib.legacy_file.read_bytes() == original
    assert not (lib.folder.parent / CARRIED_OVER_FILE).exists()
    assert [(e.name, e.legacy) for e in lib.entries()] == [("Old blur", True), ("Old edge", True)]


def test_a_carry_over_that_fails_half_way_is_finished_by_the_next_tidy(tmp_path, monkeypatch):
    lib = library(tmp_path)
    original = legacy(lib, KernelPreset("a", [[1]]), KernelPreset("b", [[2]]))
    real = save_kernel_file
    written = []

    def second_fails(preset, path, bias=None):
        if written:
            raise OSError(28, "No space left on device")
        written.append(preset.name)
        real(preset, path, bias)

    monkeypatch.setattr("convstudio.model.library.save_kernel_file", second_fails)
    assert len(lib.tidy(now=NOW)) == 1
    assert lib.legacy_file.read_bytes() == original
    assert sorted(e.name for e in lib.entries()) == ["a", "b"]
    monkeypatch.undo()
    assert lib.tidy(now=NOW) == []
    assert [(e.name, e.legacy) for e in lib.entries()] == [("a", False), ("b", False)]
    assert len(names_in(lib.folder)) == 2  # the first kernel was not written twice
    assert (lib.folder.parent / CARRIED_OVER_FILE).read_bytes() == original


def test_an_earlier_carried_over_file_is_never_written_over(tmp_path):
    lib = library(tmp_path)
    earlier = lib.folder.parent / CARRIED_OVER_FILE
    earlier.parent.mkdir(parents=True)
    earlier.write_bytes(b"earlier")
    original = legacy(lib, KernelPreset("Edge", W2))
    assert lib.tidy(now=NOW) == []
    assert earlier.read_bytes() == b"earlier"
    carried = [p for p in lib.folder.parent.iterdir() if p.is_file() and p != earlier]
    assert [p.read_bytes() for p in carried] == [original]
    assert lib.entry("Edge") is not None


def test_a_damaged_kernels_json_is_set_aside_whole(tmp_path):
    lib = library(tmp_path)
    lib.save("mine", W2)
    content = b'{"format": "convstudio-kernels", "version": 1, "kernels": [{"name": 3}]}'
    lib.legacy_file.write_bytes(content)
    found = lib.scan()
    assert [e.name for e in found.entries] == ["mine"]
    assert [p for p, _ in found.damaged] == [lib.legacy_file]
    (message,) = lib.tidy(now=NOW)
    kept = lib.folder.parent / f"kernels.damaged-{STAMP}.json"
    assert kept.read_bytes() == content
    assert kept.name in message
    assert not lib.legacy_file.exists()
    assert not (lib.folder.parent / CARRIED_OVER_FILE).exists()
    assert [e.name for e in lib.entries()] == ["mine"]
    assert lib.tidy(now=NOW) == []


# ------------------------------------------------------------------ the folder itself


def test_a_missing_folder_is_an_empty_library_until_the_first_save(tmp_path):
    lib = library(tmp_path)
    assert lib.entries() == []
    assert lib.scan().damaged == []
    assert lib.tidy(now=NOW) == []
    assert not lib.folder.exists()
    lib.save("first", W2)
    assert lib.folder.is_dir()
    assert [e.name for e in lib.entries()] == ["first"]


class _DiskFillsUp:
    """``os`` as convstudio.model.scene sees it, with a disk that fills up after a few bytes."""

    def __init__(self) -> None:
        self.calls = 0

    def write(self, fd: int, data) -> int:
        self.calls += 1
        if self.calls == 1:
            return os.write(fd, bytes(data[:8]))  # a short write: the loop comes back
        raise OSError(28, "No space left on device")

    def __getattr__(self, name: str):
        return getattr(os, name)


def test_a_save_that_fails_part_way_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path, monkeypatch
):
    lib = library(tmp_path)
    old, _ = lib.save("Edge", W2, bias=1)
    before = snapshot(tmp_path)
    disk = _DiskFillsUp()
    monkeypatch.setattr(scene_module, "os", disk)
    with pytest.raises(OSError) as caught:
        lib.save("Edge", W3 * 1000, bias=2)
    assert caught.value.errno == 28
    with pytest.raises(OSError):
        lib.save("New one", W3)
    assert disk.calls == 3  # the failure really came from inside the writes
    monkeypatch.undo()
    assert snapshot(tmp_path) == before  # no temporary, hidden or not
    (listed,) = lib.entries()
    np.testing.assert_array_equal(listed.preset.weights, W2)
    assert kernel_file_bias(old.file) == 1


def test_a_restore_that_fails_part_way_leaves_nothing_and_can_be_tried_again(tmp_path, monkeypatch):
    lib = library(tmp_path)
    lib.save("Edge", W3)
    lib.save("other", W2)
    removed = lib.delete("Edge")
    before = snapshot(tmp_path)
    monkeypatch.setattr(scene_module, "os", _DiskFillsUp())
    with pytest.raises(OSError):
        lib.restore(removed)
    monkeypatch.undo()
    assert snapshot(tmp_path) == before
    lib.restore(removed)
    np.testing.assert_array_equal(lib.entry("Edge").preset.weights, W3)


@pytest.mark.parametrize("where", ["folder", "kernels.json"])
def test_a_damaged_file_that_cannot_be_set_aside_is_left_as_it_is(tmp_path, monkeypatch, where):
    lib = library(tmp_path)
    lib.save("mine", W2)
    bad = lib.folder / "bad.json" if where == "folder" else lib.legacy_file
    bad.write_bytes(b"{not json")
    before = snapshot(tmp_path)

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("convstudio.model.library.set_aside", refuse)
    (message,) = lib.tidy(now=NOW)
    assert bad.name in message and "Permission denied" in message
    # Not carried over either: a damaged kernels.json keeps its name, for the next start.
    assert snapshot(tmp_path) == before
    assert [e.name for e in lib.entries()] == ["mine"]
