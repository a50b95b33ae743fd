"""Wiring: builds what each store worker needs from config.

This is the one place that knows which implementation backs each seam
(TinyDB state, jinja2 templates, the rule-based understanding layer). Tests
build workers through it too, so they run the same wiring as production.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from .clock import Clock
from .config import Config, StoreConfig
from .logs import event
from .models import ParsedMessage, Understanding
from .outbound.template_context import Kind
from .outbound.templates import TemplateProblem, TemplateSet
from .outbox import Renderer
from .state.tinystore import TinyStateStore
from .understanding import StoreHints, understand
from .worker import StoreWorker

log = logging.getLogger("mailbot")


class TemplateRenderer(Renderer):
    def __init__(self, templates: TemplateSet) -> None:
        self.templates = templates

    def render(self, store_id: str, kind: str, language: str, context: dict[str, object]) -> tuple[str, str, str]:
        rendered = self.templates.render(store_id, Kind(kind), language, context)
        return rendered.subject, rendered.text, rendered.html


_TEMPLATE_SETS: dict[tuple[Path, tuple[str, ...]], TemplateSet] = {}


def _template_set(root: Path, store_ids: tuple[str, ...], checked_file: Path | None = None) -> TemplateSet:
    """One checked TemplateSet per folder and process (checking every template
    takes a noticeable fraction of a second; ``--once`` runs in one process,
    as in tests, reuse it and only look for edits)."""
    key = (root.resolve(), store_ids)
    cached = _TEMPLATE_SETS.get(key)
    if cached is None:
        cached = _TEMPLATE_SETS[key] = TemplateSet(root, list(store_ids), checked_file=checked_file)
    else:
        for problem in cached.reload_if_changed():
            event(log, logging.ERROR, problem.store, "template_rejected", problem=str(problem))
    return cached


def hints_for(store: StoreConfig) -> StoreHints:
    u = store.understanding
    return StoreHints(
        store_id=store.id,
        own_addresses=store.own_addresses,
        order_patterns=u.order_patterns,
        keywords=dict(u.keywords),
        categories=frozenset(u.categories),
    )


class Services:
    def __init__(self, config: Config, state_dir: Path, clock: Clock) -> None:
        self.config = config
        self.clock = clock
        self.state = TinyStateStore(state_dir)
        # Templates that passed the check are not rendered again at every start.
        checked = state_dir / "template-checks.json"
        self.templates = _template_set(config.templates_dir, tuple(s.id for s in config.stores), checked)
        self.renderer = TemplateRenderer(self.templates)

    def worker(self, store: StoreConfig) -> StoreWorker:
        hints = hints_for(store)

        def understand_message(msg: ParsedMessage) -> Understanding:
            return understand(msg, hints)

        return StoreWorker(store, self.state, self.renderer, understand_message, self.clock.now)

    def reload_templates(self) -> list[TemplateProblem]:
        """Pick up edited templates; a broken edit is rejected (the last good version stays)."""
        problems = self.templates.reload_if_changed()
        for problem in problems:
            event(log, logging.ERROR, problem.store, "template_rejected", problem=str(problem))
        return problems

    def problems_by_store(self, problems: Sequence[TemplateProblem]) -> dict[str, list[str]]:
        """Which store's admin hears of which problems ("default" concerns every store)."""
        out: dict[str, list[str]] = {}
        for problem in problems:
            targets = [s.id for s in self.config.stores] if problem.store == "default" else [problem.store]
            for sid in targets:
                out.setdefault(sid, []).append(str(problem))
        return out
