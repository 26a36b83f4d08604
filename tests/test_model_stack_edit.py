"""Editing a stack of layers in the document: select, add, remove, move, retype and change
a layer; each edit emits once, a refused one changes nothing and names the layer, undo and
redo round-trip, and the channels stay consistent through the stack."""

from __future__ import annotations

import numpy as np
import pytest

from convstudio.engine import ConvSettingsError
from convstudio.engine.layers import (
    Activation,
    Conv2d,
    Pool2d,
    PoolEmptyWindowError,
    PoolKernelSizeError,
    PoolPaddingError,
    PoolTooSmallError,
)
from convstudio.model import EditError, Scene, Studio
from convstudio.model.document import evaluate
from convstudio.model.i18n import set_translator
from convstudio.model.layer_edit import (
    fit_channels,
    layer_values,
    new_layer,
    setting_label,
    settings_of,
)
from convstudio.model.layer_format import LAYER_TYPES, MAX_LAYERS
from convstudio.model.layer_names import layer_name, numbered_name, type_name
from convstudio.model.refusals import settings_error_text

INPUT = np.arange(64.0).reshape(8, 8) % 7 - 3


def cnn(focus: int | None = None, size: int = 8) -> Scene:
    """8×8 → conv 3×3 (6×6) → ReLU → max pool 2×2 (3×3) → conv 2×2 (2×2)."""
    layers = (
        Conv2d(np.ones((3, 3))),
        Activation("relu"),
        Pool2d("max_pool2d", 2),
        Conv2d(np.array([[1.0, -1.0], [0.5, 2.0]])),
    )
    x = np.arange(size * size, dtype=float).reshape(size, size) % 7 - 3
    return Scene(x, layers=layers, focus=focus)


class Heard:
    """Counts the document's signals."""

    def __init__(self, document):
        self.scenes = 0
        self.evaluations = 0
        document.scene_changed.connect(self._scene)
        document.evaluation_changed.connect(self._evaluation)

    def _scene(self, _scene):
        self.scenes += 1

    def _evaluation(self, _evaluation):
        self.evaluations += 1

    @property
    def once(self):
        return self.scenes == 1 and self.evaluations == 1

    @property
    def none(self):
        return self.scenes == 0 and self.evaluations == 0


@pytest.fixture
def studio() -> Studio:
    return Studio(cnn())


def kinds(scene: Scene) -> list[str]:
    return [layer.kind for layer in scene.layers]


def depths(scene: Scene) -> list[int | None]:
    return [layer.kernels.shape[1] if isinstance(layer, Conv2d) else None for layer in scene.layers]


# ---------------------------------------------------------------- names


def test_layers_have_short_names():
    scene = cnn()
    assert [layer_name(layer) for layer in scene.layers] == [
        "conv 3×3",
        "ReLU",
        "max pool 2×2",
        "conv 2×2",
    ]
    assert numbered_name(2, scene.layers[2]) == "3 max pool 2×2"
    assert layer_name(Pool2d("avg_pool2d", (3, 2))) == "avg pool 3×2"
    assert all(type_name(kind) != "" for kind in LAYER_TYPES)


def test_a_stack_refusal_names_the_layer_by_its_short_name():
    # 3×3 → conv 3×3 → 1×1: the pool has no room.
    scene = Scene(np.ones((3, 3)), layers=(Conv2d(np.ones((3, 3))), Pool2d("max_pool2d", 2)))
    error = evaluate(scene).error
    assert settings_error_text(error, scene.layers) == (
        "Layer 2 (max pool 2×2): The input has 1 row, fewer than the window's 2: no window fits."
    )
    # Without the stack, the engine's own English (its type as the file names it).
    assert settings_error_text(error) == str(error)


# ---------------------------------------------------------------- select


def test_selecting_a_layer_moves_the_focus_without_an_undo_step(studio):
    document = studio.document
    before = document.scene
    heard = Heard(document)
    document.select_layer(2)
    assert heard.once
    assert document.scene.focus == 2 and document.scene.same_as(before)
    assert not document.can_undo
    document.select_layer(3)
    assert document.scene.conv_index == 3  # the one-convolution views show layer 4
    assert studio.evaluation.conv_index == 3
    heard2 = Heard(document)
    document.select_layer(3)  # already current: nothing
    assert heard2.none


