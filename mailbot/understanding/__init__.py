"""Understanding a customer's message: pure functions, no I/O.

Public surface (the pipeline calls exactly these)::

    understand(msg, hints) -> Understanding   # everything below, with reasons
    detect_machine(msg)    -> Machine         # bounce / auto-reply / list / none
    strip_quotes(text)     -> str             # the newly written part of a reply
    detect_language(text)  -> str             # ISO 639-1

Module map: ``machine`` (robots), ``quotes`` (new text), ``language``,
``orders`` (order numbers), ``rules`` (phrase rules per category and
language), ``context`` (what kind of mail it is before its category: an IT
help-desk request, running systems, deciding to buy, ...), ``model`` (naive
Bayes over Bitext), ``classify`` (the decision order), ``urgency``. ``cli_support`` is the one module here that reads files;
it serves ``mailbot classify`` and is not imported by the pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ..models import Category, Machine, MachineKind, ParsedMessage, Understanding
from .classify import classify_text
from .language import detect_language, detect_language_with_reason
from .machine import detect_machine
from .model import load_default_model
from .orders import compile_store_patterns, find_order_id
from .quotes import strip_quotes
from .urgency import assess_urgency

__all__ = [
    "StoreHints",
    "understand",
    "detect_machine",
    "strip_quotes",
    "detect_language",
]

_EMPTY_KEYWORDS: Mapping[str, tuple[str, ...]] = MappingProxyType({})


@dataclass(frozen=True)
class StoreHints:
    """Per-store knowledge from config/stores.yaml, built by the caller.

    ``order_patterns`` are regexes; the named group ``id`` (or the whole match)
    is the order number. ``keywords`` maps a category value to phrases that
    force it. ``categories`` lists the categories the store uses; empty means
    all of them.
    """

    store_id: str = ""
    own_addresses: frozenset[str] = frozenset()
    order_patterns: tuple[str, ...] = ()
    keywords: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: _EMPTY_KEYWORDS)
    categories: frozenset[str] = frozenset()


_SUBJECT_PREFIX_RE = re.compile(
    r"^(?:\s*(?:re|fw|fwd|aw|wg|tr|rv|res|enc|r|sv|vs|antw)\s*(?:\[\d+\])?\s*:\s*)+", re.I
)

# Classification looks at the subject plus this much of the new text: the
# first screen of a message says what it is about.
_CLASSIFY_CHARS = 4_000


def understand(msg: ParsedMessage, hints: StoreHints = StoreHints()) -> Understanding:
    """Category, urgency, language, order number, machine kind and new text.

    Machine mail (bounces, auto-replies, list mail) is classified ``other``
    and never urgent; its order number is still extracted, because a bounce
    of an acknowledgement names the case it belongs to. Never raises: a
    message that cannot be understood becomes ``other`` with a reason.
    """
    try:
        return _understand(msg, hints)
    except Exception as exc:  # the pipeline must never lose a message to a bug here
        return Understanding(
            category=Category.OTHER,
            urgent=False,
            language="en",
            order_id=None,
            machine=Machine(MachineKind.NONE),
            new_text="",
            reasons=(f"error:{type(exc).__name__}",),
        )


def _understand(msg: ParsedMessage, hints: StoreHints) -> Understanding:
    reasons: list[str] = []
    machine = detect_machine(msg, own_addresses=hints.own_addresses)
    if machine.kind is not MachineKind.NONE:
        reasons.append(f"machine:{machine.kind.value}:{machine.reason}")

    new_text = strip_quotes(msg.text)
    subject = _clean_subject(msg.subject)
    focus = f"{subject}\n{new_text[:_CLASSIFY_CHARS]}".strip()

    language, language_reason = detect_language_with_reason(focus)
    reasons.append(language_reason)

    quoted_rest = msg.text[len(new_text) :] if msg.text.startswith(new_text) else msg.text
    order_id, order_reason = find_order_id(
        (("subject", subject), ("new_text", new_text), ("quoted", quoted_rest)),
        compile_store_patterns(tuple(hints.order_patterns)),
    )
    if order_reason:
        reasons.append(order_reason)

    if machine.kind is not MachineKind.NONE:
        reasons.append("category:machine_mail")
        return Understanding(Category.OTHER, False, language, order_id, machine, new_text, tuple(reasons))

    category, category_reasons = classify_text(
        focus,
        language,
        keywords=hints.keywords,
        allowed=hints.categories,
        model=load_default_model(),
    )
    reasons.extend(category_reasons)
    if hints.keywords and category_reasons and category_reasons[0].startswith("category:store_keyword"):
        reasons[-1] = f"{category_reasons[0]}@{hints.store_id or 'store'}"

    urgent, urgent_reason = assess_urgency(focus, category)
    if urgent_reason:
        reasons.append(urgent_reason)
    return Understanding(category, urgent, language, order_id, machine, new_text, tuple(reasons))


def _clean_subject(subject: str) -> str:
    """The subject without reply/forward prefixes in the usual languages."""
    return _SUBJECT_PREFIX_RE.sub("", subject)
