"""Is the message urgent, by the stores' own definition?

Urgent (POLICIES.md; cliniqueonlinestore "missing orders, damaged products",
kendrascottes "damaged on delivery, shipping emergencies"):

* the order was not received, is lost, or is marked delivered but missing;
* an item arrived damaged;
* a delivery needed by a date that is at risk;
* the account was taken over;
* an unauthorised, duplicate or lost payment.

Anger, capital letters and the word "urgent" by themselves are not urgency:
they do not change what staff must do first. Pure.
"""

from __future__ import annotations

import re

from ..models import Category
from .rules import ACCOUNT, DAMAGED, SHIPPING_ISSUE, PhraseRule, fold


def _rules_named(rules: tuple[PhraseRule, ...], *suffixes: str) -> tuple[re.Pattern[str], ...]:
    return tuple(rule.pattern for rule in rules if rule.name.endswith(suffixes))


# The classifier's own de/es/fr/pt rules (rules.py, run on folded text) for a
# parcel marked delivered but never received or left at another address, an
# item cracked on arrival, and orders the customer never placed.
_LOST_PARCEL_RULES = _rules_named(SHIPPING_ISSUE, "_delivered_missing", "_wrong_address")
_CRACKED_RULES = _rules_named(DAMAGED, "_cracked")
_TAKEOVER_RULES = _rules_named(ACCOUNT, "_takeover")


def _any(patterns: tuple[re.Pattern[str], ...], folded: str) -> bool:
    return any(pattern.search(folded) for pattern in patterns)


_NOT_RECEIVED = re.compile(
    r"\b(?:hasn'?t|has not|haven'?t|have not|never|didn'?t|did not|still not|not yet|still hasn'?t|still haven'?t"
    r"|is yet to|has yet to|have yet to|still have not)\s+(?:been\s+)?(?:arrived?|come|came"
    r"|shown up|showed up|delivered|reached me|turned up)\b"
    r"|\b(?:hasn'?t|has not|haven'?t|have not|never|didn'?t|did not|still not|not yet|yet to|still have not)\s+"
    r"(?:received?|got|gotten)\s+(?:my|the|our|any|an?|this)\s+(?:\w+\s+){0,2}(?:order|package|parcel|shipment"
    r"|delivery|item|items|purchase|products?|goods)\b"
    r"|\b(?:order|package|parcel|shipment|delivery|item|it)\b[^.!?\n]{0,25}\bnot (?:been )?(?:received|delivered)\b"
    r"|\b(?:lost|stolen|missing)\b[^.!?\n]{0,30}\b(?:package|parcel|order|shipment|delivery)\b"
    r"|\b(?:package|parcel|order|shipment|delivery)\b[^.!?\n]{0,30}\b(?:lost|stolen|missing|never arrived)\b"
    r"|\b(?:says|shows|marked|listed|status)\b[^.!?\n]{0,25}\bdelivered\b[^.!?\n]{0,60}\b(?:but|yet|not|never|no)\b"
    r"|\bdelivered to (?:the )?wrong (?:address|house|person)\b"
    # es
    r"|\b(?:no|a[úu]n no|todav[íi]a no|nunca)\s+(?:me\s+)?(?:ha|han|he)?\s*(?:llegado|lleg[óo]|recibido|recib[íi])\b"
    r"|\b(?:perdid[oa]|extraviad[oa]|robad[oa])\b|\bcomo entregado\b"
    # fr
    r"|\b(?:pas encore|jamais|toujours pas|n'?ai pas|n'?ai toujours pas)\s+(?:été\s+)?(?:re[çc]ue?|arriv[ée]e?|livr[ée]e?)\b"
    r"|\b(?:colis|commande)\s+(?:\w+\s+)?(?:perdue?|[ée]gar[ée]e?|vol[ée]e?)\b|\bcomme livr[ée]e?\b"
    # de
    r"|\b(?:nicht|noch nicht|nie|immer noch nicht)\s+(?:\w+\s+){0,2}(?:angekommen|erhalten|geliefert|zugestellt|bekommen)\b"
    r"|\b(?:verloren|verschollen|gestohlen)\b|\bals zugestellt\b"
    # it
    r"|\b(?:non|ancora non|mai)\s+(?:mi\s+)?(?:è|e|sono|ho)?\s*(?:arrivat[oaie]|ricevut[oaie]|consegnat[oaie])\b"
    r"|\b(?:smarrit[oa]|pers[oa]|rubat[oa])\b|\brisulta consegnat[oa]\b"
    # pt
    r"|\b(?:n[ãa]o|ainda n[ãa]o|nunca)\s+(?:me\s+)?(?:chegou|chegaram|recebi|recebido|foi entregue)\b"
    r"|\b(?:perdid[oa]|extraviad[oa]|roubad[oa])\b|\bcomo entregue\b",
)

_DAMAGED = re.compile(
    r"\b(?:damaged|broken|broke|cracked|smashed|shattered|crushed|dented|leaking|leaked|spilled|defective|faulty)\b"
    r"|\b(?:dañad[oa]s?|rot[oa]s?|defectuos[oa]s?)\b"
    r"|\b(?:endommag[ée]e?s?|cass[ée]e?s?|ab[îi]m[ée]e?s?|d[ée]fectueu(?:x|se))\b"
    r"|\b(?:besch[äa]digt\w*|kaputt\w*|defekt\w*|zerbrochen\w*|ausgelaufen)\b"
    r"|\b(?:danneggiat[oaie]|rott[oaie]|difettos[oaie])\b"
    r"|\b(?:danificad[oa]s?|quebrad[oa]s?|estragad[oa]s?|defeituos[oa]s?|avariad[oa]s?)\b",
)

