"""The ``problem-workshop`` command line: open the app; validate, score, import, export, report."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

COMMANDS = ("validate", "score", "samples", "new", "import", "export", "report", "causes")
PICTURE_FORMATS = ("png", "pdf", "svg", "layout-json")
TEXT_FORMATS = ("mermaid", "markdown", "opml", "csv")  # sixstep.interchange, no Qt
REPORT_SUFFIXES = (".md", ".pdf")
EXIT_OK, EXIT_BAD = 0, 2


class CliError(Exception):
    """A problem to report in one line on stderr, with exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit code 2, no usage dump
        raise CliError(f"{self.prog}: {message}")


def _app_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="problem-workshop",
        description="Run a six-step problem-solving workshop. Commands: "
        + ", ".join(COMMANDS) + " (try 'problem-workshop COMMAND --help').",
    )
    p.add_argument("file", nargs="?", type=Path, help="a case file to open")
    p.add_argument("--screenshot", type=Path, metavar="OUT.png",
                   help="render the window offscreen at 1280x800 to a PNG and exit")
    p.add_argument("--step", type=int, choices=range(1, 7), metavar="N",
                   help="with FILE: open at step N (1-6)")
    p.add_argument("--projector", action="store_true", help="start in projector mode")
    p.add_argument("--room", action="store_true",
                   help="with FILE: open the room to phones at start and print its address")
    p.add_argument("--host", metavar="ADDRESS",
                   help="with --room: the address to listen on (default: this laptop's "
                   "address on the local network)")
    p.add_argument("--port", type=int, metavar="N",
                   help="with --room: the port to listen on (default: any free port)")
    return p


def _command_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="problem-workshop")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    v = sub.add_parser("validate", help="check case files against the format")
    v.add_argument("files", nargs="+", type=Path)
    s = sub.add_parser("score", help="rank a case's alternatives")
    s.add_argument("file", type=Path)
    s.add_argument("--json", action="store_true", help="machine-readable output")
    s.add_argument("--median", action="store_true", help="combine participants by median")
    sub.add_parser("samples", help="list the sample cases")
    n = sub.add_parser("new", help="write a copy of a sample case")
    n.add_argument("--from", dest="sample", required=True, metavar="NAME")
    n.add_argument("out", type=Path)
    n.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    i = sub.add_parser("import", help="make a case from a Mermaid, Markdown, OPML or CSV fishbone")
    i.add_argument("input", type=Path, metavar="IN")
    i.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.case.json")
    i.add_argument("--into", type=Path, metavar="CASE",
                   help="extend this case's fishbone instead of starting a blank case")
    i.add_argument("--format", choices=TEXT_FORMATS, help="the input's format (default: from "
                   "its suffix: .mmd, .md, .opml, .csv)")
    i.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    e = sub.add_parser("export", help="export a case's fishbone diagram")
    e.add_argument("file", type=Path)
    e.add_argument("--format", required=True, choices=PICTURE_FORMATS + TEXT_FORMATS)
    e.add_argument("-o", "--output", required=True, type=Path)
    e.add_argument("--dpi", type=int, default=None, help="PNG resolution (default 150)")
    e.add_argument("--page", choices=("A4", "A3", "Letter"), default=None, help="PDF page")
    e.add_argument("--poster", action="store_true",
                   help="PDF: tile the diagram at reading size over several pages")
    e.add_argument("--key", action="store_true",
                   help="PNG: add the title above and the key below, as on the PDF page")
    r = sub.add_parser("report", help="write the workshop report as Markdown or PDF")
    r.add_argument("file", type=Path)
    r.add_argument("-o", "--output", required=True, type=Path, metavar="OUT.md|OUT.pdf")
    r.add_argument("--page", choices=("A4", "A3", "Letter"), default="A4", help="PDF page")
    _add_causes_parser(sub)
    return p


def _load(path: Path):
    from sixstep.caseio import CaseFormatError, load_case

    try:
        return load_case(path)
    except CaseFormatError as exc:
        raise CliError(f"{path}: {exc}") from None
    except OSError as exc:
        raise CliError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _write_failure(path: Path, exc: BaseException) -> str:
    """One line naming the file that could not be written and why."""
    from sixstep.atomic import failure_message

    return failure_message(path, exc)


