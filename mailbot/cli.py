"""Command line: ``mailbot run | check-config | status | classify | templates``.

Exit status: 0 success, 1 a check found problems, 2 invalid configuration or usage.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from .config import Config, StoreConfig, load_config
from .errors import ConfigError, MailbotError

DEFAULT_CONFIG = Path("config/stores.yaml")
DEFAULT_STATE = Path("state")


def _instant(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO-8601 instant: {value!r}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mailbot", description="Email customer service for online stores.")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="stores.yaml (default: %(default)s)")

    run = sub.add_parser("run", help="run the daemon")
    common(run)
    run.add_argument("--state-dir", type=Path, default=DEFAULT_STATE)
    run.add_argument("--once", action="store_true", help="process what is waiting, run what is due, exit")
    run.add_argument("--now", type=_instant, help="act as if the clock read this instant (ISO-8601)")

    check = sub.add_parser("check-config", help="validate the configuration and list every problem")
    common(check)

    status = sub.add_parser("status", help="open cases with status, owner, next deadline and breach state")
    common(status)
    status.add_argument("--state-dir", type=Path, default=DEFAULT_STATE)
    status.add_argument("--store")
    status.add_argument("--now", type=_instant)

    classify = sub.add_parser("classify", help="print what mailbot understands of .eml files, as JSON lines")
    common(classify)
    classify.add_argument("--store")
    classify.add_argument("files", nargs="+", help=".eml files, or - for standard input")

    templates = sub.add_parser("templates", help="check or preview the email templates")
    tsub = templates.add_subparsers(dest="templates_command", required=True)
    tcheck = tsub.add_parser("check", help="render every kind for every store and language")
    common(tcheck)
    tcheck.add_argument("--store")
    tprev = tsub.add_parser("preview", help="write a rendered email as .eml and .html")
    common(tprev)
    tprev.add_argument("store")
    tprev.add_argument("kind")
    tprev.add_argument("--lang", default="en")
    tprev.add_argument("--out", type=Path, default=Path("preview"))
    return parser


def _load(path: Path, *, secrets: bool = True) -> Config:
    return load_config(path, secrets=secrets)


def _print_problems(problems: Sequence[str]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _dispatch(args)
    except ConfigError as exc:
        _print_problems(exc.problems)
        verdict = "not starting" if args.command == "run" else "see above"
        print(f"mailbot: {len(exc.problems)} configuration problem(s); {verdict}", file=sys.stderr)
        return 2
    except MailbotError as exc:
        print(f"mailbot: {exc}", file=sys.stderr)
        return 1


def _dispatch(args: argparse.Namespace) -> int:
    from . import logs

    if args.command == "check-config":
        config = _load(args.config)
        print(f"{args.config}: OK ({len(config.stores)} stores: {', '.join(s.id for s in config.stores)})")
        return 0
    if args.command == "run":
        config = _load(args.config)
        logs.setup(config.log_level)
        from .clock import Clock
        from .daemon import Daemon

        daemon = Daemon(config, args.state_dir, Clock(args.now))
        code: int = asyncio.run(daemon.run(once=args.once))
        return code
    if args.command == "status":
        from .status import print_status

        config = _load(args.config, secrets=False)
        if args.store:
            _store(config, args.store)
        return print_status(config, args.state_dir, args.store, args.now)
    if args.command == "classify":
        from .understanding.cli_support import classify_files

        hints = None
        if args.store:
            from .services import hints_for

            hints = hints_for(_store(_load(args.config, secrets=False), args.store))
        for record in classify_files(args.files, hints):
            print(json.dumps(record, ensure_ascii=False))
        return 0
    if args.command == "templates":
        return _templates(args)
    raise AssertionError(args.command)


def _templates(args: argparse.Namespace) -> int:
    from .outbound import templates as t

    config = _load(args.config, secrets=False)
    store_ids = [s.id for s in config.stores]
    if getattr(args, "store", None):
        _store(config, args.store)
    if args.templates_command == "check":
        problems = t.check_templates(config.templates_dir, store_ids, args.store)
        _print_problems([str(p) for p in problems])
        if problems:
            print(f"{len(problems)} template problem(s)", file=sys.stderr)
            return 1
        print(f"templates OK for {args.store or ', '.join(store_ids)}")
        return 0
    try:
        paths = t.preview(config.templates_dir, args.store, args.kind, args.lang, args.out)
    except t.TemplateError as exc:
        _print_problems([str(p) for p in exc.problems])
        return 1
    except ValueError as exc:  # unknown kind or language
        print(f"mailbot: {exc}", file=sys.stderr)
        return 2
    for path in paths:
        print(path)
    return 0


def _store(config: Config, store_id: str) -> StoreConfig:
    try:
        return config.store(store_id)
    except KeyError:
        raise ConfigError([f"--store {store_id}: no such store (known: {', '.join(s.id for s in config.stores)})"]) from None
