"""The checks: pure functions of a Report's records that raise its flags."""

from .flags import run_checks

__all__ = ["run_checks"]