def _cmd_validate(args: argparse.Namespace) -> int:
    bad = 0
    for path in args.files:
        try:
            _load(path)
        except CliError as exc:
            print(exc, file=sys.stderr)
            bad += 1
        else:
            print(f"{path}: ok")
    return EXIT_BAD if bad else EXIT_OK


def _cmd_score(args: argparse.Namespace) -> int:
    from sixstep.result_text import format_table
    from sixstep.scoring import result_to_json, score_case

    case = _load(args.file)
    result = score_case(case, aggregate="median" if args.median else "mean")
    if args.json:
        data = {**result_to_json(result), "contested": _contested_json(case)}
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(format_table(result, case))
    return EXIT_OK


def _cmd_samples(args: argparse.Namespace) -> int:
    from sample_cases import list_samples

    for info in list_samples():
        print(f"{info.name:24} {info.title}")
    return EXIT_OK


def _cmd_new(args: argparse.Namespace) -> int:
    from sample_cases import read_sample, sample_names
    from sixstep.caseio import atomic_write_bytes

    try:
        data = read_sample(args.sample)
    except KeyError:
        raise CliError(
            f"no sample named {args.sample!r}; try one of: {', '.join(sample_names())}"
        ) from None
    if args.out.exists() and not args.force:
        raise CliError(f"{args.out}: already exists (use --force to overwrite)")
    try:
        atomic_write_bytes(args.out, data)
    except OSError as exc:
        raise CliError(_write_failure(args.out, exc)) from None
    print(f"wrote {args.out}")
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from sixstep.caseio import atomic_write_bytes, dumps_case, new_case
    from sixstep.interchange import (
        FORMATS,
        InterchangeError,
        format_for_path,
        merge_into,
        merged,
        read_outline,
    )
    from sixstep.interchange.errors import MAX_BYTES

    fmt = FORMATS[args.format] if args.format else format_for_path(args.input)
    if fmt is None:
        raise CliError(f"{args.input}: cannot tell the format from the name; use --format "
                       + "|".join(TEXT_FORMATS))
    if args.output.exists() and not args.force:
        raise CliError(f"{args.output}: already exists (use --force to overwrite)")
    case = _load(args.into) if args.into is not None else new_case()
    try:
        with args.input.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise CliError(f"{args.input}: cannot read: {exc.strerror or exc}") from None
    try:
        outline = read_outline(fmt.name, data)
        if args.into is None:
            from sixstep.interchange import diagram_from_outline

            case.fishbone = diagram_from_outline(outline)
            added = len(case.fishbone.causes)
        else:
            plan = merge_into(case.fishbone, outline)
            case.fishbone = merged(case.fishbone, plan)
            added = len(plan.causes)
    except InterchangeError as exc:
        raise CliError(f"{args.input}: {exc}") from None
    try:
        atomic_write_bytes(args.output, dumps_case(case))
    except OSError as exc:
        raise CliError(f"{args.output}: cannot write: {exc.strerror or exc}") from None
    print(f"wrote {args.output} ({added} causes from {fmt.label})")
    return EXIT_OK


def _export_text(args: argparse.Namespace) -> int:
    from sixstep.caseio import atomic_write_bytes
    from sixstep.interchange import export_bytes

    case = _load(args.file)
    try:
        atomic_write_bytes(args.output, export_bytes(args.format, case.fishbone))
    except OSError as exc:
        raise CliError(f"{args.output}: cannot write: {exc.strerror or exc}") from None
    print(f"wrote {args.output}")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    if args.format in TEXT_FORMATS:
        return _export_text(args)
    if args.dpi is not None and not 10 <= args.dpi <= 2400:
        raise CliError("--dpi must be between 10 and 2400")
    _load(args.file)  # a bad file is reported before Qt starts
    from ui.export.diagram import export_case_file

    try:
        used = export_case_file(args.file, args.format, args.output, dpi=args.dpi,
                                page=args.page, key=args.key, poster=args.poster)
    except Exception as exc:  # any failure: one line, exit code 2, never "wrote"
        raise CliError(_write_failure(args.output, exc)) from None
    asked = args.dpi or 150
    if used is not None and used < asked:
        print(f"wrote {args.output} at {used} dpi ({asked} dpi would be too large a picture)")
        return EXIT_OK
    print(f"wrote {args.output}")
    return EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    suffix = args.output.suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        raise CliError(f"{args.output}: the report is written as .md (Markdown) or .pdf")
    case = _load(args.file)
    try:
        if suffix == ".md":
            from sixstep.atomic import write_bytes
            from sixstep.report import report_markdown

            write_bytes(args.output, report_markdown(case).encode("utf-8"))
        else:
            from ui.export.report_pdf import export_report_pdf  # Qt is loaded only for a PDF

            export_report_pdf(case, args.output, page=args.page)
    except Exception as exc:  # any failure: one line, exit code 2, never "wrote"
        raise CliError(_write_failure(args.output, exc)) from None
    print(f"wrote {args.output}")
    return EXIT_OK


