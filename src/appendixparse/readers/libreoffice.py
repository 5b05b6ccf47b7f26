"""Legacy Office formats (.doc, .xls) converted to their XML twins by LibreOffice, headless."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import ConversionUnavailableError, CorruptFileError
from ..options import DEFAULT_OPTIONS, Options


def soffice(options: Options = DEFAULT_OPTIONS) -> str | None:
    """The LibreOffice executable, or None when it is not installed."""
    if options.libreoffice is not None:
        return shutil.which(options.libreoffice)
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(
    data: bytes, source: str, *, suffix: str, target: str, options: Options = DEFAULT_OPTIONS
) -> bytes:
    """Convert ``data`` (a ``suffix`` file such as ".doc") to ``target`` ("docx", "xlsx").

    Raises ConversionUnavailableError when LibreOffice is missing, CorruptFileError when it
    cannot convert the file.
    """
    exe = soffice(options)
    if exe is None:
        raise ConversionUnavailableError(
            source,
            f"{suffix} files need LibreOffice to be read: install it "
            f"(apt-get install libreoffice) or save the file as .{target}",
        )
    with tempfile.TemporaryDirectory(prefix="appendixparse-") as tmp:
        work = Path(tmp)
        infile = work / f"input{suffix}"
        infile.write_bytes(data)
        command = [
            exe, f"-env:UserInstallation=file://{work / 'profile'}", "--headless",
            "--convert-to", target, "--outdir", str(work / "out"), str(infile),
        ]  # fmt: skip
        try:
            subprocess.run(
                command, capture_output=True, timeout=options.libreoffice_timeout_s, check=False
            )
        except subprocess.TimeoutExpired:
            raise CorruptFileError(source, "LibreOffice did not finish converting it") from None
        outfile = work / "out" / f"input.{target}"
        if not outfile.exists():
            raise CorruptFileError(source, f"LibreOffice could not convert it to .{target}")
        return outfile.read_bytes()