def test_selecting_no_such_layer_is_refused(studio):
    heard = Heard(studio.document)
    with pytest.raises(EditError, match="There is no layer 5: the layers are numbered 1 to 4"):
        studio.document.select_layer(4)
    with pytest.raises(EditError):
        studio.document.select_layer(-1)
    assert heard.none


# ---------------------------------------------------------------- add


@pytest.mark.parametrize("kind", list(LAYER_TYPES))
def test_adding_each_type_inserts_it_after_the_current_layer_and_selects_it(kind):
    studio = Studio(cnn(size=12))  # 10×10 → 5×5: room for another pool or convolution
    document = studio.document
    document.select_layer(1)
    heard = Heard(document)
    document.add_layer(kind)
    assert heard.once
    scene = document.scene
    assert kinds(scene)[2] == kind and len(scene.layers) == 5
    assert scene.focus == 2
    assert studio.evaluation.error is None
    document.undo()
    assert kinds(document.scene) == ["conv2d", "relu", "max_pool2d", "conv2d"]
    assert document.scene.focus == 1
    document.redo()
    assert kinds(document.scene)[2] == kind


def test_new_layers_have_sensible_defaults():
    conv = new_layer("conv2d", 3)
    assert isinstance(conv, Conv2d) and conv.kernels.shape == (1, 3, 3, 3)
    assert conv.kernels[0, :, 1, 1].tolist() == [1.0, 1.0, 1.0] and conv.kernels.sum() == 3
    pool = new_layer("max_pool2d", 1)
    assert isinstance(pool, Pool2d) and pool.window().kernel == (2, 2)
    assert pool.window().stride == (2, 2)  # torch's default: the window's size
    leaky = new_layer("leaky_relu", 1)
    assert isinstance(leaky, Activation) and leaky.negative_slope == 0.01
    # Between pooling layers the same keys carry over.
    avg = new_layer("avg_pool2d", 1, like=Pool2d("max_pool2d", 3, stride=1, ceil_mode=True))
    assert layer_values(avg)["kernel_size"] == (3, 3)
    assert avg.ceil_mode and avg.window().stride == (1, 1)


def test_a_convolution_added_reads_every_channel_of_its_map(studio):
    document = studio.document
    document.set_kernel_count(4)  # layer 1 now makes 4 maps
    document.select_layer(1)
    document.add_layer("conv2d")
    scene = document.scene
    assert depths(scene) == [1, None, 4, None, 1]  # the next convolution reads the new one's 1
    assert studio.evaluation.error is None


def test_adding_a_convolution_fits_the_next_one(studio):
    document = studio.document
    document.select_layer(3)
    document.set_kernel_count(2)
    document.select_layer(0)
    document.set_kernel_count(3)
    assert depths(document.scene) == [1, None, None, 3]
    document.add_layer("conv2d", after=0)  # reads 3 maps, makes 1
    assert depths(document.scene) == [1, 3, None, None, 1]
    document.undo()
    assert depths(document.scene) == [1, None, None, 3]


def test_no_more_than_max_layers(studio):
    document = studio.document
    document.add_layer("relu", after=3)
    document.add_layer("tanh")
    assert len(document.scene.layers) == MAX_LAYERS
    heard = Heard(document)
    before = document.scene
    with pytest.raises(EditError, match=f"at most {MAX_LAYERS} layers"):
        document.add_layer("relu")
    assert heard.none and document.scene is before


def test_an_unknown_type_is_refused(studio):
    with pytest.raises(EditError, match="Unknown layer type 'pool'"):
        studio.document.add_layer("pool")
    with pytest.raises(EditError, match="Unknown layer type"):
        studio.document.set_layer_type(1, "pool")


def test_a_layer_that_makes_a_later_one_impossible_is_refused_naming_that_one(studio):
    document = studio.document
    before = document.scene
    heard = Heard(document)
    # 8×8 → 6×6 → 3×3 → another pool 1×1 → the conv 2×2 has no room.
    with pytest.raises(EditError) as info:
        document.add_layer("max_pool2d", after=2)
    assert str(info.value).startswith("Layer 5 (conv 2×2): The kernel spans 2 rows")
    assert str(info.value).endswith("The settings stay as they were.")
    assert "\n" not in str(info.value)
    assert heard.none and document.scene is before and not document.can_undo


# ---------------------------------------------------------------- remove


