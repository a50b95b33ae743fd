"""Hand-written phrase rules per category, in en, es, fr, de, it and pt.

Each category has a list of (rule name, pattern, weight). A rule fires at
most once per message; a category's score is the sum of the weights of the
rules that fired. Weight 2 marks phrases that settle the category on their
own ("arrived damaged", "Rücksendung"); weight 1 marks supporting words.

These rules carry the categories the Bitext intent data has no examples of
(damaged/wrong item, returns, shipping problems, merchants, disputes) and all
categories for languages other than English. They were written from the
stores' policy pages and general knowledge of shop mail, and checked for false
hits on the Bitext training files only (never on the held-out file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Category


@dataclass(frozen=True, slots=True)
class PhraseRule:
    name: str
    pattern: re.Pattern[str]
    weight: float


def _rules(category: str, *items: tuple[str, str, float]) -> tuple[PhraseRule, ...]:
    return tuple(
        PhraseRule(f"{category}/{name}", re.compile(pattern, re.I | re.U), weight)
        for name, pattern, weight in items
    )


_ITEM = (
    r"(?:item|items|product|products|order|package|parcel|box|bottle|jar|necklace|bracelet|ring|earrings?"
    r"|watch|chain|clasp|pendant|charm|lipstick|compact|palette|perfume|fragrance|cream|serum|dress|shirt"
    r"|shoes?|bag|jacket|piece|glass|lid|cap|one|it|they|everything|contents?|goods|merchandise|article)"
)
_BROKEN = (
    r"(?:damaged|broken|broke|cracked|smashed|shattered|crushed|dented|scratched|torn|ripped|leaking|leaked"
    r"|spilled|spilt|defective|faulty|tarnished|bent|snapped|stained|melted|opened|used)"
)

DAMAGED = _rules(
    "damaged_wrong_item",
    ("en_arrived_broken", rf"\b(?:arrived|came|got here|was delivered|received (?:it|them|my \w+)|showed up)\b[^.!?\n]{{0,30}}\b{_BROKEN}\b", 2),
    ("en_item_broken", rf"\b{_ITEM}\s+(?:is|was|are|were|has been|had been|came|arrived)\s+(?:\w+\s+){{0,2}}{_BROKEN}\b", 2),
    ("en_broken_item", rf"\b(?:damaged|broken|cracked|smashed|shattered|defective|faulty|leaking)\s+(?:\w+\s+)?{_ITEM}\b", 2),
    ("en_defective", r"\b(?:defective|faulty|manufacturing defect|doesn'?t work|does not work|stopped working|not working properly|fell apart|came apart|fell off)\b", 1.5),
    ("en_wrong_item", r"\b(?:wrong|incorrect|different)\s+(?:\w+\s+)?(?:item|items|product|size|colou?r|shade|model|style|one|thing|order|scent|package|parcel|necklace|bracelet|ring|earrings?|watch|dress|shoes?)\b(?![^.!?\n]{0,25}\b(?:address|password|email|charge|amount|price)\b)", 2),
    ("en_not_what_ordered", r"\bnot what I (?:ordered|bought|purchased)\b|\bsent me (?:the wrong|a different|someone else'?s)\b|\bsomeone else'?s order\b", 2),
    ("en_missing_item", r"\b(?:item|items|product|products|piece|pieces|part|parts|one|something)\s+(?:\w+\s+)?(?:is|are|was|were)\s+missing\b|\bmissing\s+(?:an?\s+|one\s+|two\s+|the\s+)?(?:item|items|product|products|piece|part|earring|bottle)\b|\bmissing from (?:my|the) (?:order|package|parcel|box|delivery)\b", 2),
    ("en_partial", r"\bonly (?:received|got) (?:one|two|three|\d+|part|half)\b|\b(?:empty|half[- ]empty) (?:box|package|parcel)\b|\bincomplete (?:order|package|delivery)\b", 2),
    ("es", r"\b(?:lleg[óo]|vino|recib[íi])\b[^.!?\n]{0,30}\b(?:dañad[oa]s?|rot[oa]s?|defectuos[oa]s?|abiert[oa]s?|roto)\b|\b(?:dañad[oa]s?|defectuos[oa]s?|estropead[oa]s?)\b|\b(?:producto|artículo|articulo|talla|color|pedido)\s+(?:\w+\s+)?(?:equivocad[oa]|incorrect[oa]|errone[oa])\b|\bno es (?:lo|el) que (?:ped[íi]|compr[ée])\b|\b(?:falta|faltan|faltaba|faltaban)\s+(?:un|una|el|la|los|las|dos|\d+|algo|artículos?|productos?)\b|\b(?:pedido|paquete) incompleto\b", 2),
    ("fr", r"\b(?:endommag[ée]e?s?|cass[ée]e?s?|ab[îi]m[ée]e?s?|d[ée]fectueu(?:x|se|ses)|bris[ée]e?s?|f[êe]l[ée]e?s?)\b|\b(?:mauvais|mauvaise|mauvaises)\s+(?:article|produit|taille|couleur|teinte|mod[èe]le|pointure)\b|\b(?:article|produit)\s+(?:erron[ée]|incorrect)\b|\bpas (?:ce que|celui que|celle que) j'?ai command[ée]\b|\bil (?:me )?manque\b|\b(?:article|produit)s? manquants?\b|\b(?:colis|commande) incompl[èe]te?\b", 2),
    ("de", r"\b(?:besch[äa]digt(?:e[nrsm]?)?|kaputt(?:e[nrsm]?)?|defekt(?:e[nrsm]?)?|zerbrochen(?:e[nrsm]?)?|zerkratzt|ausgelaufen|gebrochen)\b|\b(?:falsche[nrsm]?|verkehrte[nrsm]?)\s+(?:artikel|produkt|gr[öo](?:ß|ss)e|farbe|ware|lieferung|teil|modell|farbton)\b|\bnicht (?:das|was) (?:ich )?bestellt\b|\b(?:fehlt|fehlen|fehlende[nrsm]?)\b(?![^.!?\n]{0,30}\b(?:passwort|rechnung)\b)|\bunvollst[äa]ndig(?:e[nrsm]?)?\b", 2),
    ("it", r"\b(?:danneggiat[oaie]|rott[oaie]|difettos[oaie]|rovinat[oaie]|graffiat[oaie]|ammaccat[oaie])\b|\b(?:articolo|prodotto|taglia|colore|modello)\s+(?:\w+\s+)?sbagliat[oaie]\b|\bnon (?:è|e) quello che ho ordinato\b|\b(?:manca|mancano|mancante|mancanti)\b|\b(?:ordine|pacco) incomplet[oa]\b", 2),
    ("pt", r"\b(?:danificad[oa]s?|quebrad[oa]s?|estragad[oa]s?|defeituos[oa]s?|avariad[oa]s?|amassad[oa]s?|riscad[oa]s?)\b|\b(?:produto|item|artigo|tamanho|cor|modelo)\s+(?:\w+\s+)?errad[oa]s?\b|\bn[ãa]o (?:é|e) o que (?:eu )?(?:pedi|comprei|encomendei)\b|\b(?:falta|faltam|faltando|faltou)\s+(?:um|uma|o|a|os|as|dois|\d+|item|itens|produtos?)\b|\b(?:pedido|encomenda|pacote) incomplet[oa]\b", 2),
)

SHIPPING_ISSUE = _rules(
    "shipping_issue",
    ("en_not_arrived", r"\b(?:hasn'?t|has not|haven'?t|have not|never|didn'?t|did not|still not|not yet|still hasn'?t|still haven'?t|is yet to|has yet to|have yet to|still did not|still didn'?t|still have not)\s+(?:been\s+)?(?:arrived?|received?|got|gotten|come|came|shown up|showed up|delivered|reached me|turned up|here)\b", 2),
    ("en_not_received_yet", r"\bnot (?:been )?(?:received|delivered|arrived)\b[^.!?\n]{0,20}\byet\b|\bstill (?:waiting|hasn'?t|have not|haven'?t|not here|no sign)\b[^.!?\n]{0,40}\b(?:order|package|parcel|delivery|shipment|item|it)\b|\bwhere is my (?:package|parcel|order|delivery|shipment)\b[^.!?\n]{0,40}\b(?:weeks?|days?|late|overdue|supposed)\b", 2),
    ("en_lost_stuck", r"\b(?:package|parcel|order|shipment|delivery|item|tracking)\s+(?:\w+\s+){0,2}(?:lost|stuck|delayed|late|missing|stolen|held up|overdue|on hold|returned to sender)\b|\blost (?:package|parcel|shipment|order|in (?:the )?(?:mail|post|transit))\b|\b(?:delayed|late|missing|lost|stolen|undelivered) (?:delivery|shipment|order|package|parcel)\b", 2),
    ("en_customs", r"\b(?:customs|import duties|import tax|held at (?:the )?(?:depot|warehouse|post office))\b", 2),
    ("en_marked_delivered", r"\b(?:says|said|shows|showed|marked|listed|states|status (?:is|says)|tracking (?:says|shows))\s+(?:as\s+|it\s+(?:was\s+|has been\s+|is\s+)?|that it (?:was|has been) )?delivered\b[^.!?\n]{0,60}\b(?:but|yet|however|not|never|no)\b", 2),
    ("en_tracking_stale", r"\btracking\b[^.!?\n]{0,40}\b(?:hasn'?t|has not|not|no|doesn'?t|does not|didn'?t)\s+(?:been\s+)?(?:updated?|moved|changed|show|work)", 2),
    ("en_should_have", r"\b(?:should have|was supposed to|were supposed to|was meant to|expected to)\s+(?:have\s+)?(?:arrived?|been delivered|be delivered|be here)\b", 1.5),
    ("en_wrong_address_delivered", r"\bdelivered to (?:the )?wrong (?:address|house|person|place)\b|\bdelivered to my neighbou?r\b", 2),
    ("es", r"\b(?:no|a[úu]n no|todav[íi]a no|nunca|sigue sin)\s+(?:me\s+)?(?:ha|han|he|hemos|lo he|la he)?\s*(?:llegado|lleg[óo]|recibido|recib[íi]|entregado|llegar|recibir)\b|\b(?:paquete|pedido|env[íi]o)\s+(?:\w+\s+)?(?:perdid[oa]|retrasad[oa]|extraviad[oa]|atascad[oa]|retenid[oa]|demorad[oa])\b|\b(?:retraso|retrasado|extraviado|aduana|aduanas)\b|\b(?:marcado|aparece|figura|dice)\s+como\s+entregado\b", 2),
    ("fr", r"\b(?:pas encore|jamais|toujours pas|n'?ai pas|n'?ai toujours pas|n'?est (?:toujours )?pas|ne l'?ai (?:toujours )?pas)\s+(?:été\s+)?(?:re[çc]ue?s?|arriv[ée]e?s?|livr[ée]e?s?)\b|\b(?:colis|commande|envoi|livraison)\s+(?:\w+\s+)?(?:perdue?|[ée]gar[ée]e?|bloqu[ée]e?|en retard|retard[ée]e?)\b|\b(?:retard|douane|douanes)\b|\b(?:marqu[ée]e?|indiqu[ée]e?|affich[ée]e?)\s+comme\s+livr[ée]e?\b", 2),
    ("de", r"\b(?:nicht|noch nicht|nie|immer noch nicht|bis heute nicht)\s+(?:\w+\s+){0,2}(?:angekommen|erhalten|geliefert|zugestellt|bekommen|eingetroffen)\b|\b(?:paket|sendung|lieferung|bestellung)\s+(?:\w+\s+){0,2}(?:verloren|verschollen|versp[äa]tet|h[äa]ngt|feststeckt|verz[öo]gert)\b|\b(?:versp[äa]tung|verz[öo]gerung|lieferverz[öo]gerung|zoll|zollamt)\b|\bals zugestellt\b", 2),
    ("it", r"\b(?:non|ancora non|mai)\s+(?:mi\s+)?(?:è|e|sono|ho)?\s*(?:ancora\s+)?(?:arrivat[oaie]|ricevut[oaie]|consegnat[oaie])\b|\b(?:pacco|ordine|spedizione|consegna)\s+(?:\w+\s+)?(?:smarrit[oa]|pers[oa]|bloccat[oa]|in ritardo|ritardat[oa])\b|\b(?:ritardo|smarrito|smarrita|dogana)\b|\brisulta consegnat[oa]\b", 2),
    ("pt", r"\b(?:n[ãa]o|ainda n[ãa]o|nunca)\s+(?:me\s+)?(?:foi\s+)?(?:chegou|chegaram|recebi|recebido|entregue|entregou|chegar|receber)\b|\b(?:pacote|encomenda|pedido|envio|entrega)\s+(?:\w+\s+)?(?:perdid[oa]|extraviad[oa]|atrasad[oa]|pres[oa]|retid[oa]|parad[oa])\b|\b(?:atraso|atrasad[oa]|extraviad[oa]|alf[âa]ndega)\b|\b(?:consta|aparece|marcad[oa])\s+como\s+entregue\b", 2),
)

ORDER_CHANGE = _rules(
    "order_change",
    ("en_cancel", r"\bcancel+(?:l?ing|l?ed|ation)?\b[^.!?\n]{0,30}\b(?:order|purchase)\b|\b(?:order|purchase)\b[^.!?\n]{0,20}\bcancel", 2),
    ("en_modify", r"\b(?:change|modify|edit|update|amend|correct|alter)\s+(?:\w+\s+){0,2}(?:order|purchase|shipping address|delivery address|address|quantity)\b|\b(?:add|remove)\s+(?:\w+\s+){0,3}(?:to|from)\s+(?:my|the)\s+order\b|\bwrong (?:shipping |delivery )?address\b|\b(?:put|entered|typed|gave) (?:the |a )?wrong address\b", 2),
    ("es", r"\b(?:cancelar|anular|modificar|cambiar|corregir)\s+(?:\w+\s+){0,2}(?:pedido|compra|orden|direcci[óo]n)\b|\bcancelaci[óo]n\b", 2),
    ("fr", r"\b(?:annuler|modifier|changer|corriger)\s+(?:\w+\s+){0,2}(?:commande|achat|adresse)\b|\bannulation\b", 2),
    ("de", r"\b(?:stornieren|storniert|stornierung|storno)\b|\b(?:bestellung|lieferadresse|adresse|anschrift)\s+(?:\w+\s+){0,2}(?:[äa]ndern|korrigieren|anpassen)\b|\b(?:lieferadresse|adress[äa]nderung)\b", 2),
    ("it", r"\b(?:annullare|modificare|cambiare|correggere)\s+(?:\w+\s+){0,2}(?:ordine|acquisto|indirizzo)\b|\bannullamento\b", 2),
    ("pt", r"\b(?:cancelar|alterar|mudar|modificar|corrigir)\s+(?:\w+\s+){0,2}(?:pedido|encomenda|compra|endere[çc]o)\b|\bcancelamento\b", 2),
)

RETURN_EXCHANGE = _rules(
    "return_exchange",
    ("en_return", r"\b(?:return|send back|exchange|swap)\s+(?:\w+\s+){0,3}(?:item|items|product|products|order|it|them|this|these|those|purchase|necklace|bracelet|ring|earrings?|dress|shoes?|size)\b|\b(?:make|start|initiate|process|request|arrange|begin)\s+(?:a|an)\s+(?:return|exchange)\b", 2),
    ("en_return_words", r"\breturns? (?:label|policy|process|procedure|form|address|authori[sz]ation|request|window|shipping)\b|\b(?:rma|exchange policy|exchange for (?:a|an|another)|(?:bigger|smaller|different|another) size)\b", 2),
    ("en_returning", r"\b(?:returning|exchanging|exchange)\b|\bwant to return\b|\bcan I return\b", 1),
    ("es", r"\b(?:devolver|devoluci[óo]n|devoluciones|cambiar\s+(?:\w+\s+)?(?:talla|tama[ñn]o|producto|art[íi]culo|color)|cambio de (?:talla|producto|art[íi]culo)|etiqueta de (?:env[íi]o|devoluci[óo]n))\b(?![^.!?\n]{0,20}\bdinero\b)", 2),
    ("fr", r"\b(?:retourner|renvoyer|[ée]changer|[ée]change|retours?)\b(?![^.!?\n]{0,10}\b(?:de l'argent|du paiement)\b)", 2),
    ("de", r"\b(?:zur[üu]cksenden|zur[üu]ckschicken|zur[üu]ckgeben|r[üu]cksendung|retoure|retournieren|umtauschen|umtausch|r[üu]ckgabe|r[üu]cksendeetikett)\b", 2),
    ("it", r"\b(?:restituire|restituzione|reso|resi|rispedire|sostituire|sostituzione|cambio (?:taglia|prodotto|articolo)|cambiare (?:la )?(?:taglia|misura))\b", 2),
    ("pt", r"\b(?:devolver|devolu[çc][ãa]o|trocar|troca|trocas|etiqueta de devolu[çc][ãa]o)\b(?![^.!?\n]{0,20}\bdinheiro\b)", 2),
)

REFUND = _rules(
    "refund",
    ("en_refund", r"\b(?:refund|refunds|refunded|refunding|reimburse|reimbursed|reimbursement|money back|my money|credit (?:back|note)|store credit)\b", 2),
    ("es", r"\b(?:reembolso|reembolsar|reembolsen|reintegro|devoluci[óo]n del dinero|devolver (?:el|mi) dinero|me devuelvan (?:el|mi) dinero)\b", 2),
    ("fr", r"\b(?:remboursement|rembourser|rembours[ée]e?s?|remboursez)\b", 2),
    ("de", r"\b(?:r[üu]ckerstattung|erstattung|erstatten|erstattet|geld zur[üu]ck|r[üu]ckzahlung|gutschrift)\b", 2),
    ("it", r"\b(?:rimborso|rimborsare|rimborsat[oa]|rimborsi)\b", 2),
    ("pt", r"\b(?:reembolso|reembolsar|estorno|estornar|dinheiro de volta|devolu[çc][ãa]o do dinheiro)\b", 2),
)

PAYMENT = _rules(
    "payment",
    ("en_charge", r"\b(?:charged|billed|debited)\s+(?:me\s+)?(?:twice|two times|double|again|wrong|incorrect|more)\b|\b(?:double|duplicate|unauthori[sz]ed|extra|unknown)\s+(?:charge|payment|transaction)s?\b", 2),
    ("en_payment", r"\b(?:payment|payments|pay|paying|paid|checkout|invoice|invoices|receipt|billing|bill|charge|charged|transaction|declined|gift card|giftcard|voucher|promo code|discount code|coupon|credit card|debit card|paypal|apple pay|google pay|klarna|afterpay|installments?|vat)\b", 1),
    ("es", r"\b(?:pago|pagos|pagar|pagu[ée]|cobro|cobrado|cobraron|cargo|factura|facturas|tarjeta|tarjeta de regalo|cup[óo]n|transacci[óo]n)\b", 1),
    ("es_double", r"\b(?:cobrado|cobraron|cargaron|cobr[óo])\b[^.!?\n]{0,20}\b(?:dos veces|doble)\b", 2),
    ("fr", r"\b(?:paiement|paiements|payer|pay[ée]|d[ée]bit[ée]e?|pr[ée]l[èe]vement|factur[ée]e?|facture|factures|carte bancaire|carte cadeau|bon d'achat|code promo|transaction)\b", 1),
    ("fr_double", r"\bd[ée]bit[ée]e?\b[^.!?\n]{0,20}\b(?:deux fois|en double)\b", 2),
    ("de", r"\b(?:zahlung|zahlungen|bezahlung|bezahlt|bezahlen|zahlen|abgebucht|abbuchung|rechnung|rechnungen|kreditkarte|gutschein|geschenkkarte|gutscheincode|lastschrift|[üu]berweisung|transaktion|paypal|klarna)\b", 1),
    ("de_double", r"\b(?:doppelt|zweimal)\s+(?:\w+\s+)?(?:abgebucht|belastet|berechnet|bezahlt)\b", 2),
    ("it", r"\b(?:pagamento|pagamenti|pagare|pagato|addebit[oa]|addebitat[oa]|fattura|fatture|carta di credito|buono regalo|carta regalo|codice sconto|transazione|bonifico)\b", 1),
    ("it_double", r"\baddebitat[oa]\b[^.!?\n]{0,20}\b(?:due volte|doppio)\b", 2),
    ("pt", r"\b(?:pagamento|pagamentos|pagar|paguei|pago|cobran[çc]a|cobrad[oa]|fatura|faturas|nota fiscal|boleto|pix|cart[ãa]o|vale[- ]presente|cupom|transa[çc][ãa]o)\b", 1),
    ("pt_double", r"\bcobrad[oa]\b[^.!?\n]{0,20}\b(?:duas vezes|em dobro)\b", 2),
)

ACCOUNT = _rules(
    "account",
    ("en_login", r"\b(?:log ?in|login|logging in|sign ?in|signing in|password|username|user name|two[- ]factor|2fa|verification code|locked out|hacked|compromised|reset link|account)\b", 1),
    ("en_account_action", r"\b(?:create|delete|close|open|register|deactivate|edit|update|change|recover|reset|access|unlock|merge|switch)\s+(?:\w+\s+){0,2}(?:account|password|profile|username|e-?mail address)\b|\b(?:can'?t|cannot|unable to|couldn'?t) (?:log ?in|sign ?in|access my account|register)\b", 2),
    ("es", r"\b(?:cuenta|contrase[ñn]a|iniciar sesi[óo]n|inicio de sesi[óo]n|registrarme|registro|usuario|perfil|hackead[oa]|acceder)\b", 1),
    ("fr", r"\b(?:compte|mot de passe|connexion|me connecter|identifiant|inscription|m'inscrire|profil|pirat[ée])\b", 1),
    ("de", r"\b(?:konto|kundenkonto|benutzerkonto|passwort|kennwort|anmelden|anmeldung|einloggen|registrieren|registrierung|benutzername|profil|gehackt)\b", 1),
    ("it", r"\b(?:account|password|accesso|accedere|registrazione|registrarmi|profilo|nome utente|hackerat[oa])\b", 1),
    ("pt", r"\b(?:conta|senha|login|entrar na|cadastro|cadastrar|registro|perfil|usu[áa]rio|hackead[oa]|invadid[oa])\b", 1),
)

PRODUCT_QUESTION = _rules(
    "product_question",
    ("en_stock", r"\b(?:in stock|out of stock|back in stock|restock|restocking|sold out|available|availability|pre-?order)\b", 1.5),
    ("en_attributes", r"\b(?:ingredients?|vegan|cruelty[- ]free|hypoallergenic|fragrance[- ]free|paraben|nickel|sterling silver|gold[- ]plated|solid gold|waterproof|water[- ]resistant|material|materials|made of|size (?:guide|chart)|what size|which size|sizing|fit|shade|shades|skin type|sensitive skin|allerg\w*|recommend\w*|suggest (?:a|an|some)|gift (?:idea|set|wrap\w*)|engrav\w*)\b", 1.5),
    ("en_shipping_info", r"\b(?:do you (?:ship|deliver)|ship(?:ping)? to|international (?:shipping|delivery)|shipping (?:costs?|rates?|fees?|times?|options?|methods?)|delivery (?:costs?|times?|options?|methods?)|how long does (?:shipping|delivery) take|how much (?:is|does) (?:shipping|delivery)|free shipping)\b", 1.5),
    ("en_prepurchase", r"\b(?:thinking (?:about|of) (?:buying|ordering|getting)|planning (?:to|on) (?:buy|order|purchase)|before (?:I|we) (?:buy|order|purchase)|want(?:ed)? to (?:buy|order|purchase)|place an order|(?:do|does) (?:you|it|this|they) (?:have|come|contain|sell|carry|offer|make))\b", 1.5),
    ("es", r"\b(?:tienen|disponible|disponibles|disponibilidad|en stock|agotad[oa]|ingredientes|talla|tallas|gu[íi]a de tallas|tono|tonos|material|recomiend\w*|recomendaci[óo]n|env[íi]an a|gastos de env[íi]o|costo de env[íi]o|cu[áa]nto tarda|quisiera comprar|quiero comprar)\b", 1.5),
    ("fr", r"\b(?:avez-vous|disponible|disponibles|disponibilit[ée]|en stock|rupture de stock|ingr[ée]dients?|taille|tailles|guide des tailles|teinte|teintes|mati[èe]re|conseill\w*|recommand\w*|livrez-vous|frais de (?:port|livraison)|d[ée]lai de livraison|je voudrais acheter|souhaite acheter)\b", 1.5),
    ("de", r"\b(?:haben sie|auf lager|vorr[äa]tig|verf[üu]gbar|verf[üu]gbarkeit|ausverkauft|inhaltsstoffe|gr[öo](?:ß|ss)e|gr[öo](?:ß|ss)entabelle|farbton|material|empfehl\w*|liefern sie|versandkosten|lieferzeit|kaufen m[öo]chte|m[öo]chte (?:\w+ )?kaufen)\b", 1.5),
    ("it", r"\b(?:avete|disponibile|disponibili|disponibilit[àa]|esaurit[oa]|ingredienti|taglia|taglie|guida alle taglie|tonalit[àa]|materiale|consigli\w*|spedite|costi di spedizione|tempi di consegna|vorrei acquistare|vorrei comprare)\b", 1.5),
    ("pt", r"\b(?:voc[êe]s t[êe]m|tem em estoque|dispon[íi]ve(?:l|is)|disponibilidade|esgotad[oa]|ingredientes|tamanho|tamanhos|tabela de medidas|tom|tons|material|recomend\w*|enviam para|frete|prazo de entrega|gostaria de comprar|quero comprar)\b", 1.5),
)

COMPLAINT = _rules(
    "complaint",
    ("en_complaint", r"\b(?:complain|complaint|complaints|complaining|grievance)\b", 2),
    ("en_escalate", r"\b(?:escalate|escalation|(?:speak|talk) (?:to|with) (?:a|your|the) (?:manager|supervisor|someone in charge)|your manager|your supervisor)\b", 2),
    ("en_unhappy", r"\b(?:unacceptable|outrageous|ridiculous|disgusted|disgraceful|appalling|appalled|furious|terrible (?:service|experience|customer service)|worst (?:service|experience|customer service)|poor (?:service|customer service)|rude|unprofessional|incompetent)\b|\b(?:very|extremely|really|so|deeply|totally|completely)\s+(?:disappointed|unhappy|frustrated|dissatisfied|upset|angry|annoyed)\b|\bnot (?:happy|satisfied) with (?:the |your )?(?:service|support|response|way)\b", 1.5),
    ("en_ignored", r"\b(?:nobody|no one|no-one|none of you)\s+(?:has\s+|have\s+)?(?:answered|replied|responded|got back|gotten back|called|helped)\b|\b(?:still )?no (?:answer|response|reply)\b|\b(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time (?:I|i'?m|i have|i am)\b|\bI have (?:written|emailed|called|contacted you) (?:\w+ ){0,2}(?:times|twice|already)\b", 2),
    ("es", r"\b(?:queja|quejas|quejarme|reclamaci[óo]n|reclamo|inaceptable|decepcionad[oa]|indignad[oa]|p[ée]simo|vergonzoso|nadie (?:me )?(?:ha )?respond\w*|hablar con (?:un|el|su) (?:gerente|supervisor|responsable))\b", 2),
    ("fr", r"\b(?:plainte|r[ée]clamation|inacceptable|d[ée]çue?|m[ée]contente?|scandaleux|lamentable|inadmissible|personne ne (?:m'?a )?r[ée]pond\w*|parler (?:à|avec) (?:un|votre) responsable)\b", 2),
    ("de", r"\b(?:beschwerde|beschweren|inakzeptabel|unversch[äa]mt|entt[äa]uscht|unzufrieden|frechheit|skandal[öo]s|niemand (?:hat )?(?:geantwortet|antwortet|reagiert)|vorgesetzten)\b", 2),
    ("it", r"\b(?:reclamo|reclami|lamentela|inaccettabile|delus[oa]|insoddisfatt[oa]|vergognoso|nessuno (?:mi )?(?:ha )?rispost\w*|parlare con (?:un|il) responsabile)\b", 2),
    ("pt", r"\b(?:reclama[çc][ãa]o|reclamar|inaceit[áa]vel|decepcionad[oa]|insatisfeit[oa]|absurdo|p[ée]ssimo|vergonhoso|ningu[ée]m (?:me )?respond\w*|falar com (?:o|um) (?:gerente|supervisor|respons[áa]vel))\b", 2),
)

FEEDBACK = _rules(
    "feedback",
    ("en_praise", r"\b(?:love|loved|loving|adore|amazing|awesome|excellent|fantastic|wonderful|brilliant|outstanding|superb|impressed|delighted|thrilled|beautiful)\b|\b(?:great|good|fast|quick|friendly|helpful) (?:service|job|work|experience|support|team|quality|delivery|shipping)\b|\b(?:very|so|really) (?:happy|pleased|satisfied)\b|\bkeep up the good work\b", 1),
    ("en_suggest", r"\b(?:suggestion|suggestions|feedback|review|reviews|would be (?:nice|great|helpful) if|you should (?:add|offer|consider|make)|it would be great)\b", 1),
    ("es", r"\b(?:me encant[aó]|encantad[oa]|excelente|genial|maravillos[oa]|estupend[oa]|sugerencia|felicitar|felicidades|opini[óo]n|muy content[oa])\b", 1),
    ("fr", r"\b(?:j'adore|ador[ée]|excellent|excellente|g[ée]nial|magnifique|suggestion|bravo|f[ée]licitations|avis|tr[èe]s satisfait|ravie?)\b", 1),
    ("de", r"\b(?:toll|super|begeistert|wunderbar|hervorragend|ausgezeichnet|vorschlag|anregung|feedback|lob|sehr zufrieden)\b", 1),
    ("it", r"\b(?:adoro|ottimo|ottima|fantastico|fantastica|meraviglios[oa]|suggerimento|complimenti|molto soddisfatt[oa]|recensione)\b", 1),
    ("pt", r"\b(?:adorei|amei|excelente|[óo]timo|[óo]tima|maravilhos[oa]|sugest[ãa]o|parab[ée]ns|muito satisfeit[oa]|avalia[çc][ãa]o)\b", 1),
)

MERCHANT = _rules(
    "merchant",
    ("en_seller", r"\b(?:my|our) (?:store|shop|storefront|listings?|inventory|seller account|merchant account|products? listings?|catalog(?:ue)?)\b|\bseller (?:account|center|centre|dashboard|portal|fees?|support|rating|performance)\b|\bas a (?:seller|merchant|vendor)\b|\b(?:merchant|vendor) (?:account|center|centre|support|dashboard)\b", 2),
    ("en_settlement", r"\b(?:settlement|settlements|payout|payouts|withdraw(?:al|als)?|withdrawing)\b[^.!?\n]{0,40}\b(?:funds?|earnings|balance|sales|account|money|store|shop|pending|failed|delayed)?|\blisting (?:was |has been |got )?(?:removed|rejected|suspended|taken down|blocked)\b|\b(?:upload|list|add) (?:my |new )?products\b", 2),
    ("es", r"\b(?:mi tienda|vendedor(?:es)?|cuenta de vendedor|retiro de fondos|liquidaci[óo]n|mis publicaciones|mi inventario)\b", 2),
    ("fr", r"\b(?:ma boutique|vendeur|compte vendeur|versement|retrait des fonds|mes annonces|mon inventaire)\b", 2),
    ("de", r"\b(?:mein shop|meinen shop|h[äa]ndlerkonto|verk[äa]uferkonto|als verk[äa]ufer|auszahlung|meine angebote|mein inventar)\b", 2),
    ("it", r"\b(?:il mio negozio|account venditore|come venditore|prelievo|i miei annunci|il mio inventario)\b", 2),
    ("pt", r"\b(?:minha loja|conta de vendedor|como vendedor|saque|repasse|meus an[úu]ncios)\b", 2),
)

DISPUTE = _rules(
    "dispute",
    ("en_dispute", r"\b(?:dispute|disputes|mediation|mediate|buyer protection|a-to-z|open (?:a )?(?:case|claim))\b", 2),
    ("en_other_party", r"\bthe (?:seller|vendor|merchant|buyer)\s+(?:\w+\s+)?(?:refuses|refused|won'?t|will not|doesn'?t|does not|didn'?t|did not|isn'?t|is not|never|ignores|ignored|scammed|cheated|keeps)\b|\b(?:scam|scammed|scammer|fraudulent seller)\b", 2),
    ("es", r"\b(?:disputa|mediaci[óo]n|el vendedor no|el comprador no)\b", 2),
    ("fr", r"\b(?:litige|m[ée]diation|le vendeur ne|l'acheteur ne)\b", 2),
    ("de", r"\b(?:streitfall|schlichtung|der verk[äa]ufer (?:antwortet|reagiert|weigert)|der k[äa]ufer (?:antwortet|reagiert|weigert))\b", 2),
    ("it", r"\b(?:controversia|contestazione|mediazione|il venditore non|l'acquirente non)\b", 2),
    ("pt", r"\b(?:disputa|media[çc][ãa]o|o vendedor n[ãa]o|o comprador n[ãa]o)\b", 2),
)

ORDER_STATUS = _rules(
    "order_status",
    ("en_where", r"\bwhere(?:'s| is| are)\s+(?:my|the|our)\s+(?:\w+\s+)?(?:order|package|parcel|delivery|shipment|item|items|purchase)\b|\b(?:track|tracking|trace)\b|\b(?:has|have|did) (?:my|the) (?:order|package|parcel|item)s? (?:shipped|been shipped|been dispatched|left)\b|\b(?:order|shipping|delivery) (?:status|confirmation|update)\b|\bwhen will (?:my|the|it|they)\b[^.!?\n]{0,30}\b(?:arrive|ship|be delivered|be shipped|be dispatched)\b|\b(?:status of|update on) (?:my|the) (?:order|delivery|package|shipment)\b", 2),
    ("es", r"\b(?:d[óo]nde est[áa] (?:mi|el) (?:pedido|paquete|env[íi]o)|seguimiento|rastrear|rastreo|estado (?:de|del) (?:mi )?pedido|cu[áa]ndo (?:llega|llegar[áa]|enviar[áa]n))\b", 2),
    ("fr", r"\b(?:o[ùu] (?:en )?est ma commande|o[ùu] est mon colis|suivi|suivre (?:ma|mon)|[ée]tat de (?:ma|la) commande|quand (?:vais-je|est-ce que je vais) recevoir|quand (?:sera|arrivera))\b", 2),
    ("de", r"\b(?:wo ist (?:meine|mein|die|das) (?:bestellung|paket|lieferung|sendung)|sendungsverfolgung|sendungsnummer|trackingnummer|tracking|status (?:meiner|der) bestellung|wann (?:kommt|wird|kann ich)|versandbest[äa]tigung)\b", 2),
    ("it", r"\b(?:dov'?(?:è|e) il mio (?:ordine|pacco)|tracciamento|tracciare|tracking|stato (?:del|dell'|di) (?:mio )?ordine|quando arriver[àa]|quando (?:verr[àa]|sar[àa]) spedit[oa])\b", 2),
    ("pt", r"\b(?:onde est[áa] (?:o )?meu (?:pedido|pacote)|onde est[áa] a minha encomenda|rastreio|rastreamento|rastrear|c[óo]digo de rastreio|status do (?:meu )?pedido|estado da (?:minha )?encomenda|quando (?:vai )?chega(?:r|r[áa]))\b", 2),
)

RULES: dict[Category, tuple[PhraseRule, ...]] = {
    Category.DAMAGED_WRONG_ITEM: DAMAGED,
    Category.SHIPPING_ISSUE: SHIPPING_ISSUE,
    Category.ORDER_CHANGE: ORDER_CHANGE,
    Category.RETURN_EXCHANGE: RETURN_EXCHANGE,
    Category.REFUND: REFUND,
    Category.PAYMENT: PAYMENT,
    Category.ACCOUNT: ACCOUNT,
    Category.PRODUCT_QUESTION: PRODUCT_QUESTION,
    Category.COMPLAINT: COMPLAINT,
    Category.FEEDBACK: FEEDBACK,
    Category.MERCHANT: MERCHANT,
    Category.DISPUTE: DISPUTE,
    Category.ORDER_STATUS: ORDER_STATUS,
}


def rule_scores(text: str) -> tuple[dict[Category, float], dict[Category, list[str]]]:
    """Score every category on ``text``; also return the names of the rules that fired."""
    scores: dict[Category, float] = {}
    hits: dict[Category, list[str]] = {}
    for category, rules in RULES.items():
        total = 0.0
        names: list[str] = []
        for rule in rules:
            if rule.pattern.search(text):
                total += rule.weight
                names.append(rule.name)
        if names:
            scores[category] = total
            hits[category] = names
    return scores, hits
