"""The model layer: the document and its undo, numbers, playback, the studio, explanations."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lesson import WORKED_INPUT, WORKED_KERNEL, WORKED_OUTPUT

from convstudio.engine import (
    ConvProblem,
    GroupsError,
    KernelTooLargeError,
    PaddingTooLargeError,
    SamePaddingStrideError,
    plan,
)
from convstudio.model import (
    MAX_GRID,
    Document,
    EditError,
    NumberError,
    Playback,
    PlaybackState,
    Scene,
    Studio,
    equation_terms,
    evaluate,
    explain_size,
    format_number,
    parse_block,
    parse_number,
)


def worked_scene(**changes):
    return Scene(WORKED_INPUT, WORKED_KERNEL, title="Worked example").replace(**changes)


class Recorder:
    """Connects to every signal of an object and records what each one emitted."""

    def __init__(self, obj, *names):
        self.calls = {name: [] for name in names}
        for name in names:
            getattr(obj, name).connect(self._slot(name))

    def _slot(self, name):
        def slot(*args):
            self.calls[name].append(args[0] if len(args) == 1 else args)

        return slot

    def count(self, name):
        return len(self.calls[name])

    def total(self):
        return sum(len(v) for v in self.calls.values())

    def clear(self):
        for v in self.calls.values():
            v.clear()


@pytest.fixture
def doc():
    return Document(worked_scene())


@pytest.fixture
def rec(doc):
    return Recorder(doc, "scene_changed", "evaluation_changed")


# ---------------------------------------------------------------- document: signals


EDITS = {
    "set_input_value": lambda d: d.set_input_value(0, 1, 2, 7.5),
    "resize_input": lambda d: d.resize_input(8, 7),
    "fill_zeros": lambda d: d.fill_input("zeros"),
    "fill_random": lambda d: d.fill_input("random", np.random.default_rng(1)),
    "paste_input": lambda d: d.paste_input(0, 1, 1, [[1.0, 2.0], [3.0, 4.0]]),
    "set_kernel_value": lambda d: d.set_kernel_value(0, 0, 1, 1, -3.0),
    "resize_kernel": lambda d: d.resize_kernel(2, 4),
    "set_kernel": lambda d: d.set_kernel([[0, 1, 0], [1, -4, 1], [0, 1, 0]]),
    "update_stride": lambda d: d.update_settings(stride=2),
    "update_many": lambda d: d.update_settings(padding="same", padding_mode="reflect"),
    "update_padding_pair": lambda d: d.update_settings(padding=(1, 2)),
    "update_dilation": lambda d: d.update_settings(dilation=(2, 1)),
    "set_scene": lambda d: d.set_scene(worked_scene(title="Other")),
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_each_edit_emits_once(doc, rec, edit):
    before = doc.scene
    edit(doc)
    assert rec.count("scene_changed") == 1
    assert rec.count("evaluation_changed") == 1
    assert rec.calls["scene_changed"][0] is doc.scene
    assert rec.calls["evaluation_changed"][0] is doc.evaluation
    assert not doc.scene.same_as(before)
    assert doc.can_undo and not doc.can_redo


def test_scene_changed_comes_before_evaluation_changed(doc):
    order = []
    doc.scene_changed.connect(lambda s: order.append("scene"))
    doc.evaluation_changed.connect(lambda e: order.append("evaluation"))
    doc.set_input_value(0, 0, 0, 1.0)
    assert order == ["scene", "evaluation"]


def test_evaluation_follows_the_scene(doc):
    doc.set_input_value(0, 0, 0, 0.0)  # was 18
    np.testing.assert_array_equal(doc.evaluation.output[0, 0], [411, 505, 686, 856])
    doc.update_settings(stride=2)
    assert doc.evaluation.output.shape == (1, 2, 2)
    assert doc.evaluation.n_steps == 4


@pytest.mark.parametrize(
    "edit",
    [
        lambda d: d.set_input_value(0, 0, 0, 18.0),
        lambda d: d.set_kernel_value(0, 0, 0, 0, 1.0),
        lambda d: d.resize_input(6, 6),
        lambda d: d.resize_kernel(3, 3),
        lambda d: d.update_settings(stride=1, padding=0, padding_mode="zeros"),
        lambda d: d.set_kernel(WORKED_KERNEL),
        lambda d: d.set_scene(worked_scene()),
        lambda d: d.paste_input(0, 0, 0, [[18, 54], [55, 121]]),
    ],
)
def test_edit_that_changes_nothing_emits_nothing(doc, rec, edit):
    edit(doc)
    assert rec.total() == 0
    assert not doc.can_undo


REJECTED = {
    "input-rows-0": lambda d: d.resize_input(0, 3),
    "input-cols-33": lambda d: d.resize_input(3, MAX_GRID + 1),
    "kernel-10": lambda d: d.resize_kernel(10, 1),
    "kernel-0": lambda d: d.resize_kernel(3, 0),
    "set-kernel-text": lambda d: d.set_kernel([["a", "b"], ["c", "d"]]),
    "set-kernel-scalar": lambda d: d.set_kernel(5),
    "set-kernel-1d": lambda d: d.set_kernel([1, 2, 3]),
    "set-kernel-ragged": lambda d: d.set_kernel([[1, 2], [3]]),
    "set-kernel-too-big": lambda d: d.set_kernel(np.ones((10, 3))),
    "set-kernel-5d": lambda d: d.set_kernel(np.ones((1, 1, 1, 2, 2))),
    "stride-0": lambda d: d.update_settings(stride=0),
    "dilation-0": lambda d: d.update_settings(dilation=(1, 0)),
    "padding-neg": lambda d: d.update_settings(padding=-1),
    "padding-word": lambda d: d.update_settings(padding="half"),
    "groups-0": lambda d: d.update_settings(groups=0),
    "mode": lambda d: d.update_settings(padding_mode="mirror"),
    "unknown": lambda d: d.update_settings(strides=2),
    "one-bad-of-two": lambda d: d.update_settings(padding=1, stride=0),
    "paste-too-big": lambda d: d.paste_input(0, 30, 0, [[1.0], [2.0], [3.0]]),
    "paste-too-wide": lambda d: d.paste_input(0, 0, 0, [[0.0] * 33]),
}


@pytest.mark.parametrize("edit", REJECTED.values(), ids=REJECTED.keys())
def test_rejected_edit_emits_nothing_and_changes_nothing(doc, rec, edit):
    doc.set_input_value(0, 0, 0, 1.0)  # something to undo, so the history is visible
    rec.clear()
    scene, evaluation = doc.scene, doc.evaluation
    with pytest.raises(EditError) as info:
        edit(doc)
    assert str(info.value)
    assert rec.total() == 0
    assert doc.scene is scene
    assert doc.evaluation is evaluation
    doc.undo()
    assert doc.scene.same_as(worked_scene())
    assert not doc.can_undo


@pytest.mark.parametrize(
    "settings_",
    [
        {"stride": 1.5},
        {"dilation": "2"},
        {"padding": (1, 2, 3)},
        {"groups": "two"},
        {"groups": 1.5},
        {"stride": True},
    ],
)
def test_malformed_setting_is_an_edit_error(doc, rec, settings_):
    scene = doc.scene
    with pytest.raises(EditError):
        doc.update_settings(**settings_)
    assert rec.total() == 0
    assert doc.scene is scene


def test_resize_error_message_names_the_limit(doc):
    with pytest.raises(EditError, match="33"):
        doc.resize_input(33, 4)
    with pytest.raises(EditError, match="9"):
        doc.resize_kernel(1, 10)


# ---------------------------------------------------------------- document: impossible settings


@pytest.mark.parametrize(
    ("edit", "error"),
    [
        (lambda d: d.resize_kernel(7, 3), KernelTooLargeError),
        (lambda d: d.update_settings(padding="same", stride=2), SamePaddingStrideError),
        (lambda d: d.update_settings(groups=2), GroupsError),
        (lambda d: d.update_settings(padding=6, padding_mode="reflect"), PaddingTooLargeError),
        (lambda d: d.resize_input(2, 6), KernelTooLargeError),
    ],
)
def test_impossible_settings_are_refused_and_the_scene_kept(doc, rec, edit, error):
    before = doc.scene
    with pytest.raises(EditError) as refused:
        edit(doc)
    # The engine's own sentence, with the numbers, then what happened to the scene.
    assert isinstance(refused.value.__cause__, error)
    assert str(refused.value) == f"{refused.value.__cause__} The settings stay as they were."
    assert doc.scene is before
    assert rec.count("scene_changed") == 0 and not doc.can_undo
    assert doc.evaluation.error is None and doc.evaluation.n_steps == 16


def test_a_scene_opened_impossible_takes_edits_until_mended(rec):
    doc = Document(worked_scene(kernels=np.ones((7, 7))))
    evaluation = doc.evaluation
    assert isinstance(evaluation.error, KernelTooLargeError)
    assert evaluation.problem is None and evaluation.n_steps == 0 and evaluation.output is None
    doc.update_settings(stride=2)  # still impossible, and taken
    assert doc.scene.stride == (2, 2) and doc.evaluation.error is not None
    doc.resize_kernel(3, 3)  # mended
    assert doc.evaluation.error is None and doc.evaluation.n_steps == 4
    with pytest.raises(EditError):
        doc.resize_kernel(7, 7)  # and from now on kept possible
    doc.undo()
    assert isinstance(doc.evaluation.error, KernelTooLargeError)  # undo goes back anyway


def test_evaluate_directly():
    good = evaluate(worked_scene())
    assert good.error is None and good.n_steps == 16
    np.testing.assert_array_equal(good.output[0], WORKED_OUTPUT)
    bad = evaluate(worked_scene(kernels=np.ones((7, 7))))
    assert isinstance(bad.error, KernelTooLargeError)
    assert bad.n_steps == 0 and bad.output is None


# ---------------------------------------------------------------- document: undo and redo


def test_undo_redo_round_trip(doc, rec):
    s0 = doc.scene
    doc.set_input_value(0, 0, 0, 1.0)
    s1 = doc.scene
    doc.update_settings(padding=1)
    s2 = doc.scene
    rec.clear()

    doc.undo()
    assert doc.scene.same_as(s1) and doc.can_undo and doc.can_redo
    doc.undo()
    assert doc.scene.same_as(s0) and not doc.can_undo and doc.can_redo
    assert rec.count("scene_changed") == 2 and rec.count("evaluation_changed") == 2
    np.testing.assert_array_equal(doc.evaluation.output[0], WORKED_OUTPUT)

    rec.clear()
    doc.undo()  # nothing left: no signal
    assert rec.total() == 0

    doc.redo()
    assert doc.scene.same_as(s1)
    doc.redo()
    assert doc.scene.same_as(s2) and not doc.can_redo
    assert doc.evaluation.output.shape == (1, 6, 6)
    rec.clear()
    doc.redo()
    assert rec.total() == 0


def test_new_edit_after_undo_clears_redo(doc):
    doc.set_input_value(0, 0, 0, 1.0)
    doc.undo()
    assert doc.can_redo
    doc.set_input_value(0, 0, 1, 2.0)
    assert not doc.can_redo
    doc.undo()
    assert doc.scene.same_as(worked_scene())


def test_set_scene_not_undoable(doc):
    doc.set_scene(worked_scene(title="Opened"), undoable=False)
    assert doc.scene.title == "Opened"
    assert not doc.can_undo


def test_history_is_bounded(doc):
    for i in range(205):
        doc.set_input_value(0, 0, 0, float(1000 + i))
    undone = 0
    while doc.can_undo:
        doc.undo()
        undone += 1
    assert undone == 200
    assert doc.scene.input[0, 0, 0] == 1004.0


# ---------------------------------------------------------------- document: grids


def test_resize_input_keeps_top_left(doc):
    doc.resize_input(8, 7)
    x = doc.scene.input
    assert x.shape == (1, 8, 7)
    np.testing.assert_array_equal(x[0, :6, :6], WORKED_INPUT)
    assert not x[0, 6:, :].any() and not x[0, :, 6:].any()
    doc.resize_input(3, 4)
    np.testing.assert_array_equal(doc.scene.input[0], WORKED_INPUT[:3, :4])


def test_resize_input_keeps_every_channel():
    x = np.arange(2 * 3 * 3, dtype=float).reshape(2, 3, 3)
    d = Document(Scene(x, np.ones((1, 2, 1, 1))))
    d.resize_input(2, 4)
    np.testing.assert_array_equal(d.scene.input[:, :, :3], x[:, :2, :])
    assert not d.scene.input[:, :, 3].any()


def test_resize_kernel_keeps_top_left(doc):
    doc.resize_kernel(4, 2)
    w = doc.scene.kernels
    assert w.shape == (1, 1, 4, 2)
    np.testing.assert_array_equal(w[0, 0, :3], WORKED_KERNEL[:, :2])
    assert not w[0, 0, 3].any()


def test_paste_grows_the_grid(doc):
    doc.paste_input(0, 5, 4, [[1.0, 2.0, 3.0], [4.0, 5.0]])
    x = doc.scene.input[0]
    assert x.shape == (7, 7)
    np.testing.assert_array_equal(x[:6, :6][:5], WORKED_INPUT[:5])
    np.testing.assert_array_equal(x[5, 4:7], [1.0, 2.0, 3.0])
    np.testing.assert_array_equal(x[6, 4:6], [4.0, 5.0])
    assert x[6, 6] == 0.0  # the short row leaves the rest of the grown grid at 0
    assert x[6, :4].tolist() == [0, 0, 0, 0]
    np.testing.assert_array_equal(x[5, :4], WORKED_INPUT[5, :4])


def test_paste_to_exactly_32_is_accepted(doc):
    doc.paste_input(0, 31, 31, [[9.0]])
    assert doc.scene.input.shape == (1, 32, 32)
    assert doc.scene.input[0, 31, 31] == 9.0


def test_paste_too_big_message(doc):
    with pytest.raises(EditError) as info:
        doc.paste_input(0, 30, 0, [[1.0], [2.0], [3.0]])
    assert "33" in str(info.value) and "32" in str(info.value)
    assert doc.scene.input.shape == (1, 6, 6)


def test_paste_into_one_channel_only():
    x = np.stack([np.full((2, 2), 1.0), np.full((2, 2), 2.0)])
    d = Document(Scene(x, np.ones((1, 2, 1, 1))))
    d.paste_input(1, 0, 1, [[5.0, 6.0]])
    assert d.scene.input.shape == (2, 2, 3)
    np.testing.assert_array_equal(d.scene.input[1], [[2.0, 5.0, 6.0], [2.0, 2.0, 0.0]])
    np.testing.assert_array_equal(d.scene.input[0], [[1.0, 1.0, 0.0], [1.0, 1.0, 0.0]])


def test_paste_into_a_kernel_shown_flipped_lands_where_it_shows():
    # Two kernels 2×2; the block goes to kernel 2 as the true convolution shows it (180°).
    d = Document(Scene(np.zeros((1, 4, 4)), np.arange(8.0).reshape(2, 1, 2, 2), flip=True))
    d.paste_kernel(1, 0, 0, 1, [[10.0], [20.0], [30.0]], flipped=True)
    w = d.scene.kernels
    assert w.shape == (2, 1, 3, 2)  # every kernel grows, at the shown bottom: the top
    shown = w[..., ::-1, ::-1]
    np.testing.assert_array_equal(shown[1, 0], [[7, 10], [5, 20], [0, 30]])
    np.testing.assert_array_equal(shown[0, 0], [[3, 2], [1, 0], [0, 0]])


def test_fill_random_is_pixel_values(doc):
    doc.fill_input("random", np.random.default_rng(3))
    x = doc.scene.input
    assert x.shape == (1, 6, 6)
    assert np.all((x >= 0) & (x <= 255) & (x == np.round(x)))
    with pytest.raises(ValueError):
        doc.fill_input("noise")


def test_settings_are_stored_as_pairs(doc):
    doc.update_settings(stride=2, dilation=[1, 2], padding=3, groups=1)
    s = doc.scene
    assert (s.stride, s.dilation, s.padding, s.groups) == ((2, 2), (1, 2), (3, 3), 1)


def test_set_kernel_forms(doc):
    doc.set_kernel(np.ones((2, 1, 3, 3)))
    assert doc.scene.kernels.shape == (2, 1, 3, 3)
    assert doc.evaluation.output.shape == (2, 4, 4)
    doc.set_kernel([[1.0, -1.0]])  # one 2-D kernel goes into every slice of every kernel
    assert doc.scene.kernels.shape == (2, 1, 1, 2)
    np.testing.assert_array_equal(doc.scene.kernels[:, 0], [[[1.0, -1.0]]] * 2)
    doc.set_kernel(np.ones((1, 1, 2, 2)))
    doc.set_kernel(np.full((3, 3), 2.0))
    assert doc.scene.kernels.shape == (1, 1, 3, 3)
    assert doc.evaluation.output[0, 0, 0] == 2 * WORKED_INPUT[:3, :3].sum()


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", 12.0),
        (" -0.5 ", -0.5),
        ("1e3", 1000.0),
        ("−7", -7.0),  # the minus sign of a slide
        ("+3", 3.0),
        (".25", 0.25),
        ("1e12", 1e12),
        ("-1e12", -1e12),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("abc", "“abc” is not a number"),
        ("1,5,7", "not a number"),
        ("nan", "not a finite number"),
        ("inf", "not a finite number"),
        ("-Infinity", "not a finite number"),
        ("1e13", "too large"),
        ("-2e12", "too large"),
    ],
)
def test_parse_number_rejects(text, fragment):
    with pytest.raises(NumberError) as info:
        parse_number(text)
    assert fragment in str(info.value)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("1\t2\t3\n4\t5\t6\n", [[1, 2, 3], [4, 5, 6]]),
        ("1 2  3", [[1, 2, 3]]),
        ("1, 2; 3", [[1, 2, 3]]),
        ("\n\n1 2\n\n3\n\n", [[1, 2], [3]]),
        ("−1\t0.5", [[-1, 0.5]]),
        ("1\r\n2\r\n", [[1], [2]]),
    ],
)
def test_parse_block(text, rows):
    assert parse_block(text) == rows


def test_parse_block_names_row_and_column():
    with pytest.raises(NumberError) as info:
        parse_block("1 2 3\n4 x 6")
    message = str(info.value)
    assert "row 2" in message and "column 2" in message and "“x”" in message


@pytest.mark.parametrize("text", ["", "\n\n", "  \n\t\n"])
def test_parse_block_empty(text):
    with pytest.raises(NumberError, match="no numbers"):
        parse_block(text)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.0, "0"),
        (-0.0, "0"),
        (3.0, "3"),
        (-12.0, "-12"),
        (429.0, "429"),
        (2.5, "2.5"),
        (1 / 3, "0.333"),
        (-2 / 3, "-0.667"),
        (0.1 + 0.2, "0.3"),
        (1.0005, "1"),
        (0.0001, "0.0001"),
        (1234567.5, "1.23e+06"),
        (1e15, "1e+15"),
        (123456.5, "123456.5"),
    ],
)
def test_format_number(value, text):
    assert format_number(value) == text


@settings(max_examples=200, deadline=None)
@given(st.integers(-(10**12), 10**12))
def test_format_then_parse_integers(n):
    assert parse_number(format_number(float(n))) == n


# ---------------------------------------------------------------- playback


def play_rec(p):
    return Recorder(p, "position_changed", "state_changed", "total_changed", "speed_changed")


def test_playback_starts_stopped():
    p = Playback(3)
    assert (p.state, p.position, p.total, p.current_step) == (PlaybackState.STOPPED, 0, 3, None)


def test_play_tick_to_finish():
    p = Playback(3)
    r = play_rec(p)
    p.play()
    assert p.state is PlaybackState.PLAYING
    assert r.calls["state_changed"] == [PlaybackState.PLAYING]
    assert r.calls["position_changed"] == []
    p.tick()
    p.tick()
    assert p.position == 2 and p.current_step == 1 and p.state is PlaybackState.PLAYING
    p.tick()
    assert p.position == 3 and p.state is PlaybackState.FINISHED
    assert r.calls["position_changed"] == [1, 2, 3]
    assert r.calls["state_changed"] == [PlaybackState.PLAYING, PlaybackState.FINISHED]
    r.clear()
    p.tick()  # finished: ticks do nothing
    assert r.total() == 0 and p.position == 3


def test_play_from_finished_restarts():
    p = Playback(2)
    p.last()
    assert p.state is PlaybackState.FINISHED
    r = play_rec(p)
    p.play()
    assert p.position == 0 and p.state is PlaybackState.PLAYING
    assert r.calls["position_changed"] == [0]
    assert r.calls["state_changed"] == [PlaybackState.PLAYING]
    p.tick()
    assert p.position == 1


def test_pause_and_resume():
    p = Playback(5)
    p.play()
    p.tick()
    p.tick()
    r = play_rec(p)
    p.pause()
    assert p.state is PlaybackState.PAUSED and p.position == 2
    assert r.calls["state_changed"] == [PlaybackState.PAUSED]
    p.tick()  # paused: no move
    assert p.position == 2
    p.pause()  # already paused: nothing
    assert r.count("state_changed") == 1
    p.play()
    assert p.state is PlaybackState.PLAYING and p.position == 2
    p.play()  # already playing: nothing
    assert r.calls["state_changed"] == [PlaybackState.PAUSED, PlaybackState.PLAYING]


def test_toggle():
    p = Playback(3)
    p.toggle()
    assert p.state is PlaybackState.PLAYING
    p.tick()
    p.toggle()
    assert p.state is PlaybackState.PAUSED


def test_pause_at_zero_is_stopped():
    p = Playback(3)
    p.play()
    p.pause()
    assert p.state is PlaybackState.STOPPED


def test_seek_clamps_and_pauses():
    p = Playback(4)
    r = play_rec(p)
    p.seek(10)
    assert p.position == 4 and p.state is PlaybackState.FINISHED
    p.seek(-3)
    assert p.position == 0 and p.state is PlaybackState.STOPPED
    p.play()
    p.tick()
    p.seek(3)
    assert p.position == 3 and p.state is PlaybackState.PAUSED
    assert r.calls["position_changed"] == [4, 0, 1, 3]
    r.clear()
    p.seek(3)
    assert r.total() == 0


def test_next_previous_first_last():
    p = Playback(3)
    r = play_rec(p)
    p.previous()
    assert p.position == 0 and r.total() == 0
    p.next()
    p.next()
    assert p.position == 2 and p.state is PlaybackState.PAUSED
    p.previous()
    assert p.position == 1
    p.last()
    assert p.position == 3 and p.state is PlaybackState.FINISHED
    p.next()
    assert p.position == 3
    p.first()
    assert p.position == 0 and p.state is PlaybackState.STOPPED
    assert r.calls["position_changed"] == [1, 2, 1, 3, 0]


def test_next_while_playing_pauses():
    p = Playback(5)
    p.play()
    p.next()
    assert p.position == 1 and p.state is PlaybackState.PAUSED


def test_show_step():
    p = Playback(16)
    p.show_step(4)
    assert p.position == 5 and p.current_step == 4
    p.show_step(0)
    assert p.current_step == 0


def test_set_total_keeps_position_when_it_exists():
    p = Playback(10)
    p.seek(4)
    r = play_rec(p)
    p.set_total(6)
    assert (p.position, p.total, p.state) == (4, 6, PlaybackState.PAUSED)
    assert r.calls["total_changed"] == [6]
    assert r.calls["position_changed"] == [] and r.calls["state_changed"] == []
    p.set_total(6)  # same total: nothing
    assert r.count("total_changed") == 1


def test_set_total_clamps_position():
    p = Playback(10)
    p.seek(8)
    r = play_rec(p)
    seen = []
    p.total_changed.connect(lambda total: seen.append((p.position, total)))
    p.set_total(5)
    assert seen == [(5, 5)]  # listeners of total_changed already see a position that exists
    assert (p.position, p.state) == (5, PlaybackState.FINISHED)
    assert r.calls["position_changed"] == [5]
    assert r.calls["state_changed"] == [PlaybackState.FINISHED]


def test_set_total_grows_from_finished():
    p = Playback(3)
    p.last()
    p.set_total(6)
    assert (p.position, p.state) == (3, PlaybackState.PAUSED)


def test_set_total_keeps_playing():
    p = Playback(10)
    p.play()
    p.tick()
    p.set_total(4)
    assert p.state is PlaybackState.PLAYING and p.position == 1
    for _ in range(3):
        p.tick()
    assert p.position == 4 and p.state is PlaybackState.FINISHED


def test_set_total_zero_stops():
    p = Playback(5)
    p.play()
    p.tick()
    r = play_rec(p)
    p.set_total(0)
    assert (p.position, p.total, p.state) == (0, 0, PlaybackState.STOPPED)
    assert r.calls["state_changed"] == [PlaybackState.STOPPED]
    p.play()  # nothing to play
    assert p.state is PlaybackState.STOPPED
    p.tick()
    assert p.position == 0


def test_speed():
    p = Playback(3, speed=2.0)
    assert p.interval_ms == 500
    r = play_rec(p)
    p.set_speed(100)
    assert p.speed == 30.0
    p.set_speed(0)
    assert p.speed == 0.25 and p.interval_ms == 4000
    p.set_speed(0.25)
    assert r.calls["speed_changed"] == [30.0, 0.25]


# ---------------------------------------------------------------- studio


@pytest.fixture
def studio():
    return Studio(worked_scene())


@pytest.fixture
def frames(studio):
    calls = []
    studio.frame_changed.connect(lambda: calls.append(studio.position))
    return calls


def test_studio_starts_at_zero(studio):
    assert studio.playback.total == 16
    assert studio.position == 0
    assert studio.current is None
    assert studio.evaluation.error is None


def test_frame_changed_once_per_position_change(studio, frames):
    studio.playback.next()
    assert frames == [1]
    assert studio.current.index == 0 and studio.current.total == 429
    studio.playback.seek(7)
    assert frames == [1, 7]
    assert studio.current.index == 6
    studio.playback.seek(7)  # no move: no frame
    assert frames == [1, 7]
    studio.playback.play()
    studio.playback.tick()
    assert frames == [1, 7, 8]
    studio.playback.pause()  # state only: no frame
    assert frames == [1, 7, 8]


def test_current_step_matches_position(studio):
    output = studio.evaluation.output[0]
    for position in range(1, 17):
        studio.playback.seek(position)
        s = studio.current
        assert s.index == position - 1
        assert s.total == output[s.out_row, s.out_col]
    studio.playback.first()
    assert studio.current is None


def test_frame_changed_once_per_document_change(studio, frames):
    studio.playback.seek(5)
    frames.clear()
    studio.document.set_input_value(0, 2, 1, 0.0)  # same shape: total and position stay
    assert frames == [5]
    assert studio.current.index == 4
    assert studio.current.total == studio.evaluation.output[0, 1, 0]
    assert studio.current.total == 261 - 24  # the centre of output (1, 0)'s window was 24


def test_document_change_that_shrinks_the_output(studio, frames):
    studio.playback.seek(10)
    frames.clear()
    studio.document.update_settings(stride=2)  # 16 steps -> 4
    assert frames == [4]  # once, already at the clamped position
    assert studio.playback.total == 4
    assert studio.current.index == 3
    assert studio.current.total == studio.evaluation.output[0, 1, 1]


def test_a_refused_change_leaves_the_steps_alone(studio, frames):
    studio.playback.seek(3)
    frames.clear()
    with pytest.raises(EditError):
        studio.document.resize_kernel(7, 7)
    assert frames == []
    assert studio.playback.total == 16 and studio.position == 3


def test_show_cell(studio, frames):
    studio.show_cell(0, 3, 1)
    assert frames == [14]
    s = studio.current
    assert (s.out_row, s.out_col, s.total) == (3, 1, 913)


def test_show_cell_without_a_problem_does_nothing():
    studio = Studio(worked_scene(kernels=np.ones((9, 9))))
    frames: list[int] = []
    studio.frame_changed.connect(lambda: frames.append(studio.position))
    studio.show_cell(0, 0, 0)
    assert frames == []


# ---------------------------------------------------------------- explanations


def test_explain_worked_example():
    e = explain_size(worked_scene())
    assert e.formulas == ("⌊(6 + 2·0 − 3)/1⌋ + 1 = 4", "⌊(6 + 2·0 − 3)/1⌋ + 1 = 4")
    assert e.notes == []


def test_explain_stride_two_is_inexact():
    scene = worked_scene(stride=(2, 2))
    e = explain_size(scene)
    assert e.formulas == ("⌊(6 + 2·0 − 3)/2⌋ + 1 = 2", "⌊(6 + 2·0 − 3)/2⌋ + 1 = 2")
    assert len(e.notes) == 1
    note = e.notes[0]
    assert "(6 + 2·0 − 3)/2 = 1.5" in note and "not whole" in note
    assert "1 row" in note and "1 column" in note
    # The note's claim, checked against the engine: the last row and column are unreached.
    g = scene.problem().geometry
    assert g.unreached(0).tolist() == [5] and g.unreached(1).tolist() == [5]


def test_explain_one_axis_inexact_counts_cells():
    scene = Scene(np.zeros((7, 8)), np.ones((3, 3)), stride=(2, 3))
    e = explain_size(scene)
    assert e.formulas == ("⌊(7 + 2·0 − 3)/2⌋ + 1 = 3", "⌊(8 + 2·0 − 3)/3⌋ + 1 = 2")
    assert len(e.notes) == 1
    assert "(8 + 2·0 − 3)/3 = 1.667" in e.notes[0]
    assert "2 columns" in e.notes[0] and "row" not in e.notes[0]
    assert scene.problem().geometry.unreached(1).tolist() == [6, 7]


def test_explain_same_with_even_kernel_shows_both_sides():
    e = explain_size(worked_scene(kernels=np.ones((2, 4)), padding="same"))
    assert e.formulas == ("⌊(6 + 0 + 1 − 2)/1⌋ + 1 = 6", "⌊(6 + 1 + 2 − 4)/1⌋ + 1 = 6")


def test_explain_dilation_note():
    e = explain_size(worked_scene(dilation=(2, 1)))
    assert e.formulas[0] == "⌊(6 + 2·0 − 5)/1⌋ + 1 = 2"
    assert any("Dilation 2" in n and "2·(3−1)+1 = 5 rows" in n for n in e.notes)


def test_explain_kernel_does_not_fit():
    e = explain_size(worked_scene(kernels=np.ones((7, 3))))
    assert "does not fit" in e.formulas[0]
    assert e.formulas[1] == "⌊(6 + 2·0 − 3)/1⌋ + 1 = 4"


def test_explain_unresolvable_padding():
    assert explain_size(worked_scene(padding="same", stride=(2, 1))) is None


@settings(max_examples=150, deadline=None)
@given(
    n=st.tuples(st.integers(1, 9), st.integers(1, 9)),
    f=st.tuples(st.integers(1, 4), st.integers(1, 4)),
    s=st.tuples(st.integers(1, 3), st.integers(1, 3)),
    d=st.tuples(st.integers(1, 3), st.integers(1, 3)),
    p=st.one_of(
        st.tuples(st.integers(0, 3), st.integers(0, 3)), st.sampled_from(["valid", "full"])
    ),
)
def test_explained_size_is_the_engine_size(n, f, s, d, p):
    scene = Scene(np.zeros(n), np.zeros(f), stride=s, dilation=d, padding=p)
    e = explain_size(scene)
    try:
        g = plan((1, *n), (1, 1, *f), stride=s, dilation=d, padding=p)
    except KernelTooLargeError as exc:
        assert "does not fit" in e.formulas[exc.axis]
        return
    assert e.formulas[0].endswith(f"= {g.out_height}")
    assert e.formulas[1].endswith(f"= {g.out_width}")


def test_equation_terms():
    assert equation_terms([18, 54, 51], [1, 0, 1]) == "18×1 + 54×0 + 51×1"
    assert equation_terms([-2, 0.5], [3, -1.5]) == "(-2)×3 + 0.5×(-1.5)"


def test_equation_terms_for_a_step():
    p = ConvProblem(WORKED_INPUT, WORKED_KERNEL)
    s = p.step(0)
    text = equation_terms(s.values[0].ravel().tolist(), s.weights[0].ravel().tolist())
    assert text.startswith("18×1 + 54×0 + 51×1 + 55×0 + 121×1")
    assert text.count("×") == 9


def test_parse_number_reads_a_decimal_comma():
    assert parse_number("1,5") == 1.5
    assert parse_number("−0,25") == -0.25


def test_parse_block_keeps_a_spreadsheet_gap_and_names_its_line():
    with pytest.raises(NumberError, match=r"Pasted row 3, column 2: A cell cannot be empty"):
        parse_block("1\t2\n\n4\t\t6")


def test_playback_speed_is_clamped_from_the_start():
    playback = Playback(total=4, speed=0)
    assert playback.speed == 0.25
    assert playback.interval_ms == 4000


def test_shrinking_the_total_below_a_playing_position_finishes_at_once():
    playback = Playback(total=10)
    playback.seek(8)
    playback.play()
    states: list[PlaybackState] = []
    playback.state_changed.connect(states.append)
    playback.set_total(5)
    assert (playback.position, playback.state) == (5, PlaybackState.FINISHED)
    assert states == [PlaybackState.FINISHED]


def test_a_clamped_position_reaches_other_listeners_but_makes_one_frame():
    studio = Studio(Scene(input=WORKED_INPUT, kernels=np.ones((3, 3))))
    studio.playback.last()  # 16 steps done
    positions: list[int] = []
    frames: list[None] = []
    studio.playback.position_changed.connect(positions.append)
    studio.frame_changed.connect(lambda: frames.append(None))
    studio.document.resize_input(4, 4)  # 2×2 output: 4 steps
    assert positions == [4]
    assert len(frames) == 1


def test_a_dilation_too_wide_is_explained_with_the_dilation(doc):
    # A 3×3 kernel is small: the message must not tell the class to shrink it only.
    with pytest.raises(EditError) as refused:
        doc.update_settings(dilation=3)
    assert str(refused.value) == (
        "The kernel spans 7 rows (3 taps at dilation 3) but the padded input has only 6 rows: "
        "make the kernel or the dilation smaller, or add padding. The settings stay as they were."
    )


@pytest.mark.parametrize("text", ["x" * 10_000, "9" * 5000, "1" * 400 + "e999", "½" * 3000])
def test_a_long_bad_entry_is_quoted_short(text):
    with pytest.raises(NumberError) as info:
        parse_number(text)
    assert len(str(info.value)) < 100


def test_a_five_megabyte_paste_gives_a_short_message():
    with pytest.raises(NumberError) as info:
        parse_block("1 2 " + "x" * 5_000_000)
    assert len(str(info.value)) < 150 and "row 1, column 3" in str(info.value)


def test_full_width_digits_are_the_digits_they_look_like():
    assert parse_number("１２") == 12


@pytest.mark.parametrize(
    ("edit", "args"),
    [
        ("set_input_value", (0, 6, 0, 1.0)),
        ("set_input_value", (1, 0, 0, 1.0)),
        ("set_input_value", (0, -1, 0, 1.0)),  # numpy would have written the last row
        ("set_kernel_value", (1, 0, 0, 0, 1.0)),
        ("set_kernel_value", (0, 0, 0, -1, 1.0)),
        ("set_bias_value", (3, 1.0)),
    ],
)
def test_an_edit_of_a_cell_that_is_not_there_is_refused_in_words(studio, edit, args):
    before = studio.document.scene
    with pytest.raises(EditError, match="no longer in the scene"):
        getattr(studio.document, edit)(*args)
    assert studio.document.scene is before
