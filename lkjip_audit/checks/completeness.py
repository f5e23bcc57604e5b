"""Kelengkapan LKjIP: the parts and analyses PermenPAN-RB 53/2014 asks a report to contain, each found,
partly there or missing, with the evidence and how it was decided; and a suggested answer per criterion of
the LHE SAKIP "Pelaporan Kinerja" component (PermenPAN-RB 88/2021) for the evaluator to accept or change.

A part is **found** when the report has a heading for it in the chapter where it belongs, or a table that
does the job (a previous-year column for the comparison with earlier years; capaian next to serapan for
efficiency). It is **partly** there when only the running text mentions it, or it stands outside its
chapter. Otherwise it is **missing**. This is an aid: the evaluator decides.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..understand.model import Level, Role, Table
from ..understand.contents import Contents, ContentsEntry, checked_entries, find_contents, unlisted
from ..understand.sections import (Chapter, chapter_of, clean, find_chapters, is_heading_like, is_section_number,
                                      is_toc_entry)
from .finding import Finding

FOUND, PARTLY, MISSING = "found", "partly", "missing"
STATUS_TEXT = {"id": {FOUND: "ada", PARTLY: "sebagian", MISSING: "tidak ada"},
               "en": {FOUND: "found", PARTLY: "partly", MISSING: "missing"}}
EXCERPT_CHARS = 120
#: A line opening another document's annex quoted in the report (`LAMPIRAN PERATURAN WALI KOTA DEPOK`).
_OTHER_ANNEX = re.compile(r"^\W*lampiran\s+(peraturan|keputusan|surat|undang|instruksi)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Evidence:
    kind: str  # heading | table | text | chapter
    line: int | None
    page: int | None
    excerpt: str
    table: str | None = None

    def shown(self, lang: str = "id") -> str:
        """`baris 541: BAB III ...` (`line 541: ...` in English), or the page for PDF input."""
        where = (f"{'baris' if lang == 'id' else 'line'} {self.line}" if self.line
                 else f"{'hlm.' if lang == 'id' else 'p.'} {self.page}" if self.page else "")
        return f"{where}: {self.excerpt}" if where else self.excerpt


@dataclass
class ChecklistItem:
    key: str
    name: dict[str, str]
    status: str
    how: dict[str, str]  # how the status was decided
    evidence: list[Evidence] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)  # ids of the findings on its tables

    def findings_note(self, lang: str) -> str:
        if not self.findings:
            return ""
        n = len(self.findings)
        ids = ", ".join(self.findings[:8]) + (" …" if n > 8 else "")
        return (f"{n} temuan pada tabelnya ({ids})" if lang == "id"
                else f"{n} findings on its tables ({ids})")


@dataclass(frozen=True)
class Part:
    """One required part: where it belongs and what shows it."""

    key: str
    name: dict[str, str]
    chapter: str | None  # the chapter it belongs in; None for a chapter itself
    headings: str = ""  # regex on heading lines
    text: str = ""  # regex on any line (weaker evidence)
    table: Callable[[Table], bool] | None = None
    table_why: dict[str, str] = field(default_factory=dict)
    table_alone: str = FOUND  # the status a table gives without a heading
    # What the lines under a heading must speak of for the heading to count (`SDM` headings: the agency's own
    # people, not the cooperatives' members a `Keterbatasan SDM` under Permasalahan is about).
    confirm: str = ""


def _has(table: Table, *roles: Role) -> bool:
    return all(table.column(r) is not None for r in roles)


def _years_in_headers(table: Table) -> set[str]:
    return set(re.findall(r"\b20\d\d\b", " ".join(c.header for c in table.columns)))


def _compares_years(table: Table) -> bool:
    headers = " ".join(c.header for c in table.columns).lower()
    return (len(_years_in_headers(table)) >= 2 and re.search(r"realisasi|capaian", headers) is not None
            or re.search(r"tahun (lalu|sebelumnya)", headers) is not None)


def _relates_capaian_to_serapan(table: Table) -> bool:
    return table.kind == "efficiency"


def _links_programs_to_indicators(table: Table) -> bool:
    return (table.has_budget and any(r.level is Level.PROGRAM for r in table.rows)
            and (table.column(Role.TARGET) is not None or table.column(Role.REALISASI_KINERJA) is not None))


PARTS: tuple[Part, ...] = (
    Part("ikhtisar", {"id": "Ikhtisar Eksekutif", "en": "Executive summary"}, None),
    Part("bab1", {"id": "Bab I Pendahuluan", "en": "Chapter I Introduction"}, None),
    Part("bab1.profil", {"id": "Profil, tugas dan fungsi, struktur organisasi",
                         "en": "Profile, duties and functions, organisation"}, "bab1",
         headings=r"struktur organisasi|tugas (pokok )?dan fungsi|tugas,? fungsi|gambaran umum|kedudukan|profil",
         text=r"struktur organisasi|tugas (pokok )?dan fungsi"),
    Part("bab1.sdm", {"id": "Sumber daya manusia (SDM)", "en": "Staff (SDM)"}, "bab1",
         # The agency's own staff: `SDM koperasi` (the cooperatives' people) or a division named after its
         # subject (`Bidang Kelembagaan dan SDM`) is not.
         headings=r"^(?!.*\b(bidang|sub ?bagian|seksi)\b)(?=.*(sumber daya (manusia|aparatur|perangkat)|\bSDM\b|"
                  r"(data|komposisi|jumlah|keadaan) pegawai))(?!.*(sumber daya manusia|\bSDM\b)\W+(\w+\W+)?(koperasi|umkm|usaha|pelaku|"
                  r"masyarakat|petani|nelayan|aparatur desa))",
         text=r"sumber daya (manusia|aparatur)(?!\W+(\w+\W+)?(koperasi|umkm|usaha|pelaku|masyarakat))|jumlah pegawai",
         confirm=r"\b(pegawai|ASN|PNS|aparatur sipil|golongan|eselon|jabatan (struktural|fungsional)|orang)\b",
         table=lambda t: t.kind == "staff",
         table_why={"id": "tabel kepegawaian", "en": "a staff table"}),
    Part("bab2", {"id": "Bab II Perencanaan Kinerja", "en": "Chapter II Performance planning"}, None),
    Part("bab2.renstra", {"id": "Ringkasan Renstra", "en": "Strategic plan (Renstra) summary"}, "bab2",
         headings=r"rencana strategis|renstra", text=r"rencana strategis|renstra"),
    Part("bab2.rkt", {"id": "Rencana Kinerja Tahunan (RKT)", "en": "Annual performance plan (RKT)"}, "bab2",
         # `2.2 Rencana Kinerja Tahun 2024` is the year's plan as much as `Rencana Kinerja Tahunan`.
         headings=r"rencana kinerja tahun(an|\s+20\d\d)|\bRKT\b", text=r"rencana kinerja tahunan|\bRKT\b"),
    Part("bab2.pk", {"id": "Perjanjian Kinerja", "en": "Performance agreement (PK)"}, "bab2",
         headings=r"perjanjian kinerja|penetapan kinerja", text=r"perjanjian kinerja",
         table=lambda t: t.kind == "pk", table_why={"id": "tabel Perjanjian Kinerja",
                                                    "en": "a performance agreement table"}),
    Part("bab3", {"id": "Bab III Akuntabilitas Kinerja", "en": "Chapter III Performance accountability"}, None),
    Part("bab3.1", {"id": "(1) Target dan realisasi kinerja tahun ini",
                    "en": "(1) This year's targets against realisation"}, "bab3",
         headings=r"target dan realisasi|realisasi (kinerja )?(dengan|terhadap) target|capaian (kinerja|indikator)",
         text=r"target dan realisasi|dibandingkan dengan target",
         table=lambda t: t.kind == "capaian" and _has(t, Role.TARGET)
         and (_has(t, Role.REALISASI_KINERJA) or _has(t, Role.CAPAIAN)),
         table_why={"id": "tabel dengan kolom target dan realisasi/capaian kinerja",
                    "en": "a table with target and realisation/achievement columns"}),
    Part("bab3.2", {"id": "(2) Dibandingkan dengan tahun lalu dan beberapa tahun terakhir",
                    "en": "(2) Against last year and earlier years"}, "bab3",
         headings=r"tahun (lalu|sebelumnya)|beberapa tahun|tahun-tahun sebelumnya",
         text=r"tahun (lalu|sebelumnya)|tahun-tahun sebelumnya",
         table=_compares_years, table_why={"id": "tabel dengan kolom beberapa tahun",
                                           "en": "a table with columns for several years"}),
    Part("bab3.3", {"id": "(3) Dibandingkan dengan target jangka menengah (Renstra)",
                    "en": "(3) Against the medium-term (Renstra) target"}, "bab3",
         headings=r"jangka menengah|target (akhir )?renstra|akhir (periode )?renstra",
         text=r"jangka menengah|target (akhir )?renstra|akhir (periode )?renstra"),
    Part("bab3.4", {"id": "(4) Dibandingkan dengan standar nasional", "en": "(4) Against a national standard"},
         "bab3", headings=r"standar nasional", text=r"standar nasional"),
    Part("bab3.5", {"id": "(5) Penyebab keberhasilan/kegagalan dan solusinya",
                    "en": "(5) Causes of success/failure and the solutions taken"}, "bab3",
         headings=r"penyebab|faktor (pendukung|penghambat|keberhasilan|kegagalan)|kendala|hambatan|permasalahan",
         text=r"solusi|pemecahan masalah|upaya (yang|untuk|mengatasi)|langkah"),
    Part("bab3.6", {"id": "(6) Efisiensi penggunaan sumber daya", "en": "(6) Efficiency of resource use"},
         "bab3", headings=r"efisiensi", text=r"efisiensi",
         table=_relates_capaian_to_serapan,
         table_why={"id": "tabel yang menyandingkan capaian kinerja dengan serapan anggaran",
                    "en": "a table setting achievement against budget absorption"}),
    Part("bab3.7", {"id": "(7) Program/kegiatan yang menunjang keberhasilan/kegagalan",
                    "en": "(7) Programmes/activities behind the result"}, "bab3",
         headings=r"program.{0,30}(menunjang|mendukung|pendukung)|analisis program",
         text=r"program.{0,30}(menunjang|mendukung)",
         table=_links_programs_to_indicators, table_alone=PARTLY,  # a table lists, it does not analyse
         table_why={"id": "tabel anggaran yang mengaitkan Program dengan indikator kinerjanya (tanpa analisis)",
                    "en": "a budget table linking each Program to its indicator (no analysis)"}),
    Part("bab3.anggaran", {"id": "Realisasi anggaran", "en": "Budget realisation"}, "bab3",
         headings=r"realisasi anggaran|akuntabilitas keuangan|kinerja keuangan|serapan anggaran",
         text=r"realisasi anggaran",
         table=lambda t: t.has_budget and not t.uncertain,
         table_why={"id": "tabel realisasi anggaran", "en": "a budget realisation table"}),
    Part("bab4", {"id": "Bab IV Penutup", "en": "Chapter IV Closing"}, None),
    Part("bab4.perbaikan", {"id": "Kesimpulan dan langkah perbaikan ke depan",
                            "en": "Conclusions and improvements planned"}, "bab4",
         headings=r"kesimpulan|\bsaran\b|rekomendasi|langkah|perbaikan",
         text=r"kesimpulan|\bsaran\b|rekomendasi|langkah (ke ?depan|antisipa\w*|perbaikan)|upaya (perbaikan|peningkatan)|"
              r"perbaikan|ke depan"),
    Part("lampiran", {"id": "Lampiran (PK, IKU)", "en": "Annexes (PK, IKU)"}, None),
)


class _Lines(list):
    """The report's lines, each one's heading test and cleaned text worked out once: twenty parts search the
    same lines, and a long report made that twenty passes of regular expressions over every line."""

    def __init__(self, lines, contents: Contents | None = None):
        super().__init__(lines)
        self.contents = contents or Contents()
        self._heading: dict[int, bool] = {}
        self._clean: dict[int, str] = {}
        self._toc: dict[int, bool] = {}

    def heading_like(self, index: int) -> bool:
        if index not in self._heading:
            self._heading[index] = is_heading_like(self[index])
        return self._heading[index]

    def cleaned(self, index: int) -> str:
        if index not in self._clean:
            self._clean[index] = clean(self[index])
        return self._clean[index]

    def toc_row(self, index: int) -> bool:
        """A line of a contents list (never evidence: it lists what the report says it has)."""
        if index not in self._toc:
            self._toc[index] = (self.contents.covers(index + 1)
                                or "\t" in self[index] and is_toc_entry(self[index])
                                or bool(_OTHER_ANNEX.match(self.cleaned(index))))
        return self._toc[index]


def checklist(tables: list[Table], lines: list[str], findings: list[Finding] | None = None,
              line_pages: list[int] | None = None, contents: Contents | None = None) -> list[ChecklistItem]:
    """Every part of PARTS, judged on this report; nothing in its contents lists counts as evidence."""
    contents = contents if contents is not None else find_contents(lines)
    lines = _Lines(lines, contents)
    chapters = find_chapters(lines, skip=contents.covers)
    findings = findings or []
    return [_judge(part, chapters, tables, lines, findings, line_pages) for part in PARTS]


def _page(line_pages: list[int] | None, line: int | None) -> int | None:
    return line_pages[line - 1] if line_pages and line and line <= len(line_pages) else None


def _judge(part: Part, chapters: dict[str, Chapter], tables, lines, findings, line_pages) -> ChecklistItem:
    if part.chapter is None:
        return _judge_chapter(part, chapters, lines, line_pages)
    chapter = chapters.get(part.chapter)
    span = (chapter.line, chapter.end) if chapter else (1, len(lines))
    # Numbered or capitalised headings first, then the shortest: `1.5 Sumber Daya Manusia` says more than a long
    # line that mentions it, or a table row in capitals.
    headings = sorted([h for h in _matching_lines(lines, part.headings, span, heading=True, line_pages=line_pages)
                       if _speaks_of(lines, h.line, part.confirm)],
                      key=lambda e: (not (is_section_number(e.excerpt) or e.excerpt.upper() == e.excerpt),
                                     len(e.excerpt)))
    chapter_name = chapter.title if chapter else None
    in_tables = [t for t in tables if part.table and part.table(t)
                 and (chapter is None or chapter_of(chapters, _table_line(t, line_pages)) == part.chapter)]
    evidence = _distinct(headings)[:3] + [Evidence("table", t.lines[0] if t.lines else None, t.page,
                                        f"{t.id}: {t.caption or '(tanpa judul)'}"[:EXCERPT_CHARS], t.id)
                               for t in in_tables[:3]]
    linked = [f.id for f in findings if any(f.table == t.id for t in in_tables)]
    where = {"id": f"di {chapter_name}" if chapter_name else "di seluruh laporan (babnya tidak ditemukan)",
             "en": f"in {chapter_name}" if chapter_name else "anywhere (its chapter was not found)"}
    if part.key == "bab3.5":  # causes and solutions: both are asked for
        solutions = _matching_lines(lines, part.text, span, line_pages=line_pages)
        if headings and solutions:
            return ChecklistItem(part.key, part.name, FOUND if chapter else PARTLY, {
                "id": f"judul tentang penyebab/kendala dan uraian solusi/upaya {where['id']}",
                "en": f"a heading on causes/obstacles and text on solutions {where['en']}"},
                headings[:2] + solutions[:2])
        if headings or solutions:
            found_half = {"id": "penyebab" if headings else "solusi/upaya",
                          "en": "causes" if headings else "solutions"}
            return ChecklistItem(part.key, part.name, PARTLY, {
                "id": f"hanya {found_half['id']} ditemukan {where['id']}",
                "en": f"only {found_half['en']} found {where['en']}"}, (headings or solutions)[:3])
        return _elsewhere_or_missing(part, chapter, lines, line_pages, {
            "id": f"tidak ada judul atau uraian {where['id']}", "en": f"no heading or text {where['en']}"})
    if headings or in_tables:
        how = {"id": " dan ".join(filter(None, ["judul bagian" if headings else "",
                                               part.table_why.get("id", "") if in_tables else ""])) + " " + where["id"],
               "en": " and ".join(filter(None, ["a heading" if headings else "",
                                               part.table_why.get("en", "") if in_tables else ""])) + " " + where["en"]}
        status = FOUND if chapter and (headings or part.table_alone == FOUND) else PARTLY
        return ChecklistItem(part.key, part.name, status, how, evidence, linked)
    mentions = _matching_lines(lines, part.text, span, line_pages=line_pages) if part.text else []
    if mentions:
        return ChecklistItem(part.key, part.name, PARTLY, {
            "id": f"hanya disebut dalam teks {where['id']}, tanpa judul atau tabel",
            "en": f"only mentioned in the text {where['en']}, no heading or table"}, mentions[:3])
    return _elsewhere_or_missing(part, chapter, lines, line_pages, {
        "id": f"tidak ada judul, tabel atau uraian {where['id']}", "en": f"no heading, table or text {where['en']}"})


#: How far under a heading `Part.confirm` is looked for.
CONFIRM_LINES = 12


def _speaks_of(lines, line: int, pattern: str) -> bool:
    if not pattern:
        return True
    regex = re.compile(pattern, re.IGNORECASE)
    return any(regex.search(lines[n]) for n in range(line - 1, min(len(lines), line - 1 + CONFIRM_LINES)))


def _distinct(evidence: list[Evidence]) -> list[Evidence]:
    """Evidence with each line once (a heading also matched as text, or as the line a wrapped heading joins)."""
    seen: set = set()
    return [e for e in evidence if not (e.line in seen or seen.add(e.line))]


def _elsewhere_or_missing(part: Part, chapter: Chapter | None, lines, line_pages, missing_how) -> ChecklistItem:
    """Partly when the report names the part outside its chapter; otherwise missing."""
    everywhere = (1, len(lines))
    elsewhere = _distinct(_matching_lines(lines, part.headings, everywhere, heading=True, line_pages=line_pages)
                          + _matching_lines(lines, part.text, everywhere, line_pages=line_pages))
    if chapter and elsewhere:
        return ChecklistItem(part.key, part.name, PARTLY, {
            "id": "tidak di babnya; disebut di bagian lain laporan", "en": "not in its chapter; mentioned elsewhere"},
            elsewhere[:3])
    return ChecklistItem(part.key, part.name, MISSING, missing_how)


def _judge_chapter(part: Part, chapters, lines, line_pages) -> ChecklistItem:
    chapter = chapters.get(part.key)
    if chapter:
        evidence = [Evidence("chapter", chapter.line, _page(line_pages, chapter.line), chapter.title)]
        how = {"id": f"judul bab pada baris {chapter.line}, {chapter.end - chapter.line + 1} baris isi",
               "en": f"chapter heading on line {chapter.line}, {chapter.end - chapter.line + 1} lines long"}
        if part.key == "lampiran":
            annexes = _matching_lines(lines, r"perjanjian kinerja|indikator kinerja utama|\bIKU\b",
                                      (chapter.line, chapter.end), line_pages=line_pages)
            evidence += annexes[:2]
            if not annexes:
                return ChecklistItem(part.key, part.name, PARTLY, {
                    "id": how["id"] + "; PK/IKU tidak disebut di dalamnya",
                    "en": how["en"] + "; PK/IKU not mentioned in it"}, evidence)
        return ChecklistItem(part.key, part.name, FOUND, how, evidence)
    names = {"ikhtisar": r"ikhtisar eksekutif|ringkasan eksekutif", "lampiran": r"^\W*lampiran\b"}.get(part.key)
    listed = _matching_lines(lines, names, (1, len(lines)), line_pages=line_pages) if names else []
    if listed:  # a promise (the outline of chapters in Bab I), not the part
        return ChecklistItem(part.key, part.name, MISSING, {
            "id": "tidak ada judul bab; hanya disebut dalam teks (mis. sistematika penyajian)",
            "en": "no chapter heading; only mentioned in the text (e.g. the outline of chapters)"}, listed[:2])
    return ChecklistItem(part.key, part.name, MISSING, {"id": "tidak ada judul bab", "en": "no chapter heading"})


def _matching_lines(lines, pattern: str, span: tuple[int, int], heading: bool = False,
                    line_pages=None) -> list[Evidence]:
    if not pattern:
        return []
    found = []
    regex = re.compile(pattern, re.IGNORECASE)
    if not isinstance(lines, _Lines):
        lines = _Lines(lines)
    for number in range(span[0], min(span[1], len(lines)) + 1):
        if heading and not lines.heading_like(number - 1) or lines.toc_row(number - 1):
            continue
        text = lines.cleaned(number - 1)
        if heading and number < len(lines):  # a heading wrapped onto the next line (`... Dengan` / `Target ...`)
            following = lines.cleaned(number)
            if following and not text.endswith((".", ":")) and len(following.split()) <= 15 \
                    and not lines.heading_like(number) and "\t" not in lines[number]:
                text = f"{text} {following}"
        if regex.search(text):
            found.append(Evidence("heading" if heading else "text", number, _page(line_pages, number),
                                  text[:EXCERPT_CHARS]))
    return found


def _table_line(table: Table, line_pages: list[int] | None) -> int | None:
    if table.lines:
        return table.lines[0]
    if table.page and line_pages:
        return next((n for n, page in enumerate(line_pages, start=1) if page == table.page), None)
    return None


@dataclass
class ContentsCheck:
    """The report's contents lists read as a map: the entries looked for, and those the report lacks."""

    entries: list[ContentsEntry]  # those looked for (front matter aside)
    missing: list[ContentsEntry]

    def line(self, lang: str = "id") -> str:
        """One line for the Kelengkapan sheet and the notebook."""
        if not self.entries:
            return ("Daftar isi: tidak ada (atau tidak terbaca)" if lang == "id"
                    else "Contents list: none (or not readable)")
        n, found = len(self.entries), len(self.entries) - len(self.missing)
        return (f"Daftar isi: {found} dari {n} entri ditemukan sebagai judul atau tabel di laporan" if lang == "id"
                else f"Contents list: {found} of {n} entries found as a heading or table in the report")


