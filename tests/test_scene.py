"""Scene files: round trips, validation messages, unreadable files and atomic saves."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from convstudio.model import (
    DEFAULT_SCENE,
    Scene,
    SceneFileError,
    evaluate,
    load_scene,
    resource_dir,
    save_scene,
    scene_from_dict,
    scene_path,
    scene_to_dict,
)
from convstudio.model import scene as scene_module

WORKED_INPUT = [
    [18, 54, 51, 239, 244, 188],
    [55, 121, 75, 78, 95, 88],
    [35, 24, 204, 113, 109, 221],
    [3, 154, 104, 235, 25, 130],
    [15, 253, 225, 159, 78, 233],
    [68, 85, 180, 214, 245, 0],
]
WORKED_KERNEL = [[1, 0, 1], [0, 1, 0], [1, 0, 1]]


def minimal(**changes):
    data = {
        "format": "convstudio-scene",
        "version": 1,
        "input": [[1, 2, 3], [4, 5, 6], [7, 8, 9]],
        "kernels": [[1, 0], [0, 1]],
    }
    data.update(changes)
    return data


def rich_scene():
    rng = np.random.default_rng(7)
    return Scene(
        input=rng.normal(size=(2, 5, 4)),
        kernels=rng.normal(size=(4, 1, 3, 2)),
        bias=np.array([0.1, -2.5, 3.0, 1e-7]),
        stride=(1, 2),
        padding=(0, 2),
        dilation=(2, 1),
        groups=2,
        padding_mode="circular",
        title="Grüße × 2 — “quoted”",
    )


# ---------------------------------------------------------------- round trips


@pytest.mark.parametrize(
    "scene",
    [
        Scene(np.array(WORKED_INPUT), np.array(WORKED_KERNEL), title="Worked"),
        rich_scene(),
        Scene(np.ones((3, 4, 4)), np.ones((3, 2, 2)), padding="same", padding_mode="reflect"),
        Scene(np.ones((1, 4, 4)), np.ones((2, 1, 2, 2)), padding="full", bias=np.zeros(2)),
        Scene(np.full((2, 3), -0.5), np.full((1, 1), 1e12), padding="valid"),
    ],
    ids=["worked", "rich", "same-3d-kernel", "full-4d", "small"],
)
def test_save_load_round_trip(tmp_path, scene):
    path = tmp_path / "scene.json"
    save_scene(scene, path)
    loaded = load_scene(path)
    assert loaded.same_as(scene)
    assert loaded.input.shape == scene.input.shape
    assert loaded.kernels.shape == scene.kernels.shape
    assert (loaded.stride, loaded.padding, loaded.dilation) == (
        scene.stride,
        scene.padding,
        scene.dilation,
    )
    assert loaded.groups == scene.groups
    assert loaded.padding_mode == scene.padding_mode
    assert loaded.title == scene.title
    # Saving the loaded scene again writes the same bytes.
    again = tmp_path / "again.json"
    save_scene(loaded, again)
    assert again.read_bytes() == path.read_bytes()


def test_saved_file_is_readable_json_one_row_per_line(tmp_path):
    path = tmp_path / "worked.json"
    save_scene(Scene(np.array(WORKED_INPUT), np.array(WORKED_KERNEL), title="Worked"), path)
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["format"] == "convstudio-scene"
    assert data["version"] == 1
    assert data["input"] == WORKED_INPUT  # whole numbers stay whole, 2-D when one channel
    assert data["kernels"] == WORKED_KERNEL
    assert data["stride"] == 1 and data["padding"] == 0 and data["bias"] is None
    lines = [line.strip() for line in text.splitlines()]
    assert "[18, 54, 51, 239, 244, 188]," in lines  # one matrix row per line
    assert "[68, 85, 180, 214, 245, 0]" in lines


FINITE = st.floats(-1e12, 1e12, allow_nan=False, allow_infinity=False)


@settings(max_examples=60, deadline=None)
@given(
    x=hnp.arrays(np.float64, hnp.array_shapes(min_dims=3, max_dims=3, max_side=4), elements=FINITE),
    kernel_shape=st.tuples(st.integers(1, 3), st.integers(1, 3), st.integers(1, 3)),
    data=st.data(),
)
def test_dict_round_trip_keeps_every_number(x, kernel_shape, data):
    w = data.draw(
        hnp.arrays(np.float64, (*kernel_shape[:1], x.shape[0], *kernel_shape[1:]), elements=FINITE)
    )
    bias = data.draw(st.none() | hnp.arrays(np.float64, (kernel_shape[0],), elements=FINITE))
    scene = Scene(
        x, w, bias=bias, stride=data.draw(st.tuples(st.integers(1, 3), st.integers(1, 3)))
    )
    text = json.dumps(scene_to_dict(scene))
    back = scene_from_dict(json.loads(text))
    assert back.same_as(scene)


def test_scene_is_immutable_and_copies_its_arrays():
    x = np.zeros((3, 3))
    scene = Scene(x, np.ones((2, 2)))
    x[0, 0] = 5.0
    assert scene.input[0, 0, 0] == 0.0
    with pytest.raises(ValueError):
        scene.input[0, 0, 0] = 1.0
    with pytest.raises(ValueError):
        scene.kernels[0, 0, 0, 0] = 1.0
    assert scene.input.shape == (1, 3, 3)
    assert scene.kernels.shape == (1, 1, 2, 2)
    changed = scene.replace(stride=(2, 2))
    assert changed.stride == (2, 2) and scene.stride == (1, 1)
    assert not changed.same_as(scene)


def test_same_as_compares_everything():
    base = Scene(np.ones((3, 3)), np.ones((2, 2)), bias=np.array([1.0]))
    assert base.same_as(base.replace())
    assert not base.same_as(base.replace(bias=None))
    assert not base.replace(bias=None).same_as(base)
    assert not base.same_as(base.replace(bias=np.array([2.0])))
    assert not base.same_as(base.replace(input=np.zeros((3, 3))))
    assert not base.same_as(base.replace(kernels=np.ones((1, 2))))
    assert not base.same_as(base.replace(padding="same"))
    assert not base.same_as(base.replace(padding_mode="reflect"))
    assert not base.same_as(base.replace(groups=2))
    assert not base.same_as(base.replace(title="x"))


# ---------------------------------------------------------------- shipped scenes


def test_shipped_scenes_all_load():
    paths = sorted((resource_dir() / "scenes").glob("*.json"))
    assert paths, "no lesson scenes found"
    for path in paths:
        scene = load_scene(path)
        assert scene.title


def test_default_scene_is_the_worked_example():
    path = scene_path(DEFAULT_SCENE)
    assert path.is_file()
    scene = load_scene(path)
    np.testing.assert_array_equal(scene.input[0], WORKED_INPUT)
    np.testing.assert_array_equal(scene.kernels[0, 0], WORKED_KERNEL)
    evaluation = evaluate(scene)
    assert evaluation.error is None
    np.testing.assert_array_equal(
        evaluation.output[0],
        [[429, 505, 686, 856], [261, 792, 412, 640], [633, 653, 851, 751], [608, 913, 713, 657]],
    )


# ---------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(
            minimal(input=[[1, 2, 3], [4, 5]]),
            ["input, row 2", "2 entries", "first has 3", "same length"],
            id="ragged-row",
        ),
        pytest.param(
            minimal(input=[[1, 2], [3, "x"]]),
            ["input, row 2, column 2", '"x"', "not a number"],
            id="string-in-cell",
        ),
        pytest.param(
            minimal(input=[[1, 2], [3, None]]),
            ["input, row 2, column 2", "null", "not a number"],
            id="null-in-cell",
        ),
        pytest.param(
            minimal(input=[[1, True], [3, 4]]),
            ["input, row 1, column 2", "true", "not a number"],
            id="bool-in-cell",
        ),
        pytest.param(
            minimal(input=[[[1, 2], [3, 4]], [[5, 6], [7]]]),
            ["input, channel 2, row 2", "same length"],
            id="ragged-channel-row",
        ),
        pytest.param(
            minimal(input=[[[1, 2], [3, 4]], [[5, 6]]]),
            ["input, channel 2", "1 entries", "first has 2"],
            id="channel-missing-row",
        ),
        pytest.param(
            minimal(kernels=[[[[1, 0], [0, 1]]], [[[1, 0], [0, "w"]]]]),
            ["kernels, kernel 2, slice 1, row 2, column 2", '"w"'],
            id="kernel-4d-string",
        ),
        pytest.param(
            minimal(input=[[1, 2], [3, 1e13]]),
            ["input, row 2, column 2", "out of range"],
            id="too-large",
        ),
        pytest.param(
            minimal(input=[[1, 2], 3]),
            ["input, row 2", "expected a list", "3"],
            id="row-not-a-list",
        ),
        pytest.param(minimal(input=[]), ["“input”", "non-empty list"], id="empty-input"),
        pytest.param(minimal(input="1 2 3"), ["“input”", "non-empty list"], id="input-text"),
        pytest.param(minimal(input=[[[[1]]]]), ["“input”", "2-D or 3-D", "not 4-D"], id="input-4d"),
        pytest.param(minimal(kernels=[1, 2]), ["“kernels”", "not 1-D"], id="kernels-1d"),
        pytest.param(
            minimal(format="something-else"),
            ["not a ConvStudio scene", "“format”", '"something-else"'],
            id="wrong-format",
        ),
        pytest.param(
            {k: v for k, v in minimal().items() if k != "format"},
            ["not a ConvStudio scene", "“format”", "null"],
            id="no-format",
        ),
        pytest.param(minimal(version=3), ["newer ConvStudio", "version 3", "2"], id="newer"),
        pytest.param(minimal(version="1"), ["“version”", "whole number"], id="version-text"),
        pytest.param(minimal(version=0), ["“version”", "0"], id="version-0"),
        pytest.param(minimal(stirde=2), ["Unknown field", "“stirde”"], id="unknown-field"),
        pytest.param(
            minimal(padding="half"), ["“padding”", '"half"', "valid, same, full"], id="padding-word"
        ),
        pytest.param(minimal(padding=-1), ["“padding”", "at least 0", "-1"], id="padding-neg"),
        pytest.param(minimal(padding=[1, 2, 3]), ["“padding”", "[1, 2, 3]"], id="padding-3"),
        pytest.param(
            minimal(padding_mode="mirror"), ["“padding_mode”", '"mirror"'], id="padding-mode"
        ),
        pytest.param(minimal(stride=0), ["“stride”", "at least 1", "0"], id="stride-0"),
        pytest.param(minimal(stride=1.5), ["“stride”", "whole number", "1.5"], id="stride-float"),
        pytest.param(minimal(dilation=[1, True]), ["“dilation”"], id="dilation-bool"),
        pytest.param(minimal(groups=0), ["“groups”", "at least 1", "0"], id="groups-0"),
        pytest.param(minimal(groups="2"), ["“groups”", '"2"'], id="groups-text"),
        pytest.param(minimal(bias="0"), ["“bias”", "null or a list"], id="bias-text"),
        pytest.param(minimal(bias=[]), ["“bias”", "null or a list"], id="bias-empty"),
        pytest.param(minimal(title=5), ["“title”", "text"], id="title-number"),
        pytest.param(
            {k: v for k, v in minimal().items() if k != "kernels"},
            ["“kernels”", "missing"],
            id="missing-kernels",
        ),
        pytest.param(
            {k: v for k, v in minimal().items() if k != "input"},
            ["“input”", "missing"],
            id="missing-input",
        ),
        pytest.param([1, 2, 3], ["JSON object"], id="not-an-object"),
    ],
)
def test_validation_messages(data, expected):
    with pytest.raises(SceneFileError) as info:
        scene_from_dict(data)
    message = str(info.value)
    for part in expected:
        assert part in message, (part, message)


def test_defaults_when_settings_are_left_out():
    scene = scene_from_dict(minimal())
    assert scene.stride == (1, 1) and scene.dilation == (1, 1) and scene.padding == (0, 0)
    assert scene.groups == 1 and scene.padding_mode == "zeros" and scene.bias is None
    assert scene.title == ""


def test_accepted_short_forms():
    scene = scene_from_dict(minimal(bias=2.5, stride=[1, 2], padding="same", kernels=[[[1]]]))
    np.testing.assert_array_equal(scene.bias, [2.5])
    assert scene.stride == (1, 2)
    assert scene.padding == "same"
    assert scene.kernels.shape == (1, 1, 1, 1)


def test_bad_bias_entry_names_the_bias():
    with pytest.raises(SceneFileError, match="bias"):
        scene_from_dict(minimal(kernels=[[[[1]]], [[[2]]]], bias=[1, "x"]))


def test_huge_integer_cell_is_a_scene_error(tmp_path):
    path = tmp_path / "huge.json"
    text = json.dumps(minimal()).replace('"input": [[1, ', '"input": [[1' + "0" * 400 + ", ")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SceneFileError, match="input, row 1, column 1"):
        load_scene(path)


# ---------------------------------------------------------------- unreadable files


def test_load_error_names_the_file(tmp_path):
    path = tmp_path / "bad-scene.json"
    path.write_text(json.dumps(minimal(input=[[1, 2], [3]])), encoding="utf-8")
    with pytest.raises(SceneFileError) as info:
        load_scene(path)
    assert "bad-scene.json" in str(info.value)
    assert "input, row 2" in str(info.value)


def test_non_json_file(tmp_path):
    path = tmp_path / "notes.json"
    path.write_text('{"format": "convstudio-scene",\n  "version": 1,,\n}', encoding="utf-8")
    with pytest.raises(SceneFileError) as info:
        load_scene(path)
    assert "notes.json" in str(info.value)
    assert "not valid JSON" in str(info.value)
    assert "line 2" in str(info.value)


def test_missing_file(tmp_path):
    path = tmp_path / "nowhere.json"
    with pytest.raises(SceneFileError) as info:
        load_scene(path)
    assert "nowhere.json" in str(info.value)


def test_folder_instead_of_file(tmp_path):
    folder = tmp_path / "scene.json"
    folder.mkdir()
    with pytest.raises(SceneFileError) as info:
        load_scene(folder)
    assert "folder" in str(info.value)


def test_binary_file(tmp_path):
    path = tmp_path / "picture.json"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(SceneFileError) as info:
        load_scene(path)
    assert "picture.json" in str(info.value)


def test_empty_file(tmp_path):
    path = tmp_path / "empty.json"
    path.write_bytes(b"")
    with pytest.raises(SceneFileError):
        load_scene(path)


def test_json_but_not_a_scene(tmp_path):
    path = tmp_path / "list.json"
    path.write_text("[1, 2, 3]", encoding="utf-8")
    with pytest.raises(SceneFileError, match="JSON object"):
        load_scene(path)


# ---------------------------------------------------------------- atomic saves


def test_failed_replace_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "scene.json"
    old = Scene(np.array(WORKED_INPUT), np.array(WORKED_KERNEL), title="old")
    save_scene(old, path)
    before = path.read_bytes()

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(scene_module.os, "replace", refuse)
    with pytest.raises(OSError):
        save_scene(rich_scene(), path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert load_scene(path).same_as(old)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scene.json"]


def test_failed_write_leaves_no_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "scene.json"
    save_scene(rich_scene(), path)
    before = path.read_bytes()

    def broken_fsync(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(scene_module.os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        save_scene(Scene(np.ones((2, 2)), np.ones((1, 1))), path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scene.json"]


def test_interrupted_save_leaves_no_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "scene.json"

    def interrupt(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(scene_module.os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        save_scene(rich_scene(), path)
    assert list(tmp_path.iterdir()) == []


def test_save_replaces_an_existing_file(tmp_path):
    path = tmp_path / "scene.json"
    save_scene(Scene(np.ones((2, 2)), np.ones((1, 1)), title="first"), path)
    save_scene(Scene(np.ones((3, 3)), np.ones((2, 2)), title="second"), path)
    assert load_scene(path).title == "second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scene.json"]


def test_save_into_missing_folder_raises_oserror(tmp_path):
    with pytest.raises(OSError):
        save_scene(Scene(np.ones((2, 2)), np.ones((1, 1))), tmp_path / "no" / "scene.json")


def test_save_accepts_str_paths(tmp_path):
    path = os.fspath(tmp_path / "scene.json")
    save_scene(Scene(np.ones((2, 2)), np.ones((1, 1)), title="str"), path)
    assert load_scene(path).title == "str"


def test_deeply_nested_file_is_a_scene_error(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(SceneFileError):
        load_scene(path)


# ---------------------------------------------------------------- input the parser does not expect


def nested(depth: int, leaf=1):
    value = leaf
    for _ in range(depth):
        value = [value]
    return value


def test_a_number_too_long_to_read_is_one_sentence(tmp_path):
    path = tmp_path / "digits.json"
    text = json.dumps(minimal()).replace('"input": [[1, ', '"input": [[' + "1" * 5000 + ", ")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SceneFileError, match=r"^digits\.json holds a number too long to read\.$"):
        load_scene(path)


@pytest.mark.parametrize("depth", [980, 1000, 5000])
def test_deep_nesting_anywhere_is_a_scene_error(tmp_path, depth):
    # 980 levels parse as JSON, then used to overflow the parser's own recursion.
    path = tmp_path / "deep.json"
    path.write_text(
        '{"format": "convstudio-scene", "version": 1, "kernels": [[1]], "input": '
        + "[" * depth
        + "1"
        + "]" * depth
        + "}",
        encoding="utf-8",
    )
    with pytest.raises(SceneFileError, match="deep"):
        load_scene(path)


@pytest.mark.parametrize("field", ["input", "kernels", "bias", "format", "padding", "stride"])
def test_deep_nesting_in_any_field_of_a_dict(field):
    with pytest.raises(SceneFileError) as info:
        scene_from_dict(minimal(**{field: nested(50_000)}))
    assert len(str(info.value)) < 200


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"format": "x" * 5_000_000}, '“format” is "xxx'),
        ({"padding": "y" * 5_000_000}, "“padding” must be"),
        ({"padding_mode": list(range(1_000_000))}, "[0, 1, 2, "),
        ({"version": 10**5000}, "a number of about 5001 digits"),
        ({"stride": 10**5000}, "at most 4096, not a number of about 5001 digits"),
        ({"padding": -(10**400)}, "at least 0, not a number of about 401 digits"),
        ({"z" * 1_000_000: 1}, "Unknown field “zzz"),
        ({"input": [[1, "\ud800" * 1000]]}, '"\\ud800'),
    ],
)
def test_bad_values_are_quoted_short(changes, expected):
    with pytest.raises(SceneFileError) as info:
        scene_from_dict(minimal(**changes))
    message = str(info.value)
    assert expected in message
    assert len(message) < 160, message
    message.encode("utf-8")  # printable: no lone surrogate


@pytest.mark.parametrize(
    "groups", [65, 2**31, 2**63, 10**4000], ids=["65", "2^31", "2^63", "10^4000"]
)
def test_groups_beyond_any_channel_count_are_refused(groups):
    with pytest.raises(SceneFileError, match="“groups” must be at most 64"):
        scene_from_dict(minimal(groups=groups))


JSON_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=10**300, max_value=10**330)
    | st.floats()
    | st.text(max_size=5)
)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=20,
)
FIELDS = sorted(scene_module._KNOWN - {"format"})


@settings(max_examples=300, deadline=None)
@given(
    data=st.one_of(
        JSON_VALUES,
        st.dictionaries(st.sampled_from(FIELDS), JSON_VALUES).map(lambda d: minimal(**d)),
        st.dictionaries(st.sampled_from(FIELDS), JSON_VALUES).map(
            lambda d: {**minimal(), **d, "input": [[1, 2], [3, 4]]}
        ),
    ),
    depth=st.sampled_from([0, 0, 0, 3000]),
)
def test_any_json_data_is_a_scene_or_a_scene_error(data, depth):
    if depth and isinstance(data, dict):
        data = {**data, "kernels": nested(depth, data.get("kernels"))}
    try:
        scene = scene_from_dict(data)
    except SceneFileError as exc:
        assert len(str(exc)) < 300
    else:
        assert isinstance(scene, Scene)


# ---------------------------------------------------------------- saved and opened again


@pytest.mark.parametrize("title", ["\ud800", "a\udfffb", "Grüße \ud83d", "\x00 nul"])
def test_any_title_the_parser_accepts_saves_and_loads_back(tmp_path, title):
    data = minimal(title=title, channel_names=[title])
    data["input"] = [[1, 2], [3, 4]]
    scene = scene_from_dict(data)
    path = tmp_path / "scene.json"
    save_scene(scene, path)
    back = load_scene(path)
    assert back.title == title
    assert back.channel_names == (title,)
    assert back.same_as(scene)


def test_plain_non_ascii_titles_stay_readable(tmp_path):
    path = tmp_path / "scene.json"
    save_scene(rich_scene(), path)
    assert "Grüße × 2" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf")])
def test_non_finite_numbers_are_still_refused(value):
    with pytest.raises(SceneFileError, match="out of range"):
        scene_from_dict(minimal(input=[[1, value], [3, 4]]))


# ---------------------------------------------------------------- interrupted saves


def test_the_temporary_names_its_owner(tmp_path, monkeypatch):
    seen = []

    def record(src, dst):
        seen.append(os.path.basename(src))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(scene_module.os, "replace", record)
    with pytest.raises(OSError):
        save_scene(rich_scene(), tmp_path / "scene.json")
    assert len(seen) == 1
    assert re.fullmatch(rf"\.scene\.json\.convstudio-{os.getpid()}-[a-z0-9_]+\.tmp", seen[0])


def test_a_long_name_still_saves(tmp_path):
    path = tmp_path / ("é" * 120 + ".json")  # 245 bytes: the temporary's name is cut
    save_scene(rich_scene(), path)
    assert load_scene(path).same_as(rich_scene())


KILLED_SAVE = """
import os, sys
from convstudio.model import scene

