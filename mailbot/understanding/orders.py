"""Order numbers as the customer wrote them.

``#CL-48213``, ``order 55120``, ``Bestellung DA-2399``, ``pedido nº 88231``.
Store patterns from config run first; then the built-in ones, which look for
an order word in one of our languages followed by a token that contains a
digit, or for a ``#`` directly before such a token. The id is returned
verbatim (case and dashes kept) without the leading ``#`` or trailing
punctuation, so staff can search for it exactly as it appears in their shop.

Pure; at most :data:`MAX_CHARS` characters of each text are searched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

MAX_CHARS = 50_000

# Words customers put in front of an order number.
_ORDER_WORDS = (
    r"order|orders|purchase|invoice|confirmation|transaction|ref(?:erence)?|tracking"
    r"|pedido|pedidos|encomenda|compra|orden|factura|fatura"
    r"|commande|facture|achat"
    r"|bestellung|bestellnummer|auftrag|auftragsnummer|rechnung"
    r"|ordine|ordinazione|fattura|acquisto"
    r"|bestelling|bestelnummer"
)
# Filler between the word and the number: "number", "no.", "nº", "#", ":".
_FILLER = (
    r"(?:\s*(?:number|num(?:ber)?\.?|no\.?|nr\.?|n[º°o]\.?|n\.|#|id|ref|code|número|numéro|nummer"
    r"|numero|n[uú]mero|:|-|de|du|d'|\(|is|was)\s*){0,4}"
)
# The number itself: letters allowed, but there must be a digit, and the whole
# thing is 4-30 characters of letters, digits and inner dashes/slashes.
_ID = r"(?P<id>(?=[A-Za-z0-9_/-]*\d)[A-Za-z0-9](?:[A-Za-z0-9]|[-/_](?=[A-Za-z0-9])){3,29})"
_KEYWORD_RE = re.compile(rf"(?<![\w-])(?:{_ORDER_WORDS}){_FILLER}#?\s*{_ID}(?![\w-])", re.I)
# Locating the order word is the slow part; a lower-case, case-sensitive
# pattern finds candidates about three times faster, and the id is then cut
# from the original text by position.
_KEYWORD_LOWER_RE = re.compile(rf"(?<![\w-])(?:{_ORDER_WORDS}){_FILLER}#?\s*{_ID.replace('A-Za-z', 'a-z')}(?![\w-])")
_HASH_RE = re.compile(rf"(?<![\w&])#\s?{_ID}(?![\w-])")
# Things that look like ids but are not orders.
_NOT_ID_RE = re.compile(
    r"^(?:(?:19|20)\d{2}|\d{1,3}|\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?|\d{1,2}:\d{2})$"
)


def _clean(candidate: str) -> str | None:
    value = candidate.strip().lstrip("#").rstrip(".,;:)-/")
    if len(value) < 4 or _NOT_ID_RE.match(value):
        return None
    return value


def _search(pattern: re.Pattern[str], text: str) -> str | None:
    for match in pattern.finditer(text):
        groups = match.groupdict()
        raw = groups.get("id") if groups.get("id") is not None else match.group(0)
        if raw is None:
            continue
        value = _clean(raw)
        if value is not None:
            return value
    return None


def _search_keyword(text: str) -> str | None:
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lower-cased
        return _search(_KEYWORD_RE, text)
    for match in _KEYWORD_LOWER_RE.finditer(lowered):
        start, end = match.span("id")
        value = _clean(text[start:end])
        if value is not None:
            return value
    return None


@lru_cache(maxsize=64)
def compile_store_patterns(patterns: tuple[str, ...]) -> tuple[re.Pattern[str] | None, ...]:
    """Compile store patterns; an invalid regex becomes None (and is skipped).

    Config validation is where a bad pattern is reported; here it is ignored
    so one typo cannot stop mail from being understood. Positions are kept so
    reasons name the pattern as configured. Cached: hints are per store.
    """
    compiled: list[re.Pattern[str] | None] = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern, re.I))
        except re.error:
            compiled.append(None)
    return tuple(compiled)


def find_order_id(
    texts: Iterable[tuple[str, str]],
    store_patterns: Sequence[re.Pattern[str] | None] = (),
) -> tuple[str | None, str]:
    """The first order number in ``texts``, and the rule that found it.

    ``texts`` are (place, text) pairs searched in order, e.g. the subject, the
    new text and then the quoted history. Store patterns win over built-in
    ones within each text. Returns ``(None, "")`` when there is none.
    """
    for place, text in texts:
        sample = text[:MAX_CHARS]
        if not sample:
            continue
        for index, pattern in enumerate(store_patterns):
            if pattern is None:
                continue
            found = _search(pattern, sample)
            if found is not None:
                return found, f"order_id:store_pattern[{index}]@{place}"
        found = _search_keyword(sample)
        if found is not None:
            return found, f"order_id:keyword@{place}"
        found = _search(_HASH_RE, sample)
        if found is not None:
            return found, f"order_id:hash@{place}"
    return None, ""