def test_removing_a_layer_selects_the_next_and_undo_brings_it_back(studio):
    document = studio.document
    document.select_layer(1)
    heard = Heard(document)
    document.remove_layer(1)
    assert heard.once
    assert kinds(document.scene) == ["conv2d", "max_pool2d", "conv2d"]
    assert document.scene.focus == 1
    document.undo()
    assert kinds(document.scene) == ["conv2d", "relu", "max_pool2d", "conv2d"]
    document.redo()
    assert kinds(document.scene) == ["conv2d", "max_pool2d", "conv2d"]


def test_removing_the_last_layer_selects_the_one_before(studio):
    document = studio.document
    document.select_layer(3)
    document.remove_layer(3)
    assert document.scene.focus == 2


def test_removing_another_layer_keeps_the_current_one(studio):
    document = studio.document
    document.select_layer(3)
    document.remove_layer(1)
    assert document.scene.focus == 2 and document.scene.layers[2].kind == "conv2d"


def test_the_only_convolution_cannot_be_removed_or_retyped():
    studio = Studio(Scene(INPUT, layers=(Conv2d(np.ones((3, 3))), Activation("relu"))))
    document = studio.document
    heard = Heard(document)
    with pytest.raises(EditError, match=r"^Layer 1 \(conv 3×3\): it is the scene's only conv"):
        document.remove_layer(0)
    with pytest.raises(EditError, match="before making this one max pooling"):
        document.set_layer_type(0, "max_pool2d")
    assert heard.none
    document.remove_layer(1)  # the ReLU may go
    assert kinds(document.scene) == ["conv2d"]


def test_removing_a_convolution_fits_the_next_one_to_its_input(studio):
    document = studio.document
    document.set_channels(2)
    document.set_kernel_count(3)
    document.select_layer(3)
    document.set_kernel_count(2)
    assert depths(document.scene) == [2, None, None, 3]
    document.remove_layer(0)  # the last convolution now reads the 2 input channels
    assert depths(document.scene) == [None, None, 2]
    assert studio.evaluation.error is None


# ---------------------------------------------------------------- move


def test_moving_a_layer_keeps_it_current(studio):
    document = studio.document
    document.select_layer(1)
    heard = Heard(document)
    document.move_layer(1, +1)
    assert heard.once
    assert kinds(document.scene) == ["conv2d", "max_pool2d", "relu", "conv2d"]
    assert document.scene.focus == 2
    document.move_layer(2, -1)
    assert kinds(document.scene) == ["conv2d", "relu", "max_pool2d", "conv2d"]
    document.undo()
    assert kinds(document.scene) == ["conv2d", "max_pool2d", "relu", "conv2d"]


def test_moving_another_layer_keeps_the_current_one_current(studio):
    document = studio.document
    document.select_layer(3)
    document.move_layer(1, +1)
    assert document.scene.focus == 3 and isinstance(document.scene.layers[3], Conv2d)


def test_moving_past_either_end_is_refused(studio):
    heard = Heard(studio.document)
    with pytest.raises(EditError, match=r"Layer 1 \(conv 3×3\): it is the first layer already"):
        studio.document.move_layer(0, -1)
    with pytest.raises(EditError, match=r"Layer 4 \(conv 2×2\): it is the last layer already"):
        studio.document.move_layer(3, +1)
    assert heard.none


def test_moving_convolutions_past_each_other_fits_their_depths(studio):
    document = studio.document
    document.set_kernel_count(3)  # conv 1: 1 → 3 maps; conv 2 reads 3
    assert depths(document.scene) == [1, None, None, 3]
    document.move_layer(3, -3)  # conv 2 first: it reads the input's 1 channel
    scene = document.scene
    assert kinds(scene) == ["conv2d", "conv2d", "relu", "max_pool2d"]
    assert depths(scene) == [1, 1, None, None]
    assert studio.evaluation.error is None


# ---------------------------------------------------------------- retype and settings


def test_changing_a_layers_type(studio):
    document = studio.document
    heard = Heard(document)
    document.set_layer_type(2, "avg_pool2d")
    assert heard.once
    assert kinds(document.scene)[2] == "avg_pool2d" and document.scene.focus == 2
    document.set_layer_type(1, "conv2d")
    assert depths(document.scene)[1] == 1
    document.undo()
    document.undo()
    assert kinds(document.scene) == ["conv2d", "relu", "max_pool2d", "conv2d"]


def test_a_convolution_may_become_something_else_when_another_remains(studio):
    document = studio.document
    document.set_layer_type(0, "tanh")
    assert kinds(document.scene) == ["tanh", "relu", "max_pool2d", "conv2d"]
    assert studio.evaluation.error is None


