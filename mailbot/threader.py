"""Which case a message belongs to. Pure: lookups are passed in.

In order:

1. ``In-Reply-To`` / ``References`` naming any message of a case (customer
   mail, staff replies, or mailbot's own acknowledgements) joins that case.
2. A case reference in the subject (``[PAN-000123]``) joins that case only
   when the sender already takes part in it, or is the store itself or its
   staff. Anyone can type a reference; a stranger's mail must never land in
   someone else's case, so it opens a new case instead (and the reason says so).
3. Otherwise the message starts a new conversation.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .models import Case, ParsedMessage


@dataclass(frozen=True, slots=True)
class CaseMatch:
    case: Case | None  # None: a new conversation
    reason: str


def ref_pattern(prefix: str) -> re.Pattern[str]:
    return re.compile(rf"\[?\b({re.escape(prefix)}-\d{{6,}})\b\]?")


def find_case(
    msg: ParsedMessage,
    prefix: str,
    by_message_id: Callable[[str], Case | None],
    by_ref: Callable[[str], Case | None],
    staff: frozenset[str] = frozenset(),
) -> CaseMatch:
    for mid in (*msg.in_reply_to, *reversed(msg.references)):
        case = by_message_id(mid)
        if case is not None:
            return CaseMatch(case, f"thread:header:{mid}")
    match = ref_pattern(prefix).search(msg.subject)
    if match:
        case = by_ref(match.group(1))
        sender = msg.from_.email if msg.from_ else ""
        if case is not None and (sender in case.participants or sender in staff):
            return CaseMatch(case, f"thread:subject-ref:{case.ref}")
        if case is not None:
            return CaseMatch(None, f"new:subject-ref-{case.ref}-from-non-participant")
        return CaseMatch(None, f"new:unknown-subject-ref-{match.group(1)}")
    return CaseMatch(None, "new:no-thread")
