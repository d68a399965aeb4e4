"""Streamed responses' text, joined into writes of a useful size."""

from collections.abc import Iterable, Iterator


def joined(pieces: Iterable[str], size: int) -> Iterator[str]:
    """`pieces` joined into strings of about `size` characters (the last one shorter): one
    write per small piece would cost a conversion to bytes and a system call each."""
    buffer: list[str] = []
    held = 0
    for piece in pieces:
        buffer.append(piece)
        held += len(piece)
        if held >= size:
            yield "".join(buffer)
            buffer, held = [], 0
    if buffer:
        yield "".join(buffer)