_DEADLINE = re.compile(
    r"\b(?:need|needed|needs|require)\s+(?:it|this|them|the \w+|my \w+|the order|the package)?\s*(?:by|before|for|until)\b"
    r"|\b(?:in time for|before (?:the|my|our)|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|the \d+|next week))\b"
    r"|\b(?:wedding|birthday|anniversary|christmas|funeral|graduation|trip|flight|event|party)\b[^.!?\n]{0,40}\b(?:on|this|next|tomorrow|in \d+ days?)\b"
    r"|\b(?:shipping |delivery )?emergency\b"
    r"|\b(?:lo|la) necesito (?:para|antes)\b|\bj'?en ai besoin (?:pour|avant)\b|\bbrauche (?:es|ihn|sie|das) (?:bis|vor|f[üu]r)\b"
    r"|\bmi serve (?:entro|per|prima)\b|\bpreciso (?:dele|dela|disso) (?:at[ée]|antes|para)\b",
)
_SHIPPING_CONTEXT = re.compile(
    r"\b(?:order|package|parcel|delivery|deliver|shipping|shipment|ship|arrive|arrival|tracking|pedido|paquete|env[íi]o"
    r"|commande|colis|livraison|bestellung|paket|lieferung|ordine|pacco|consegna|spedizione|encomenda|entrega)\b",
)

_TAKEOVER = re.compile(
    r"\b(?:hacked|compromised|taken over|someone (?:else )?(?:has )?(?:logged|accessed|changed|used|is using)"
    r"|unauthori[sz]ed (?:access|login|log-in|sign-in)|(?:i )?didn'?t (?:change|request) (?:my|the|a) password"
    r"|locked out of my account|can'?t access my account anymore)\b"
    r"|\b(?:hackead[oa]|pirat[ée]e?|gehackt|hackerat[oa]|invadid[oa]|acceso no autorizado|acc[eè]s non autoris[ée])\b",
)

_BAD_PAYMENT = re.compile(
    r"\b(?:charged|billed|debited|paid)\s+(?:me\s+)?(?:twice|two times|double|three times)\b"
    r"|\b(?:double|duplicate|unauthori[sz]ed|fraudulent|unknown|unrecogni[sz]ed)\s+(?:charge|payment|transaction|debit)s?\b"
    r"|\b(?:didn'?t|did not|never) (?:authori[sz]e|make|recogni[sz]e) (?:this|that|the|these) (?:charge|payment|transaction)s?\b"
    r"|\b(?:charged|paid|money (?:was )?(?:taken|deducted))\b[^.!?\n]{0,60}\b(?:no|never|didn'?t|did not)\b[^.!?\n]{0,30}\b(?:order|confirmation|receive)"
    r"|\bpayment (?:is |was |has )?(?:lost|missing|disappeared)\b"
    r"|\b(?:cobrado|cobraron|cobr[óo])\b[^.!?\n]{0,20}\b(?:dos veces|doble)\b|\bcargo no autorizado\b"
    r"|\bd[ée]bit[ée]e?\b[^.!?\n]{0,20}\b(?:deux fois|en double)\b|\bpr[ée]l[èe]vement non autoris[ée]\b"
    r"|\b(?:doppelt|zweimal)\s+(?:\w+\s+)?(?:abgebucht|belastet|berechnet)\b|\bnicht autorisierte\b"
    r"|\baddebitat[oa]\b[^.!?\n]{0,20}\b(?:due volte|doppio)\b|\baddebito non autorizzato\b"
    r"|\bcobrad[oa]\b[^.!?\n]{0,20}\b(?:duas vezes|em dobro)\b|\bcobran[çc]a (?:indevida|n[ãa]o autorizada|duplicada)\b",
)


def assess_urgency(text: str, category: Category) -> tuple[bool, str]:
    """(urgent, reason) for the customer's new text and its category.

    The category narrows what counts: a damaged-item word in a product question
    ("is the glass easily broken?") is not an urgent report.
    """
    # Patterns are lower-case and compiled without re.IGNORECASE (3x faster).
    sample = text[:10_000].lower()
    folded = fold(sample)
    if category in (Category.SHIPPING_ISSUE, Category.ORDER_STATUS, Category.COMPLAINT, Category.DAMAGED_WRONG_ITEM):
        if _NOT_RECEIVED.search(sample) or _any(_LOST_PARCEL_RULES, folded):
            return True, "urgent:not_received"
    if category in (Category.DAMAGED_WRONG_ITEM, Category.COMPLAINT, Category.RETURN_EXCHANGE, Category.REFUND):
        if _DAMAGED.search(sample) or _any(_CRACKED_RULES, folded):
            return True, "urgent:damaged"
    if category not in (Category.PRODUCT_QUESTION, Category.FEEDBACK):
        if _DEADLINE.search(sample) and _SHIPPING_CONTEXT.search(sample):
            return True, "urgent:deadline"
    if _TAKEOVER.search(sample) or _any(_TAKEOVER_RULES, folded):
        return True, "urgent:account_takeover"
    if category not in (Category.PRODUCT_QUESTION, Category.FEEDBACK) and _BAD_PAYMENT.search(sample):
        return True, "urgent:payment"
    return False, ""
