"""The HTML report: one self-contained file (styles and script inline, no request leaves it)
that opens from a USB stick on an office PC — the units × targets heat map, the per-unit
summary with a bar chart of completion, and the flags with their evidence, filterable by unit
and severity."""

from __future__ import annotations

import html
import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .labels import (
    CODE_LABELS,
    HEADINGS,
    SEVERITY_LABELS,
    SHEET_NAMES,
    STATUS_COLOURS,
    STATUS_LABELS,
    TEXTS,
    Lang,
)

if TYPE_CHECKING:
    from .frames import Consolidation

__all__ = ["render_html", "write_html"]

_SEVERITIES = ("error", "warning", "info")

_STYLE = """
body{font-family:"Segoe UI",Arial,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}
table{border-collapse:collapse;font-size:.85em}
th,td{border:1px solid #bbb;padding:3px 6px;vertical-align:top}
th{background:#ddebf7;position:sticky;top:0}
.heat td.s{text-align:center;min-width:5em}
.heat td.t{max-width:32em}
td.flag-error{outline:3px solid #c00000;outline-offset:-3px}
td.flag-warning{outline:3px solid #ed7d31;outline-offset:-3px}
.bar{background:#70ad47;height:1em;display:inline-block}
.filters{margin:1em 0;display:flex;gap:1em}
.sev-error td.sev{background:#ffc7ce}.sev-warning td.sev{background:#ffeb9c}
.sev-info td.sev{background:#ddebf7}
pre{white-space:pre-wrap;margin:0;font-size:.9em}
.hidden{display:none}
"""

_SCRIPT = """
function applyFilters(){
  var unit=document.getElementById('unit-filter').value;
  var sev=document.getElementById('severity-filter').value;
  document.querySelectorAll('#flags tbody tr').forEach(function(tr){
    var ok=(!unit||tr.dataset.unit===unit)&&(!sev||tr.dataset.severity===sev);
    tr.classList.toggle('hidden',!ok);
  });
  document.querySelectorAll('[data-unit-column]').forEach(function(c){
    c.classList.toggle('hidden',!!unit&&c.dataset.unitColumn!==unit);
  });
  document.querySelectorAll('#units tbody tr').forEach(function(tr){
    tr.classList.toggle('hidden',!!unit&&tr.dataset.unit!==unit);
  });
}
document.getElementById('unit-filter').addEventListener('change',applyFilters);
document.getElementById('severity-filter').addEventListener('change',applyFilters);
"""


def write_html(result: Consolidation, path: Path, lang: Lang = "vi") -> None:
    """Write the report of ``result`` to ``path``."""
    path.write_text(render_html(result, lang), encoding="utf-8")


