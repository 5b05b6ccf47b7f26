"""Helpers shared by the tests: a guard against hangs, and a raw PDF writer for hostile pages."""

from __future__ import annotations

import io
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

TIME_GUARD_S = 30


@contextmanager
def time_guard(seconds: int = TIME_GUARD_S) -> Iterator[None]:
    """Fail instead of hanging: SIGALRM interrupts work that runs past ``seconds``."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"still working after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def write_pdf(objects: list[bytes]) -> bytes:
    """A PDF file of ``objects`` (numbered from 1, the first the catalog) with its xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def cased_words(words: list[str]) -> Any:
    """A hypothesis strategy: one of ``words`` as written, in capitals or in title case."""
    from hypothesis import strategies as st

    return st.tuples(st.sampled_from(words), st.sampled_from([str, str.upper, str.title])).map(
        lambda pair: pair[1](pair[0])
    )
