"""Shop mail in German, Spanish, French, Italian and Portuguese, one table per category.

The policy: mail in any of these languages gets the same categories as English
shop mail (see test_understanding.py for the definitions). Customers use every
form of a verb ("cancelen", "annulée", "stornieren Sie"), write without
accents, greet and sign off; none of that changes the category.

The mails were written for these tests; none comes from a corpus.
"""

from __future__ import annotations

import pytest

from mailbot.models import Category
from mailbot.understanding import understand

from .test_understanding import message


SHOP_MAIL = [
    ('de', Category.ORDER_STATUS, 'Wo bleibt meine Bestellung 48213? Ich habe vor einer Woche bestellt.'),
    ('de', Category.ORDER_STATUS, 'Hallo,\nwo bleibt meine Bestellung 48213? Ich habe am 3. März bestellt und bisher keine Versandbestätigung bekommen. Können Sie mir sagen, wann das Paket rausgeht?\nViele Grüße\nAnna'),
    ('es', Category.ORDER_STATUS, 'Hola, ¿dónde está mi pedido 48213? Lo hice hace una semana.'),
    ('es', Category.ORDER_STATUS, 'Hola,\n¿me podéis decir cuándo llegará mi pedido 48213? Lo hice el lunes y todavía no sé nada.\nGracias\nLucía'),
    ('fr', Category.ORDER_STATUS, "Bonjour, où en est ma commande 48213 ? Je l'ai passée il y a une semaine."),
    ('fr', Category.ORDER_STATUS, "Bonjour,\nje voudrais savoir où en est ma commande n° 48213 passée le 5 mars. Je n'ai reçu aucune confirmation d'expédition pour l'instant.\nCordialement,\nSophie"),
    ('it', Category.ORDER_STATUS, "Buongiorno, dov'è il mio ordine 48213? L'ho fatto una settimana fa."),
    ('it', Category.ORDER_STATUS, 'Buongiorno,\nvorrei sapere dove si trova il mio ordine 48213, effettuato il 4 marzo. Non ho ancora ricevuto la mail di spedizione.\nGrazie\nGiulia'),
    ('pt', Category.ORDER_STATUS, 'Olá, onde está o meu pedido 48213? Fiz a compra há uma semana.'),
    ('pt', Category.ORDER_STATUS, 'Olá,\ngostaria de saber quando chega a minha encomenda 48213. Fiz o pedido no dia 3 e ainda não recebi nada.\nObrigada\nAna'),
    ('de', Category.SHIPPING_ISSUE, 'Laut Tracking sollte meine Bestellung 39102 schon am Dienstag da sein, sie hängt aber seit einer Woche im Paketzentrum Leipzig fest.'),
    ('de', Category.SHIPPING_ISSUE, 'Hallo,\nlaut DHL-Tracking wurde mein Paket (Bestellung 55102) am Freitag zugestellt, aber bei mir ist nichts angekommen. Auch bei den Nachbarn liegt nichts. Was nun?\nGruß\nTobias'),
    ('es', Category.SHIPPING_ISSUE, 'El seguimiento pone que el paquete fue entregado, pero yo no he recibido nada. Pedido 60418.'),
    ('es', Category.SHIPPING_ISSUE, 'Estimado equipo:\nMi envío lleva retenido en aduanas desde hace 12 días y nadie me informa de nada. Resido en Canarias. Pedido n.º 300441.\nUn cordial saludo,\nFernando Ruiz'),
    ('fr', Category.SHIPPING_ISSUE, "Le suivi indique que le colis a été livré, mais je n'ai rien reçu. Commande 60418."),
    ('fr', Category.SHIPPING_ISSUE, "Bonjour,\nle suivi Colissimo indique que mon colis a été livré mardi, mais je n'ai rien reçu, ni dans ma boîte aux lettres ni chez le gardien. Commande 55318.\nCordialement\nNicolas"),
    ('it', Category.SHIPPING_ISSUE, 'Il tracking dice consegnato ma io non ho ricevuto niente. Ordine 60418.'),
    ('it', Category.SHIPPING_ISSUE, "Buongiorno,\nil tracking dice che il pacco è stato consegnato ieri, ma io non ho ricevuto nulla e non c'è nemmeno un avviso di giacenza. Ordine 55612.\nSaluti\nAlessandro"),
    ('pt', Category.SHIPPING_ISSUE, 'O rastreio diz que foi entregue, mas eu não recebi nada. Pedido 60418.'),
    ('pt', Category.SHIPPING_ISSUE, 'Olá,\no rastreamento diz que a encomenda foi entregue ontem às 14h, mas eu não recebi nada e estava em casa. Pedido 55401.\nCumprimentos\nSofia'),
    ('de', Category.ORDER_CHANGE, 'Bitte stornieren Sie meine Bestellung 41877, ich habe es mir anders überlegt.'),
    ('de', Category.ORDER_CHANGE, 'Hallo,\nich mochte meine Bestellung 61234 bitte stornieren, ich habe das Kleid aus Versehen doppelt bestellt. Bitte nicht mehr verschicken.\nDanke\nLena'),
    ('es', Category.ORDER_CHANGE, 'Por favor cancelen mi pedido 41877, ya no lo necesito.'),
    ('es', Category.ORDER_CHANGE, 'Hola,\nquiero anular el pedido 61500, me he equivocado de modelo de móvil. Todavía no ha salido, ¿verdad?\nGracias\nIrene'),
    ('fr', Category.ORDER_CHANGE, "Merci d'annuler ma commande 41877, j'ai changé d'avis."),
    ('fr', Category.ORDER_CHANGE, "Bonjour,\nje souhaite annuler ma commande 61802, j'ai trouvé le même article ailleurs entre-temps. Merci de ne pas l'expédier.\nCordialement\nLaurent"),
    ('it', Category.ORDER_CHANGE, 'Vi prego di annullare il mio ordine 41877.'),
    ('it', Category.ORDER_CHANGE, "Buongiorno,\nvorrei annullare l'ordine 61044, ho sbagliato modello di cuffie. Non è ancora stato spedito, giusto?\nGrazie\nLuca"),
    ('pt', Category.ORDER_CHANGE, 'Por favor, cancelem a minha encomenda 41877.'),
    ('pt', Category.ORDER_CHANGE, 'Olá,\nquero cancelar a encomenda 61933, enganei-me no modelo do telemóvel. Ainda não foi enviada, certo?\nObrigado\nTiago'),
    ('de', Category.RETURN_EXCHANGE, 'Die Schuhe sind mir leider zu klein, wie kann ich sie zurückschicken?'),
    ('de', Category.RETURN_EXCHANGE, 'Hallo,\ndie Jeans aus Bestellung 44720 passt leider nicht, ich würde sie gern gegen eine Nummer größer umtauschen. Wie läuft das bei Ihnen ab?\nGrüße\nKatrin'),
    ('es', Category.RETURN_EXCHANGE, 'Las zapatillas me quedan pequeñas, ¿cómo puedo devolverlas?'),
    ('es', Category.RETURN_EXCHANGE, 'Hola,\nel vestido me queda grande, ¿puedo cambiarlo por una talla S? Pedido 44801.\nGracias\nClara'),
    ('fr', Category.RETURN_EXCHANGE, 'Les chaussures sont trop petites, comment puis-je les retourner ?'),
    ('fr', Category.RETURN_EXCHANGE, "Bonjour,\nle pull reçu est trop petit, est-il possible de l'échanger contre une taille L ? Commande 44915.\nMerci\nMarion"),
    ('it', Category.RETURN_EXCHANGE, 'Le scarpe sono strette, come posso restituirle?'),
    ('it', Category.RETURN_EXCHANGE, 'Ciao,\nil maglione è piccolo, posso cambiarlo con una taglia L? Ordine 44213.\nGrazie\nMartina'),
    ('pt', Category.RETURN_EXCHANGE, 'Os ténis ficaram pequenos, como faço para os devolver?'),
    ('pt', Category.RETURN_EXCHANGE, 'Olá,\nas calças ficaram largas, posso trocar por um 38? Encomenda 44102.\nObrigada\nCatarina'),
    ('de', Category.REFUND, 'Ich habe die Ware vor drei Wochen zurückgeschickt, aber das Geld ist immer noch nicht auf meinem Konto.'),
    ('de', Category.REFUND, 'Hallo,\nich habe den Mantel am 2. April zurückgeschickt und laut Tracking ist die Retoure seit 2 Wochen bei Ihnen. Mein Geld habe ich aber immer noch nicht. Bestellung 33481.\nGruß\nAndrea'),
    ('es', Category.REFUND, 'Devolví el artículo hace tres semanas y todavía no me han reembolsado el dinero.'),
    ('es', Category.REFUND, 'Hola,\ndevolví la chaqueta hace tres semanas y todavía no me habéis devuelto el dinero. El paquete os llegó el día 10. Pedido 33520.\nSaludos\nLaura'),
    ('fr', Category.REFUND, "J'ai renvoyé l'article il y a trois semaines et je n'ai toujours pas été remboursé."),
    ('fr', Category.REFUND, "Bonjour,\nj'ai renvoyé ma veste il y a trois semaines, vous l'avez bien reçue le 8 d'après le suivi, mais je n'ai toujours pas été remboursée. Commande 33612.\nCordialement\nNathalie"),
    ('it', Category.REFUND, "Ho restituito l'articolo tre settimane fa e non ho ancora ricevuto il rimborso."),
    ('it', Category.REFUND, "Buongiorno,\nho restituito il cappotto tre settimane fa, secondo il tracking l'avete ricevuto il 10, ma il rimborso non è ancora arrivato. Ordine 33815.\nSaluti\nSilvia"),
    ('pt', Category.REFUND, 'Devolvi o produto há três semanas e até agora não recebi o estorno.'),
    ('pt', Category.REFUND, 'Olá,\ndevolvi o casaco há três semanas e vocês receberam no dia 9, mas o reembolso ainda não caiu. Encomenda 33704.\nCumprimentos\nJoana'),
    ('de', Category.DAMAGED_WRONG_ITEM, 'Die Vase kam zerbrochen bei mir an, der Karton war völlig eingedrückt.'),
    ('de', Category.DAMAGED_WRONG_ITEM, 'Hallo,\nder Wandspiegel aus Bestellung 40219 kam mit einem Sprung im Glas an, der Karton war auch eingedrückt. Fotos hänge ich an. Wie geht es jetzt weiter?\nGrüße\nSimone'),
    ('es', Category.DAMAGED_WRONG_ITEM, 'El jarrón llegó roto, la caja venía toda aplastada.'),
    ('es', Category.DAMAGED_WRONG_ITEM, 'Buenas,\nfaltaba el cargador en la caja de los auriculares, solo venian los cascos y el cable. #E-5521\nUn saludo\nAlberto'),
    ('fr', Category.DAMAGED_WRONG_ITEM, 'Le vase est arrivé cassé, le carton était complètement écrasé.'),
    ('fr', Category.DAMAGED_WRONG_ITEM, 'Bonjour,\nla théière est arrivée cassée, le bec est complètement détaché et le carton était abîmé. Je joins des photos. Commande 40552.\nCordialement\nValérie'),
    ('it', Category.DAMAGED_WRONG_ITEM, 'Il vaso è arrivato rotto, la scatola era tutta schiacciata.'),
    ('it', Category.DAMAGED_WRONG_ITEM, 'Buongiorno,\nil vaso è arrivato rotto e il cartone era tutto ammaccato. Allego le foto. Ordine 40799.\nSaluti\nLaura'),
    ('pt', Category.DAMAGED_WRONG_ITEM, 'A jarra chegou partida e a caixa vinha toda amachucada.'),
    ('pt', Category.DAMAGED_WRONG_ITEM, 'Olá,\na jarra chegou partida em vários pedaços e a caixa vinha amachucada. Envio fotos em anexo. Encomenda 40688.\nCumprimentos\nMargarida'),
    ('de', Category.COMPLAINT, 'Ich habe Ihnen jetzt schon viermal geschrieben und niemand antwortet. So geht man nicht mit Kunden um.'),
    ('de', Category.COMPLAINT, 'Hallo,\nich möchte bitte mit einem Vorgesetzten sprechen. Ihre Mitarbeiterin an der Hotline war gestern extrem unfreundlich und hat einfach aufgelegt.\nGruß\nRainer'),
    ('es', Category.COMPLAINT, 'Les he escrito cuatro veces y nadie me contesta. Es una vergüenza.'),
    ('es', Category.COMPLAINT, 'Hola,\nquiero hablar con un responsable. La persona que me atendió por teléfono fue muy maleducada y me colgó sin más.\nSaludos\nRaúl'),
    ('fr', Category.COMPLAINT, "Je vous ai écrit quatre fois et personne ne me répond. C'est inadmissible."),
    ('fr', Category.COMPLAINT, "Bonjour,\nje voudrais parler à un responsable. Votre conseillère au téléphone m'a parlé de façon très désagréable et m'a raccroché au nez.\nMerci\nDidier"),
    ('it', Category.COMPLAINT, 'Vi ho scritto quattro volte e nessuno mi risponde. Vergognoso.'),
    ('it', Category.COMPLAINT, "Buongiorno,\nvorrei parlare con un responsabile. L'operatrice al telefono è stata molto scortese e mi ha chiuso la chiamata in faccia.\nSaluti\nFabio"),
    ('pt', Category.COMPLAINT, 'Já mandei quatro e-mails e ninguém me responde. Que descaso!'),
    ('pt', Category.COMPLAINT, 'Olá,\nquero falar com um supervisor. O atendente no telefone foi muito grosso comigo e desligou na minha cara.\nAtt\nMarcelo'),
    ('de', Category.PRODUCT_QUESTION, 'Ist der Mantel aus reiner Wolle oder ist da Polyester drin?'),
    ('de', Category.PRODUCT_QUESTION, "Hallo,\nfällt das Kleid 'Marina' eher klein oder groß aus? Ich trage normalerweise 38 und bin unsicher, welche Größe ich nehmen soll.\nDanke und Grüße\nLaura"),
    ('es', Category.PRODUCT_QUESTION, '¿El abrigo es 100% lana o lleva poliéster?'),
    ('es', Category.PRODUCT_QUESTION, 'Hola,\n¿los vaqueros Slim 501 tallan grande o pequeño? Normalmente uso una 40.\nGracias\nAna'),
    ('fr', Category.PRODUCT_QUESTION, 'Le manteau est-il en pure laine ou contient-il du polyester ?'),
    ('fr', Category.PRODUCT_QUESTION, 'Bonjour,\nest-ce que le sérum Éclat Vitamine C est testé sur les animaux ? Et contient-il du parfum ?\nCordialement\nMélanie'),
    ('it', Category.PRODUCT_QUESTION, 'Il cappotto è di pura lana o contiene poliestere?'),
    ('it', Category.PRODUCT_QUESTION, "Ciao,\nil vestito 'Estate' veste grande o piccolo? Di solito porto la 42.\nGrazie\nIlaria"),
    ('pt', Category.PRODUCT_QUESTION, 'O casaco é 100% lã ou tem poliéster?'),
    ('pt', Category.PRODUCT_QUESTION, "Olá,\no vestido 'Flor' veste grande ou pequeno? Normalmente uso M.\nObrigada\nVanessa"),
    ('de', Category.PAYMENT, 'Mir wurde die Bestellung 47310 zweimal von der Kreditkarte abgebucht.'),
    ('de', Category.PAYMENT, 'Hallo,\nmir wurde die Bestellung 47730 zweimal von der Kreditkarte abgebucht, jeweils 89,99 €. Bitte eine der Buchungen rückgängig machen.\nGrüße\nSven'),
    ('es', Category.PAYMENT, 'Me cobraron dos veces el pedido 47310 en la tarjeta.'),
    ('es', Category.PAYMENT, 'Hola,\nme habéis cobrado dos veces el mismo pedido (47802), dos cargos de 59,90 €. Por favor anulad uno.\nSaludos\nMiguel'),
    ('fr', Category.PAYMENT, "J'ai été débitée deux fois pour la commande 47310."),
    ('fr', Category.PAYMENT, "Bonjour,\nj'ai été débité deux fois pour la commande 47915 (2 x 74,90 €). Merci d'annuler le second prélèvement.\nCordialement\nOlivier"),
    ('it', Category.PAYMENT, "Mi avete addebitato due volte l'ordine 47310."),
    ('it', Category.PAYMENT, "Buongiorno,\nmi avete addebitato due volte l'ordine 47112, 64,90 € ciascuno. Vi prego di stornare uno degli addebiti.\nSaluti\nMassimo"),
    ('pt', Category.PAYMENT, 'Fui cobrada duas vezes pelo pedido 47310 no cartão.'),
    ('pt', Category.PAYMENT, 'Olá,\nfui cobrada duas vezes pela encomenda 47001, 39,90 € cada. Podem anular uma das cobranças?\nObrigada\nCláudia'),
    ('de', Category.ACCOUNT, "Ich komme nicht mehr in mein Kundenkonto, es heißt immer 'Passwort falsch'."),
    ('de', Category.ACCOUNT, 'Hallo,\nich komme nicht mehr in mein Kundenkonto, das Passwort wird als falsch angezeigt und die Mail zum Zurücksetzen kommt nie an.\nGrüße\nPaul'),
    ('es', Category.ACCOUNT, 'No puedo entrar a mi cuenta, me dice que la contraseña es incorrecta.'),
    ('es', Category.ACCOUNT, 'Hola,\nno puedo entrar en mi cuenta, dice que la contraseña es incorrecta y el correo para restablecerla no me llega.\nGracias\nHugo'),
    ('fr', Category.ACCOUNT, "Je n'arrive plus à me connecter à mon compte client."),
    ('fr', Category.ACCOUNT, 'Bonjour,\nimpossible de me connecter à mon compte client, on me dit que mon mot de passe est faux et je ne reçois pas le mail de réinitialisation.\nMerci\nMathieu'),
    ('it', Category.ACCOUNT, 'Non riesco ad accedere al mio account, dice password errata.'),
    ('it', Category.ACCOUNT, 'Buongiorno,\nnon riesco ad accedere al mio account, la password risulta sbagliata e la mail per reimpostarla non arriva mai.\nGrazie\nGabriele'),
    ('pt', Category.ACCOUNT, 'Não consigo entrar na minha conta, diz sempre que a senha está errada.'),
    ('pt', Category.ACCOUNT, 'Olá,\nnão consigo entrar na minha conta, diz que a palavra-passe está errada e o email de recuperação nunca chega.\nObrigado\nDiogo'),
    ('de', Category.FEEDBACK, 'Ich wollte nur sagen: super schnelle Lieferung und toll verpackt, danke!'),
    ('de', Category.FEEDBACK, 'Guten Tag,\nein Vorschlag: Es wäre toll, wenn man auf Ihrer Website nach nachhaltigen Materialien filtern könnte. Das würde mir die Suche sehr erleichtern.\nFreundliche Grüße\nMichael'),
    ('es', Category.FEEDBACK, 'Solo quería decirles que el pedido llegó rapidísimo y muy bien empaquetado. ¡Gracias!'),
    ('es', Category.FEEDBACK, 'Hola!\nSolo quería daros las gracias, el pedido llegó rapidísimo y muy bien empaquetado. Repetiré seguro.\nUn abrazo\nElena'),
    ('fr', Category.FEEDBACK, 'Je voulais simplement vous dire que la livraison a été super rapide, merci !'),
    ('fr', Category.FEEDBACK, 'Bonjour,\nun grand merci pour la rapidité de livraison et le joli emballage ! Je vous recommanderai sans hésiter.\nBelle journée\nBrigitte'),
    ('it', Category.FEEDBACK, 'Volevo solo dirvi che la consegna è stata velocissima, grazie!'),
    ('it', Category.FEEDBACK, 'Ciao!\nVolevo solo ringraziarvi, il pacco è arrivato in due giorni ed era confezionato benissimo. Ricomprerò sicuramente.\nUn abbraccio\nBeatrice'),
    ('pt', Category.FEEDBACK, 'Só queria agradecer, a entrega foi super rápida e veio tudo bem embalado!'),
    ('pt', Category.FEEDBACK, 'Olá!\nSó queria agradecer, a encomenda chegou super rápido e muito bem embalada. Vou voltar a comprar com certeza.\nBeijinhos\nMafalda'),
]


