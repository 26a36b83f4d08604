"""The kernel preset library: the built-ins, one-kernel files, the command line, the picker."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_cli import WORKED, headless_env, run

from convstudio.model import Studio, load_scene, scene_path
from convstudio.model.document import EditError
from convstudio.model.presets import (
    KernelPreset,
    PresetFileError,
    builtin_presets,
    kernel_to_dict,
    load_kernel_file,
    save_kernel_file,
)

GROUPS = ["lesson", "blur and smoothing", "sharpen", "edges and gradients", "other", "colour"]


def named(name: str) -> KernelPreset:
    return next(p for p in builtin_presets() if p.name == name)


def test_at_least_24_presets_in_six_groups_each_explained():
    presets = builtin_presets()
    assert len(presets) >= 24
    groups = list(dict.fromkeys(p.group for p in presets))
    assert groups == GROUPS
    for preset in presets:
        assert preset.description.endswith("."), preset.name
        assert 20 <= len(preset.description) <= 160, preset.name
    assert len({p.name for p in presets}) == len(presets)


@pytest.mark.parametrize(
    ("name", "weights"),
    [
        ("Lesson: X pattern", [[1, 0, 1], [0, 1, 0], [1, 0, 1]]),
        ("Sobel x", [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]),
        ("Sobel y", [[-1, -2, -1], [0, 0, 0], [1, 2, 1]]),
        ("Prewitt x", [[-1, 0, 1]] * 3),
        ("Scharr x", [[-3, 0, 3], [-10, 0, 10], [-3, 0, 3]]),
        ("Laplacian (4 neighbours)", [[0, 1, 0], [1, -4, 1], [0, 1, 0]]),
        ("Laplacian (8 neighbours)", [[1, 1, 1], [1, -8, 1], [1, 1, 1]]),
        ("Sharpen", [[0, -1, 0], [-1, 5, -1], [0, -1, 0]]),
        ("Even 2×2 (sum)", [[1, 1], [1, 1]]),
        ("1×1 (times 2)", [[2]]),
    ],
)
def test_the_well_known_kernels_have_their_weights(name, weights):
    np.testing.assert_array_equal(named(name).weights, weights)


def test_smoothing_kernels_keep_the_brightness_and_derivatives_sum_to_zero():
    for name in ("Box blur (mean)", "Gaussian 3×3", "Gaussian 5×5", "Motion blur"):
        assert named(name).weights.sum() == pytest.approx(1.0), name
    assert named("Unsharp mask 5×5").weights.sum() == pytest.approx(1.0)
    for name in ("Sobel x", "Sobel y", "Prewitt y", "Scharr y", "Laplacian (4 neighbours)"):
        assert named(name).weights.sum() == 0, name


def test_colour_presets_go_across_three_channels_and_only_there():
    grey = named("RGB → grey (1×1×3)")
    assert grey.weights.shape == (3, 1, 1)
    rgb = Studio(load_scene(scene_path("rgb-two-kernels")))
    rgb.document.set_kernel(grey.weights)
    assert rgb.document.scene.kernels.shape == (2, 3, 1, 1)  # every kernel, every channel
    one = Studio(load_scene(scene_path("worked-example")))
    before = one.document.scene
    with pytest.raises(EditError, match="3 slices, one per input channel"):
        one.document.set_kernel(grey.weights)
    assert one.document.scene is before


def test_a_kernel_of_more_slices_than_the_window_takes_says_the_limit():
    one = Studio(load_scene(scene_path("worked-example")))
    with pytest.raises(EditError) as info:
        one.document.set_kernel(np.ones((5, 3, 3)))
    assert str(info.value) == (
        "This kernel has 5 slices, one per input channel, but the input can have at most "
        "4 channels."
    )


def test_a_kernel_file_of_more_slices_than_any_scene_is_refused_on_reading(tmp_path):
    path = tmp_path / "deep.json"
    weights = [[[1]]] * 65  # under the 1 MB a kernel file may have (500 000 is over it)
    path.write_text(
        json.dumps(
            {"format": "convstudio-kernel", "version": 1, "name": "deep", "weights": weights}
        )
    )
    with pytest.raises(PresetFileError) as info:
        load_kernel_file(path)
    assert str(info.value) == (
        "deep.json: Kernel 1 (“deep”) has 65 slices, one per input channel; a scene has "
        "at most 64 input channels."
    )


@pytest.mark.parametrize("name", ["Sobel x", "Vertical edges on R, G and B (3×3×3)"])
def test_a_kernel_file_round_trips(tmp_path, name):
    preset = named(name)
    path = tmp_path / "kernel.json"
    save_kernel_file(preset, path, bias=0.5)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "convstudio-kernel" and data["version"] == 1
    assert data["bias"] == 0.5 and data["description"] == preset.description
    back = load_kernel_file(path)
    assert back.name == preset.name and back.description == preset.description
    np.testing.assert_array_equal(back.weights, preset.weights)


def kernel_file(tmp_path, data) -> object:
    path = tmp_path / "k.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


GOOD = {"format": "convstudio-kernel", "version": 1, "name": "k", "weights": [[1, 2], [3, 4]]}


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ("not json", "not valid JSON"),
        ({"format": "other"}, "not a ConvStudio kernel file"),
        # The format asked of a one-kernel file, not the list's (convstudio-kernels).
        ({"format": "convstudio-kernel "}, r"must be 'convstudio-kernel'\)"),
        ({"version": 2}, "version 2"),
        ({"version": 0}, "version 0 cannot be read"),
        ({"version": -1}, "version -1 cannot be read"),
        ({"name": "n" * 61}, "a name has at most 60 characters"),
        ({"weights": [[1, 2], [3]]}, "all the same length"),
        ({"weights": [[1, "x"], [3, 4]]}, "row 1, column 2"),
        ({"weights": []}, "rows of numbers"),
        ({"weights": [[1] * 10] * 10}, "larger than 9×9"),
        ({"weights": [[[1, 2]], [[1, 2], [3, 4]]]}, "same size"),
        ({"bias": "high"}, "bias"),
        ({"name": 5}, "name"),
    ],
)
def test_a_bad_kernel_file_says_what_is_wrong(tmp_path, change, words):
    data = change if isinstance(change, str) else {**GOOD, **change}
    with pytest.raises(PresetFileError, match=words) as caught:
        load_kernel_file(kernel_file(tmp_path, data))
    assert "k.json" in str(caught.value)


def test_a_kernel_file_larger_than_allowed_is_refused_before_reading(tmp_path):
    path = tmp_path / "k.json"
    path.write_bytes(b" " * (5 * 1024 * 1024))
    with pytest.raises(PresetFileError):
        load_kernel_file(path)


def test_a_kernel_file_is_at_most_1_mb_and_its_name_60_characters(tmp_path):
    from convstudio.model.library import MAX_NAME as LIBRARY_NAME
    from convstudio.model.presets import MAX_NAME

    assert LIBRARY_NAME is MAX_NAME == 60  # one limit for files and the user's library
    text = json.dumps({**GOOD, "name": "n" * MAX_NAME})
    path = kernel_file(tmp_path, text + " " * (1024 * 1024 - len(text)))
    assert load_kernel_file(path).name == "n" * MAX_NAME  # exactly 1 MB: read
    path.write_text(text + " " * (1024 * 1024 - len(text) + 1), encoding="utf-8")
    with pytest.raises(
        PresetFileError, match=r"too large to be a kernel file \(more than 1 MB\)"
    ) as caught:
        load_kernel_file(path)
    assert "\n" not in str(caught.value)
    # A list of kernels is a kernel file too: the same limits.
    listed = {"format": "convstudio-kernels", "version": 1, "kernels": [{**GOOD, "name": "x" * 61}]}
    with pytest.raises(PresetFileError, match="at most 60 characters") as caught:
        load_kernel_file(kernel_file(tmp_path, listed))
    assert "x" * 41 not in str(caught.value)  # the name is quoted shortened


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(
    fields=st.dictionaries(
        st.sampled_from(["format", "version", "name", "weights", "bias", "description"]),
        json_values,
    )
)
def test_any_kernel_file_loads_or_gives_a_clear_error(tmp_path_factory, fields):
    path = tmp_path_factory.mktemp("fuzz") / "k.json"
    path.write_text(json.dumps({**GOOD, **fields}, allow_nan=True), encoding="utf-8")
    try:
        preset = load_kernel_file(path)
    except PresetFileError as exc:
        assert "\n" not in str(exc) and len(str(exc)) < 300
    else:
        assert np.isfinite(preset.weights).all()
        assert kernel_to_dict(preset)["weights"]


def test_convstudio_presets_lists_the_library():
    result = run("presets", "--json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert len(listed) >= 24
    assert {"name", "group", "description", "weights"} <= set(listed[0])
    assert [p["group"] for p in listed][:1] == ["lesson"]
    text = run("presets").stdout
    assert "edges and gradients:" in text and "Sobel x (3×3)" in text


def test_convstudio_presets_lists_the_users_kernels_and_leaves_damaged_ones_out(tmp_path):
    from convstudio.model.library import user_library
    from convstudio.model.presets import save_presets

    data = tmp_path / "ConvStudio" / "ConvStudio"  # Qt's AppDataLocation under XDG_DATA_HOME
    library = user_library(data)
    library.save("mine", np.array([[0, 1], [1, 0]]))
    (library.folder / "broken.json").write_text("{not json", encoding="utf-8")
    save_presets([KernelPreset("from kernels.json", np.eye(2))], data / "kernels.json")
    env = {**headless_env(), "XDG_DATA_HOME": str(tmp_path)}
    result = run("presets", "--json", env=env)
    assert result.returncode == 0, result.stderr
    yours = [p for p in json.loads(result.stdout) if p["group"] == "yours"]
    assert [(p["name"], p["weights"]) for p in yours] == [
        ("from kernels.json", [[1, 0], [0, 1]]),
        ("mine", [[0, 1], [1, 0]]),
    ]
    assert "broken.json is left out" in result.stderr and "not valid JSON" in result.stderr
    # Listing only reads: the damaged file and the old list stay where they were.
    assert (library.folder / "broken.json").exists() and (data / "kernels.json").exists()
    used = run("compute", WORKED, "--kernel", "mine", "--json", env=env)
    assert json.loads(used.stdout)["output_shape"] == [1, 5, 5]


def test_compute_takes_a_preset_by_name_or_file(tmp_path):
    by_name = run("compute", WORKED, "--kernel", "Sobel x")
    assert by_name.returncode == 0, by_name.stderr
    # −18 + 51 − 2·55 + 2·75 − 35 + 204: the first window under Sobel x.
    assert by_name.stdout.split()[0] == "242"
    path = tmp_path / "mine.json"
    save_kernel_file(named("Sobel x"), path)
    by_file = run("compute", WORKED, "--kernel", path)
    assert by_file.stdout == by_name.stdout
    unknown = run("compute", WORKED, "--kernel", "No such kernel")
    assert unknown.returncode == 2
    assert "no kernel preset or file “No such kernel”" in unknown.stderr
    misfit = run("compute", WORKED, "--kernel", "RGB → grey (1×1×3)")
    assert misfit.returncode == 2 and "does not fit this scene" in misfit.stderr


def test_compute_render_and_gif_keep_the_bias_of_a_kernel_file(tmp_path):
    path = tmp_path / "biased.json"
    save_kernel_file(named("Sobel x"), path, bias=5)
    plain = json.loads(run("compute", WORKED, "--kernel", "Sobel x", "--json").stdout)
    biased = run("compute", WORKED, "--kernel", path, "--json")
    assert biased.returncode == 0, biased.stderr
    added = np.array(json.loads(biased.stdout)["output"]) - np.array(plain["output"])
    assert (added == 5).all()  # the worked example has no bias: switched on
    assert json.loads(biased.stdout)["parameters"] == plain["parameters"] + 1
    for command, name in (("render", "f.png"), ("gif", "f.gif")):
        drawn = run(command, WORKED, "--kernel", path, "-o", tmp_path / name, "--size", "800x600")
        assert drawn.returncode == 0 and (tmp_path / name).exists(), drawn.stderr


def test_a_users_kernel_keeps_its_bias_on_the_command_line(tmp_path):
    from convstudio.model.library import user_library

    data = tmp_path / "ConvStudio" / "ConvStudio"  # Qt's AppDataLocation under XDG_DATA_HOME
    user_library(data).save("plus two", np.array([[1.0]]), 2.0)
    env = {**headless_env(), "XDG_DATA_HOME": str(tmp_path)}
    used = run("compute", WORKED, "--kernel", "plus two", "--json", env=env)
    assert used.returncode == 0, used.stderr
    scene = load_scene(scene_path("worked-example"))
    expected = scene.input[0, :4, :4] + 2  # a 1×1 kernel of 1 on a 6×6 input, plus 2
    assert json.loads(used.stdout)["output"][0][0][:4] == list(expected[0])


def test_exporting_after_a_preset_names_the_kernel_after_it(qtbot, tmp_path):
    from convstudio.model.presets import MAX_NAME
    from convstudio.qt.kernel_panel import KernelPanel

    studio = Studio(load_scene(scene_path("worked-example")))
    panel = KernelPanel(studio, lambda text: None)
    qtbot.addWidget(panel)
    panel.apply_preset("Sobel x")
    path = tmp_path / "k.kernel.json"
    assert panel.export_kernel(path)
    assert load_kernel_file(path).name == "Sobel x"
    studio.document.set_kernel_value(0, 0, 0, 0, 9)  # edited: no longer Sobel x
    assert panel.export_kernel(tmp_path / "mine.kernel.json")
    assert load_kernel_file(tmp_path / "mine.kernel.json").name == "mine"
    long = tmp_path / ("x" * 100 + ".kernel.json")
    assert panel.export_kernel(long)
    assert len(load_kernel_file(long).name) == MAX_NAME  # readable back


def test_the_export_dialog_offers_the_presets_name(qtbot, monkeypatch, tmp_path):
    from gui_helpers import FileDialogs

    from convstudio.qt.main_window import MainWindow

    studio = Studio(load_scene(scene_path("worked-example")))
    window = MainWindow(studio, remember_geometry=False)
    qtbot.addWidget(window)
    dialogs = FileDialogs(monkeypatch)
    target = tmp_path / "chosen.kernel.json"
    dialogs.answer = target
    window.kernel_panel.apply_preset("Sobel x")
    window.export_kernel_dialog()
    offered = dialogs.shown[-1][2]
    assert offered is not None and offered.name == "Sobel x.kernel.json"
    assert load_kernel_file(target).name == "Sobel x"


def test_an_imported_kernel_brings_its_bias(qtbot, tmp_path):
    from convstudio.qt.kernel_panel import KernelPanel

    studio = Studio(load_scene(scene_path("worked-example")))
    panel = KernelPanel(studio, lambda text: None)
    qtbot.addWidget(panel)
    path = tmp_path / "biased.json"
    save_kernel_file(named("Sobel x"), path, bias=5)
    assert panel.import_kernel(path)
    assert list(studio.document.scene.bias) == [5]
    assert studio.document.kernel_name(0) == "Sobel x"


def test_the_picker_groups_the_presets_and_explains_each(qtbot, studio):
    from PySide6.QtCore import Qt

    from convstudio.qt.kernel_panel import KernelPanel

    panel = KernelPanel(studio, lambda text: None)
    qtbot.addWidget(panel)
    combo = panel.presets
    model = combo.model()
    headings = [
        combo.itemText(i) for i in range(combo.count()) if combo.itemText(i).startswith("— ")
    ]
    assert headings == [f"— {g} —" for g in GROUPS]
    for i in range(combo.count()):
        text = combo.itemText(i)
        if text.startswith("— "):
            assert not model.item(i).isEnabled()  # a heading cannot be chosen
        elif isinstance(combo.itemData(i), KernelPreset):
            assert combo.itemData(i, Qt.ItemDataRole.ToolTipRole), text


def test_choosing_a_colour_preset_on_a_grey_input_says_why_and_changes_nothing(qtbot, studio):
    from convstudio.qt.kernel_panel import KernelPanel

    said: list[str] = []
    panel = KernelPanel(studio, said.append)
    qtbot.addWidget(panel)
    before = studio.document.scene
    panel.apply_preset("RGB → grey (1×1×3)")
    assert studio.document.scene is before
    assert said and "set the input to 3 channels first" in said[-1]


def test_export_then_import_carries_a_kernel_between_windows(qtbot, tmp_path):
    from convstudio.qt.kernel_panel import KernelPanel

    source = Studio(load_scene(scene_path("rgb-two-kernels")))
    said: list[str] = []
    panel = KernelPanel(source, said.append)
    qtbot.addWidget(panel)
    path = tmp_path / "edges.kernel.json"
    assert panel.export_kernel(path, "my edges")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["name"] == "my edges" and data["bias"] == -100  # kernel 1 and its bias
    np.testing.assert_array_equal(data["weights"], source.document.scene.kernels[0])

    target = Studio(load_scene(scene_path("rgb-one-kernel")))
    other = KernelPanel(target, said.append)
    qtbot.addWidget(other)
    assert other.import_kernel(path)
    np.testing.assert_array_equal(
        target.document.scene.kernels[0], source.document.scene.kernels[0]
    )
    # A 3-slice kernel does not go into a grey scene: said, and nothing changes.
    grey = Studio(load_scene(scene_path("worked-example")))
    third = KernelPanel(grey, said.append)
    qtbot.addWidget(third)
    before = grey.document.scene
    assert not third.import_kernel(path)
    assert grey.document.scene is before and "my edges" in said[-1]


def test_a_damaged_kernel_file_imports_nothing_and_says_why(qtbot, studio, tmp_path):
    from convstudio.qt.kernel_panel import KernelPanel

    said: list[str] = []
    panel = KernelPanel(studio, said.append)
    qtbot.addWidget(panel)
    path = kernel_file(tmp_path, {**GOOD, "weights": [[1, None]]})
    before = studio.document.scene
    assert not panel.import_kernel(path)
    assert studio.document.scene is before
    assert said[-1].startswith("Could not import the kernel: k.json: ")
    assert "row 1, column 2" in said[-1]


def test_a_file_dropped_on_the_window_goes_where_it_belongs(qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    from convstudio.qt.main_window import MainWindow

    studio = Studio(load_scene(scene_path("worked-example")))
    window = MainWindow(studio, remember_geometry=False)
    qtbot.addWidget(window)
    window.ask_unsaved = lambda action: "discard"
    kernel = tmp_path / "sobel.json"
    save_kernel_file(named("Sobel x"), kernel)

    def drop(path):
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(path))])
        event = QDropEvent(
            QPoint(10, 10),
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        window.dropEvent(event)

    drop(kernel)
    np.testing.assert_array_equal(studio.document.scene.kernels[0, 0], named("Sobel x").weights)
    drop(scene_path("stride"))  # a scene opens
    assert studio.document.scene.stride == (2, 2)


def test_previews_show_what_each_kernel_does_to_the_sample_picture():
    from PIL import Image

    from convstudio.model import resource_dir
    from convstudio.model.presets import preset_preview

    rgb = np.asarray(Image.open(resource_dir() / "kernels" / "sample.png").convert("RGB"))
    identity = preset_preview(named("Identity"), rgb)
    grey = np.round(rgb.astype(float) @ [0.299, 0.587, 0.114])
    # The identity shows the picture itself, stretched to 0–255.
    stretched = np.round((grey - grey.min()) * 255 / (grey.max() - grey.min()))
    np.testing.assert_array_equal(identity, stretched)
    # An edge kernel is dark on flat areas and bright on edges: less mean light.
    edges = preset_preview(named("Laplacian (8 neighbours)"), rgb)
    assert edges.shape == rgb.shape[:2] and edges.dtype == np.uint8
    assert edges.mean() < identity.mean() / 2
    # A blur is close to the picture; a colour kernel sees three channels.
    assert np.abs(preset_preview(named("Gaussian 3×3"), rgb).astype(int) - identity).mean() < 20
    assert preset_preview(named("RGB → grey (1×1×3)"), rgb).shape == rgb.shape[:2]


def test_the_picker_shows_a_preview_of_every_preset(qtbot, studio):
    from convstudio.qt.kernel_panel import KernelPanel

    panel = KernelPanel(studio, lambda text: None)
    qtbot.addWidget(panel)
    combo = panel.presets
    for i in range(combo.count()):
        if isinstance(combo.itemData(i), KernelPreset):
            assert not combo.itemIcon(i).isNull(), combo.itemText(i)
