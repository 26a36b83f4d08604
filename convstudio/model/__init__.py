"""Plain-Python state of the app (no Qt): scenes, the document, playback and files."""

from . import limits
from .document import (
    RGB,
    Document,
    EditError,
    Evaluation,
    evaluate,
)
from .explain import (
    Costs,
    SizeExplanation,
    equation_terms,
    explain_size,
    layer_costs,
    torch_call,
)
from .limits import (
    MAX_CHANNELS,
    MAX_GRID,
    MAX_KERNEL,
    MAX_KERNELS,
    LimitError,
    check_scene_limits,
)
from .numbers import NumberError, format_number, parse_block, parse_number
from .playback import Playback, PlaybackState
from .presets import KernelPreset, PresetFileError, load_presets, save_presets
from .resources import DEFAULT_SCENE, resource_dir, scene_path
from .scene import Scene, SceneFileError, load_scene, save_scene, scene_from_dict, scene_to_dict
from .studio import Studio

__all__ = [
    "DEFAULT_SCENE",
    "MAX_CHANNELS",
    "MAX_GRID",
    "MAX_KERNEL",
    "MAX_KERNELS",
    "RGB",
    "Costs",
    "Document",
    "EditError",
    "Evaluation",
    "KernelPreset",
    "LimitError",
    "NumberError",
    "Playback",
    "PlaybackState",
    "PresetFileError",
    "Scene",
    "SceneFileError",
    "SizeExplanation",
    "Studio",
    "check_scene_limits",
    "equation_terms",
    "evaluate",
    "explain_size",
    "format_number",
    "layer_costs",
    "limits",
    "load_presets",
    "load_scene",
    "parse_block",
    "parse_number",
    "resource_dir",
    "save_presets",
    "save_scene",
    "scene_from_dict",
    "scene_path",
    "scene_to_dict",
    "torch_call",
]
