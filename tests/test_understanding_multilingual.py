"""Product questions and payment mail in German, Spanish, French, Italian and Portuguese.

The policy these tests state: a customer asking whether something is in stock,
back in stock, available in a size, compatible with what they own, what it
costs, what its specifications are, or how to buy it (more licences, a
renewal, a higher plan) asks a product_question; a customer writing about an
invoice, a charge (twice, unexpected, on a bank statement), a declined or
failed payment, or how to pay (instalments, transfer) writes about payment.
Accents are optional: customers often leave them out.

The sentences were written for these tests; none comes from a corpus.
"""

from __future__ import annotations

import pytest

from mailbot.models import Address, Category, ParsedMessage
from mailbot.understanding import detect_language, understand
from mailbot.understanding.rules import fold


def _message(body: str, subject: str = "") -> ParsedMessage:
    return ParsedMessage(
        message_id="m1@customer.example",
        subject=subject,
        from_=Address("Kim", "kim@customer.example"),
        to=(Address("Shop", "help@shop.example"),),
        cc=(),
        reply_to=(),
        date=None,
        in_reply_to=(),
        references=(),
        headers=(("from", "Kim <kim@customer.example>"), ("to", "help@shop.example")),
        text=body,
        html="",
        content_type="text/plain",
        attachments=(),
        return_path="kim@customer.example",
        size=len(body.encode("utf-8")),
    )


PRODUCT_QUESTIONS = [
    # availability and stock
    ("de", "Ist die Jacke auch in Größe M erhältlich?"),
    ("de", "Wann ist der Artikel wieder lieferbar?"),
    ("es", "¿Cuándo vuelve a estar disponible el artículo?"),
    ("fr", "Quand l'article sera-t-il de nouveau en stock ?"),
    ("pt", "Quando o artigo estará disponível novamente?"),
    ("it", "Avete questo modello disponibile in magazzino?"),
    # compatibility
    ("de", "Ist dieses Ladegerät mit meinem Laptop kompatibel?"),
    ("es", "¿Es compatible este cargador con mi portátil?"),
    ("fr", "Ce chargeur est-il compatible avec mon ordinateur portable ?"),
    ("pt", "Este carregador é compatível com o meu notebook?"),
    ("it", "Questo caricabatterie è compatibile con il mio portatile?"),
    # specifications
    ("de", "Können Sie mir die technischen Daten des Druckers schicken?"),
    ("es", "¿Me pueden enviar las especificaciones técnicas de la impresora?"),
    ("fr", "Pouvez-vous m'envoyer les spécifications techniques de l'imprimante ?"),
    ("pt", "Podem me enviar as especificações técnicas da impressora?"),
    ("it", "Potete inviarmi le specifiche tecniche della stampante?"),
    # price and how to buy
    ("de", "Ist es möglich, das Gerät direkt bei Ihnen zu kaufen?"),
    ("es", "¿Es posible comprar el equipo directamente con ustedes?"),
    ("fr", "Quel est le prix de la licence annuelle pour dix utilisateurs ?"),
    ("fr", "Y a-t-il une remise sur la quantité si nous achetons 20 appareils ?"),
    ("pt", "Qual é o preço da licença anual para dez usuários?"),
    ("it", "È possibile acquistare il dispositivo direttamente da voi?"),
    ("de", "Anfrage zur Preisgestaltung Ihrer Cloud-Dienste"),
    # licences: renewing, extending, buying more
    ("de", "Wir möchten unsere Lizenz verlängern und brauchen zusätzliche Lizenzen."),
    ("es", "Queremos renovar nuestra licencia antes de que caduque."),
    ("pt", "Precisamos renovar a licença e adquirir licenças adicionais."),
    ("it", "Vorremmo rinnovare la nostra licenza per un altro anno."),
]