def test_pool_settings_change_through_their_keys(studio):
    document = studio.document
    heard = Heard(document)
    document.update_layer(2, kernel_size=3, stride=1, ceil_mode=True)
    assert heard.once
    pool = document.scene.layers[2]
    assert pool.window().kernel == (3, 3) and pool.window().stride == (1, 1) and pool.ceil_mode
    document.update_layer(2, stride=None)  # back to the window's size
    assert document.scene.layers[2].window().stride == (3, 3)
    document.undo()
    document.undo()
    assert document.scene.layers[2].window().kernel == (2, 2)


def test_leaky_relu_slope(studio):
    document = studio.document
    document.set_layer_type(1, "leaky_relu")
    document.update_layer(1, negative_slope=0.2)
    assert document.scene.layers[1].negative_slope == 0.2


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({"padding": 2}, r"^Layer 3 \(max pool 2×2\): “padding” is 2, more than half"),
        ({"kernel_size": 0}, r"^Layer 3 \(max pool 2×2\): “kernel_size” must be at least 1"),
        ({"ceil_mode": 3}, r"^Layer 3 \(max pool 2×2\): “ceil_mode” must be true or false"),
        ({"negative_slope": 1}, r"^Layer 3 \(max pool 2×2\): it has no setting 'negative_slope'"),
        ({"kernel_size": 7}, r"^Layer 3 \(max pool 7×7\): The input has 6 rows, fewer than"),
    ],
)
def test_wrong_pool_settings_are_refused_naming_the_layer(studio, settings, expected):
    document = studio.document
    before = document.scene
    heard = Heard(document)
    with pytest.raises(EditError, match=expected):
        document.update_layer(2, **settings)
    assert heard.none and document.scene is before


def test_a_pool_setting_that_starves_a_later_layer_names_that_layer(studio):
    document = studio.document
    document.update_layer(2, kernel_size=3)  # 6×6 → 2×2: the conv 2×2 still fits
    before = document.scene
    # A window of 4 leaves 1×1, where the 2×2 kernel does not fit.
    with pytest.raises(EditError, match=r"^Layer 4 \(conv 2×2\): The kernel spans 2 rows"):
        document.update_layer(2, kernel_size=4)
    assert document.scene is before


def test_a_convolutions_settings_are_not_update_layers(studio):
    with pytest.raises(ValueError, match="update_settings"):
        studio.document.update_layer(0, stride=2)


# ---------------------------------------------------------------- channels through the stack


def test_the_input_channels_fit_the_first_convolution_not_the_focused_one(studio):
    document = studio.document
    document.select_layer(3)
    document.set_channels(3)
    assert depths(document.scene) == [3, None, None, 1]
    assert studio.evaluation.error is None
    document.undo()
    assert depths(document.scene) == [1, None, None, 1]


def test_the_input_reaches_the_first_convolution_through_other_layers():
    layers = (Activation("relu"), Conv2d(np.ones((3, 3))))
    studio = Studio(Scene(INPUT, layers=layers))
    studio.document.set_channels(2)
    assert depths(studio.document.scene) == [None, 2]
    assert studio.evaluation.error is None


def test_a_kernel_count_fits_the_next_convolution(studio):
    document = studio.document
    document.set_kernel_count(4)
    assert depths(document.scene) == [1, None, None, 4]
    assert studio.evaluation.error is None
    assert studio.evaluation.maps[-1].shape == (1, 2, 2)


def test_groups_of_a_deeper_convolution_divide_the_channels_it_is_given(studio):
    document = studio.document
    document.set_kernel_count(4)
    document.select_layer(3)
    document.set_kernel_count(2)
    document.update_settings(groups=2)  # 4 maps in, 2 groups: 2 slices per kernel
    assert depths(document.scene) == [1, None, None, 2]
    assert document.scene.layers[3].groups == 2
    assert studio.evaluation.error is None


def test_fit_channels_leaves_fitting_layers_alone_and_falls_back_on_groups():
    conv = Conv2d(np.ones((2, 2, 3, 3)), groups=1)
    grouped = Conv2d(np.ones((2, 1, 1, 1)), groups=2)
    layers = (conv, Activation("relu"), grouped)
    assert fit_channels(layers, 2) == layers
    fitted = fit_channels(layers, 3)
    assert fitted[0].kernels.shape == (2, 3, 3, 3)
    assert fitted[2] is grouped  # still 2 maps in
    odd = fit_channels((Conv2d(np.ones((3, 1, 1, 1)), groups=3),), 2)
    assert odd[0].groups == 1 and odd[0].kernels.shape == (3, 2, 1, 1)


