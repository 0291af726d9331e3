"""Writing a file so that a crash never leaves it half-written.

The bytes go to a temporary file in the same folder (so the rename stays on
one file system), are flushed and fsynced, and only then replace the target
with ``os.replace``, which is atomic. A failure before the rename removes
the temporary file and leaves the previous version untouched; a kill at any
moment leaves either the old file or the new one, never a mixture. A killed
writer may leave its hidden ``.NAME.XXXXXXXX.tmp`` behind: listings ignore
it, and the next successful write in that folder removes it once it is older
than ``STALE_AFTER`` seconds (younger ones may belong to a writer still at
work in another process).
"""

from __future__ import annotations

import os
import re
import secrets
import time
from pathlib import Path

from wargame.errors import SaveError

TEMP_SUFFIX = ".tmp"
STALE_AFTER = 300.0
"""Seconds after which a temporary file is a leftover: no save takes that long to write."""

_TEMP_NAME = re.compile(r"\..+\.[0-9a-f]{8}\.tmp")


def atomic_write(path: str | Path, data: bytes) -> Path:
    """Replace ``path`` with ``data`` atomically; raise ``SaveError`` when the file system refuses."""
    path = Path(path)
    _write_then(path, data, lambda temp: os.replace(temp, path))
    return path


def atomic_create(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically, refusing (``FileExistsError``) when ``path`` exists.

    The temporary file is hard-linked to its name, which fails rather than
    overwrite; where the file system has no hard links, the existence check
    and the rename are two steps.
    """
    path = Path(path)

    def link(temp: Path) -> None:
        try:
            os.link(temp, path)
        except FileExistsError:
            raise
        except OSError:
            if path.exists():
                raise FileExistsError(path) from None
            os.replace(temp, path)
            return
        os.unlink(temp)

    _write_then(path, data, link)
    return path


def _write_then(path: Path, data: bytes, publish) -> None:
    fd, temp = _create_temp(path)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        publish(temp)
    except BaseException as error:
        try:
            os.unlink(temp)
        except OSError:
            pass
        if isinstance(error, OSError) and not isinstance(error, FileExistsError):
            raise SaveError(f"cannot write {path}: {error.strerror or error}") from None
        raise
    _fsync_folder(path.parent)
    remove_leftovers(path.parent)


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


def remove_leftovers(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files of interrupted writes in ``folder`` older than ``STALE_AFTER``.

    Best effort: a file that cannot be removed stays, and nothing is raised.
    """
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _TEMP_NAME.fullmatch(entry.name):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


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
