"""The case file format as a JSON Schema, shipped inside the package for other tools."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

SCHEMA_FILE = "case.schema.json"


def load_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a ``.case.json`` file."""
    schema: dict[str, Any] = json.loads(
        resources.files("sixstep").joinpath(SCHEMA_FILE).read_text("utf-8"))
    return schema
