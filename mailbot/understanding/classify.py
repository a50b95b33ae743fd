"""Choose one category for a customer's text.

Decision order (first step that decides wins; each leaves a reason):

1. store keywords from config (``StoreHints.keywords``) — the store knows its
   own vocabulary best;
2. the precedence table :data:`_PRECEDENCE`: categories that must win over
   whatever else the text mentions ("a first report of a damaged item is
   damaged_wrong_item even if annoyed", "a refund for a damaged item is a
   damage report");
3. for English, the naive Bayes model trained on Bitext, combined with the
   phrase-rule scores;
4. otherwise the best phrase-rule score; ties go to the earlier category in
   :data:`_TIE_ORDER`;
5. ``other``.

Pure; looks at most :data:`MAX_CHARS` characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from ..models import Category
from .model import NaiveBayes
from .rules import rule_scores

MAX_CHARS = 6_000

Scores = Mapping[Category, float]
Hits = Mapping[Category, list[str]]


def _strong(category: Category, threshold: float = 2.0) -> Callable[[Scores, Hits], bool]:
    def check(scores: Scores, hits: Hits) -> bool:
        return scores.get(category, 0.0) >= threshold

    return check


def _complaint_about_handling(scores: Scores, hits: Hits) -> bool:
    # Complaints about how an earlier request was handled ("nobody answered",
    # "let me speak to a manager") win even over a damage report.
    return any(
        name.endswith(("/en_ignored", "/en_escalate", "/en_complaint"))
        or name.split("/")[1] in ("es", "fr", "de", "it", "pt")
        for name in hits.get(Category.COMPLAINT, [])
    ) and scores.get(Category.COMPLAINT, 0.0) >= 2.0 and scores.get(Category.COMPLAINT, 0.0) >= scores.get(
        Category.DAMAGED_WRONG_ITEM, 0.0
    )


# The order is the contract. Each row: category, predicate over rule scores, why.
_PRECEDENCE: tuple[tuple[Category, Callable[[Scores, Hits], bool], str], ...] = (
    (Category.COMPLAINT, _complaint_about_handling, "complaint about earlier handling outranks the subject"),
    (Category.DAMAGED_WRONG_ITEM, _strong(Category.DAMAGED_WRONG_ITEM), "a damage/wrong-item report outranks refund, return, complaint"),
    (Category.DISPUTE, _strong(Category.DISPUTE), "marketplace dispute has its own procedure"),
    (Category.MERCHANT, _strong(Category.MERCHANT), "sellers go to the merchant queue whatever they ask"),
    (Category.SHIPPING_ISSUE, _strong(Category.SHIPPING_ISSUE), "a delivery problem outranks a plain status question"),
    (Category.RETURN_EXCHANGE, _strong(Category.RETURN_EXCHANGE), "returns are outside the intent model"),
)

_TIE_ORDER: tuple[Category, ...] = (
    Category.DAMAGED_WRONG_ITEM,
    Category.SHIPPING_ISSUE,
    Category.ORDER_CHANGE,
    Category.REFUND,
    Category.RETURN_EXCHANGE,
    Category.ORDER_STATUS,
    Category.PAYMENT,
    Category.ACCOUNT,
    Category.COMPLAINT,
    Category.PRODUCT_QUESTION,
    Category.MERCHANT,
    Category.DISPUTE,
    Category.FEEDBACK,
)

# Below this posterior the model is guessing; the rules decide instead.
MODEL_CONFIDENCE = 0.6


def _keyword_match(text: str, keywords: Mapping[str, tuple[str, ...]]) -> tuple[Category, str] | None:
    lowered = text.lower()
    for name, phrases in keywords.items():
        try:
            category = Category(name)
        except ValueError:
            continue
        for phrase in phrases:
            phrase = phrase.strip().lower()
            if phrase and re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", lowered):
                return category, phrase
    return None


def classify_text(
    text: str,
    language: str,
    *,
    keywords: Mapping[str, tuple[str, ...]] | None = None,
    allowed: frozenset[str] = frozenset(),
    model: NaiveBayes | None = None,
) -> tuple[Category, tuple[str, ...]]:
    """Category of ``text`` and the reasons for it.

    ``allowed`` limits the categories a store uses (empty: all); ``other`` is
    always allowed. Never raises for any string.
    """
    sample = text[:MAX_CHARS]
    if not sample.strip():
        return Category.OTHER, ("category:no_text",)

    if keywords:
        found = _keyword_match(sample, keywords)
        if found is not None:
            return found[0], (f"category:store_keyword={found[1]}",)

    def permitted(category: Category) -> bool:
        return not allowed or category.value in allowed or category is Category.OTHER

    raw_scores, raw_hits = rule_scores(sample)
    scores = {c: s for c, s in raw_scores.items() if permitted(c)}
    hits = {c: h for c, h in raw_hits.items() if permitted(c)}

    for category, predicate, _why in _PRECEDENCE:
        if category in scores and predicate(scores, hits):
            return category, (f"category:precedence={category.value}", *_rule_reasons(hits, category))

    if language == "en" and model is not None:
        posterior = {c: p for c, p in model.posterior(sample).items() if permitted(c)}
        if posterior:
            best, prob = max(posterior.items(), key=lambda item: item[1])
            if prob >= MODEL_CONFIDENCE:
                return best, (f"category:model={best.value}:{prob:.2f}",)

    if scores:
        best_score = max(scores.values())
        for category in _TIE_ORDER:
            if scores.get(category) == best_score:
                return category, (f"category:rules={category.value}:{best_score:g}", *_rule_reasons(hits, category))

    return Category.OTHER, ("category:no_rule",)


def _rule_reasons(hits: Hits, category: Category) -> tuple[str, ...]:
    return tuple(f"rule:{name}" for name in hits.get(category, [])[:3])