def stop(src, dst):
    print("saving", flush=True)
    sys.stdin.read()  # wait here until killed

scene.os.replace = stop
scene.atomic_write_text(sys.argv[1], "unfinished")
"""


@pytest.mark.skipif(sys.platform == "win32", reason="removal is POSIX-only")
def test_remove_interrupted_saves_removes_only_the_dead_ones(tmp_path):
    target = tmp_path / "scene.json"
    target.write_text("the old scene")
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_SAVE, str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline() == "saving\n"  # the temporary exists now
    finally:
        child.kill()
        child.wait()
        child.stdin.close()
        child.stdout.close()
    (left,) = [p for p in tmp_path.iterdir() if p.name != "scene.json"]
    assert left.name.startswith(f".scene.json.convstudio-{child.pid}-")
    mine = tmp_path / f".other.json.convstudio-{os.getpid()}-abc123.tmp"  # a save in progress
    no_such_pid = tmp_path / f".x.json.convstudio-{2**31 - 1}-zz9_.tmp"
    old_style = tmp_path / ".scene.json.k3j4h5.tmp"
    unrelated = tmp_path / "notes.convstudio-1-a.tmp"
    for path in (mine, no_such_pid, old_style, unrelated):
        path.write_text("x")

    removed = scene_module.remove_interrupted_saves(tmp_path)

    assert sorted(removed) == sorted([left, no_such_pid])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["scene.json", mine.name, old_style.name, unrelated.name]
    )
    assert target.read_text() == "the old scene"


def test_remove_interrupted_saves_in_a_missing_folder(tmp_path):
    assert scene_module.remove_interrupted_saves(tmp_path / "nowhere") == []
