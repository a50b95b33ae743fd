"""English mail beyond the short requests of the intent data.

The intent model learned from one-line requests ("where is my order"). Real
English mail to a shop or to a firm that sells software and services is
longer and speaks of invoices, plans, trials, sizes, sellers and tickets. The
policy checked here is the same as for the other languages:

* billing at firms that invoice (debits, reminders, fees, taxes, billing
  cycles, a charge of some amount, a card hold, a code not taken off) is
  payment;
* asking what something costs, whether a service is offered, for a demo or a
  trial, what a plan includes, what your product works with, what a garment is
  made of or which size to take is a product question, even in mail full of
  servers;
* how an earlier request was handled is a complaint, a case with a
  marketplace seller a dispute, a seller on the platform a merchant;
* a short text whose words the model knows is still not the model's alone:
  a strong phrase rule for another category, with no rule backing the model's
  choice, decides.

The mails were written for these tests; none comes from a corpus.
"""

from __future__ import annotations

import pytest

from mailbot.models import Category
from mailbot.understanding import understand

from .test_understanding import message

PQ = Category.PRODUCT_QUESTION
PAY = Category.PAYMENT

CASES = [
    # Billing at firms that invoice.
    (PAY, "Hello,\nwe received a payment reminder with a late fee for invoice 2024-118, but the amount left our account by bank transfer on the 3rd. Please take the fee off.\nRegards, Ines"),
    (PAY, "Hi, our direct debit was returned because we changed banks. Where do we enter the new bank details?"),
    (PAY, "Dear billing team, the March invoice shows a line called 'processing fee' that we never agreed to. Could you explain it?"),
    (PAY, "We are a registered charity and tax-exempt, yet sales tax was added to our last invoice."),
    (PAY, "Could we switch from monthly to annual billing? The renewal is next week."),
    (PAY, "I was charged 89 EUR yesterday for a subscription I thought was 59."),
    (PAY, "The confirmation said 45,00 € but my card shows 54,00 € instead of 45,00 €. Which is right?"),
    (PAY, "Hi, I cancelled order 7781 on Monday but the money is still pending on my card. When is it released?"),
    (PAY, "used the welcome code at checkout and the discount was not applied, I paid full price. order 55120"),
    (PAY, "Our invoices were issued to the old company name although we updated it in April. Please reissue them."),
    (PAY, "My company card expires this month, how do I change the card for our subscription?"),
    # Questions before buying, at a shop or a firm selling services.
    (PQ, "Hello,\nwe are evaluating several helpdesk tools for a team of 15. Could we book a demo next week?\nThanks, Jonas"),
    (PQ, "Is there a free trial of the analytics add-on before we commit?"),
    (PQ, "Hi, what's the difference between the Team and the Business plan? We mainly need audit logs."),
    (PQ, "Which plan would fit a shop with 3 staff and about 200 orders a month?"),
    (PQ, "Dear Sales, could you send us a rough estimate for moving our two file servers to the cloud? About 4 TB of data.\nBest regards"),
    (PQ, "Do you offer on-site training for new admins, and what would that cost?"),
    (PQ, "Does your booking software integrate with Google Calendar and Outlook?"),
    (PQ, "Is there an on-premises version of the monitoring software? We cannot send data to the cloud."),
    (PQ, "Could you confirm whether your Pro hosting plan supports PHP 8.3 and SSH access? We are comparing hosting providers."),
    (PQ, "Is the linen shirt lined? And is it 100% linen or a blend?"),
    (PQ, "I'm 170 cm and usually wear a 38. Should I take an M or an L in the wrap dress?"),
    (PQ, "hi does the leather strap fit the 40mm watch or only the 44?"),
    (PQ, "Hello, I'm considering the 65 inch model from your sale. Does it have HDMI 2.1 for a console?"),
    (PQ, "Shipping question: how much is delivery to Sweden, and will I have to pay customs? Looking at ordering a coat."),
    (PQ, "Does your CRM support custom fields on invoices? Is that included in the standard licence or is it an add-on?"),
    (PQ, "We would like to add ten more user licences to our plan next month. How does that work?"),
    (PQ, "Hello, we are looking for a partner to run our backups and patching. Could you tell us what your managed services package includes?"),
    (PQ, "Do you do student discounts on tablets?"),
    (PQ, "I'm between sizes, would the wool coat fit better in S or M? Which would you recommend?"),
    (PQ, "We would be interested in a demo of the scheduling module for our two clinics."),
    (PAY, "Invoice 7712 lists 40 hours of consulting but we approved 32. Please send us a corrected invoice."),
    (Category.ORDER_STATUS, "My order has said processing for five days. Has it been sent yet?"),
    (Category.DAMAGED_WRONG_ITEM, "I ordered the white kettle but received a black toaster instead."),
    (Category.DAMAGED_WRONG_ITEM, "The parcel came today but the earrings are missing, only the bracelet was in the box."),
    (Category.COMPLAINT, "I want to escalate ticket 55123: it has been open for three weeks without an answer."),
    (Category.FEEDBACK, "I would like to thank your technician, who fixed our network in an hour and explained everything."),
    (PQ, "Which serum would you recommend for dry skin under 30 pounds?"),
    (PQ, "Do you price match? The same blender is cheaper elsewhere."),
    (PQ, "I can't decide between your Starter and Growth hosting plans for a small photo blog."),
    (PQ, "Is your ticketing tool also available as an on-premise installation?"),
    (PQ, "We use the Basic plan and would like to upgrade to get the reporting features. What would that cost this month?"),
    (PAY, "For our audit we need copies of all invoices from last year, the portal only shows the latest one."),
    (PAY, "We would like to switch the payment method for our account from card to SEPA direct debit."),
    (Category.ORDER_CHANGE, "I just ordered the jumper in S, is it possible to change the size to M before it ships?"),
    (Category.ORDER_CHANGE, "Could you take the candle off my order 3310? The rest can go as planned."),
    (Category.DAMAGED_WRONG_ITEM, "We ordered twenty USB-C docks but you sent twenty HDMI adapters."),
    (Category.DAMAGED_WRONG_ITEM, "The laptop came yesterday but the charger is not in the box."),
    (Category.COMPLAINT, "The way my last return was handled was really poor: first you said the parcel never arrived, then you accused me of sending an empty box."),
    (Category.COMPLAINT, "The chat agent was rude to me and closed the chat while I was still typing."),
    (Category.DISPUTE, "The seller sent the wrong size and now wants me to pay the return postage. Can the marketplace decide this please?"),
    (Category.DISPUTE, "A seller cancelled my order and asked me to pay outside the platform for a better price."),
    # Returns, order changes and status in longer words.
    (Category.RETURN_EXCHANGE, "The boots are too narrow. Where do I send them back, and who pays the postage?"),
    (Category.RETURN_EXCHANGE, "hi can i swap the blue mug for the green one? not used"),
    (Category.RETURN_EXCHANGE, "Our rental of 10 tablets ends on Friday. How should we return the devices?"),
    (Category.ORDER_CHANGE, "Please reduce the quantity in order 4410 from 12 to 8 before it ships."),
    (Category.ORDER_CHANGE, "Could you change the colour in my order 6672 from grey to navy?"),
    (Category.ORDER_STATUS, "I ordered two candles last night but never got an order confirmation. Did my order go through?"),
    (Category.ORDER_STATUS, "Hi Sam, any ETA for the six monitors we ordered on the 2nd? Have they shipped yet?"),
    (Category.SHIPPING_ISSUE, "The courier sent my parcel back to you saying the address was incomplete. It is not. Please send it again."),
    # Damage found on unpacking.
    (Category.DAMAGED_WRONG_ITEM, "The printer arrived this morning and there is a crack across the scanner lid."),
    (Category.DAMAGED_WRONG_ITEM, "The new monitor has dead pixels in the middle of the screen."),
    # How an earlier request was handled.
    (Category.COMPLAINT, "I was promised a call back within a day about my broken kettle. That was a week ago and nobody called."),
    (Category.COMPLAINT, "My ticket was closed as resolved without anyone answering my question."),
    (Category.COMPLAINT, "The agent I spoke to on the phone was dismissive and cut me off. I expect better."),
    # A marketplace: cases between buyer and seller, sellers themselves.
    (Category.DISPUTE, "I opened a case with the seller about the fake headphones two weeks ago and the seller stopped answering. Please step in."),
    (Category.DISPUTE, "A buyer opened a claim saying the lamp never arrived, but tracking shows it was delivered. I am the seller."),
    (Category.MERCHANT, "I'm a new seller on your marketplace. Is there a bulk upload for 300 products?"),
    # Suggestions.
    (Category.FEEDBACK, "Small suggestion: it would be really useful if the size filter stayed on when I change category."),
]


