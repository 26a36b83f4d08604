"""The engine's refusals of impossible settings, in the user's language.

The engine stays English: each :class:`~convstudio.engine.ConvSettingsError` keeps its
numbers as attributes and its ``str()`` is an English sentence. This module phrases the
same sentence from those attributes with :func:`~convstudio.model.i18n.translate`, so
that a window or the command line can show it in the user's language. In English the
text is exactly ``str(error)``, except that a layer of a known stack is named by its
short name ("Layer 3 (max pool 2×2): …", where the engine says ``max_pool2d``).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..engine import (
    BiasShapeError,
    ChannelMismatchError,
    ConvSettingsError,
    GroupsError,
    InvalidDilationError,
    InvalidStrideError,
    KernelTooLargeError,
    NegativePaddingError,
    PaddingTooLargeError,
    SamePaddingStrideError,
    ShapeError,
    TooLargeError,
    UnknownPaddingError,
)
from ..engine.layers import (
    Layer,
    OutputPaddingError,
    PoolEmptyWindowError,
    PoolKernelSizeError,
    PoolPaddingError,
    PoolTooSmallError,
    StackLayerError,
    TransposeKernelLayoutError,
    TransposeTooSmallError,
)
from .i18n import translate
from .layer_names import layer_name
from .words import counted

# ------------------------------------------------------------ one function per error


def _shape(error: ShapeError) -> str:
    # The engine's own phrases for what a shape must be; any other is shown as it is.
    if error.expected == "H×W or C×H×W":
        #: {0} and {1} are array shapes, H×W and C×H×W (rows, columns, channels).
        expected = translate("Refusals", "{0} or {1}").format("H×W", "C×H×W")
    elif error.expected == "kH×kW, C×kH×kW or O×C×kH×kW":
        #: {0}, {1} and {2} are array shapes, kH×kW, C×kH×kW and O×C×kH×kW.
        expected = translate("Refusals", "{0}, {1} or {2}").format("kH×kW", "C×kH×kW", "O×C×kH×kW")
    elif error.expected == "at least 1 in every dimension":
        expected = translate("Refusals", "at least {0} in every dimension").format(1)
    else:
        expected = error.expected
    dims = "×".join(str(n) for n in error.shape)
    if error.what == "input":
        if dims:
            #: {0} is a shape such as 5 or 1×1×5×5; {1} what it must be (translated apart).
            text = translate("Refusals", "The input is {0}, but it must be {1}.")
            return text.format(dims, expected)
        text = translate("Refusals", "The input is a single number, but it must be {0}.")
        return text.format(expected)
    if error.what == "kernel":
        if dims:
            text = translate("Refusals", "The kernel is {0}, but it must be {1}.")
            return text.format(dims, expected)
        text = translate("Refusals", "The kernel is a single number, but it must be {0}.")
        return text.format(expected)
    if not dims:
        #: What an array without dimensions is, in "The {0} is {1}, but it must be {2}."
        dims = translate("Refusals", "a single number")
    #: {0} is an English word from the engine; {1} a shape; {2} what it must be.
    return translate("Refusals", "The {0} is {1}, but it must be {2}.").format(
        error.what, dims, expected
    )


def _unknown_padding(error: UnknownPaddingError) -> str:
    value = repr(error.value)
    choices = ", ".join(error.choices)
    # The error does not keep what it names ("padding" or "padding mode"): read it back.
    english = str(error)
    head, tail = "Unknown ", f" {value}; use one of {choices}."
    if not (english.startswith(head) and english.endswith(tail)):
        return english
    what = english[len(head) : len(english) - len(tail)]
    if what == "padding":
        #: {0} is what the user asked for, quoted; {1} the padding words, valid, same, full.
        return translate("Refusals", "Unknown padding {0}; use one of {1}.").format(value, choices)
    if what == "padding mode":
        text = translate("Refusals", "Unknown padding mode {0}; use one of {1}.")
        return text.format(value, choices)
    #: {0} is an English word from the engine; {1} the value asked for; {2} the choices.
    return translate("Refusals", "Unknown {0} {1}; use one of {2}.").format(what, value, choices)


def _same_padding_stride(error: SamePaddingStrideError) -> str:
    rows, columns = error.stride
    shown = str(rows) if rows == columns else f"{rows}×{columns}"
    #: {0} is 'same', the padding word as the user types it; {1} and {2} are strides.
    return translate(
        "Refusals",
        "{0} padding only works with stride {1} (the stride is {2}): "
        "with a larger stride the output cannot be as large as the input.",
    ).format("'same'", 1, shown)


def _kernel_too_large(error: KernelTooLargeError) -> str:
    extent, dilation = error.kernel_extent, error.dilation
    # The kernel may be small at a dilation: its taps are spread out.
    taps = (extent - 1) // dilation + 1 if dilation > 1 else 0
    if error.axis == 0:
        padded = counted(error.padded_size, "row")
        if dilation > 1:
            #: {3} is "3 rows" (translated apart); the others are numbers.
            text = translate(
                "Refusals",
                "The kernel spans {0} rows ({1} taps at dilation {2}) but the padded input "
                "has only {3}: make the kernel or the dilation smaller, or add padding.",
            )
            return text.format(extent, taps, dilation, padded)
        text = translate(
            "Refusals",
            "The kernel spans {0} rows but the padded input has only {1}: "
            "make the kernel smaller or add padding.",
        )
        return text.format(extent, padded)
    padded = counted(error.padded_size, "column")
    if dilation > 1:
        text = translate(
            "Refusals",
            "The kernel spans {0} columns ({1} taps at dilation {2}) but the padded input "
            "has only {3}: make the kernel or the dilation smaller, or add padding.",
        )
        return text.format(extent, taps, dilation, padded)
    text = translate(
        "Refusals",
        "The kernel spans {0} columns but the padded input has only {1}: "
        "make the kernel smaller or add padding.",
    )
    return text.format(extent, padded)


def _padding_too_large(error: PaddingTooLargeError) -> str:
    # Reflect mirrors without repeating the edge, so it needs one cell more than it pads.
    needed = error.padding + 1 if error.mode == "reflect" else error.padding
    if error.axis == 0:
        #: {0} is Reflect or Circular, {4} zeros and {5} replicate: padding modes as the
        #: user chooses them (they stay in English); {1}, {2}, {3} are numbers.
        text = translate(
            "Refusals",
            "{0} padding of {1} needs an input of at least {2} rows, and it has {3}: "
            "reduce the padding or use {4} or {5} padding.",
        )
    else:
        text = translate(
            "Refusals",
            "{0} padding of {1} needs an input of at least {2} columns, and it has {3}: "
            "reduce the padding or use {4} or {5} padding.",
        )
    mode = error.mode.capitalize()
    return text.format(mode, error.padding, needed, error.size, "zeros", "replicate")


def _groups(error: GroupsError) -> str:
    if error.groups < 1:
        text = translate("Refusals", "The number of groups must be at least {0}, not {1}.")
        return text.format(1, error.groups)
    #: {1} is "3 input channels", {2} "2 kernels" (both translated apart).
    text = translate(
        "Refusals", "{0} groups must divide both the {1} and the {2}, and they do not."
    )
    return text.format(
        error.groups,
        counted(error.in_channels, "input channel"),
        counted(error.out_channels, "kernel"),
    )


def _channel_mismatch(error: ChannelMismatchError) -> str:
    c_in, groups = error.in_channels, error.groups
    needed = c_in // groups if groups and c_in % groups == 0 else c_in
    if groups > 1:
        #: {0} is "3 channels", {1} "3 slices" (both translated apart); {2}, {3} numbers.
        text = translate(
            "Refusals",
            "The input has {0}, so each kernel needs {1} with {2} groups, but it has {3}.",
        )
        return text.format(
            counted(c_in, "channel"), counted(needed, "slice"), groups, error.kernel_depth
        )
    text = translate("Refusals", "The input has {0}, so each kernel needs {1}, but it has {2}.")
    return text.format(counted(c_in, "channel"), counted(needed, "slice"), error.kernel_depth)


def _too_large(error: TooLargeError) -> str:
    size, limit = f"{error.size:,}", f"{error.limit:,}"
    if error.what == "padded input":
        #: {0} and {1} are numbers of cells, written with commas: 123,456,789.
        text = translate(
            "Refusals",
            "The padded input would have {0} cells; the most this can compute is {1}. "
            "Use less padding or a smaller input.",
        )
        return text.format(size, limit)
    if error.what == "output":
        text = translate(
            "Refusals",
            "The output would have {0} cells; the most this can compute is {1}. "
            "Use less padding or a smaller input.",
        )
        return text.format(size, limit)
    text = translate(
        "Refusals",
        "The {0} would have {1} cells; the most this can compute is {2}. "
        "Use less padding or a smaller input.",
    )
    return text.format(error.what, size, limit)


def _pool_padding(error: PoolPaddingError) -> str:
    if error.axis == 0:
        #: A pooling layer's padding; {0}, {1}, {2} are numbers.
        text = translate(
            "Refusals",
            "The padding of {0} rows is more than half the window of {1}: "
            "padding may be at most {2}.",
        )
    else:
        text = translate(
            "Refusals",
            "The padding of {0} columns is more than half the window of {1}: "
            "padding may be at most {2}.",
        )
    return text.format(error.padding, error.kernel_size, error.kernel_size // 2)


def _pool_too_small(error: PoolTooSmallError) -> str:
    size = counted(error.input_size, "row" if error.axis == 0 else "column")
    if error.padding:
        #: {0} is "1 row" or "3 columns" (translated apart); {1}, {2} are numbers.
        text = translate(
            "Refusals",
            "The input has {0} ({1} with padding), fewer than the window's {2}: no window fits.",
        )
        return text.format(size, error.input_size + 2 * error.padding, error.extent)
    #: {0} is "1 row" or "3 columns" (translated apart); {1} is a number.
    text = translate("Refusals", "The input has {0}, fewer than the window's {1}: no window fits.")
    return text.format(size, error.extent)


def _pool_empty_window(error: PoolEmptyWindowError) -> str:
    if error.axis == 0:
        #: {0} is a window's number along the rows.
        text = translate(
            "Refusals",
            "Window {0} along the rows reads only padding: use less padding or a smaller dilation.",
        )
    else:
        text = translate(
            "Refusals",
            "Window {0} along the columns reads only padding: use less padding or a smaller "
            "dilation.",
        )
    return text.format(error.position + 1)


def _output_padding(error: OutputPaddingError) -> str:
    if error.output_padding < 0:
        text = translate("Refusals", "The output padding cannot be negative ({0}).")
        return text.format(error.output_padding)
    if error.axis == 0:
        #: A transposed convolution's output padding; {0}, {1}, {2} are numbers.
        text = translate(
            "Refusals",
            "The output padding of {0} rows must be smaller than the stride ({1}) or the "
            "dilation ({2}).",
        )
    else:
        text = translate(
            "Refusals",
            "The output padding of {0} columns must be smaller than the stride ({1}) or the "
            "dilation ({2}).",
        )
    return text.format(error.output_padding, error.stride, error.dilation)


def _transpose_layout(error: TransposeKernelLayoutError) -> str:
    #: {0} is torch's layout of the kernels (kept in English); {1} the shape it must have
    #: ("(3, …, 3, 3)"), {2} the shape they have.
    text = translate(
        "Refusals",
        "A transposed convolution's kernels must be {0} = {1} for this input, but they are {2}.",
    )
    kh, kw = error.shape[2], error.shape[3]
    found = "(" + ", ".join(str(n) for n in error.shape) + ")"
    return text.format(
        "(C_in, C_out/groups, kH, kW)", f"({error.in_channels}, …, {kh}, {kw})", found
    )


def _transpose_too_small(error: TransposeTooSmallError) -> str:
    formula = (
        f"({error.size} − 1)·{error.stride} − 2·{error.padding} + {error.dilation}·"
        f"({error.kernel} − 1) + {error.output_padding} + 1 = {error.output}"
    )
    if error.axis == 0:
        #: {0} is a number of rows (0 or less), {1} the formula that gives it.
        text = translate("Refusals", "The output would have {0} rows: {1}; use less padding.")
    else:
        text = translate("Refusals", "The output would have {0} columns: {1}; use less padding.")
    return text.format(error.output, formula)


def layer_refusal(index: int, name: str, reason: str) -> str:
    """ "Layer 3 (max pool 2×2): *reason*": a refusal that names layer *index* (0-based)."""
    #: {0} is the layer's number from 1, {1} its name ("max pool 2×2"), {2} what is wrong.
    return translate("Refusals", "Layer {0} ({1}): {2}").format(index + 1, name, reason)


def _stack_layer(error: StackLayerError, layers: Sequence[Layer] | None) -> str:
    # The layer's short name ("max pool 2×2") when the stack is known; else its type as
    # the engine gives it ("max_pool2d"), which is then exactly str(error).
    if layers is not None and 0 <= error.layer < len(layers):
        name = layer_name(layers[error.layer])
    else:
        name = error.kind
    return layer_refusal(error.layer, name, settings_error_text(error.error, layers))


def settings_error_text(error: ConvSettingsError, layers: Sequence[Layer] | None = None) -> str:
    """The sentence that refuses *error*'s settings, in the user's language.

    Parameters
    ----------
    error
        An impossible-settings error raised by the engine.
    layers
        The stack the error is about: a :class:`StackLayerError` then names its layer by
        its short name ("Layer 3 (max pool 2×2): …") rather than its type.

    Returns
    -------
    str
        The sentence phrased from the error's attributes with
        :func:`~convstudio.model.i18n.translate`: in English exactly ``str(error)``.
        An error this module does not know (a new subclass) gives ``str(error)``.
    """
    if isinstance(error, ShapeError):
        return _shape(error)
    if isinstance(error, InvalidStrideError):
        text = translate("Refusals", "The stride must be at least {0}, not {1}.")
        return text.format(1, error.stride)
    if isinstance(error, InvalidDilationError):
        text = translate("Refusals", "The dilation must be at least {0}, not {1}.")
        return text.format(1, error.dilation)
    if isinstance(error, NegativePaddingError):
        return translate("Refusals", "The padding cannot be negative ({0}).").format(error.padding)
    if isinstance(error, UnknownPaddingError):
        return _unknown_padding(error)
    if isinstance(error, SamePaddingStrideError):
        return _same_padding_stride(error)
    if isinstance(error, KernelTooLargeError):
        return _kernel_too_large(error)
    if isinstance(error, PaddingTooLargeError):
        return _padding_too_large(error)
    if isinstance(error, GroupsError):
        return _groups(error)
    if isinstance(error, ChannelMismatchError):
        return _channel_mismatch(error)
    if isinstance(error, BiasShapeError):
        text = translate("Refusals", "The bias needs one value per kernel ({0}), but it has {1}.")
        return text.format(error.expected, error.got)
    if isinstance(error, TooLargeError):
        return _too_large(error)
    if isinstance(error, StackLayerError):
        return _stack_layer(error, layers)
    if isinstance(error, PoolKernelSizeError):
        text = translate("Refusals", "The pooling window must be at least {0}, not {1}.")
        return text.format(1, error.kernel_size)
    if isinstance(error, PoolPaddingError):
        return _pool_padding(error)
    if isinstance(error, PoolTooSmallError):
        return _pool_too_small(error)
    if isinstance(error, PoolEmptyWindowError):
        return _pool_empty_window(error)
    if isinstance(error, OutputPaddingError):
        return _output_padding(error)
    if isinstance(error, TransposeKernelLayoutError):
        return _transpose_layout(error)
    if isinstance(error, TransposeTooSmallError):
        return _transpose_too_small(error)
    return str(error)


def reason_text(error: object, layers: Sequence[Layer] | None = None) -> str:
    """Why something was refused, in the user's language: an engine error phrased by
    :func:`settings_error_text` (naming a layer of *layers* by its short name), anything
    else (already a sentence of the model) as it is."""
    if isinstance(error, ConvSettingsError):
        return settings_error_text(error, layers)
    return str(error)


__all__ = ["layer_refusal", "reason_text", "settings_error_text"]
