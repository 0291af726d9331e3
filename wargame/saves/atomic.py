"""Writing a file so that a crash never leaves it half-written.

The bytes go to a temporary file in the same folder (so the rename stays on
one file system), are flushed and fsynced, and only then replace the target
with ``os.replace``, which is atomic. A failure before the rename removes
the temporary file and leaves the previous version untouched; a kill at any
moment leaves either the old file or the new one, never a mixture (a killed
writer may leave its hidden ``.NAME.*.tmp`` behind, which listings ignore).
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from wargame.errors import SaveError

TEMP_SUFFIX = ".tmp"
DEFAULT_MODE = 0o644


def atomic_write(path: str | Path, data: bytes) -> Path:
    """Replace ``path`` with ``data`` atomically; raise ``SaveError`` when the file system refuses."""
    path = Path(path)
    folder = path.parent
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=folder)
    except OSError as error:
        raise SaveError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            _write_all(handle, data)
            handle.flush()
            os.fsync(handle.fileno())
        _copy_mode(path, temp)
        os.replace(temp, path)
    except BaseException as error:
        try:
            os.unlink(temp)
        except OSError:
            pass
        if isinstance(error, OSError):
            raise SaveError(f"cannot write {path}: {error.strerror or error}") from None
        raise
    _fsync_folder(folder)
    return path


def is_temp_file(path: Path) -> bool:
    """Whether ``path`` is a leftover temporary file of an interrupted write."""
    return path.name.startswith(".") and path.name.endswith(TEMP_SUFFIX)


def _write_all(handle, data: bytes) -> None:
    """One seam for the tests that simulate a crash in the middle of writing."""
    handle.write(data)


def _copy_mode(path: Path, temp: str) -> None:
    """Keep the permissions of the file being replaced (``mkstemp`` makes it private)."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = DEFAULT_MODE
    try:
        os.chmod(temp, mode)
    except OSError:
        pass


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (not on Windows)."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(folder, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
