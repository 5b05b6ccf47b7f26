"""Consolidation of batches as a provincial office receives them: units written many ways,
folders of mixed files, odd catalogues' wording, exports and the command line."""

from __future__ import annotations

import io
from pathlib import Path

import appendixparse
from appendixparse.cli import main
from appendixparse.consolidation import load_catalogue

CATALOGUE = load_catalogue()
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
HEADER = "STT\tCác mục tiêu cụ thể đến năm 2025\tĐánh giá mức độ hoàn thành\tThực trạng/Giải pháp"


def appendix(
    unit_lines: list[str],
    statuses: dict[str, str] | None = None,
    *,
    period: str = "15/11/2021 đến 14/10/2023",
    targets: dict[str, str] | None = None,
    numerals: dict[str, str] | None = None,
) -> str:
    """A text appendix: ``unit_lines`` beside the motto, then every catalogue target (its
    text replaced from ``targets``, its section numeral from ``numerals``) with its status
    ("Đã thực hiện" unless ``statuses`` says otherwise; None leaves the target out)."""
    statuses = statuses or {}
    lines = [f"{unit}\t{MOTTO if i == 0 else ''}" for i, unit in enumerate(unit_lines)]
    lines += ["", "Phụ lục", f"(Số liệu đánh giá tính từ {period})", "", HEADER]
    section = None
    for target in CATALOGUE.targets:
        status = statuses.get(target.id, "Đã thực hiện")
        if status is None:
            continue
        if target.section != section:
            section = target.section
            numeral = (numerals or {}).get(section, section)
            lines.append(f"{numeral}\t{target.section_title}\t\t")
        text = (targets or {}).get(target.id, target.target)
        lines.append(f"{target.stt}\t{text}\t{status}\t")
    return "\n".join(lines) + "\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_one_unit_written_with_old_and_new_tone_marks_is_one_unit(tmp_path: Path):
    write(tmp_path, "a.txt", appendix(["UBND HUYỆN HƯỚNG HOÁ"]))
    write(tmp_path, "b.txt", appendix(["UBND huyện Hướng Hóa"], {"I.1": "Đang thực hiện"}))
    write(tmp_path, "c.txt", appendix(["UBND huyện Hướng Hóa"], {"I.2": "Đang thực hiện"}))
    result = appendixparse.consolidate([tmp_path], jobs=1)
    # The spelling two of the three reports use names the unit; one column, the later file.
    assert list(result.matrix.columns) == ["UBND huyện Hướng Hóa"]
    assert set(result.records["unit"]) == {"UBND huyện Hướng Hóa"}
    assert result.units == 1 == result.documents
    assert (result.flags["code"] == "duplicate_unit").sum() == 1
    assert [Path(s).name for s in result.duplicates["source"]] == ["a.txt", "b.txt"]
    assert result.matrix.at["I.2", "UBND huyện Hướng Hóa"] == "in_progress"  # c.txt's


def test_one_place_written_as_one_word_or_two_is_one_unit(tmp_path: Path):
    write(tmp_path, "a.txt", appendix(["UBND HUYỆN ĐAKRÔNG"], period="15/11/2021 đến 14/10/2023"))
    write(tmp_path, "b.txt", appendix(["UBND HUYỆN ĐA KRÔNG"], period="15/10/2023 đến 14/10/2024"))
    result = appendixparse.consolidate([tmp_path], jobs=1)
    assert result.units == 1
    assert set(result.records["unit"]) == {"UBND huyện Đa Krông"}  # a tie: the first sorted
    assert list(result.duplicates["period_end"]) == ["2023-10-14"]  # the later period wins


def test_district_bodies_named_by_level_alone_keep_their_district(tmp_path: Path):
    for district in ("GIO LINH", "CAM LỘ"):
        name = f"bchqs-{district.lower().replace(' ', '-')}.txt"
        write(tmp_path, name, appendix([f"UBND HUYỆN {district}", "BAN CHỈ HUY QUÂN SỰ HUYỆN"]))
    result = appendixparse.consolidate([tmp_path], jobs=1)
    assert list(result.matrix.columns) == [
        "Ban Chỉ huy quân sự huyện Cam Lộ",
        "Ban Chỉ huy quân sự huyện Gio Linh",
    ]
    assert "duplicate_unit" not in set(result.flags["code"])


def test_acronyms_in_a_unit_name_stay_in_capitals(tmp_path: Path):
    path = write(tmp_path, "vp.txt", appendix(["VĂN PHÒNG HĐND VÀ UBND TỈNH"]))
    assert appendixparse.parse(path).unit == "Văn phòng HĐND và UBND tỉnh"


