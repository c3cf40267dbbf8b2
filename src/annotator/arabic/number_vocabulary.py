"""The words that tell what a number is: months, currencies, units, codes, ordinals.

Written as people write them; ``folded`` gives the forms the rules match (see
``annotator.arabic.normalize``: hamza on alef dropped, ى -> ي, ة -> ه).
Units are named in English so that exports read the same whatever the spelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from annotator.arabic.normalize import normalize_text


def folded(*words: str) -> list[str]:
    return [normalize_text(w, fold_teh_marbuta=True) for w in words]


def alternation(forms: Iterable[str]) -> str:
    """A regex matching any of ``forms``, the longest first."""
    return "(?:" + "|".join(sorted(map(re.escape, set(forms)), key=len, reverse=True)) + ")"


GREGORIAN_MONTHS = folded(
    "يناير", "فبراير", "مارس", "أبريل", "ابريل", "إبريل", "مايو", "يونيو", "يونيه",
    "يوليو", "يوليه", "أغسطس", "اغسطس", "سبتمبر", "أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر",
    "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين",
    "جانفي", "فيفري", "أفريل", "ماي", "جوان", "جويلية", "أوت",
)  # fmt: skip
HIJRI_MONTHS = folded(
    "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "ربيع الثاني", "جمادى الأولى",
    "جمادى الآخرة", "جمادى الثانية", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة",
    "ذي القعدة", "ذو الحجة", "ذي الحجة",
)  # fmt: skip
# كانون الأول, تشرين الثاني
MONTH_ORDERS = folded("الأول", "الثاني", "الآخر", "الآخرة", "الأولى", "الثانية")

CURRENCIES = {
    "dollar": folded("دولار", "دولارا", "دولارات", "dollar", "dollars", "USD"),
    "euro": folded("يورو", "يوروات", "euro", "euros", "EUR"),
    "pound": folded("جنيه", "جنيها", "جنيهات", "استرليني", "إسترليني", "pound", "pounds"),
    "riyal": folded("ريال", "ريالا", "ريالات"),
    "dirham": folded("درهم", "درهما", "دراهم"),
    "dinar": folded("دينار", "دينارا", "دنانير"),
    "lira": folded("ليرة", "ليرات"),
    "shekel": folded("شيكل", "شيكلا", "شيكلات", "شواكل", "شيقل"),
    "yen": folded("ين"),
    "yuan": folded("يوان"),
    "rupee": folded("روبية", "روبيات"),
    "ruble": folded("روبل", "روبلا", "روبلات"),
    "toman": folded("تومان"),
    "franc": folded("فرنك", "فرنكا", "فرنكات"),
}
CURRENCY_SIGNS = {"$": "dollar", "€": "euro", "£": "pound"}
MEASURES = {
    "year": folded("سنة", "سنوات", "سنين", "عام", "عاما", "أعوام"),
    "month": folded("شهر", "شهرا", "أشهر", "شهور"),
    "week": folded("أسبوع", "أسبوعا", "أسابيع"),
    "day": folded("يوم", "يوما", "أيام"),
    "hour": folded("ساعة", "ساعات"),
    "minute": folded("دقيقة", "دقائق"),
    "second": folded("ثانية", "ثوان", "ثواني"),
    "decade": folded("عقد", "عقود"),
    "century": folded("قرن", "قرون"),
    "km": folded("كم", "كلم", "كيلومتر", "كيلومترا", "كيلومترات", "كيلو متر", "km"),
    "m": folded("متر", "مترا", "أمتار"),
    "cm": folded("سم", "سنتيمتر", "سنتيمترا", "سنتيمترات", "سنتمتر", "سنتمترات"),
    "mm": folded("ملم", "مم", "مليمتر", "مليمترا", "مليمترات", "ملليمتر", "mm"),
    "mile": folded("ميل", "ميلا", "أميال"),
    "foot": folded("قدم", "أقدام"),
    "inch": folded("بوصة", "إنش"),
    "hectare": folded("هكتار", "هكتارا", "هكتارات"),
    "dunam": folded("دونم", "دونما", "دونمات"),
    "feddan": folded("فدان", "فدانا", "أفدنة"),
    "kg": folded("كغ", "كلغ", "كيلوغرام", "كيلوغراما", "كيلوغرامات", "كيلوجرام", "kg"),
    "g": folded("غرام", "غراما", "غرامات", "جرام", "جراما"),
    "ton": folded("طن", "طنا", "أطنان"),
    "liter": folded("لتر", "لترا", "لترات", "ليتر", "ليترا", "ليترات"),
    "barrel": folded("برميل", "براميل"),
    "degree": folded("درجة", "درجات"),
    "megawatt": folded("ميغاواط", "ميجاوات", "ميغاوات"),
}
SQUARED = {"km": "km2", "m": "m2"}  # متر مربع
UNIT_OF = {form: unit for unit, forms in (CURRENCIES | MEASURES).items() for form in forms}

YEAR_WORDS = folded("عام", "سنة", "عامي", "سنتي", "عامين", "عامان", "لعام", "للعام")
TIME_WORDS = folded("صباحا", "صباح", "مساء", "مساءا", "ظهرا", "فجرا", "ليلا", "بتوقيت")
# A number right after one of these names something: رقم 5, القرار 1701, هاتف 0501...
CODE_WORDS = folded(
    "رقم", "الرقم", "برقم", "ورقم", "قرار", "القرار", "بالقرار", "للقرار", "المادة",
    "البند", "الفقرة", "الفصل", "الطريق", "طريق", "الصفحة", "صفحة", "الرحلة", "رحلة",
    "الغرفة", "العنبر", "الزنزانة", "هاتف", "الهاتف", "هاتفه", "جوال", "الجوال",
    "فاكس", "الفاكس", "تلفون", "تليفون", "الخط", "كود", "الرمز", "ص.ب",
)  # fmt: skip
# After one of these a four-digit number is a year: في 1979, منذ 1994, حرب 1967.
YEAR_PREPOSITIONS = folded(
    "في", "منذ", "حتى", "خلال", "بعد", "قبل", "مطلع", "أواخر", "أوائل", "نهاية", "بداية",
    "منتصف", "ربيع", "صيف", "خريف", "شتاء", "دورة", "موسم", "انتخابات", "حرب", "نكبة",
    "نكسة", "ثورة", "انتفاضة", "هجمات", "أحداث", "دستور", "اتفاقية", "اتفاق", "معاهدة",
    "قانون", "بطولة", "كأس", "ميزانية", "موازنة", "تعداد", "مونديال", "أولمبياد",
)  # fmt: skip
# Words that never are what a number counts.
FUNCTION_WORDS = frozenset(
    folded(
        "في", "من", "إلى", "الى", "على", "عن", "مع", "حتى", "منذ", "ضد", "بعد", "قبل",
        "حين", "حيث", "عندما", "ثم", "أو", "او", "لكن", "بين", "خلال", "عبر", "نحو",
        "التي", "الذي", "الذين", "اللذين", "وهو", "وهي", "كما", "لم", "لن", "قد", "تم",
    )
)  # fmt: skip
ORDINAL_WORDS = folded(
    "الحادي", "الحادية", "حادي", "الثاني", "الثانية", "ثاني", "الثالث", "الثالثة", "ثالث",
    "الرابع", "الرابعة", "رابع", "الخامس", "الخامسة", "خامس", "السادس", "السادسة",
    "سادس", "السابع", "السابعة", "سابع", "الثامن", "الثامنة", "ثامن", "التاسع",
    "التاسعة", "تاسع", "الواحد",
)  # fmt: skip
# الذكرى الـ60, القرن 21, الدقيقة 90: a number after these is an ordinal
ORDINAL_NOUNS = folded(
    "الذكرى", "القرن", "الدورة", "المرتبة", "المركز", "الطابق", "الجولة", "الحلقة",
    "الدقيقة", "النسخة", "العيد", "المؤتمر", "الصف", "المرحلة", "الفرقة", "اللواء",
)  # fmt: skip
# Letters and names that make a model name of the number after them: اف 16, ميغ 29.
MODEL_NAMES = folded(
    "اف", "إف", "بي", "سو", "ميغ", "ميج", "تي", "إس", "اس", "يو", "سي", "كي", "جي",
    "سوخوي", "ميراج", "بوينغ", "بوينج", "إيرباص", "ايرباص", "توبوليف", "إليوشن", "أنتونوف",
)  # fmt: skip
# مجموعة الثماني, قمة الثمانية: names of groups of countries
GROUP_WORDS = folded("مجموعة", "قمة", "دول", "مجموعتي")
