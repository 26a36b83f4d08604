"""When the scene changes, every handler sees the whole new state: no mixture of old and new."""

import numpy as np

from convstudio.model import Scene, Studio


def _small_scene():
    """A 5×5 kernel on a 6×6 input: 2×2 = 4 steps (the worked example has 16)."""
    return Scene(input=np.arange(36.0).reshape(6, 6), kernels=np.ones((5, 5)))


def _consistent(studio: Studio) -> list[str]:
    """What is inconsistent right now between the scene and what is derived from it."""
    problems = []
    scene, evaluation = studio.document.scene, studio.evaluation
    if studio.playback.total != evaluation.n_steps:
        problems.append(f"total {studio.playback.total} != {evaluation.n_steps} steps")
    if studio.position > studio.playback.total:
        problems.append(f"position {studio.position} past the total")
    step = studio.current
    if step is not None and step.weights.shape[-2:] != scene.kernels.shape[-2:]:
        problems.append(f"current step has a {step.weights.shape[-2:]} kernel")
    return problems


def test_every_handler_of_every_event_sees_the_new_scene_whole(studio):
    studio.playback.seek(15)  # step 15 of the worked example's 16
    seen: list[tuple[str, list[str]]] = []
    events = {
        "scene_changed": studio.document.scene_changed,
        "evaluation_changed": studio.document.evaluation_changed,
        "frame_changed": studio.frame_changed,
        "position_changed": studio.playback.position_changed,
        "total_changed": studio.playback.total_changed,
        "state_changed": studio.playback.state_changed,
    }
    for name, signal in events.items():
        signal.connect(lambda *_, name=name: seen.append((name, _consistent(studio))))

    studio.document.set_scene(_small_scene())

    heard = [name for name, _ in seen]
    assert heard[:2] == ["scene_changed", "evaluation_changed"]
    assert {"total_changed", "position_changed", "frame_changed"} <= set(heard)
    assert heard.count("frame_changed") == 1
    assert [(name, problems) for name, problems in seen if problems] == []
    assert studio.position == 4 and studio.current.weights.shape[-2:] == (5, 5)


def test_undo_is_as_consistent_as_the_edit(studio):
    studio.document.set_scene(_small_scene())
    studio.playback.seek(3)
    problems: list[list[str]] = []
    studio.document.scene_changed.connect(lambda *_: problems.append(_consistent(studio)))
    studio.document.undo()
    assert problems == [[]]
    assert studio.playback.total == 16


def test_a_failing_handler_does_not_leave_the_playback_silenced(studio):
    """A view that raises during scene_changed must not stop later steps from being heard."""
    import pytest

    def broken(*_):
        raise RuntimeError("a broken view")

    studio.document.scene_changed.connect(broken)
    with pytest.raises(Exception, match="a broken view"):
        studio.document.set_scene(_small_scene())
    studio.document.scene_changed.disconnect(broken)
    positions: list[int] = []
    studio.playback.position_changed.connect(positions.append)
    studio.playback.next()
    assert positions == [studio.position]
