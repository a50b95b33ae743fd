"""Wiring: builds what each store worker needs from config.

This is the one place that knows which implementation backs each seam
(TinyDB state, jinja2 templates, the rule-based understanding layer, the
policy engine). Tests build workers through it too, so they run the same
wiring as production.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from .clock import Clock
from .config import Config, StoreConfig
from .logs import event
from .models import Case, ParsedMessage, Understanding
from .outbound.template_context import Kind
from .outbound.templates import TemplateSet
from .promises import StorePolicy
from .state.tinystore import TinyStateStore
from .understanding import StoreHints, understand
from .worker import Renderer, StoreWorker

log = logging.getLogger("mailbot")


class TemplateRenderer(Renderer):
    def __init__(self, templates: TemplateSet) -> None:
        self.templates = templates

    def render(self, store_id: str, kind: str, language: str, context: Mapping[str, object]) -> tuple[str, str, str]:
        rendered = self.templates.render(store_id, Kind(kind), language, context)
        return rendered.subject, rendered.text, rendered.html


def store_context(store: StoreConfig, case: Case) -> dict[str, object]:
    """Variables every template kind receives (see outbound.template_context.COMMON)."""
    return {
        "case_ref": case.ref,
        "store": {"id": store.id, "name": store.name, "email": store.address, "website": store.website},
        "customer": {"name": case.customer.name, "email": case.customer.email},
        "subject": case.subject,
        "timezone": store.timezone,
    }


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
        self.templates = TemplateSet(config.templates_dir, [s.id for s in config.stores])
        self.renderer = TemplateRenderer(self.templates)
        self.policies = {s.id: StorePolicy.from_config(s) for s in config.stores}

    def worker(self, store: StoreConfig) -> StoreWorker:
        hints = hints_for(store)
        policy = self.policies[store.id]

        def understand_message(msg: ParsedMessage) -> Understanding:
            return understand(msg, hints)

        def ack_context(case: Case, understanding: Understanding) -> dict[str, object]:
            due, extended = policy.ack_deadline(case)
            return {
                **store_context(store, case),
                "category": case.category.value,
                "urgent": case.urgent,
                "first_response_due": due,
                "extended_for_language": extended,
                "order_id": case.order_id,
                "missing": policy.missing_items(case, understanding),
            }

        return StoreWorker(store, self.state, self.renderer, understand_message, ack_context, self.clock.now, policy=policy)

    def reload_templates(self) -> None:
        for problem in self.templates.reload_if_changed():
            event(log, logging.ERROR, problem.store, "template_rejected", problem=str(problem))

    def now(self) -> datetime:
        return self.clock.now()