@pytest.mark.parametrize(("category", "text"), CASES)
def test_english_mail_gets_the_category_its_writer_asks_for(category: Category, text: str) -> None:
    result = understand(message(text))
    assert result.language == "en"
    assert result.category is category, result.reasons


NOT_THESE = [
    # Support mail that borrows billing, returns or buying words.
    (Category.OTHER, "Since the update the invoice export in your app fails with error 500. Creating invoices still works."),
    (Category.OTHER, "Please fill in the attached supplier form and return it together with your insurance certificate."),
    (Category.OTHER, "Why does your app not sync with Outlook any more? It worked until Monday."),
    (Category.RETURN_EXCHANGE, "I tried the perfume once and don't like it. Can I still return it if it was opened?"),
    (Category.PAYMENT, "Our procurement system rejects your invoice 4471 because it is missing our purchase order number. Please reissue it."),
    # A fee for cancelling is a cancellation question, as in the intent data.
    (Category.ORDER_CHANGE, "how much would it cost to cancel my order 5512?"),
    # A refund of a returned item stays a refund.
    (Category.REFUND, "I sent the dress back two weeks ago and still have not got my refund."),
    # A wrong size picked by the customer is an exchange, a wrong item sent is a damage report.
    (Category.RETURN_EXCHANGE, "I ordered the wrong size for me, can I exchange it for a larger one?"),
    (Category.DAMAGED_WRONG_ITEM, "You sent me the wrong item: I ordered the silver ring and got a gold one."),
]


@pytest.mark.parametrize(("category", "text"), NOT_THESE)
def test_the_same_words_elsewhere_keep_their_own_category(category: Category, text: str) -> None:
    result = understand(message(text))
    assert result.category is category, result.reasons


def test_complaints_that_others_made_are_not_the_senders_complaint() -> None:
    text = "Since Monday our app users have sent many complaints: the login screen freezes on Android 14."
    assert understand(message(text)).category is not Category.COMPLAINT
    assert understand(message("I want to make a complaint about your driver.")).category is Category.COMPLAINT