@pytest.mark.parametrize(("language", "category", "text"), SHOP_MAIL)
def test_shop_mail_gets_its_category_in_every_language(language: str, category: Category, text: str) -> None:
    result = understand(message(text))
    assert result.language == language
    assert result.category is category, result.reasons


# The cases that go wrong most easily, each with whether it is urgent. A
# parcel marked delivered that never came, or left at another address, is
# lost (and urgent, as in English) even when the customer
# asks for a claim with the carrier ("reclamación", "reclamação") or names
# the seller; orders the customer never placed mean the account was taken
# over; the legal right of withdrawal ("Widerruf", "desistimiento",
# "rétractation", "arrependimento", "recesso") is a return; a refund still
# missing after a return or a cancellation is a refund, but a refund asked
# because the parcel never came is a delivery problem. Tracking that has not
# moved for days is a shipping issue (not urgent, as in English); something
# not ordered in the parcel is a wrong item; a crack or a broken-off handle
# on arrival is damage, and urgent.
HARDER_SHOP_MAIL = [
    ('es', Category.SHIPPING_ISSUE, True, 'Hola,\nla web de la mensajería dice que el paquete se entregó el martes a mediodía, pero no lo tengo y en portería tampoco. ¿Podéis poner una reclamación a la agencia? Pedido 70112.\nGracias, Marta'),
    ('pt', Category.SHIPPING_ISSUE, True, 'Boa tarde,\no rastreio indica que a encomenda 70113 foi entregue ontem, mas não recebi nada e estive em casa. Quero abrir uma reclamação com a transportadora.\nCumprimentos, Rui'),
    ('fr', Category.SHIPPING_ISSUE, True, "Bonjour,\nmon colis 70114 est indiqué comme livré depuis lundi mais je n'ai rien reçu. Le vendeur m'a dit de vous écrire.\nMerci, Claire"),
    ('de', Category.SHIPPING_ISSUE, True, 'Hallo,\nim Tracking steht seit Samstag zugestellt, ich habe aber nichts erhalten und niemand hat geklingelt. Bestellung 70115.\nGruß, Jan'),
    ('de', Category.SHIPPING_ISSUE, True, 'Hallo,\nmein Paket zur Bestellung 70116 wurde an eine falsche Adresse geliefert, zwei Straßen weiter. Die Leute dort sind nie zu Hause.\nViele Grüße, Eva'),
    ('es', Category.SHIPPING_ISSUE, True, 'Hola, el repartidor dejó el paquete en otra dirección, en el número 14 en vez del 41. Pedido 70117.'),
    ('fr', Category.SHIPPING_ISSUE, True, "Bonjour, ma commande 70118 a été livrée à une mauvaise adresse d'après la photo du livreur. Que faire ?"),
    ('pt', Category.SHIPPING_ISSUE, True, 'Olá, a transportadora entregou o pacote noutra morada, no prédio ao lado. Pedido 70119.'),
    ('de', Category.ACCOUNT, True, 'Hallo,\nin meinem Kundenkonto sehe ich drei Bestellungen, die ich nicht gemacht habe, an eine Lieferadresse in Hamburg. Was ist da los?\nTim'),
    ('es', Category.ACCOUNT, True, 'Hola, me han llegado confirmaciones de pedidos que no hice, con otra dirección de envío. Creo que alguien ha entrado en mi cuenta.'),
    ('fr', Category.ACCOUNT, True, "Bonjour, il y a dans mon compte deux commandes que je n'ai pas passées, livrées à une adresse inconnue. Mon mot de passe ne marche plus."),
    ('pt', Category.ACCOUNT, True, 'Olá, a minha conta tem encomendas que eu não fiz, com um endereço de entrega que não conheço.'),
    ('de', Category.RETURN_EXCHANGE, False, 'Hallo,\nich möchte von meinem Widerrufsrecht Gebrauch machen und den Staubsauger aus Bestellung 70120 zurückgeben. Er ist noch unbenutzt.\nGruß, Ute'),
    ('de', Category.RETURN_EXCHANGE, False, 'Hiermit widerrufe ich den Kaufvertrag über die Kaffeemaschine, bestellt am 2. Mai.'),
    ('es', Category.RETURN_EXCHANGE, False, 'Buenas, quiero ejercer el derecho de desistimiento sobre la batidora del pedido 70121, llegó hace cinco días.'),
    ('fr', Category.RETURN_EXCHANGE, False, "Bonjour, j'exerce mon droit de rétractation pour l'aspirateur reçu jeudi (commande 70122)."),
    ('it', Category.RETURN_EXCHANGE, False, "Buongiorno, vorrei esercitare il diritto di recesso per l'aspirapolvere dell'ordine 70123."),
    ('pt', Category.RETURN_EXCHANGE, False, 'Olá, quero exercer o direito de arrependimento da compra do aspirador, recebido há três dias.'),
    ('es', Category.REFUND, False, 'Hola, ¿en qué estado está el reembolso del pedido 70124? Os devolví las botas hace dos semanas.'),
    ('fr', Category.REFUND, False, "Bonjour, vous avez annulé ma commande 70125 et annoncé un remboursement sous 5 jours, mais trois semaines après je n'ai toujours pas vu l'argent."),
    ('pt', Category.REFUND, False, 'Olá, devolvi o casaco e recebi a confirmação da devolução, mas até hoje nada do reembolso.'),
    ('pt', Category.REFUND, False, 'Olá, cancelei o pedido 70126 antes do envio e o valor de R$ 1.349,90 ainda não caiu no cartão.'),
    ('es', Category.SHIPPING_ISSUE, False, 'Hola, el seguimiento de mi paquete lleva diez días sin moverse en el centro logístico. Pedido 70130.'),
    ('de', Category.SHIPPING_ISSUE, False, 'Hallo, die Sendung 70131 bewegt sich seit einer Woche nicht, sie liegt im Verteilzentrum.'),
    ('fr', Category.SHIPPING_ISSUE, False, 'Bonjour, le suivi de mon colis 70132 ne bouge plus depuis huit jours.'),
    ('pt', Category.SHIPPING_ISSUE, False, 'Olá, o rastreio da encomenda 70133 não se mexe há uma semana.'),
    ('es', Category.DAMAGED_WRONG_ITEM, False, 'Hola, en el paquete del pedido 70134 venía una lámpara que no pedí; yo compré una alfombra.'),
    ('pt', Category.DAMAGED_WRONG_ITEM, False, 'Olá, pedi uma mochila preta no pedido 70135 e o produto que veio é outro, uma mala de viagem.'),
    ('de', Category.DAMAGED_WRONG_ITEM, True, 'Hallo, der Spiegel aus Bestellung 70136 kam mit einem Riss im Glas an.'),
    ('de', Category.DAMAGED_WRONG_ITEM, True, 'Hallo, die Tasse kam mit abgebrochenem Henkel an. Bestellung 70137.'),
    ('fr', Category.SHIPPING_ISSUE, True, "Bonjour, je demande le remboursement car je n'ai toujours pas reçu mon colis, commande 70138."),
    ('pt', Category.SHIPPING_ISSUE, True, 'Olá, quero o reembolso porque a encomenda 70139 ainda não foi entregue.'),
    ('de', Category.PAYMENT, True, 'Hallo, der Betrag für Bestellung 70127 wurde zweimal abgebucht. Bestellt habe ich nur einmal und auch nur einmal geliefert bekommen.'),
    # Withdrawal with the article named between; a return label that never
    # came is a return; ordered one colour and got another is a wrong item.
    ('de', Category.RETURN_EXCHANGE, False, 'Ich möchte vom Kauf des Staubsaugers (Bestellung vom 3.5.) zurücktreten.'),
    ('fr', Category.RETURN_EXCHANGE, False, "J'ai demandé un retour pour ma commande il y a une semaine mais je n'ai jamais reçu l'étiquette."),
    ('pt', Category.RETURN_EXCHANGE, False, 'Qual é o endereço para devolver o pedido? Não veio a etiqueta de devolução na caixa.'),
    ('es', Category.DAMAGED_WRONG_ITEM, False, 'Pedí la chaqueta en negro y me ha llegado en gris. ¿Qué hago?'),
]

# Withdrawing a direct-debit mandate or a consent is no return.
NOT_A_RETURN = [
    ('de', 'Hallo, ich widerrufe hiermit das SEPA-Lastschriftmandat für mein Kundenkonto, bitte buchen Sie nichts mehr ab.'),
    ('de', 'Ich widerrufe meine Einwilligung zum Newsletter, bitte keine Werbung mehr.'),
]


@pytest.mark.parametrize(("language", "category", "urgent", "text"), HARDER_SHOP_MAIL)
def test_harder_shop_mail_gets_its_category_and_urgency(
    language: str, category: Category, urgent: bool, text: str
) -> None:
    result = understand(message(text))
    assert result.language == language
    assert result.category is category, result.reasons
    assert result.urgent is urgent, result.reasons


@pytest.mark.parametrize(("language", "text"), NOT_A_RETURN)
def test_withdrawing_a_mandate_or_consent_is_no_return(language: str, text: str) -> None:
    result = understand(message(text))
    assert result.language == language
    assert result.category is not Category.RETURN_EXCHANGE, result.reasons
