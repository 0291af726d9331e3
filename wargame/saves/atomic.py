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
import secrets
from pathlib import Path

from wargame.errors import SaveError

TEMP_SUFFIX = ".tmp"


def atomic_write(path: str | Path, data: bytes) -> Path:
    """Replace ``path`` with ``data`` atomically; raise ``SaveError`` when the file system refuses."""
    path = Path(path)
    folder = path.parent
    fd, temp = _create_temp(path)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
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


def _create_temp(path: Path) -> tuple[int, Path]:
    """A new hidden file beside ``path``, created exclusively (usual permissions, as the umask allows)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
        try:
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue
        except OSError as error:
            raise SaveError(f"cannot write {path}: {error.strerror or error}") from None
    raise SaveError(f"cannot write {path}: no free temporary name in {path.parent}")


def is_temp_file(path: Path) -> bool:
    """Whether ``path`` is a leftover temporary file of an interrupted write."""
    return path.name.startswith(".") and path.name.endswith(TEMP_SUFFIX)


def _write_all(fd: int, data: bytes) -> None:
    """Write every byte (``os.write`` may write less)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


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
