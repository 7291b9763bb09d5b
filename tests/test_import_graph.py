"""The import graph read from the source (grimp): no circles in ui, no Qt reachable from the domain.

Unlike tests/test_layers.py, which imports the packages, this sees imports inside functions and
under ``if TYPE_CHECKING`` too. The contracts themselves live in pyproject.toml (lint-imports).
"""

from __future__ import annotations

import grimp
import networkx as nx
import pytest

# Imports that still close a circle. This list may only shrink: drop a line when its import goes.
KNOWN_CIRCLE_IMPORTS: set[tuple[str, str]] = set()


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("fishbone", "sixstep", "ui", include_external_packages=True,
                             cache_dir=None)


def _ui_imports(graph: grimp.ImportGraph) -> set[tuple[str, str]]:
    return {
        (module, imported)
        for module in graph.modules if module.startswith("ui")
        for imported in graph.find_modules_directly_imported_by(module)
        if imported.startswith("ui") and imported != module
    }


def test_no_import_circle_among_ui_modules(graph: grimp.ImportGraph) -> None:
    imports = nx.DiGraph(sorted(_ui_imports(graph) - KNOWN_CIRCLE_IMPORTS))
    circles = [sorted(group) for group in nx.strongly_connected_components(imports)
               if len(group) > 1]
    assert circles == [], "ui modules that import each other, directly or round a circle"


def test_known_circle_imports_still_exist(graph: grimp.ImportGraph) -> None:
    gone = KNOWN_CIRCLE_IMPORTS - _ui_imports(graph)
    assert not gone, (f"These imports are gone: remove them from KNOWN_CIRCLE_IMPORTS here and "
                      f"from ignore_imports in pyproject.toml: {sorted(gone)}")


@pytest.mark.parametrize("domain", ["fishbone", "sixstep"])
@pytest.mark.parametrize("forbidden", ["PySide6", "shiboken6", "ui"])
def test_domain_reaches_no_qt_and_no_ui(graph: grimp.ImportGraph, domain: str,
                                        forbidden: str) -> None:
    if forbidden not in graph.modules:
        return  # nothing in the three packages imports it at all
    chain = graph.find_shortest_chain(importer=domain, imported=forbidden, as_packages=True)
    assert chain is None, f"{domain} reaches {forbidden}: {' -> '.join(chain or ())}"


def test_the_graph_sees_imports_inside_functions(graph: grimp.ImportGraph) -> None:
    """The guard is worth something only if late imports count: ui.app.app has one in a function."""
    assert graph.direct_import_exists(importer="ui.app.app", imported="ui.app.main_window")
