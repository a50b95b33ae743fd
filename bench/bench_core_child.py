"""The daemon as bench/bench_core.py runs it: its own process, so RSS is its own.

    python bench/bench_core_child.py once  --config C --state-dir S --report R.json [--profile P.prof]
    python bench/bench_core_child.py serve --config C --state-dir S --report R.json
    options: --what-if no-purge,gc-freeze   --trace-imap   --profile P.prof

Does what ``mailbot run [--once]`` does (load the config, set up logging,
``Daemon(config, state_dir, Clock()).run(once)``), plus observers on each
worker's ``hooks`` that count what was processed and when. ``serve`` prints
``READY`` on stdout once every worker is connected and idling, and stops on
SIGTERM (the daemon's own graceful stop). The report (JSON) holds wall-clock
instants (``time.time()``) of the phases, counts per action, and the peak RSS.
"""

from __future__ import annotations

import time

T_PROCESS = time.time()  # before the imports: they are part of what a start costs

import argparse  # noqa: E402
import asyncio  # noqa: E402
import cProfile  # noqa: E402
import gc  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from mailbot import logs  # noqa: E402
from mailbot.clock import Clock  # noqa: E402
from mailbot.config import load_config  # noqa: E402
from mailbot.daemon import Daemon  # noqa: E402
from mailbot.models import Case  # noqa: E402


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _no_purge() -> None:
    """What-if: retention costs nothing at run time (as with an index that knows each
    closed case's last change, so nothing has to be decoded to find the expired ones)."""
    from mailbot.worker import StoreWorker

    StoreWorker.purge = lambda self, now: 0  # type: ignore[method-assign]


# (The lost-EXISTS and recursion what-ifs measured before 3242c1f are in the daemon now.)
WHAT_IF: dict[str, Callable[[], None]] = {
    "no-purge": _no_purge,
    "gc-freeze": lambda: None,  # applied once state is loaded
}


async def _main(args: argparse.Namespace, report: dict[str, Any]) -> None:
    for name in filter(None, args.what_if.split(",")):
        if name not in WHAT_IF:
            raise SystemExit(f"unknown what-if {name!r}; known: {', '.join(WHAT_IF)}")
        WHAT_IF[name]()
    config = load_config(args.config)
    logs.setup(config.log_level)
    if args.trace_imap:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s.%(msecs)03d %(name)s %(message)s", "%H:%M:%S"))
        for name in ("aioimaplib", "mailbot"):
            logging.getLogger(name).addHandler(handler)
            logging.getLogger(name).setLevel(logging.DEBUG)
        logging.getLogger("mailbot").handlers[:] = [handler]
    report["t_imported"] = time.time()
    daemon = Daemon(config, args.state_dir, Clock())
    # State loads lazily per store; the workers' constructors touched every store.
    report["t_loaded"] = time.time()
    report["rss_after_load_kb"] = _rss_kb()
    if "gc-freeze" in args.what_if.split(","):
        gc.collect()
        gc.freeze()
    # load_store: the count the state store keeps anyway (all_cases would decode every case).
    report["cases_at_start"] = {sid: daemon.services.state.load_store(sid) for sid in daemon.workers}
    actions: Counter[str] = Counter()
    stamps: dict[str, float] = {}
    marks: list[tuple[int, float]] = []  # (processed, time) every 250 mails: does the rate hold up?

    def observe(action: str, case: Case | None) -> None:
        now = time.time()
        stamps.setdefault("t_first", now)
        stamps["t_last"] = now
        actions[action] += 1
        if sum(actions.values()) % 250 == 0:
            marks.append((sum(actions.values()), now))

    for worker in daemon.workers.values():
        worker.hooks.append(observe)
    report["t_run"] = time.time()
    run = asyncio.create_task(daemon.run(once=args.mode == "once"))
    if args.mode == "serve":
        waits = [asyncio.create_task(w.connected.wait()) for w in daemon.workers.values()]
        done, _ = await asyncio.wait([run, *waits], return_when=asyncio.FIRST_COMPLETED)
        if run not in done:
            await asyncio.gather(*waits)
            report["t_ready"] = time.time()
            print("READY", flush=True)
    await run
    report["t_done"] = time.time()
    report.update(stamps)
    report["actions"] = dict(actions)
    report["marks"] = marks
    report["processed"] = sum(actions.values())
    # Acknowledgements sent are counted from the log by the benchmark: reading
    # them back from state here would decode cases and inflate the peak RSS.


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["once", "serve"])
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--state-dir", type=Path, required=True)
    parser.add_argument("--report", type=Path, required=True)
    parser.add_argument("--profile", type=Path)
    # What-if switches for profiling (not used by the benchmark's figures).
    parser.add_argument("--trace-imap", action="store_true", help="log aioimaplib's protocol lines (ms timestamps)")
    parser.add_argument("--what-if", default="", help=f"comma-separated fixes to apply from outside: {', '.join(WHAT_IF)}")
    args = parser.parse_args()
    report: dict[str, Any] = {"t_process": T_PROCESS, "mode": args.mode}
    # Time spent in the cyclic garbage collector, by generation: with a large
    # state in memory, full collections walk every object of it.
    gc_time = [0.0, 0.0, 0.0]
    gc_count = [0, 0, 0]
    gc_started = [0.0]

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            gc_started[0] = time.perf_counter()
        else:
            gc_time[info["generation"]] += time.perf_counter() - gc_started[0]
            gc_count[info["generation"]] += 1

    gc.callbacks.append(on_gc)
    profiler = cProfile.Profile() if args.profile else None
    if profiler is not None:
        profiler.enable()
    try:
        asyncio.run(_main(args, report))
    finally:
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(args.profile)
        report["maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        report["gc_seconds"] = gc_time
        report["gc_collections"] = gc_count
        args.report.write_text(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