def contents_check(contents: Contents, lines: list[str], tables: list[Table]) -> ContentsCheck:
    """Each contents entry looked for among the headings and table captions after the lists."""
    heading_lines = _Lines(lines, contents)
    headings = [(n + 1, lines[n]) for n in range(len(lines)) if heading_lines.heading_like(n)]
    return ContentsCheck(checked_entries(contents), unlisted(contents, headings, [t.caption for t in tables]))


@dataclass(frozen=True)
class Criterion:
    """One criterion of the Pelaporan Kinerja component, and the parts that answer it."""

    key: str
    text: dict[str, str]
    parts: tuple[str, ...]


# Paraphrased from the LKE of PermenPAN-RB 88/2021, component 3 (Pelaporan Kinerja), sub-component Kualitas.
CRITERIA: tuple[Criterion, ...] = (
    Criterion("PK-1", {"id": "Laporan Kinerja disusun sesuai format PermenPAN-RB 53/2014",
                       "en": "The report follows the PermenPAN-RB 53/2014 format"},
              ("ikhtisar", "bab1", "bab2", "bab3", "bab4", "lampiran")),
    Criterion("PK-2", {"id": "Menyajikan perbandingan realisasi dengan target tahunan",
                       "en": "Compares realisation with the annual target"}, ("bab3.1",)),
    Criterion("PK-3", {"id": "Menyajikan perbandingan realisasi dengan target jangka menengah",
                       "en": "Compares realisation with the medium-term target"}, ("bab3.3",)),
    Criterion("PK-4", {"id": "Menyajikan perbandingan realisasi dengan tahun-tahun sebelumnya",
                       "en": "Compares realisation with earlier years"}, ("bab3.2",)),
    Criterion("PK-5", {"id": "Menyajikan perbandingan dengan standar/realisasi nasional",
                       "en": "Compares with a national standard or benchmark"}, ("bab3.4",)),
    Criterion("PK-6", {"id": "Menyajikan analisis penyebab keberhasilan/kegagalan beserta upaya dan hambatannya",
                       "en": "Analyses causes of success/failure, with efforts and obstacles"}, ("bab3.5", "bab3.7")),
    Criterion("PK-7", {"id": "Menyajikan efisiensi penggunaan sumber daya",
                       "en": "Reports the efficiency of resource use"}, ("bab3.6",)),
    Criterion("PK-8", {"id": "Menyajikan realisasi anggaran yang mendukung kinerja",
                       "en": "Reports the budget realisation behind the performance"}, ("bab3.anggaran",)),
    Criterion("PK-9", {"id": "Menyajikan upaya perbaikan kinerja ke depan",
                       "en": "States the improvements planned"}, ("bab4.perbaikan",)),
)
ANSWERS = {"id": {FOUND: "Ya", PARTLY: "Sebagian", MISSING: "Tidak"},
           "en": {FOUND: "Yes", PARTLY: "Partly", MISSING: "No"}}


@dataclass
class SuggestedAnswer:
    criterion: Criterion
    answer: str  # found | partly | missing, shown with ANSWERS
    parts: list[ChecklistItem]  # the parts the answer rests on

    def because(self, lang: str = "id") -> list[str]:
        """Each part the answer rests on with its status, in the output's language ("Ikhtisar ...: ada")."""
        return [f"{item.name[lang]}: {STATUS_TEXT[lang][item.status]}" for item in self.parts]


def suggested_answers(items: list[ChecklistItem]) -> list[SuggestedAnswer]:
    """Yes when every part the criterion needs is found, No when none is there, else Partly."""
    by_key = {item.key: item for item in items}
    answers = []
    for criterion in CRITERIA:
        statuses = [by_key[k].status for k in criterion.parts]
        answer = (FOUND if all(s == FOUND for s in statuses)
                  else MISSING if all(s == MISSING for s in statuses) else PARTLY)
        answers.append(SuggestedAnswer(criterion, answer, [by_key[k] for k in criterion.parts]))
    return answers
