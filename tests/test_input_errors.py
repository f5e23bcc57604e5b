"""Bad input gets a clear error naming the file; odd encodings are read; data/raw is never written."""

import errno
import hashlib
from decimal import Decimal
import os

import pytest

from conftest import KEDIRI, RAW
from lkjip_audit import ingest
from lkjip_audit.audit import audit, write_outputs
from lkjip_audit.exceptions import OutputError, InputError

ROW = "A\tPROGRAM PENGEMBANGAN UMKM\t611.020.500\t351.386.350\t57,51%\n"
TABLE = "Tabel 1. Realisasi\n\nNo\tProgram\tPagu\tRealisasi\t%\n" + ROW + "JUMLAH\t\t611.020.500\t351.386.350\t57,51%\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1"])
def test_text_in_any_common_encoding_is_read(tmp_path, encoding):
    path = tmp_path / "laporan.txt"
    path.write_bytes(("Dinas Koperasi, Kabupaten Nagekeo: Laporan Kinerja (é)\n" + TABLE).encode(encoding))
    document = ingest.read(path)
    assert document.lines[0].startswith("Dinas Koperasi")
    assert [len(t.rows) for t in document.tables] == [3]
    assert audit(path).findings == []  # 351.386.350 / 611.020.500 = 57,51 %; JUMLAH equals its one Program


def test_binary_garbage_named_txt_is_refused(tmp_path):
    path = tmp_path / "rusak.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(InputError, match=r"rusak.txt: this is not a text file \(it holds binary data\)"):
        ingest.read(path)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(InputError, match="this is a folder, not a report file"):
        ingest.read(tmp_path)


def test_a_report_without_tables_is_audited_from_its_prose(tmp_path):
    path = tmp_path / "prosa.txt"
    path.write_text("BAB I PENDAHULUAN\nLaporan ini tidak memuat tabel.\n"
                    "Persentase imunisasi dasar lengkap tercapai 72% dari target 92,9%, dengan capaian kinerja 88%.\n"
                    "Persentase kasus Kusta baru tanpa cacat tercapai 85,20% dari target 87%, dengan capaian kinerja "
                    "97,93%.\n")
    result = audit(path)
    assert result.tables == []
    assert [(f.rule, f.line, f.reported, f.expected) for f in result.findings] == [
        ("prose-arithmetic", 3, Decimal("88"), Decimal("77.50"))]
    assert result.summary_line() == "prosa.txt: no table; 2 claims checked in the prose, 1 findings (error 1)"


def test_raw_reports_are_never_written(tmp_path):
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in RAW.iterdir()}
    write_outputs(audit(KEDIRI), tmp_path)
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in RAW.iterdir()}
    assert before == after


def test_a_failed_write_leaves_the_previous_workbook_intact(tmp_path, monkeypatch):
    result = audit(KEDIRI)
    paths = write_outputs(result, tmp_path)
    before = paths["workbook"].read_bytes()

    def disk_full(self, filename):
        with open(filename, "wb") as handle:
            handle.write(b"half a workbook")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("openpyxl.workbook.workbook.Workbook.save", disk_full)
    with pytest.raises(OutputError, match=r"cannot be written \(No space left on device\)\. Free some disk space"):
        write_outputs(result, tmp_path)
    assert paths["workbook"].read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