# ---------------------------------------------------------------- what the panel reads


def test_settings_come_from_the_layer_table():
    assert settings_of("conv2d") == ()
    assert settings_of("relu") == ()
    names = [s.name for s in settings_of("max_pool2d")]
    assert names == [key.name for key in LAYER_TYPES["max_pool2d"][0]]
    forms = {s.name: s.form for s in settings_of("avg_pool2d")}
    assert forms == {
        "kernel_size": "pair",
        "stride": "optional pair",
        "padding": "pair",
        "ceil_mode": "switch",
        "count_include_pad": "switch",
    }
    assert {s.form for s in settings_of("leaky_relu")} == {"number"}
    window = settings_of("max_pool2d")[0]
    assert window.limit is not None and window.limit.minimum == 1
    assert setting_label("kernel_size") == "Window"
    assert setting_label("no_such_key") == "no_such_key"


@pytest.fixture
def fake_translator():
    set_translator(lambda context, text: "«" + text + "»")
    try:
        yield
    finally:
        set_translator(None)


@pytest.mark.usefixtures("fake_translator")
def test_names_and_refusals_go_through_translate(studio):
    assert layer_name(cnn().layers[2]) == "«max pool 2×2»"
    with pytest.raises(EditError, match=r"^«Layer 1"):
        studio.document.move_layer(0, -1)


# ---------------------------------------------------------------- the pool errors, phrased

POOL_ERRORS = [
    PoolKernelSizeError(0),
    PoolPaddingError(0, 2, 2),
    PoolPaddingError(1, 3, 4),
    PoolTooSmallError(0, 1, 2, 0),
    PoolTooSmallError(1, 3, 5, 1),
    PoolTooSmallError(1, 1, 3, 0),
    PoolEmptyWindowError(0, 2),
    PoolEmptyWindowError(1, 0),
]


@pytest.mark.parametrize("error", POOL_ERRORS, ids=repr)
def test_pool_errors_read_as_their_english(error):
    assert settings_error_text(error) == str(error)


@pytest.mark.usefixtures("fake_translator")
@pytest.mark.parametrize("error", POOL_ERRORS, ids=repr)
def test_pool_errors_go_through_translate(error):
    text = settings_error_text(error)
    assert text.startswith("«") and text.endswith("»") and text != str(error)


def test_every_pool_refusal_the_engine_gives_reads_as_its_english():
    cases = [
        (Pool2d("max_pool2d", 0), (1, 4, 4)),
        (Pool2d("max_pool2d", 2, padding=2), (1, 4, 4)),
        (Pool2d("avg_pool2d", 5), (1, 4, 4)),
        (Pool2d("max_pool2d", 4, padding=1), (1, 1, 1)),
        (Pool2d("max_pool2d", 2, stride=1, padding=1, dilation=3), (1, 2, 2)),
    ]
    for layer, shape in cases:
        with pytest.raises(ConvSettingsError) as info:
            layer.output_shape(shape)
        assert settings_error_text(info.value) == str(info.value)


# ---------------------------------------------------------------- stepping layer by layer


def test_step_layer_goes_to_a_layers_first_step(studio):
    starts = [studio.evaluation.offset(i) for i in range(4)]
    studio.step_layer(-1)  # nothing done: stays
    assert studio.playback.current_step is None
    studio.step_layer(+1)
    assert studio.playback.current_step == starts[0]
    studio.step_layer(+1)
    studio.step_layer(+1)
    assert studio.playback.current_step == starts[2]
    studio.playback.next()
    studio.step_layer(-1)
    assert studio.playback.current_step == starts[2]
    studio.step_layer(-1)
    assert studio.playback.current_step == starts[1]
    studio.playback.last()
    studio.step_layer(+1)  # the last layer: nowhere further
    assert studio.position == studio.playback.total
    studio.step_layer(-1)
    assert studio.playback.current_step == starts[3]


def test_step_layer_in_a_scene_of_one_convolution():
    studio = Studio(Scene(np.ones((4, 4)), np.ones((3, 3))))
    studio.step_layer(+1)
    assert studio.playback.current_step == 0
    studio.playback.last()
    studio.step_layer(-1)
    assert studio.playback.current_step == 0
