"""Plain-Python state of the app (no Qt): scenes, the document, playback and files."""

from .document import MAX_GRID, MAX_KERNEL, Document, EditError, Evaluation, evaluate
from .explain import SizeExplanation, equation_terms, explain_size
from .numbers import NumberError, format_number, parse_block, parse_number
from .playback import Playback, PlaybackState
from .presets import KernelPreset, PresetFileError, load_presets, save_presets, with_preset
from .resources import DEFAULT_SCENE, resource_dir, scene_path
from .scene import Scene, SceneFileError, load_scene, save_scene, scene_from_dict, scene_to_dict
from .studio import Studio

__all__ = [
    "DEFAULT_SCENE",
    "MAX_GRID",
    "MAX_KERNEL",
    "Document",
    "EditError",
    "Evaluation",
    "KernelPreset",
    "NumberError",
    "Playback",
    "PlaybackState",
    "PresetFileError",
    "Scene",
    "SceneFileError",
    "SizeExplanation",
    "Studio",
    "equation_terms",
    "evaluate",
    "explain_size",
    "format_number",
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
    "with_preset",
]
