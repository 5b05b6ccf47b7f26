"""Consolidation: the golden matrix, alignment, the batch, the exports and the CLI command."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import shutil
import signal
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

import appendixparse
from appendixparse import InputNotFoundError, parse
from appendixparse.cli import main
from appendixparse.consolidation import (
    Catalogue,
    CatalogueError,
    batch,
    consolidate,
    export,
    find_documents,
    load_catalogue,
)
from appendixparse.consolidation.align import align
from appendixparse.consolidation.labels import SHEET_NAMES, STATUS_COLOURS
from appendixparse.consolidation.labels import STATUS_LABELS as LABELS
from appendixparse.consolidation.progress import Progress
from appendixparse.consolidation.value import measuring_value
from appendixparse.models import Record

from conftest import GOLDEN, REAL_TEXT, SAMPLES
from golden import assert_golden, load_golden

FOLDER = SAMPLES / "consolidate"
UNIT_SAMPLES = sorted(p for p in FOLDER.iterdir() if (GOLDEN / f"{p.name}.json").exists())
TEXT_SAMPLES = [p for p in UNIT_SAMPLES if p.suffix == ".txt"]
EXPECTED = load_golden(GOLDEN / "consolidate-matrix.json")
OWN_CODES = {"unmatched_row", "missing_target", "duplicate_unit"}


@pytest.fixture(scope="module")
def result() -> appendixparse.consolidation.Consolidation:
    return consolidate(FOLDER, jobs=1)


def own_flags(result) -> list[list[str | None]]:
    """The consolidation's own flags as the golden file writes them: [label, code, target id]."""
    rows = result.flags[result.flags["code"].isin(OWN_CODES)]
    found = [[r.unit_label, r.code, None if pd.isna(r.id) else r.id] for r in rows.itertuples()]
    columns = list(result.matrix.columns)
    return sorted(found, key=lambda f: (columns.index(f[0]), f[1], f[2] or ""))


# --- samples and catalogue -------------------------------------------------------------------


def test_the_samples_are_ten_units_and_a_cover_letter():
    assert len(UNIT_SAMPLES) == 10
    assert (FOLDER / EXPECTED["errors"][0]).exists()


@pytest.mark.parametrize("sample", UNIT_SAMPLES, ids=lambda p: p.name)
def test_each_sample_parses_to_its_golden_report(sample: Path):
    assert_golden(parse(sample), load_golden(GOLDEN / f"{sample.name}.json"))


def test_shipped_catalogue_is_the_real_appendix():
    from generate.consolidate_samples import catalogue_rows

    catalogue = load_catalogue()
    assert len(catalogue) == 35
    assert [_target(t) for t in catalogue.targets] == catalogue_rows()


def _target(t) -> dict[str, str | None]:
    return {k: getattr(t, k) for k in ("id", "section", "section_title", "stt", "target")}


# --- the golden matrix -----------------------------------------------------------------------


def test_golden_matrix(result):
    assert list(result.matrix.columns) == EXPECTED["units"]
    assert list(result.matrix.index) == list(EXPECTED["matrix"])
    got = {
        i: {u: result.matrix.at[i, u] for u in result.matrix.columns} for i in result.matrix.index
    }
    assert got == EXPECTED["matrix"]
    assert own_flags(result) == EXPECTED["flags"]
    assert [Path(s).name for s in result.errors["source"]] == EXPECTED["errors"]
    assert result.units == 9 and result.documents == 9  # a unit sent twice counts once


def test_records_columns_and_missing_rows(result):
    for column in (
        "unit",
        "period_start",
        "period_end",
        "id",
        "section",
        "stt",
        "target",
        "status",
        "status_raw",
        "value",
        "figures",
        "notes",
        "flags",
        "source",
        "location",
    ):
        assert column in result.records.columns, column
    assert len(result.records) == 9 * 35
    missing = result.records[result.records["status"] == "missing"]
    assert list(zip(missing["unit"], missing["id"], strict=True)) == [
        ("UBND huyện Hải Lăng", "II.7")
    ]
    assert missing.iloc[0]["flags"] == "missing_target"
    row = result.records[
        (result.records["unit"] == "UBND huyện Triệu Phong") & (result.records["id"] == "IV.2")
    ].iloc[0]
    assert row["row_id"] == "IV.21"  # numbered 21 in its table, aligned to the catalogue's IV.2
    location = json.loads(row["location"])  # an .xlsx sample: sheet and row
    assert location["sheet"] == "Phụ lục" and location["row"] > 20
    assert str(row["period_start"].date()) == "2021-11-15"  # dates are datetime64 (typed frames)
    assert str(row["period_end"].date()) == "2023-10-14"