PAYMENTS = [
    ("de", "Die Abbuchung für den Monatsbeitrag erscheint zweimal auf meinem Kontoauszug."),
    ("de", "Bitte senden Sie mir eine Rechnung für meine letzte Bestellung."),
    ("de", "Frage zu den Kosten auf meiner letzten Monatsrechnung"),
    ("de", "Warum wurden mir zusätzliche Gebühren für das Abonnement berechnet?"),
    ("es", "Me cobraron dos veces el mismo pedido."),
    ("es", "Por favor envíenme la factura de mi última compra."),
    ("es", "¿Puedo pagar a plazos o con transferencia bancaria?"),
    ("es", "El pago falló pero el dinero se descontó de mi cuenta."),
    ("fr", "Pourriez-vous m'envoyer la facture de mon dernier achat ?"),
    ("fr", "Pourquoi des frais supplémentaires ont-ils été facturés sur mon abonnement ?"),
    ("fr", "Puis-je payer en plusieurs fois ou par virement ?"),
    ("pt", "Fui cobrado duas vezes pelo mesmo pedido."),
    ("pt", "A fatura tem um valor incorreto."),
    ("pt", "Por que cobraram taxas adicionais na minha assinatura?"),
    ("pt", "Posso pagar parcelado ou por transferência bancária?"),
    ("it", "La mia carta è stata rifiutata durante il pagamento."),
    ("it", "Perché mi sono stati addebitati costi aggiuntivi sull'abbonamento?"),
]


@pytest.mark.parametrize(("language", "text"), PRODUCT_QUESTIONS)
def test_questions_about_products_are_product_questions(language: str, text: str) -> None:
    result = understand(_message(text))
    assert result.language == language
    assert result.category is Category.PRODUCT_QUESTION, result.reasons


@pytest.mark.parametrize(("language", "text"), PAYMENTS)
def test_invoices_charges_and_ways_to_pay_are_payment(language: str, text: str) -> None:
    result = understand(_message(text))
    assert result.language == language
    assert result.category is Category.PAYMENT, result.reasons


@pytest.mark.parametrize(
    "text",
    [
        "Seit dem Update ist unser Server nicht erreichbar. Ist der Dienst wieder verfügbar? Die Datenbank meldet Fehler.",
        "El servidor no está disponible desde esta mañana y la base de datos no responde. ¿Cuándo estará disponible?",
        "Le serveur n'est plus disponible depuis la mise à jour du logiciel. Sera-t-il bientôt disponible ?",
        "O servidor não está disponível desde a atualização do software. Quando estará disponível novamente?",
        "Nach der Installation des Treibers stürzt die Software ab. Ist die Version mit unserem Netzwerk kompatibel?",
    ],
)
def test_an_it_outage_asking_about_availability_is_not_a_product_question(text: str) -> None:
    assert understand(_message(text)).category is Category.OTHER


@pytest.mark.parametrize(
    ("accented", "plain", "category"),
    [
        ("¿Está disponible en talla M? ¿Cuál es el precio?", "Esta disponible en talla M? Cual es el precio?",
         Category.PRODUCT_QUESTION),
        ("Erreur de facturation : j'ai été débité deux fois.", "Erreur de facturation : j'ai ete debite deux fois.",
         Category.PAYMENT),
        ("Cobrança indevida na minha fatura do cartão.", "Cobranca indevida na minha fatura do cartao.", Category.PAYMENT),
    ],
)
def test_accents_are_optional(accented: str, plain: str, category: Category) -> None:
    assert understand(_message(accented)).category is category
    assert understand(_message(plain)).category is category


def test_fold_drops_accents_and_case_only() -> None:
    assert fold("Facturación DÉBITÉ Größe Cobrança") == "facturacion debite große cobranca"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("pt", "O vestido está disponível no tamanho M?"),
        ("es", "Me cobraron dos veces el mismo pedido."),
        ("pt", "Fui cobrado duas vezes pelo mesmo pedido."),
    ],
)
def test_short_shop_questions_name_their_language(language: str, text: str) -> None:
    assert detect_language(text) == language
