"""Sample workshop cases shipped with the app, read through importlib.resources."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources

SUFFIX = ".case.json"
DEFAULT_SAMPLE = "happy_burgers"


@dataclass(frozen=True)
class SampleInfo:
    """A sample's name (its file stem), title and one-line summary (the problem question)."""

    name: str
    title: str
    summary: str


def sample_names() -> list[str]:
    """Every sample's name, the default first, the rest alphabetical."""
    files = resources.files(__name__).iterdir()
    names = sorted(p.name[: -len(SUFFIX)] for p in files if p.name.endswith(SUFFIX))
    if DEFAULT_SAMPLE in names:
        names.remove(DEFAULT_SAMPLE)
        names.insert(0, DEFAULT_SAMPLE)
    return names


def resolve_name(name: str) -> str:
    """Accept ``happy_burgers``, ``happy-burgers``, ``Happy Burgers`` or the file name."""
    wanted = name.strip().lower().removesuffix(SUFFIX).replace("-", "_").replace(" ", "_")
    for candidate in sample_names():
        if candidate == wanted:
            return candidate
    raise KeyError(name)


def read_sample(name: str) -> bytes:
    """The bytes of a sample case file."""
    return resources.files(__name__).joinpath(resolve_name(name) + SUFFIX).read_bytes()


def sample_info(name: str) -> SampleInfo:
    """Title and question only: cheap enough for a start screen (no validation)."""
    return _info(resolve_name(name))


def _info(name: str) -> SampleInfo:
    data = json.loads(resources.files(__name__).joinpath(name + SUFFIX).read_bytes())
    return SampleInfo(
        name=name,
        title=str(data.get("title", name)),
        summary=str(data.get("problem", {}).get("question", "")),
    )


@functools.cache
def _all_samples() -> tuple[SampleInfo, ...]:
    return tuple(_info(n) for n in sample_names())


def list_samples() -> list[SampleInfo]:
    """Every sample's title and question, read once per process (the files ship with the
    app and never change while it runs)."""
    return list(_all_samples())
