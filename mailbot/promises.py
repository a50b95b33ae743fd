"""A store's promises applied to its cases: the bridge from config to the policy layer.

Pure: it reads a :class:`~mailbot.models.Case`, the store's config and a
``now`` it is given, and answers what the acknowledgement should promise,
what is due, what comes next, and what a new case should get (owner, RMA
number, the items to ask for).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from .config import StoreConfig
from .lifecycle import facts
from .models import Case, Category
from .policy.calendar import BusinessCalendar
from .policy.timers import Deadline as TimerDeadline
from .policy.timers import Due, deadline_for_ack, deadlines, due, plan


@dataclass(frozen=True, slots=True)
class Deadline:
    name: str
    at: datetime
    phase: str  # warn | breach | fire


@dataclass(frozen=True)
class StorePromises:
    store: StoreConfig
    calendar: BusinessCalendar

    @classmethod
    def from_config(cls, store: StoreConfig) -> StorePromises:
        return cls(store, store.policy.calendar.to_calendar())

    # -- the acknowledgement ------------------------------------------------

    def ack_deadline(self, case: Case) -> tuple[datetime | None, bool]:
        """When a person will have answered (None: the store promises no time), and
        whether the store's language factor extended it."""
        promise = deadline_for_ack(
            self.store.policy, self.calendar, case.opened_at, case.urgent, case.language, case.category
        )
        if promise is None:
            ext = self.store.policy.language_extension
            return None, bool(ext and ext.applies(case.language))
        return promise.due, promise.extended

    def ack_kind(self, case: Case) -> str:
        return self.store.handling.ack_kind.get(case.category.value, "ack")

    def missing_items(self, case: Case, has_attachments: bool) -> list[str]:
        h, category = self.store.handling, case.category.value
        missing = []
        if case.order_id is None and category in h.ask_order_number:
            missing.append("order_number")
        if category in h.ask_photos and not has_attachments:
            missing.append("photos")
        if category in h.ask_evidence:
            missing += ["transaction_details", "screenshots"]
        return missing

    def owner_for(self, case: Case) -> str:
        """A named owner for categories that promise one (round robin by case number)."""
        staff = self.store.staff
        if case.category.value not in self.store.handling.assign_owner or not staff:
            return ""
        return staff[case.number % len(staff)]

    def rma_for(self, case: Case) -> str | None:
        if case.category.value not in self.store.handling.rma_categories:
            return None
        digest = hashlib.sha256(case.ref.encode()).hexdigest()[:4].upper()
        return f"{self.store.handling.rma_prefix}-{case.opened_at:%Y%m%d}-{case.number:04d}{digest}"

    def queue_for(self, category: Category) -> str:
        for queue, categories in self.store.handling.queues.items():
            if category.value in categories:
                return queue
        return "default" if not self.store.handling.queues else "buyer"

    # -- timers -------------------------------------------------------------

    def due(self, case: Case, now: datetime) -> list[Due]:
        return due(facts(case), self.store.policy, self.calendar, now)

    def next_firing(self, case: Case) -> datetime | None:
        owed = plan(facts(case), self.store.policy, self.calendar)
        return owed[0].at if owed else None

    def running(self, case: Case) -> list[TimerDeadline]:
        return deadlines(facts(case), self.store.policy, self.calendar)

    def next_deadline(self, case: Case, now: datetime) -> Deadline | None:
        """The next instant a running timer warns, breaches or fires (past ones included)."""
        best: Deadline | None = None
        for row in self.running(case):
            if row.paused:
                continue
            for phase, at in (("warn", row.warn_at), ("breach", row.breach_at), ("fire", row.fire_at)):
                if at is None:
                    continue
                if best is None or at < best.at:
                    best = Deadline(row.timer, at, phase)
        return best

    def breached(self, case: Case, now: datetime) -> list[str]:
        return [r.timer for r in self.running(case) if r.breach_at is not None and r.breach_at <= now and not r.paused]
