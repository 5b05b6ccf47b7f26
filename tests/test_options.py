"""Options: one frozen, validated object; its limits hold in a parse and in every worker."""

from __future__ import annotations

import dataclasses
import multiprocessing
import shutil
from pathlib import Path

import pytest

import appendixparse
from appendixparse import FileTooLargeError, Options

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
REAL = SAMPLES / "appendix-quang-tri-district-2023.txt"


def test_a_tightened_limit_refuses_a_larger_file() -> None:
    with pytest.raises(FileTooLargeError, match="limit 1,000"):
        appendixparse.parse(REAL, options=Options(max_file_bytes=1000))
    with pytest.raises(FileTooLargeError):
        appendixparse.parse(REAL, options={"max_file_bytes": 1000})


@pytest.mark.parametrize("method", ["spawn", "forkserver", "fork"])
def test_limits_hold_in_workers_whatever_the_start_method(method: str, tmp_path: Path) -> None:
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"{method} is not available on this platform")
    for name in ("a.txt", "b.txt"):
        shutil.copy(REAL, tmp_path / name)
    options = Options(max_file_bytes=1000, start_method=method)
    result = appendixparse.consolidate([tmp_path], jobs=2, options=options)
    assert result.documents == 0
    assert sorted(Path(s).name for s in result.errors["source"]) == ["a.txt", "b.txt"]
    assert set(result.errors["error"]) == {"FileTooLargeError"}


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"max_file_bytes": 0}, "max_file_bytes must be a whole number ≥ 1"),
        ({"max_pdf_pages": 2.5}, "max_pdf_pages must be a whole number"),
        ({"max_zip_ratio": float("nan")}, "max_zip_ratio must be a finite number"),
        ({"document_timeout_s": -1}, "document_timeout_s must be a finite number ≥ 0"),
        ({"pdf_engine": "camelot"}, "pdf_engine must be one of"),
        ({"start_method": "thread"}, "start_method must be one of"),
        ({"max_pdf_page": 3}, "no setting 'max_pdf_page' \\(did you mean 'max_pdf_pages'\\?\\)"),
        ({"ocr_dpi": 50}, "ocr_dpi must be a whole number from 100 to 600"),
        ({"ocr_dpi": 200.0}, "ocr_dpi must be a whole number"),
        ({"ocr_languages": ()}, "ocr_languages must be a non-empty tuple"),
        ({"ocr_languages": ("../vie",)}, "ocr_languages must be a non-empty tuple"),
        ({"ocr_languages": "vie"}, "ocr_languages must be a non-empty tuple"),
        ({"ocr_min_confidence": 101}, "ocr_min_confidence must be a finite number from 0 to 100"),
        ({"ocr_min_confidence": -1}, "ocr_min_confidence must be a finite number"),
        ({"ocr_page_timeout_s": float("inf")}, "ocr_page_timeout_s must be a finite number ≥ 0"),
    ],
)
def test_a_bad_setting_is_named(settings: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Options.resolve(settings)


def test_options_are_frozen_and_replace_validates() -> None:
    options = Options()
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.max_file_bytes = 5  # type: ignore[misc]
    assert options.replace(max_pdf_pages=7).max_pdf_pages == 7
    with pytest.raises(ValueError, match="max_pdf_pages"):
        options.replace(max_pdf_pages=-7)
    assert Options.resolve(options) is options
    with pytest.raises(TypeError, match="not int"):
        Options.resolve(3)  # type: ignore[arg-type]


def test_ocr_settings_take_a_list_of_languages_and_pickle() -> None:
    import pickle

    options = Options.resolve({"ocr_languages": ["vie", "eng"], "ocr_dpi": 300})
    assert options.ocr_languages == ("vie", "eng")
    assert pickle.loads(pickle.dumps(options)) == options
