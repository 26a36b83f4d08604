"""The slow, obvious padding rules the engine tests (and the random user) check against."""


def ref_source(p, n, before, mode):
    """The input index that padded position *p* reads, or None for a zero."""
    i = p - before
    if 0 <= i < n:
        return i
    if mode == "zeros":
        return None
    if mode == "replicate":
        return 0 if i < 0 else n - 1
    if mode == "circular":
        while i < 0:
            i += n
        while i >= n:
            i -= n
        return i
    if mode == "reflect":
        # Mirror about the edge cell without repeating it: -1 -> 1, n -> n - 2.
        j = -i if i < 0 else 2 * (n - 1) - i
        assert 0 <= j < n, "reflect padding this wide is not defined"
        return j
    raise AssertionError(mode)


def ref_pair(value):
    if isinstance(value, int):
        return value, value
    return int(value[0]), int(value[1])


def ref_pads(padding, kernel, dilation):
    """(top, bottom, left, right) for a padding spec, written out by hand."""
    (kh, kw), (dh, dw) = kernel, dilation
    if padding == "valid":
        return 0, 0, 0, 0
    if padding == "full":
        return dh * (kh - 1), dh * (kh - 1), dw * (kw - 1), dw * (kw - 1)
    if padding == "same":
        # Total padding d·(k−1); the odd one goes after (bottom/right), like torch.
        total_h, total_w = dh * (kh - 1), dw * (kw - 1)
        top, left = total_h // 2, total_w // 2
        return top, total_h - top, left, total_w - left
    ph, pw = ref_pair(padding)
    return ph, ph, pw, pw
