"""Write docs/report.schema.json, the JSON schema of a Report, from the pydantic models."""

from __future__ import annotations

import json
from pathlib import Path

from appendixparse.models import Report

SCHEMA_PATH = Path(__file__).resolve().parent / "report.schema.json"


def schema_text() -> str:
    """The schema as it should be on disk."""
    schema = Report.model_json_schema(mode="serialization")
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
    print(SCHEMA_PATH)
