"""A composer of appendices: documents written from a spec of independent axes, with the
gold (records, statuses, notes figures, flags) taken from the spec, never from the parser.

    from compose import random_spec, build, compose, differences
"""

from .check import actual, compose, differences
from .spec import AXES, Document, Spec, build, random_spec
from .writers import write

__all__ = [
    "AXES", "Document", "Spec", "actual", "build", "compose", "differences", "random_spec",
    "write",
]  # fmt: skip