def test_cli_output_in_a_missing_folder_fails_before_reading_anything(tmp_path: Path, capsys):
    write(tmp_path / "in", "a.txt", appendix(["UBND HUYỆN GIO LINH"]))
    write(tmp_path / "in", "cong-van.txt", "Kính gửi: Sở Nội vụ\nĐề nghị tổng hợp.\n")
    out = tmp_path / "chưa có" / "tổng hợp.xlsx"
    assert main(["consolidate", str(tmp_path / "in"), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not exist" in err and str(out.parent) in err
    assert "cong-van.txt" not in err  # the inputs were not read for nothing
    assert not out.parent.exists()


def _flagged_below_target(numerals: dict[str, str]) -> tuple[list, list]:
    text = appendix(["UBND HUYỆN GIO LINH"], numerals=numerals)
    ii2 = CATALOGUE.targets[CATALOGUE.find("II.2")].target
    text = text.replace(f"{ii2}\tĐã thực hiện\t", f"{ii2}\tĐã thực hiện\tĐạt 80% hồ sơ tiếp nhận")
    report = appendixparse.parse(io.BytesIO(text.encode()))
    result = appendixparse.consolidate([report])
    below = result.flags[result.flags["code"] == "completed_below_target"]
    flagged = result.records[result.records["flags"].str.contains("completed_below_target")]
    return list(zip(below["id"], below["row_id"], strict=True)), list(flagged["id"])


def test_flags_of_a_table_whose_ids_repeat_stay_with_their_own_target():
    # Two sections both numbered "I": their rows' ids repeat ("I.2" twice).
    numerals = dict.fromkeys(["I", "II", "III", "IV", "V", "VI"], "I")
    below, flagged = _flagged_below_target(numerals)
    assert below == [("II.2", "I.2")]
    assert flagged == ["II.2"]  # not VI.2, the last row numbered "I.2"


def test_sections_lettered_in_capitals_give_their_rows_distinct_ids():
    letters = dict(zip(["I", "II", "III", "IV", "V", "VI"], "ABCDĐE", strict=True))
    below, flagged = _flagged_below_target(letters)
    assert below == [("II.2", "B.2")]
    assert flagged == ["II.2"]


def test_cli_parse_csv_and_table_say_what_the_records_left_out(tmp_path: Path, capsys):
    path = write(
        tmp_path,
        "lạ.txt",
        "Phụ lục\nSTT\tMục tiêu\tĐánh giá\tGhi chú\nI\tCẢI CÁCH THỂ CHẾ\t\t\n"
        "1\tBan hành văn bản\tĐã thực hiện\t\nx7\tDòng lạ\tĐang thực hiện\t\n"
        "2\tRà soát văn bản\tĐang thực hiện\t\n",
    )
    for output in ("csv", "table"):
        assert main(["parse", str(path), "--format", output]) == 0
        out, err = capsys.readouterr()
        assert "Rà soát văn bản" in out and "Dòng lạ" not in out
        assert err.count("\n") == 1 and "line 5" in err and "x7 Dòng lạ" in err
    assert main(["parse", str(path)]) == 0
    assert capsys.readouterr().err == ""  # the JSON holds them in "unparsed"


def test_cli_a_folder_without_documents_says_so(tmp_path: Path, capsys):
    folder = tmp_path / "báo cáo"
    write(folder, "Thumbs.db", "x")
    write(folder, "~$bao-cao.docx", "x")
    write(folder, "ghi chú.odt", "x")
    assert main(["consolidate", str(folder), "-o", str(tmp_path / "th.xlsx")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no document" in err and str(folder) in err
    assert not (tmp_path / "th.xlsx").exists()


def test_reports_dated_only_by_their_end_are_two_periods_the_later_kept(tmp_path: Path):
    for end in ("14/10/2023", "30/9/2024"):
        text = appendix(["UBND HUYỆN GIO LINH"]).replace(
            "(Số liệu đánh giá tính từ 15/11/2021 đến 14/10/2023)",
            f"(Số liệu tính đến hết ngày {end})",
        )
        write(tmp_path, f"gio-linh-{end.replace('/', '-')}.txt", text)
    result = appendixparse.consolidate([tmp_path], jobs=1)
    # Two periods (read from their end dates alone): the later one is the unit's column.
    assert list(result.matrix.columns) == ["UBND huyện Gio Linh"]
    assert list(result.duplicates["period_end"]) == ["2023-10-14"]
    report = appendixparse.parse(tmp_path / "gio-linh-30-9-2024.txt")
    assert report.title == "Phụ lục"  # the period line is not part of the title


def ticked_form(header: str, *, stt_column: bool, above: str = "") -> bytes:
    """A commune's form with one column per status, one-line header, odd STTs ticked done."""
    lines = [
        "UBND XÃ CAM HIẾU\t" + MOTTO,
        "",
        "Phụ lục",
        "(Số liệu tính từ 15/11/2021 đến 14/10/2023)",
    ]
    lines += [above, header]
    section = None
    for target in CATALOGUE.targets:
        if target.section != section:
            section = target.section
            gap = "\t" if stt_column else ". "
            lines.append(f"{section}{gap}{target.section_title}\t\t\t\t")
        ticks = "x\t\t" if int(target.stt) % 2 else "\tx\t"
        number = f"{target.stt}\t" if stt_column else f"{target.stt}. "
        lines.append(f"{number}{target.target}\t{ticks}\t")
    return "\n".join(lines).encode()


def test_ticked_forms_with_a_one_line_header_are_read_and_aligned():
    expected = {t.id: "completed" if int(t.stt) % 2 else "in_progress" for t in CATALOGUE.targets}
    header = "Nội dung chỉ tiêu\tHoàn thành\tĐang thực hiện\tChưa thực hiện\tGhi chú"
    forms = [
        ticked_form("STT\t" + header, stt_column=True),
        ticked_form(header, stt_column=False),
        # A table of declared counts just above (the text reader sees one table)
        ticked_form(
            "STT\t" + header,
            stt_column=True,
            above="Tổng số chỉ tiêu\tĐã hoàn thành\tĐang thực hiện\n35\t18\t17\n",
        ),
    ]
    for form in forms:
        report = appendixparse.parse(io.BytesIO(form))
        result = appendixparse.consolidate([report])
        assert dict(zip(result.records["id"], result.records["status"], strict=True)) == expected
    assert report.summary is not None and report.summary.completed == 18
