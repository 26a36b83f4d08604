"""The slow, obvious padding rule the engine tests check against."""


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
