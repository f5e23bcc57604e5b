"""Write outputs so that a crash never leaves a half-written file in place."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..exceptions import OutputError
from ..said import Said


def file_mode() -> int:
    """The mode a file created now would get: 0666 less the process's umask (0644 under the usual 022).

    A temporary file is created 0600 (it must not be readable half-written); the finished output gets the
    mode any other file would, so colleagues sharing the folder (or a cron job's readers) can open it.
    """
    try:  # Linux 4.7+: read it without changing it (os.umask would, for a moment, for every thread)
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


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
        raise OutputError(Said(f"{path.parent}: tidak dapat menulis di sini ({exc.strerror}). Pilih folder "
                               "keluaran lain",
                               f"{path.parent}: cannot write here ({exc.strerror}). Choose another output "
                               "folder")) from exc
    tmp = Path(tmp_name)
    try:
        write(tmp)
        os.chmod(tmp, file_mode())
        if unchanged is not None and not unchanged():
            raise WorkbookChanged(f"{path}: changed while the audit ran")
        os.replace(tmp, path)
    except PermissionError as exc:
        raise OutputError(Said(f"{path}: berkasnya sedang dibuka atau hanya-baca ({exc.strerror}). Tutup berkasnya "
                               "(misalnya di Excel) lalu jalankan lagi",
                               f"{path}: the file is open or read-only ({exc.strerror}). "
                               "Close it (e.g. in Excel) and run again")) from exc
    except OSError as exc:  # the disk is full, the folder went away, ...: the old file stays as it was
        raise OutputError(Said(f"{path}: tidak dapat ditulis ({exc.strerror or exc}). Kosongkan sebagian ruang disk "
                               "atau pilih folder keluaran lain; berkas sebelumnya tidak berubah",
                               f"{path}: cannot be written ({exc.strerror or exc}). Free some disk space or "
                               "choose another output folder; the previous file is unchanged")) from exc
    finally:
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass
    return path