def test_typos_and_reordered_rows_align_by_text(result):
    records = result.records.set_index(["unit", "id"])
    typo = records.loc[("UBND huyện Đakrông", "II.9")]
    assert "dúng hạn" in typo["row_target"] and typo["match_score"] >= 85
    moved = records.loc[("Sở Thông tin và Truyền thông", "VI.3")]
    assert moved["row_id"] == "VI.1"  # listed first in its section VI


def test_by_target_and_by_unit(result):
    by_target = result.by_target.set_index("id")
    ii7 = by_target.loc["II.7"]
    assert ii7["missing"] == 1 and ii7["units"] == 9  # "Số đơn vị": distinct units
    assert (
        ii7[
            ["completed", "in_progress", "not_started", "not_applicable", "unknown", "missing"]
        ].sum()
        == 9
    )
    expected = 100 * ii7["completed"] / (9 - ii7["not_applicable"] - 1)
    assert ii7["completion_rate"] == pytest.approx(round(expected, 1))
    by_unit = result.by_unit.set_index("unit_label")
    assert by_unit.loc["UBND huyện Vĩnh Linh", "unmatched_rows"] == 2
    commune = by_unit.loc["UBND xã Gio Mỹ"]
    assert commune["not_applicable"] == 10 and commune["not_started"] == 2
    assert commune["declared_not_started"] == 2


def test_real_appendix_aligns_to_its_own_catalogue_exactly():
    result = consolidate(REAL_TEXT)
    assert result.units == 1
    assert (result.records["match_score"] == 100).all()
    assert result.records["row_id"].tolist() == result.records["id"].tolist()
    assert result.by_unit.iloc[0]["unit"] == "appendix-quang-tri-district-2023"  # file name
    assert result.by_unit.iloc[0]["unit_from"] == "file name"
    counts = result.records["status"].value_counts().to_dict()
    counts = {status: n for status, n in counts.items() if n}  # a categorical counts every status
    assert counts == {"in_progress": 23, "completed": 10, "not_applicable": 2}
    assert not set(result.flags["code"]) & OWN_CODES
    flagged = result.flags.dropna(subset=["id"])  # the report's own flags, on catalogue ids
    assert (flagged["id"] == flagged["row_id"]).all() and len(flagged) > 0
    codes = result.records.set_index("id")["flags"]
    assert all(code in codes[row.id] for row in flagged.itertuples() for code in [row.code])


def test_order_does_not_depend_on_inputs_or_workers(result):
    files = sorted(FOLDER.iterdir(), reverse=True)
    parallel = consolidate([str(f) for f in files], jobs=2)
    pd.testing.assert_frame_equal(parallel.records, result.records)
    pd.testing.assert_frame_equal(parallel.matrix, result.matrix)
    pd.testing.assert_frame_equal(parallel.flags, result.flags)


# --- alignment -------------------------------------------------------------------------------


def _records(rows: list[tuple[str, str, str]]) -> list[Record]:
    return [
        Record(
            id=f"{s}.{n}",
            section=s,
            section_title=None,
            stt=n,
            target=t,
            status_raw="Đạt",
            status="completed",
            notes="",
        )
        for s, n, t in rows
    ]


def test_align_shuffled_dropped_and_extra_rows():
    catalogue = load_catalogue()
    section = [t for t in catalogue.targets if t.section == "VI"]
    rows = [("VI", str(n), t.target) for n, t in enumerate(reversed(section[1:]), start=1)]
    rows.append(("VI", "8", "Tổ chức hội thi tìm hiểu về cải cách hành chính cho học sinh"))
    alignment = align(_records(rows), catalogue)
    matched = {catalogue.targets[p].id: r for p, (r, _) in alignment.matches.items()}
    assert {k: rows[v][2] for k, v in matched.items()} == {t.id: t.target for t in section[1:]}
    assert [i for i, _, _ in alignment.unmatched] == [7]


