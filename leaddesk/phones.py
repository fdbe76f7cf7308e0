"""A phone number as a person reads it: the one human-facing format, for the window and the printed history.

Stored numbers and the JSON exports stay E.164 (``+5215512345678``, the contract's form); only what a
person reads is formatted here. Imports nothing of ours.
"""

from __future__ import annotations

from functools import lru_cache

import phonenumbers


@lru_cache(maxsize=4096)
def format_phone(e164: str | None) -> str:
    """A phone as a person writes it ("+52 55 1234 5678"); the E.164 text if it cannot be parsed."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, None)
        # WhatsApp still writes Mexican mobiles with the "1" Mexico dropped in 2019 (+52 1 55...).
        national = str(number.national_number)
        if number.country_code == 52 and len(national) == 11 and national.startswith("1"):
            number = phonenumbers.parse("+52" + national[1:], None)
        return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))
    except phonenumbers.NumberParseException:
        return e164
