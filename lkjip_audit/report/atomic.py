"""Write outputs so that a crash never leaves a half-written file in place."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..exceptions import OutputError


class WorkbookChanged(OutputError):
    """The file to be replaced changed after it was read (someone saved it while the run went on)."""


def write_atomically(path: Path, write: Callable[[Path], None],
                     unchanged: Callable[[], bool] | None = None) -> Path:
    """Call `write` on a temporary file beside `path`, then move it into place in one step.

    `unchanged`: asked just before the move; when it says the file changed since it was read, nothing is
    replaced and :class:`WorkbookChanged` is raised for the caller to read the file again.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise OutputError(f"{path.parent}: cannot write here ({exc.strerror}). Choose another output folder") from exc
    tmp = Path(tmp_name)
    try:
        write(tmp)
        if unchanged is not None and not unchanged():
            raise WorkbookChanged(f"{path}: changed while the audit ran")
        os.replace(tmp, path)
    except PermissionError as exc:
        raise OutputError(f"{path}: the file is open or read-only ({exc.strerror}). "
                          "Close it (e.g. in Excel) and run again") from exc
    except OSError as exc:  # the disk is full, the folder went away, ...: the old file stays as it was
        raise OutputError(f"{path}: cannot be written ({exc.strerror or exc}). Free some disk space or "
                          "choose another output folder; the previous file is unchanged") from exc
    finally:
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass
    return path