def test_align_rows_under_another_section_and_without_sections():
    catalogue = load_catalogue()
    target = next(t for t in catalogue.targets if t.id == "IV.4")
    misplaced = align(_records([("V", "4", target.target)]), catalogue)
    assert {catalogue.targets[p].id for p in misplaced.matches} == {"IV.4"}
    flat = [
        Record(id="1", stt="1", target=target.target, status_raw="", status="unknown", notes="")
    ]
    assert {catalogue.targets[p].id for p in align(flat, catalogue).matches} == {"IV.4"}


def test_shortened_target_wording_still_aligns():
    catalogue = load_catalogue()
    short = _records([("I", "1", "100% văn bản quy phạm pháp luật được ban hành đúng pháp luật")])
    assert {catalogue.targets[p].id for p in align(short, catalogue).matches} == {"I.1"}


# --- catalogues ------------------------------------------------------------------------------


def test_user_catalogue_csv_and_json(tmp_path: Path):
    rows = [
        {"id": "A.1", "section": "", "target": "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 99%"},
        {"id": "II.2", "section": "", "target": "Mức độ hài lòng của người dân đạt 90%"},
    ]
    csv_path = tmp_path / "danh-muc.csv"
    with csv_path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["id", "section", "target"])
        writer.writeheader()
        writer.writerows(rows)
    json_path = tmp_path / "danh-muc.json"
    json_path.write_text(json.dumps({"targets": rows}, ensure_ascii=False), encoding="utf-8")
    for path in (csv_path, json_path):
        catalogue = load_catalogue(path)
        assert [(t.id, t.section, t.stt) for t in catalogue.targets] == [
            ("A.1", None, "A.1"),
            ("II.2", "II", "2"),
        ]
    result = consolidate(REAL_TEXT, catalogue=csv_path)
    assert list(result.matrix.index) == ["A.1", "II.2"]
    assert result.matrix.loc["A.1"].iloc[0] == "in_progress"  # the real II.9 (99%)
    assert (result.flags["code"] == "unmatched_row").sum() == 33


@pytest.mark.parametrize(
    ("content", "suffix", "reason"),
    [
        ("id,section\nI.1,I\n", ".csv", "no target column"),
        ("id,target\nI.1,a\nI.1,b\n", ".csv", "appears twice"),
        ("{not json", ".json", "not valid JSON"),
        ("id,target\n", ".csv", "holds no target"),
        ("x", ".yaml", "a .csv or .json file"),
    ],
)
def test_bad_catalogues_name_the_problem(tmp_path: Path, content: str, suffix: str, reason: str):
    path = tmp_path / f"danh-muc{suffix}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CatalogueError, match=reason):
        load_catalogue(path)


def test_catalogue_from_frame_and_object():
    frame = load_catalogue().frame()
    catalogue = load_catalogue(frame)
    assert isinstance(catalogue, Catalogue) and len(catalogue) == 35
    assert load_catalogue(catalogue) is catalogue


# --- reports, duplicates, periods ------------------------------------------------------------


def test_reports_as_input_and_periods_of_one_unit():
    import datetime as dt

    report = parse(FOLDER / "huyen-huong-hoa.txt")
    later = report.model_copy(deep=True)
    later.period.start, later.period.end = dt.date(2023, 10, 15), dt.date(2024, 10, 14)
    result = appendixparse.consolidate([later, report])
    # One unit, one column: the later period wins, the other is listed, never counted twice.
    assert list(result.matrix.columns) == ["UBND huyện Hướng Hóa"]
    assert str(result.by_unit.iloc[0]["period_end"]) == "2024-10-14"
    assert list(result.duplicates["period_end"]) == ["2023-10-14"]
    assert list(result.flags["code"]).count("duplicate_unit") == 1
    assert result.units == 1 and result.documents == 1


def test_same_unit_twice_is_one_unit_the_later_file_kept(result):
    duplicates = result.flags[result.flags["code"] == "duplicate_unit"]
    assert list(duplicates["unit_label"]) == ["UBND huyện Hướng Hóa"]
    evidence = json.loads(duplicates.iloc[0]["evidence"])
    assert [Path(s).name for s in evidence["sources"]] == [
        "huyen-huong-hoa-lan-2.txt",
        "huyen-huong-hoa.txt",
    ]
    assert [Path(s).name for s in result.duplicates["source"]] == ["huyen-huong-hoa.txt"]
    assert [Path(s).name for s in result.duplicates["kept"]] == ["huyen-huong-hoa-lan-2.txt"]
    kept = result.matrix["UBND huyện Hướng Hóa"]
    assert kept["I.1"] == "completed" and kept["VI.6"] == "completed"  # the second copy's


