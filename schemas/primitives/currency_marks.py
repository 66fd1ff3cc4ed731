"""Primitive: the currency abbreviations and signs that news writes before an amount, beyond ISO codes.

One table serves two readers: `numbers` lets these abbreviations sit glued to the digits
("Rp507bn", "DKr32") and the scanner's rules (`pipeline.extract.mention_rules`) turn the mark into
its ISO code. "R" (the rand), "SR" (the riyal) and "Fr." are in the table but not in `GLUED`: a number
glued to "R" or "SR" is read only when it is scaled, grouped or in cents (`SCALED_ONLY`).
"""

from __future__ import annotations

# "Rp 507.8 trillion", "RM1.2bn", "KSh 520", "Tk 78", "Kč 10,000", "DKr32", "NIS 21bn", "GH¢1,200",
# "Fr. 18", "R42bn", "₦350", "zł4.20", "RMB 30bn", "SR12bn", "QR2.5bn", "₸2,500", "₾40", "BD2" (Bahraini dinars),
# "KD 5" (Kuwaiti dinars), "Nu 150,000" (Bhutan's ngultrum).
OTHER_CODES: dict[str, str] = {
    "Rp": "IDR", "RM": "MYR", "KSh": "KES", "Ksh": "KES", "USh": "UGX", "TSh": "TZS", "Tk": "BDT", "Kč": "CZK",
    "DKr": "DKK", "NKr": "NOK", "SKr": "SEK", "NIS": "ILS", "Dh": "AED", "Dhs": "AED", "GH¢": "GHS", "GH₵": "GHS",
    "Fr.": "CHF", "R": "ZAR", "₦": "NGN", "₱": "PHP", "₺": "TRY", "₴": "UAH", "₪": "ILS", "₫": "VND", "₵": "GHS",
    "zł": "PLN", "RMB": "CNY", "SR": "SAR", "₸": "KZT", "₾": "GEL", "₼": "AZN", "₮": "MNT", "৳": "BDT", "₭": "LAK",
    "₲": "PYG", "₡": "CRC", "QR": "QAR", "BD": "BHD", "KD": "KWD", "Nu": "BTN",
}
# Marks that are also letters of names and roads ("Grade R", "SR 520"): an amount glued to one is read only
# when it is scaled, grouped or in cents ("R42bn", "SR12bn", "R1,200", "R215.40"; not "R2").
SCALED_ONLY: tuple[str, ...] = ("R", "SR", "QR")  # "QR1.1bn", not a "QR" code
# Marks several currencies share, read as SCALED_ONLY marks are, whose currency the story's places decide
# (`pipeline.extract.mention_rules.currency_before`): the shilling's "Sh" ("Sh50bn" in Nairobi) and the
# kwacha's, kina's or kyat's "K" ("K12.3bn" in Lusaka).
PLACED_MARKS: tuple[str, ...] = ("Sh", "K")
# The letter marks that may be glued to the digits; a sign such as "₦" needs no look-behind to allow it.
GLUED: tuple[str, ...] = tuple(mark for mark in OTHER_CODES if mark.isalpha() and mark not in SCALED_ONLY)