def _contested_json(case) -> list[dict]:
    from sixstep.disagreement import contested_cells

    return [{"alternative": c.alternative, "criterion": c.criterion, "spread": c.spread}
            for c in contested_cells(case)]


def _add_causes_parser(sub) -> None:
    c = sub.add_parser("causes", help="list a case's causes with votes and arrows in and out")
    c.add_argument("file", type=Path)
    c.add_argument("--json", action="store_true", help="machine-readable output")


def _cmd_causes(args: argparse.Namespace) -> int:
    from sixstep.relations import summarise_relations

    case = _load(args.file)
    summary = summarise_relations(case)
    rows = [{"id": c.id, "text": c.text, "category": c.category, "status": c.status,
             "votes": c.votes, "incoming": summary.incoming[c.id],
             "outgoing": summary.outgoing[c.id], "driver": c.id in summary.drivers,
             "outcome": c.id in summary.outcomes} for c in case.fishbone.causes]
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    names = {c.id: c.name for c in case.fishbone.categories}
    print(f"{'Votes':>5}  {'In':>3}  {'Out':>3}  {'Status':<10}  {'Heading':<14}  Cause")
    for r in rows:
        marks = [m for m, on in (("driver", r["driver"]), ("outcome", r["outcome"])) if on]
        note = f"  [{', '.join(marks)}]" if marks else ""
        text = " ".join(r["text"].split())
        print(f"{r['votes']:>5}  {r['incoming']:>3}  {r['outgoing']:>3}  "
              f"{r['status'].replace('_', ' '):<10}  {names.get(r['category'], ''):<14}  "
              f"{text}{note}")
    return EXIT_OK


def _open_app(args: argparse.Namespace) -> int:
    if args.file is not None:
        _load(args.file)  # refuse a bad file with one line before any window opens
    if args.step is not None and args.file is None:
        raise CliError("--step needs a case FILE")
    room = _room_start(args)
    from ui.app.app import run_app

    return run_app(args.file, args.screenshot, args.step, args.projector, room=room)


def _room_start(args: argparse.Namespace) -> tuple[str | None, int] | None:
    """(host or None for the local network's address, port) when ``--room`` asks for it."""
    if not args.room:
        if args.host is not None or args.port is not None:
            raise CliError("--host and --port go with --room")
        return None
    if args.file is None:
        raise CliError("--room needs a case FILE")
    if args.screenshot is not None:
        raise CliError("--room opens a window: it does not go with --screenshot")
    if args.port is not None and not 0 <= args.port <= 65535:
        raise CliError("--port must be between 0 and 65535")
    if args.host is not None and not args.host.strip():
        raise CliError("--host needs an address")
    return args.host, args.port or 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            args = _command_parser().parse_args(argv)
            handler = {
                "validate": _cmd_validate, "score": _cmd_score, "samples": _cmd_samples,
                "new": _cmd_new, "import": _cmd_import, "export": _cmd_export,
                "report": _cmd_report, "causes": _cmd_causes,
            }[args.command]
            return handler(args)
        return _open_app(_app_parser().parse_args(argv))
    except CliError as exc:
        print(str(exc).splitlines()[0] if str(exc) else "error", file=sys.stderr)
        return EXIT_BAD
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
