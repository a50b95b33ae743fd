"""A store's promises, applied to its cases: the bridge from config to the policy layer.

The worker asks this object what to tell the customer in the acknowledgement
(the first-response deadline, whether it is extended, what is missing) and,
with the policy engine, what is due when.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from .config import StoreConfig
from .models import Attachment, Case, Category, Understanding

_WEEKDAY_INDEX = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


@dataclass(frozen=True)
class Deadline:
    name: str
    at: datetime


@dataclass(frozen=True)
class StorePolicy:
    store: StoreConfig

    @classmethod
    def from_config(cls, store: StoreConfig) -> StorePolicy:
        return cls(store)

    def ack_deadline(self, case: Case) -> tuple[datetime, bool]:
        """When a person will have answered, on the store's working days."""
        days = 3
        local = case.opened_at.astimezone(self.store.tz)
        working = {_WEEKDAY_INDEX[d] for d in self.store.working_hours.days}
        while days > 0:
            local += timedelta(days=1)
            if local.weekday() in working:
                days -= 1
        return local, False

    def next_deadline(self, case: Case, now: datetime) -> Deadline | None:
        """The earliest deadline still running on ``case`` (first response until staff replied)."""
        if any(m.direction == "staff" for m in case.messages):
            return None
        due, _ = self.ack_deadline(case)
        return Deadline("first_response", due)

    def missing_items(self, case: Case, understanding: Understanding) -> list[str]:
        missing = []
        if case.order_id is None and case.category in _NEEDS_ORDER:
            missing.append("order_number")
        return missing


_NEEDS_ORDER = frozenset(
    {Category.ORDER_STATUS, Category.SHIPPING_ISSUE, Category.ORDER_CHANGE, Category.RETURN_EXCHANGE,
     Category.REFUND, Category.DAMAGED_WRONG_ITEM, Category.DISPUTE}
)
_ = Attachment
