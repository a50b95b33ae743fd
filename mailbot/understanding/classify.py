"""Choose one category for a customer's text.

Decision order (first step that decides wins; each leaves a reason):

1. store keywords from config (``StoreHints.keywords``) — the store knows its
   own vocabulary best;

   then, if the text reads as an IT help-desk request (software, servers,
   networks; no purchase named: :func:`context.it_support_context`), the rules
   whose words mean something else there ("password", "defective",
   "available") are set aside for the steps below, and the reasons say so
   (``context:it_support``); and if it speaks of running IT systems (outages,
   servers, installs, errors: :func:`context.it_operations_context`) without
   asking to buy (:data:`rules.BUYING_RULES`), product_question is ruled
   out for the steps below, model included (``context:it_operations``);
   a login at another firm's platform rules out account
   (``context:platform_account``), and a sender deciding whether to buy
   rules out return_exchange and shipping_issue: nothing was sent to them
   (``context:before_buying``); a customer who says they do not want to send
   the item back rules out return_exchange (``context:no_return_wanted``),
   and mail about the sender's own invoicing program and their customers'
   invoices rules out payment, order_change and refund
   (``context:own_invoicing``);
2. the precedence table :data:`_PRECEDENCE`: categories that must win over
   whatever else the text mentions ("a first report of a damaged item is
   damaged_wrong_item even if annoyed", "a refund for a damaged item is a
   damage report");
3. for English, the naive Bayes model trained on Bitext, combined with the
   phrase-rule scores;
4. otherwise the best phrase-rule score; ties go to the earlier category in
   :data:`_TIE_ORDER`;
5. a sender deciding whether to buy (``context:before_buying``) whose mail
   names no category asks a product_question: that is what one is;
6. ``other``.

Pure; looks at most :data:`MAX_CHARS` characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from ..models import Category
from .context import (
    deciding_to_buy,
    declines_return,
    it_operations_context,
    it_support_context,
    own_invoicing_context,
    platform_account_context,
)
from .model import NaiveBayes
from .rules import BUYING_RULES, rule_scores

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
        name.endswith(("/en_ignored", "/en_escalate", "/en_complaint", "/en_handling"))
        or name.split("/")[1] in ("es", "fr", "de", "it", "pt")
        for name in hits.get(Category.COMPLAINT, [])
    ) and scores.get(Category.COMPLAINT, 0.0) >= 2.0 and scores.get(Category.COMPLAINT, 0.0) >= scores.get(
        Category.DAMAGED_WRONG_ITEM, 0.0
    )


def _damage_report(scores: Scores, hits: Hits) -> bool:
    # Arrival damage, a wrong or a missing item settles it. A defect that
    # showed up in use ("the touchpad is defective") is a damage report only
    # when the customer is not already asking for a return or an exchange:
    # then the return procedure is what they need.
    names = hits.get(Category.DAMAGED_WRONG_ITEM, [])
    score = scores.get(Category.DAMAGED_WRONG_ITEM, 0.0)
    arrival = [n for n in names if not n.endswith(("_defect", "_not_working"))]
    if arrival and score >= 2.0:
        return True
    # "doesn't work" alone is too vague (a website, a login); it needs a
    # second sign, and a defect needs no return request competing with it.
    return score >= 2.0 and scores.get(Category.RETURN_EXCHANGE, 0.0) < 2.0


def _parcel_lost(scores: Scores, hits: Hits) -> bool:
    # Marked delivered but never received, or left at another address: a
    # lost parcel, even when the customer asks to open a claim
    # ("reclamación") or mentions the seller.
    return any(
        name.endswith(("_delivered_missing", "_wrong_address")) for name in hits.get(Category.SHIPPING_ISSUE, [])
    )


def _refund_pending(scores: Scores, hits: Hits) -> bool:
    # "I still haven't received my refund": the shipping rules read "not
    # received" as a lost parcel; the refund words say what is missing.
    # Money rather than a voucher, or less refunded than paid: also a refund.
    return any(name.endswith(("_refund_pending", "_refund_first")) for name in hits.get(Category.REFUND, []))


# The order is the contract. Each row: category, predicate over rule scores, why.
_PRECEDENCE: tuple[tuple[Category, Callable[[Scores, Hits], bool], str], ...] = (
    (Category.DISPUTE, _strong(Category.DISPUTE), "a case with a marketplace seller has its own procedure, whatever it is about"),
    (Category.SHIPPING_ISSUE, _parcel_lost, "a parcel marked delivered that never arrived is lost, whatever else is said"),
    (Category.COMPLAINT, _complaint_about_handling, "complaint about earlier handling outranks the subject"),
    (Category.DAMAGED_WRONG_ITEM, _damage_report, "a damage/wrong-item report outranks refund, return, complaint"),
    (Category.MERCHANT, _strong(Category.MERCHANT), "sellers go to the merchant queue whatever they ask"),
    (Category.REFUND, _refund_pending, "a refund that has not arrived is a refund, not a lost parcel"),
    (Category.SHIPPING_ISSUE, _strong(Category.SHIPPING_ISSUE), "a delivery problem outranks a plain status question"),
    (Category.RETURN_EXCHANGE, _strong(Category.RETURN_EXCHANGE), "returns are outside the intent model"),
)

_PRODUCT_QUESTION_ONLY = frozenset({Category.PRODUCT_QUESTION})
_PRECEDENCE_CATEGORIES = frozenset({c for c, _, _ in _PRECEDENCE} | {Category.RETURN_EXCHANGE})

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
# The model only judges sentences that are mostly made of words it knows:
# Bitext sentences score ~0.99, other domains ~0.5 (dev split figures).
MIN_COVERAGE = 0.8
# Texts up to this many words (courtesy sentences left out) are judged like
# the Bitext utterances the model learned from; longer ones go to the rules.
SHORT_TEXT_WORDS = 40
# One weak word ("account", "factura") is not enough to name a category;
# one strong phrase or two weak words are.
MIN_RULE_SCORE = 2.0

_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+|\n+")
# Courtesy sentences say nothing about the request, but they are made of
# common words, so the model would judge them (usually as "review").
_BOILERPLATE_RE = re.compile(
    r"^\W*(?:dear|hello|hi|hey|good (?:morning|afternoon|evening)|greetings|to whom it may concern"
    r"|i hope (?:this|you|all)|hope you(?:'re| are)|i am writing|i'm writing|i am reaching out|i'm reaching out"
    r"|i am contacting|i'm contacting|i am getting in touch|thank you|thanks|many thanks|best|kind regards|regards"
    r"|sincerely|cheers|looking forward|i look forward|please let me know|could you please (?:assist|help)"
    r"|any (?:help|assistance)|i appreciate|i would appreciate|i'd appreciate|your (?:help|assistance))\b",
    re.I,
)


def _content_words(text: str) -> int:
    return sum(
        len(sentence.split())
        for sentence in _SENTENCE_RE.split(text)
        if sentence.strip() and not _BOILERPLATE_RE.match(sentence)
    )


def _model_vote(
    text: str, model: NaiveBayes, permitted: Callable[[Category], bool]
) -> tuple[Category, float] | None:
    """The model's category for ``text``, judged sentence by sentence.

    Each sentence of three or more words whose coverage is at least
    :data:`MIN_COVERAGE` contributes its posterior; the category with the
    highest mean wins if that mean reaches :data:`MODEL_CONFIDENCE`. Votes for
    ``other`` only count when no sentence names a real category, because
    "other" is what greetings and sign-offs look like to the model.
    """
    totals: dict[Category, float] = {}
    judged = 0
    for sentence in _SENTENCE_RE.split(text)[:20]:
        if len(sentence.split()) < 3 or _BOILERPLATE_RE.match(sentence) or model.coverage(sentence) < MIN_COVERAGE:
            continue
        posterior = model.posterior(sentence)
        if not posterior:
            continue
        judged += 1
        for category, prob in posterior.items():
            if permitted(category):
                totals[category] = totals.get(category, 0.0) + prob
    if not judged or not totals:
        return None
    ranked = sorted(totals.items(), key=lambda item: item[1], reverse=True)
    best, total = ranked[0]
    if best is Category.OTHER and len(ranked) > 1 and ranked[1][1] / judged >= MODEL_CONFIDENCE / 2:
        best, total = ranked[1]
    mean = total / judged
    if mean < MODEL_CONFIDENCE and not (best is not Category.OTHER and total >= MODEL_CONFIDENCE):
        return None
    return best, min(mean, 1.0)


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
        keyword = _keyword_match(sample, keywords)
        if keyword is not None:
            return keyword[0], (f"category:store_keyword={keyword[1]}",)

    # Contexts that rule categories out for every step below, model included
    # (see _CONTEXTS); each one found is named in the reasons.
    found = [(reason, out) for reason, applies, out in _CONTEXTS if applies(sample, language)]
    ruled_out: frozenset[Category] = frozenset().union(*(out for _, out in found))

    def permitted(category: Category) -> bool:
        if category in ruled_out:
            return False
        return not allowed or category.value in allowed or category is Category.OTHER

    # In an IT help-desk request "password", "defective" and "available" are
    # about programs and servers (context.it_support_context); rule_scores
    # sets those rules aside (rules.IT_GENERIC_RULES).
    it_support = it_support_context(sample, language)
    before_buying = any(reason == _BEFORE_BUYING for reason, _ in found)
    category, reasons = _decide(sample, language, permitted, model, it_support, before_buying)
    reasons = (*reasons, *(reason for reason, _ in found))
    return category, (*reasons, "context:it_support") if it_support else reasons


def _asks_to_buy(sample: str, language: str) -> bool:
    _scores, hits = rule_scores(sample, language, only=_PRODUCT_QUESTION_ONLY)
    return any(name in BUYING_RULES for name in hits.get(Category.PRODUCT_QUESTION, []))


def _running_systems(sample: str, language: str) -> bool:
    return it_operations_context(sample, language) and not _asks_to_buy(sample, language)


_BEFORE_BUYING = "context:before_buying"

# Each row: the reason recorded, when it applies, what it rules out.
_CONTEXTS: tuple[tuple[str, Callable[[str, str], bool], frozenset[Category]], ...] = (
    # A message about running IT systems (outages, installs, errors) is no
    # product question unless it asks to buy (rules.BUYING_RULES): "is the
    # server available again?" is an outage, whatever the rules or the model
    # make of "available".
    ("context:it_operations", _running_systems, frozenset({Category.PRODUCT_QUESTION})),
    # Signing in to Microsoft 365 or a Google account is not the customer's
    # account with the shop (context.platform_account_context).
    ("context:platform_account", platform_account_context, frozenset({Category.ACCOUNT})),
    # Someone deciding whether to buy has nothing to send back and no parcel
    # on its way: "what is your return policy?", "do I pay customs?" from them
    # are product questions (context.deciding_to_buy).
    (_BEFORE_BUYING, deciding_to_buy, frozenset({Category.RETURN_EXCHANGE, Category.SHIPPING_ISSUE})),
    # "I don't want to send it back, just make it work": no return
    # (context.declines_return).
    ("context:no_return_wanted", declines_return, frozenset({Category.RETURN_EXCHANGE})),
    # The invoices, cancellations and credit notes of the sender's own
    # invoicing program are their customers' business, not a bill from the
    # firm written to (context.own_invoicing_context).
    (
        "context:own_invoicing",
        own_invoicing_context,
        frozenset({Category.PAYMENT, Category.ORDER_CHANGE, Category.REFUND}),
    ),
)


# What each context reason rules out, for callers that read reasons.
RULED_OUT: Mapping[str, frozenset[Category]] = {reason: out for reason, _applies, out in _CONTEXTS}


def _decide(
    sample: str,
    language: str,
    permitted: Callable[[Category], bool],
    model: NaiveBayes | None,
    it_support: bool,
    before_buying: bool,
) -> tuple[Category, tuple[str, ...]]:
    """Steps 2 to 6 of the decision order (see the module docstring)."""
    # Score the precedence categories first; the others only if needed.
    raw_scores, raw_hits = rule_scores(sample, language, only=_PRECEDENCE_CATEGORIES, it_support=it_support)
    scores = {c: s for c, s in raw_scores.items() if permitted(c)}
    hits = {c: h for c, h in raw_hits.items() if permitted(c)}

    for category, predicate, _why in _PRECEDENCE:
        if category in scores and predicate(scores, hits):
            return category, (f"category:precedence={category.value}", *_rule_reasons(hits, category))

    vote: tuple[Category, float] | None = None
    if language == "en" and model is not None:
        vote = _model_vote(sample, model, permitted)
    short = _content_words(sample) <= SHORT_TEXT_WORDS

    # A short text is what the model was trained on: it decides when a rule
    # backs its choice, or when no strong rule names another category ("which
    # size should I take, M or L?" is no order status, however sure the
    # model is). A weak word for the model's category ("account") does not
    # hold against a strong rule that outscores it by a strong phrase's
    # weight. Its own category's rules are scored first: a strong one
    # settles it without running the rest.
    if vote is not None and short and vote[0] not in scores:
        own, own_hits = rule_scores(sample, language, only=frozenset({vote[0]}), it_support=it_support)
        scores.update(own)
        hits.update(own_hits)
    if vote is not None and short and scores.get(vote[0], 0.0) >= MIN_RULE_SCORE:
        return _model_decides(vote)

    more_scores, more_hits = rule_scores(
        sample, language, skip=_PRECEDENCE_CATEGORIES | set(scores), it_support=it_support
    )
    scores.update((c, s) for c, s in more_scores.items() if permitted(c))
    hits.update((c, h) for c, h in more_hits.items() if permitted(c))

    if vote is not None and short:
        best_other = max((s for c, s in scores.items() if c is not vote[0]), default=0.0)
        if best_other < MIN_RULE_SCORE or best_other < scores.get(vote[0], 0.0) + MIN_RULE_SCORE:
            return _model_decides(vote)

    if scores:
        best_score = max(scores.values())
        if best_score >= MIN_RULE_SCORE:
            tied = [c for c in _TIE_ORDER if scores.get(c) == best_score]
            # In a longer mail the model only breaks ties between the rules'
            # best candidates; on its own it would judge courtesy sentences.
            if vote is not None and vote[0] in tied:
                return vote[0], (f"category:rules+model={vote[0].value}:{best_score:g}", *_rule_reasons(hits, vote[0]))
            category = tied[0]
            return category, (f"category:rules={category.value}:{best_score:g}", *_rule_reasons(hits, category))

    if before_buying and permitted(Category.PRODUCT_QUESTION):
        return Category.PRODUCT_QUESTION, ("category:before_buying=product_question",)
    return Category.OTHER, ("category:no_rule",)


def _model_decides(vote: tuple[Category, float]) -> tuple[Category, tuple[str, ...]]:
    return vote[0], (f"category:model={vote[0].value}:{vote[1]:.2f}",)


def _rule_reasons(hits: Hits, category: Category) -> tuple[str, ...]:
    return tuple(f"rule:{name}" for name in hits.get(category, [])[:3])