def _e(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    try:
        if value != value:  # pandas NA and NaT
            return ""
    except TypeError:
        return ""
    return html.escape(str(value))


def render_html(result: Consolidation, lang: Lang = "vi") -> str:
    """The whole report as one HTML document."""
    texts, headings, statuses = TEXTS[lang], HEADINGS[lang], STATUS_LABELS[lang]
    severities, codes, names = SEVERITY_LABELS[lang], CODE_LABELS[lang], SHEET_NAMES[lang]
    units = [str(u) for u in result.matrix.columns]
    flags = result.flags
    message = "message" if lang == "vi" else "message_en"
    by_cell: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"error": 0, "warning": 0})
    for f in _tuples(flags):
        if f.severity in ("error", "warning"):
            counts[str(f.unit_label)][f.severity] += 1
            if isinstance(f.id, str):
                by_cell[str(f.unit_label), f.id].append((f.severity, getattr(f, message)))
    css = _STYLE + "".join(
        f".st-{s}{{background:#{fill};color:#{font}}}" for s, (fill, font) in STATUS_COLOURS.items()
    )
    out = [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">",
        f"<title>{_e(texts['title'])}</title><style>{css}</style></head><body>",
        f"<h1>{_e(texts['title'])}</h1>",
        f"<p>{len(units)} {_e(headings['unit'].lower())} · {len(result.catalogue)} "
        f"{_e(headings['target'].lower())} · {len(result.errors)} "
        f"{_e(names['errors'].lower())} · {_e(texts['generated'])}</p>",
        '<div class="filters"><label>' + _e(headings["unit"]) + ' <select id="unit-filter">',
        f'<option value="">{_e(texts["all_units"])}</option>',
        *(f'<option value="{_e(u)}">{_e(u)}</option>' for u in units),
        "</select></label><label>" + _e(headings["severity"]) + ' <select id="severity-filter">',
        f'<option value="">{_e(texts["all_severities"])}</option>',
        *(
            f'<option value="{s}">{_e(severities[s])}</option>'
            for s in ("error", "warning", "info")
        ),
        "</select></label></div>",
    ]
    # The heat map.
    out += [
        f"<h2>{_e(names['matrix'])}</h2>",
        '<table class="heat" id="heat"><thead><tr>',
        f"<th>{_e(headings['id'])}</th><th>{_e(headings['target'])}</th>",
        *(f'<th data-unit-column="{_e(u)}">{_e(u)}</th>' for u in units),
        "</tr></thead><tbody>",
    ]
    catalogue: Any = result.catalogue.set_index("id")
    for target, row in zip(result.matrix.index, result.matrix.to_numpy().tolist()):
        out.append(
            f'<tr><td>{_e(target)}</td><td class="t">{_e(catalogue.at[target, "target"])}</td>'
        )
        for unit, status in zip(units, row):
            found = by_cell.get((unit, target), [])
            worst = "error" if any(s == "error" for s, _ in found) else "warning" if found else ""
            title = "\n\n".join(f"{severities[s]}: {m}" for s, m in found)
            classes = f"s st-{status}" + (f" flag-{worst}" if worst else "")
            out.append(
                f'<td class="{classes}" data-unit-column="{_e(unit)}" data-target="{_e(target)}" '
                f'data-status="{_e(status)}" title="{_e(title)}">{_e(statuses.get(status, status))}'
                "</td>"
            )
        out.append("</tr>")
    out.append("</tbody></table>")
    # Per unit, with bars of completion.
    out += [
        f"<h2>{_e(texts['units_title'])}</h2>",
        '<table id="units"><thead><tr>',
        *(
            f"<th>{_e(headings[k])}</th>"
            for k in ("unit_label", "period_end", "declared_total", "declared_completed")
        ),
        *(f"<th>{_e(statuses[s])}</th>" for s in ("completed", "in_progress", "not_started")),
        f"<th>{_e(headings['completion_rate'])}</th><th>{_e(headings['errors'])}</th>",
        f"<th>{_e(headings['warnings'])}</th></tr></thead><tbody>",
    ]
    for u in _tuples(result.by_unit):
        rate = u.completion_rate
        known = rate == rate and rate is not None
        bar = f'<span class="bar" style="width:{rate:.0f}px"></span> {rate:.1f}%' if known else ""
        out.append(
            f'<tr data-unit="{_e(u.unit_label)}"><td>{_e(u.unit_label)}</td>'
            f"<td>{_e(u.period_end)}</td><td>{_e(u.declared_total)}</td>"
            f"<td>{_e(u.declared_completed)}</td><td>{_e(u.completed)}</td>"
            f"<td>{_e(u.in_progress)}</td><td>{_e(u.not_started)}</td><td>{bar}</td>"
            f"<td>{counts[str(u.unit_label)]['error']}</td>"
            f"<td>{counts[str(u.unit_label)]['warning']}</td></tr>"
        )
    out.append("</tbody></table>")
    # The flags, worst first, with their evidence.
    order = {"error": 0, "warning": 1, "info": 2}
    rows = sorted(_tuples(flags), key=lambda f: order.get(f.severity, 3))
    out += [
        f"<h2>{_e(texts['flags_title'])}</h2>",
        '<table id="flags"><thead><tr>',
        *(
            f"<th>{_e(headings[k])}</th>"
            for k in ("severity", "code", "unit_label", "id", "message")
        ),
        f"<th>{_e(texts['evidence'])}</th></tr></thead><tbody>",
    ]
    for f in rows:
        evidence = f.evidence if isinstance(f.evidence, str) else "{}"
        try:
            pretty = json.dumps(json.loads(evidence), ensure_ascii=False, indent=1)
        except ValueError:
            pretty = evidence
        out.append(
            f'<tr class="sev-{_e(f.severity)}" data-unit="{_e(f.unit_label)}" '
            f'data-severity="{_e(f.severity)}" data-code="{_e(f.code)}">'
            f'<td class="sev">{_e(severities.get(f.severity, f.severity))}</td>'
            f"<td>{_e(codes.get(f.code, f.code))}</td><td>{_e(f.unit_label)}</td>"
            f"<td>{_e(f.id)}</td><td>{_e(getattr(f, message))}</td>"
            f"<td><details><summary>{_e(texts['evidence'])}</summary><pre>{_e(pretty)}</pre>"
            "</details></td></tr>"
        )
    out += ["</tbody></table>", f"<script>{_SCRIPT}</script></body></html>"]
    return "\n".join(out)


def _tuples(frame: Any) -> Iterator[Any]:
    """A frame's rows as named tuples (typed loosely: pandas cells can be anything)."""
    yield from frame.itertuples(index=False)