def test_consolidate_rejects_what_is_not_a_path_or_report():
    with pytest.raises(TypeError, match="paths, folders and Reports"):
        consolidate([b"bytes"])


def test_value_is_the_figure_the_checks_say_measures_the_target():
    records = {r.id: r for r in parse(REAL_TEXT).records}
    # "2021, 2022 … 100% … Năm 2023, đã thực hiện 80%": the latest year counts.
    assert measuring_value(records["I.2"], end_year=2023) == 80.0
    assert measuring_value(records["I.3"], end_year=2023) == 90.0  # "09/10 văn bản"
    assert measuring_value(records["II.1"], end_year=2023) is None  # no figure measures it
    result = consolidate(REAL_TEXT)
    values = result.records.set_index("id")["value"]
    assert values["I.2"] == 80.0 and values.notna().sum() >= 10


# --- the batch: unreadable, slow and crashing files ------------------------------------------


def _copy_samples(folder: Path, samples: list[Path] = UNIT_SAMPLES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for sample in samples:
        shutil.copy(sample, folder / sample.name)
    return folder


@pytest.fixture(scope="module")
def text_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The text samples alone (six documents): quick to parse again and again."""
    return _copy_samples(tmp_path_factory.mktemp("text"), TEXT_SAMPLES)


def test_corrupt_files_land_in_errors_and_the_rest_is_consolidated(tmp_path: Path):
    folder = _copy_samples(tmp_path / "bao-cao")
    (folder / "hong.docx").write_bytes(b"PK\x03\x04 truncated")
    (folder / "rong.pdf").write_bytes(b"")
    (folder / "anh.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (folder / "ghi-chu.md").write_text("không phải tài liệu", encoding="utf-8")  # not searched
    (folder / "~$huyen-huong-hoa.docx").write_bytes(b"lock")  # an Office lock file: skipped
    with pytest.raises(InputNotFoundError, match=r"khong-co\.docx"):  # before any work
        consolidate([folder, tmp_path / "khong-co.docx"], jobs=2)
    result = consolidate([folder], jobs=2)
    assert result.documents == 9
    errors = dict(
        zip((Path(s).name for s in result.errors["source"]), result.errors["reason"], strict=True)
    )
    assert sorted(errors) == ["anh.pdf", "hong.docx", "rong.pdf"]
    assert "damaged" in errors["hong.docx"] and "empty" in errors["rong.pdf"]
    out = tmp_path / "tong-hop.xlsx"
    export(result, out)
    sheet = load_workbook(out, read_only=True)["Lỗi đọc tệp"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert {Path(row[0]).name: row[2] for row in rows} == errors  # the reason as given
    kinds = {Path(row[0]).name: row[1] for row in rows}  # the kind of error, in Vietnamese
    assert kinds["hong.docx"] == "Tệp hỏng hoặc không đọc được"


def test_find_documents_skips_hidden_and_dedupes(tmp_path: Path):
    folder = _copy_samples(tmp_path / "a")
    (folder / ".hidden").mkdir()
    shutil.copy(UNIT_SAMPLES[0], folder / ".hidden" / "x.txt")
    files, missing = find_documents(
        [folder, folder / UNIT_SAMPLES[0].name], exclude=[folder / UNIT_SAMPLES[1].name]
    )
    assert len(files) == 9 and not missing
    assert not any(".hidden" in f for f in files)


def _slow_parse(path, *args, **kwargs):
    if "hai-lang" in str(path):
        time.sleep(30)
    return parse(path)


def test_a_slow_document_is_stopped_by_the_time_limit(monkeypatch, text_folder: Path):
    monkeypatch.setattr(batch, "parse", _slow_parse)
    started = time.monotonic()
    result = consolidate(text_folder, jobs=1, time_limit=0.5)
    assert time.monotonic() - started < 20
    timed_out = result.errors[result.errors["error"] == "TimeLimitError"]
    assert [Path(s).name for s in timed_out["source"]] == ["huyen-hai-lang.txt"]
    assert result.documents == 4  # of 5 read, two are one unit's


fork_only = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="workers must inherit the patch"
)


def _crashing_parse(path, *args, **kwargs):
    if "vinh-linh" in str(path):
        os._exit(3)  # as a segfault or the out-of-memory killer would end the worker
    return parse(path)


@fork_only
def test_a_file_that_kills_its_worker_is_recorded_and_the_rest_goes_on(
    monkeypatch, text_folder: Path
):
    monkeypatch.setattr(batch, "parse", _crashing_parse)
    result = consolidate(text_folder, jobs=2)
    crashed = result.errors[result.errors["error"] == "WorkerCrashError"]
    assert [Path(s).name for s in crashed["source"]] == ["huyen-vinh-linh.txt"]
    assert result.documents == 4  # of 5 read, two are one unit's


def _stuck_parse(path, *args, **kwargs):
    if "dong-ha" in str(path):
        signal.signal(signal.SIGALRM, signal.SIG_IGN)  # as a reader stuck inside C code
        time.sleep(60)
    return parse(path)


@fork_only
def test_a_worker_deaf_to_the_alarm_is_killed(monkeypatch, text_folder: Path):
    monkeypatch.setattr(batch, "parse", _stuck_parse)
    monkeypatch.setattr(batch, "_HARD_GRACE", 0.5)
    started = time.monotonic()
    result = consolidate(text_folder, jobs=2, time_limit=0.5)
    assert time.monotonic() - started < 30
    stuck = result.errors[result.errors["error"] == "TimeLimitError"]
    assert [Path(s).name for s in stuck["source"]] == ["thanh-pho-dong-ha.txt"]
    assert result.documents == 4  # of 5 read, two are one unit's


def test_progress_bar_draws_only_when_enabled():
    stream = io.StringIO()
    with Progress(3, stream=stream) as bar:
        for failed in (False, True, False):
            bar.advance(failed=failed)
    assert "reading 3/3 files" in stream.getvalue() and "1 unreadable" in stream.getvalue()
    assert stream.getvalue().endswith("\n")
    quiet = io.StringIO()
    with Progress(3, enabled=False, stream=quiet) as bar:
        bar.advance()
    assert quiet.getvalue() == ""


# --- exports ---------------------------------------------------------------------------------


def test_workbook_has_every_sheet_with_the_right_rows(result, tmp_path: Path):
    out = export(result, tmp_path / "tong-hop.xlsx")
    book = load_workbook(out)
    assert book.sheetnames == [
        "Tổng hợp", "Chi tiết", "Theo chỉ tiêu", "Theo đơn vị", "Cảnh báo", "Thông tin",
        "Báo cáo trùng", "Lỗi đọc tệp",
    ] == [SHEET_NAMES["vi"][k] for k in (
        "matrix", "detail", "targets", "units", "flags", "notes", "duplicates", "errors"
    )]  # fmt: skip
    shown = (result.flags["severity"] != "info").sum()
    expected_rows = {
        "Tổng hợp": 35, "Chi tiết": 35 * 9, "Theo chỉ tiêu": 35, "Theo đơn vị": 9,
        "Cảnh báo": shown, "Thông tin": len(result.flags) - shown, "Lỗi đọc tệp": 1,
    }  # fmt: skip
    for name, rows in expected_rows.items():
        sheet = book[name]
        if name != "Tổng hợp":  # below its table: totals per status, the rate, the legend
            assert sheet.max_row == rows + 1, name
        assert sheet.freeze_panes in ("A2", "B2", "D2", "H2"), name
        assert sheet.auto_filter.ref.endswith(str(rows + 1)), name
        assert all(sheet.cell(1, c).value for c in range(1, sheet.max_column + 1)), name
    matrix = book["Tổng hợp"]
    header = [c.value for c in matrix[1]]
    assert header[:3] == ["Mã chỉ tiêu", "Phần", "Chỉ tiêu"] and header[3:] == EXPECTED["units"]
    ii7 = next(r for r in matrix.iter_rows(min_row=2) if r[0].value == "II.7")
    hai_lang = ii7[header.index("UBND huyện Hải Lăng")]
    assert hai_lang.value == LABELS["vi"]["missing"]
    assert hai_lang.fill.fgColor.rgb.endswith(STATUS_COLOURS["missing"][0])
    for row in matrix.iter_rows(min_row=2, max_row=36):
        target_id = row[0].value
        for label, cell in zip(header[3:], row[3:], strict=True):
            assert cell.value == LABELS["vi"][EXPECTED["matrix"][target_id][label]]
    detail = [c.value for c in book["Chi tiết"][1]]
    assert {
        "Đơn vị",
        "Mã chỉ tiêu",
        "Chỉ tiêu",
        "Mức độ hoàn thành",
        "Thực trạng/Giải pháp",
        "Tệp",
    } <= set(detail)
    assert book["Chi tiết"].column_dimensions["G"].width >= 40  # the target column
    shown = [
        row[1]
        for s in ("Cảnh báo", "Thông tin")
        for row in book[s].iter_rows(min_row=2, values_only=True)
    ]
    assert len(shown) == len(result.flags)
    assert "not_measurable" not in shown  # Vietnamese labels, not codes


def test_workbook_cells_are_never_formulas(result, tmp_path: Path):
    tricky = result.records.copy()
    tricky.loc[0, "notes"] = '=HYPERLINK("http://x")\x07'
    doctored = type(result)(**{**result.__dict__, "records": tricky})
    out = export(doctored, tmp_path / "x.xlsx")
    cell = load_workbook(out)["Chi tiết"]["K2"]
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s"


def test_workbook_drops_what_xml_cannot_hold(result, tmp_path: Path):
    # U+FFFE and U+FFFF were once written as character references Excel refuses; they go
    # like the control characters do.
    tricky = result.records.copy()
    tricky.loc[0, "notes"] = "đạt\ufffe 100%\uffff\x01"
    doctored = type(result)(**{**result.__dict__, "records": tricky})
    out = export(doctored, tmp_path / "x.xlsx")
    with zipfile.ZipFile(out) as archive:
        assert b"&#6553" not in archive.read("xl/worksheets/sheet2.xml")
    assert load_workbook(out)["Chi tiết"]["K2"].value == "đạt 100%"


def test_csv_parquet_json_exports_hold_the_records(result, tmp_path: Path):
    csv_out = export(result, tmp_path / "tong-hop.csv")
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbfunit,")
    back = pd.read_csv(csv_out, encoding="utf-8-sig", keep_default_na=False)
    assert len(back) == 315 and back.loc[0, "unit"] == result.records.loc[0, "unit"]
    for sibling, rows in (("flags", len(result.flags)), ("units", 9), ("errors", 1)):
        table = pd.read_csv(tmp_path / f"tong-hop.{sibling}.csv", encoding="utf-8-sig")
        assert len(table) == rows, sibling
    parquet = pd.read_parquet(export(result, tmp_path / "tong-hop.parquet"))
    pd.testing.assert_frame_equal(parquet, result.records, check_dtype=False)
    assert len(pd.read_parquet(tmp_path / "tong-hop.flags.parquet")) == len(result.flags)
    document = json.loads(export(result, tmp_path / "tong-hop.json").read_text(encoding="utf-8"))
    assert set(document) == {"records", "flags", "units", "errors", "duplicates"}
    rows = document["records"]
    assert len(rows) == 315 and rows[0]["unit"] == "Sở Thông tin và Truyền thông"
    assert len(document["flags"]) == len(result.flags) and len(document["errors"]) == 1
    missing = next(r for r in rows if r["status"] == "missing")
    assert missing["value"] is None and missing["status_raw"] is None
    with pytest.raises(ValueError, match="must end in"):
        export(result, tmp_path / "x.ods")


# --- the command line ------------------------------------------------------------------------


def test_cli_consolidate_samples_folder(tmp_path: Path, capsys):
    out = tmp_path / "tong-hop.xlsx"
    assert main(["consolidate", str(SAMPLES), "-o", str(out), "--jobs", "2"]) == 0
    captured = capsys.readouterr()
    assert "cong-van-gui-kem.txt" in captured.err and "→" in captured.out
    book = load_workbook(out, read_only=True)
    units = [c.value for c in next(book["Tổng hợp"].iter_rows(max_row=1))][3:]
    assert set(EXPECTED["units"]) <= set(units)
    assert "appendix-quang-tri-district-2023" in units


def test_cli_output_in_an_input_folder_is_not_read_back(tmp_path: Path, capsys):
    folder = _copy_samples(tmp_path / "bao-cao", TEXT_SAMPLES)
    out = folder / "tong-hop.xlsx"
    for _ in range(2):
        assert main(["consolidate", str(folder), "-o", str(out), "--no-progress"]) == 0
    assert "5 document(s)" in capsys.readouterr().out  # six files, one unit sent twice


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".json"])
def test_cli_other_formats(tmp_path: Path, suffix: str, text_folder: Path):
    out = tmp_path / f"tong-hop{suffix}"
    assert main(["consolidate", str(text_folder), "-o", str(out), "--jobs", "1"]) == 0
    assert out.stat().st_size > 1000


def test_cli_exit_2_when_nothing_could_be_read(tmp_path: Path, capsys):
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    out = tmp_path / "tong-hop.xlsx"
    assert main(["consolidate", str(bad), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "no input could be read" in err and "hong.docx" in err
    assert not out.exists()


def test_cli_exit_2_when_output_cannot_be_written(tmp_path: Path, capsys):
    out = tmp_path / "khong-co" / "tong-hop.xlsx"
    assert main(["consolidate", str(FOLDER / "huyen-hai-lang.txt"), "-o", str(out)]) == 2
    assert "cannot be written" in capsys.readouterr().err
    assert main(["consolidate", str(FOLDER), "-o", str(tmp_path / "x.ods")]) == 2


def test_cli_bad_catalogue_is_one_line(tmp_path: Path, capsys):
    catalogue = tmp_path / "danh-muc.csv"
    catalogue.write_text("id,section\nI.1,I\n", encoding="utf-8")
    code = main(
        ["consolidate", str(FOLDER), "-o", str(tmp_path / "x.xlsx"), "--catalogue", str(catalogue)]
    )
    assert code == 2
    assert capsys.readouterr().err.strip().endswith("the catalogue has no target column")


def test_package_function_survives_importing_the_package():
    import appendixparse.consolidation

    assert callable(appendixparse.consolidate)
    assert appendixparse.consolidate(REAL_TEXT).documents == 1


# --- a shared-module fix this work needed ----------------------------------------------------


def test_body_rows_holding_header_words_are_kept():
    """Regression: a row whose target says "kết quả" and notes say "nhiệm vụ" was dropped as
    a repeated header (layout.header_roles)."""
    text = (
        "STT\tMục tiêu\tĐánh giá\tKết quả\n"
        "I\tCẢI CÁCH THỂ CHẾ\t\t\n"
        "1\tCông khai kết quả giải quyết hồ sơ\tĐang thực hiện\tĐạt 3/4 nhiệm vụ\n"
    )
    assert [r.id for r in parse(text.encode()).records] == ["I.1"]


def test_map_reduce_over_report_json_gives_the_same_dataset(text_folder: Path):
    """docs/consolidation.md: parse anywhere (bytes in, JSON out), consolidate the JSON later."""
    from appendixparse import Report

    reports = []
    for path in sorted(text_folder.iterdir(), reverse=True):
        buffer = io.BytesIO(path.read_bytes())
        buffer.name = str(path)  # names the file in the report and in error messages
        reports.append(Report.model_validate_json(parse(buffer).model_dump_json()))
    from_json = consolidate(reports)
    from_files = consolidate(text_folder, jobs=1)
    pd.testing.assert_frame_equal(from_json.records, from_files.records)
    pd.testing.assert_frame_equal(from_json.flags, from_files.flags)


def test_cli_ctrl_c_is_one_line_and_writes_nothing(tmp_path: Path, monkeypatch, capsys):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(appendixparse.consolidation, "consolidate", interrupted)
    out = tmp_path / "tong-hop.xlsx"
    assert main(["consolidate", str(FOLDER), "-o", str(out)]) == 130
    assert capsys.readouterr().err.strip() == "appendixparse: interrupted; nothing written"
    assert not out.exists()


def test_output_gets_the_usual_permissions(tmp_path: Path) -> None:
    import os

    from appendixparse.consolidation import export

    result = consolidate([SAMPLES / "consolidate" / "huyen-huong-hoa.txt"], jobs=1)
    out = export(result, tmp_path / "tong-hop.csv")
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
