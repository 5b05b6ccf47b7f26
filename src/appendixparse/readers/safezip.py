"""Zip archives (DOCX, XLSX) opened defensively: structure judged first, members inflated in
bounded chunks, so a zip bomb is refused within bounded memory and time."""

from __future__ import annotations

import io
import zipfile
import zlib

from ..errors import CorruptFileError, EncryptedFileError, FileTooLargeError
from ..options import DEFAULT_OPTIONS, Options

_CHUNK = 1 << 20


class SafeZip:
    """A zip archive whose members are read under :class:`~appendixparse.options.Options`."""

    def __init__(self, data: bytes, source: str, options: Options = DEFAULT_OPTIONS) -> None:
        self.source = source
        self.options = options
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise CorruptFileError(source, f"a damaged or truncated Office file ({exc})") from None
        if len(infos) > self.options.max_zip_entries:
            raise FileTooLargeError(
                source, f"{len(infos)} zip entries (limit {self.options.max_zip_entries})"
            )
        declared = sum(i.file_size for i in infos)
        if declared > self.options.max_zip_uncompressed_bytes:
            raise FileTooLargeError(
                source,
                f"declares {declared:,} bytes uncompressed "
                f"(limit {self.options.max_zip_uncompressed_bytes:,}): a zip bomb?",
            )
        if any(i.flag_bits & 0x1 for i in infos):
            raise EncryptedFileError(source, "the archive is encrypted")
        self._infos = {i.filename: i for i in infos}
        self._inflated = 0

    def names(self) -> list[str]:
        """Member names, in archive order."""
        return list(self._infos)

    def __contains__(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str, *, limit: int | None = None) -> bytes:
        """A member's bytes, inflated in chunks and refused as soon as a limit is passed."""
        info = self._infos.get(name)
        if info is None:
            raise CorruptFileError(self.source, f"the part {name!r} is missing")
        limit = min(
            limit or self.options.max_xml_part_bytes, self.options.max_zip_uncompressed_bytes
        )
        out = bytearray()
        try:
            with self._zip.open(info) as member:
                while chunk := member.read(_CHUNK):
                    out += chunk
                    self._inflated += len(chunk)
                    self._check(name, info, len(out), limit)
        except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError) as exc:
            raise CorruptFileError(self.source, f"the part {name!r} is damaged ({exc})") from None
        return bytes(out)

    def _check(self, name: str, info: zipfile.ZipInfo, size: int, limit: int) -> None:
        if size > limit:
            raise FileTooLargeError(self.source, f"the part {name!r} inflates past {limit:,} bytes")
        if self._inflated > self.options.max_zip_uncompressed_bytes:
            raise FileTooLargeError(
                self.source,
                f"inflates past {self.options.max_zip_uncompressed_bytes:,} bytes: a zip bomb?",
            )
        if size > _CHUNK and size > self.options.max_zip_ratio * max(info.compress_size, 1):
            raise FileTooLargeError(
                self.source,
                f"the part {name!r} inflates more than {self.options.max_zip_ratio:.0f}× its "
                "compressed size: a zip bomb?",
            )
