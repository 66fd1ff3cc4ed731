"""Stage (mentions, rules): what the words just before a number say about it.

The currency written before it ("$", "US$", "A$", "Rs", "¥", "CHF", "Rp", "KSh", "₦", "R42bn"), read
with the story's own currency where a symbol is shared ("¥" is yuan in a Shanghai story, "Rs" rupees
of Pakistan in a Pakistani one; so are the words "crowns", "shillings", "pesos", "rupees",
"dirhams" and "francs" after a number, by the place the story names first, `local_currency`; any
other currency word several countries share, "som", "manat", "dinars", by the first place that uses
it the text names, `currency_by_place`),
the hedge ("more than", "about", "up to"), a written minus ("minus 5"), and whether the number is
part of a date ("in 2023", "November 1", "2024-25", "30/06/2025").
"""

from __future__ import annotations

import re
from functools import lru_cache

from schemas.primitives.currency_marks import OTHER_CODES, PLACED_MARKS, SCALED_ONLY
from schemas.units import currency_places, iso_currency_codes, shared_currency_names

SYMBOL_CODES = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₹": "INR", "₽": "RUB"}
PREFIX_CODES = {"US": "USD", "HK": "HKD", "C": "CAD", "A": "AUD", "NZ": "NZD", "S": "SGD", "R": "BRL", "NT": "TWD", "N": "NAD",
                "J": "JMD", "TT": "TTD", "FJ": "FJD", "EC": "XCD", "BZ": "BZD", "SI": "SBD", "WS": "WST", "G": "GYD",
                "MX": "MXN", "RD": "DOP", "COL": "COP"}
_OTHER_WORDS = "|".join(re.escape(c) for c in sorted((c for c in OTHER_CODES if c[0].isalpha()), key=len, reverse=True))
_OTHER_SIGNS = "".join(c for c in OTHER_CODES if not c[0].isalpha())
CURRENCY_BEFORE = re.compile(
    rf"(?:\b({'|'.join(sorted(PREFIX_CODES, key=len, reverse=True))})\$|\$(US|A|NZ|C)|\b(Rs)\.?|([$€£¥₩₹₽])|\b([A-Z]{{3}})"
    rf"|(?P<other>\b(?:{_OTHER_WORDS})|[{_OTHER_SIGNS}])|\b(?P<placed>{'|'.join(PLACED_MARKS)}))\s?$")
_STORY_CUES = re.compile(
    r"\b(?P<CNY>China|Chinese|Shanghai|Beijing|Shenzhen|Guangzhou|yuan|renminbi|Zhejiang|Hangzhou|Jiangxi|Jingdezhen|Jiangsu|Nanjing|"
    r"Suzhou|Sichuan|Chengdu|Chongqing|Wuhan|Hubei|Hunan|Yunnan|Kunming|Guangdong|Fujian|Xiamen|Tianjin|Hainan|Xinjiang|Shandong|"
    r"Qingdao|Henan|Anhui|Guangxi|Guizhou|Shaanxi|Shanxi|Inner Mongolia|Harbin|Heilongjiang|Dalian|Liaoning)\b|\b(?P<PKR>Pakistan\w*|Karachi|Lahore|Islamabad|Rawalpindi|Peshawar|Quetta|Faisalabad|Multan|Sialkot|Gilgit|Hunza|Skardu|Sindh|Balochistan)\b"
    r"|(?P<EUR>€|\beuros?\b|\b(?:Ireland|Irish|Germany|German|France|French|Spain|Spanish|Italy|Italian|Dutch|Netherlands|"
    r"Belgi\w+|Austria\w*|Portug\w+|Greece|Greek|Finland|Finnish|eurozone|Luxembourg\w*|Sloven\w+|Slovak\w*|Eston\w+|Latvia\w*|"
    r"Lithuania\w*|Croatia\w*|Malta|Maltese|Cyprus|Cypriot|Berlin|Munich|Hamburg|Frankfurt|Cologne|Stuttgart|Bavaria\w*|Saxony|"
    r"Rhineland|Paris|Lyon|Marseille|Bordeaux|Normandy|Brittany|Provence|Alsace|Madrid|Barcelona|Seville|Catalonia|Andalusia|"
    r"Rome|Milan|Naples|Venice|Turin|Sicily|Tuscany|Sardinia|Amsterdam|Rotterdam|Brussels|Antwerp|Flanders|Wallonia|Vienna|"
    r"Salzburg|Tyrol|Lisbon|Porto|Athens|Crete|Helsinki|Dublin)\b)"
    r"|\b(?P<CAD>Canada|Canadian|Ontario|Quebec|Alberta|British Columbia|Toronto|Calgary)\b"  # not Montreal, a protocol's name
    r"|\b(?P<AUD>Australia|Australian|Sydney|Melbourne|Brisbane|Canberra|Adelaide)\b"
    r"|\b(?P<NZD>New Zealand|Auckland|Wellington|Christchurch)\b"
    r"|\b(?P<SEK>Swede\w*|Swedish|Stockholm|Gothenburg|Malm[öo]|Uppsala|Gotland|Kiruna)\b"
    r"|\b(?P<NOK>Norw\w+|Oslo|Bergen|Trondheim|Stavanger|Troms[øo]|Lofoten|Svalbard|Bod[øo])\b"
    r"|\b(?P<DKK>Denmark|Danish|Copenhagen|Aarhus|Odense|Aalborg|Bornholm|Jutland|Funen|Faroe\w*)\b|\b(?P<CZK>Czech\w*|Prague|Brno|Ostrava)\b"
    r"|\b(?P<ISK>Iceland\w*|Reykjavik|Akureyri)\b"
    r"|\b(?P<ZMW>Zambia\w*|Lusaka|Ndola)\b|\b(?P<MWK>Malawi\w*|Lilongwe|Blantyre)\b|\b(?P<PGK>Papua New Guinea|Port Moresby)\b"
    r"|\b(?P<MMK>Myanmar|Burm(?:a|ese)|Yangon|Naypyidaw|Mandalay)\b|\b(?P<KES>Kenya\w*|Nairobi|Mombasa)\b|\b(?P<UGX>Uganda\w*|Kampala)\b|\b(?P<TZS>Tanzania\w*|Dar es Salaam)\b"
    r"|\b(?P<INR>India|Indian|Delhi|Mumbai|Bengaluru|Bangalore|Chennai|Kolkata|Hyderabad)\b"
    r"|\b(?P<LKR>Sri Lanka\w*|Colombo|Kandy|Galle|Jaffna|Nuwara Eliya|Trincomalee|Negombo)\b|\b(?P<NPR>Nepal\w*|Kathmandu)\b"
    r"|\b(?P<MXN>Mexic\w*)\b|\b(?P<ARS>Argentin\w*|Buenos Aires)\b|\b(?P<PHP>Philippine\w*|Filipino|Manila)\b"
    r"|\b(?P<COP>Colombia\w*|Bogot[aá])\b|\b(?P<CLP>Chile|Chilean|Santiago)\b|\b(?P<UYU>Urugua\w*|Montevideo)\b"
    r"|\b(?P<AED>UAE|Emirat\w*|Dubai|Abu Dhabi)\b|\b(?P<MAD>Morocc\w*|Rabat|Casablanca|Marrakesh|Marrakech|Tangier|Agadir|Fez|Fes|Meknes|Oujda|Essaouira|Ouarzazate|Erfoud|Tetouan|Chefchaouen)\b"
    r"|\b(?P<XOF>Senegal\w*|Dakar|Ivor\w+|C[oô]te d.Ivoire|Abidjan|Mali|Malian|Bamako|Burkina|Niger|Niamey|Benin|Togo\w*|"
    r"Lom[eé])\b|\b(?P<XAF>Cameroon\w*|Yaound[eé]|Douala|Gabon\w*|Libreville|Chadian|N'Djamena|Congo-Brazzaville)\b"
    r"|\b(?P<CHF>Switzerland|Swiss|Zurich|Geneva|Basel|Bern|Lausanne)\b"
    r"|(?P<GBP>£|\b(?:Britain|British|UK|England|English|Scotland|Scottish|Wales|Welsh|London)\b)"
    r"|\b(?P<EGP>Egypt\w*|Cairo|Alexandria)\b|\b(?P<LBP>Leban\w*|Beirut)\b|\b(?P<SYP>Syria\w*|Damascus)\b")
# Currency words several countries share: their code is the one the story's place names point at,
# the first named in the story. A word whose first candidate is its usual meaning ("rupees", "pesos")
# is read so when the story names none of its countries (`mention_units.CURRENCY_WORDS`).
_CROWNS = ("SEK", "NOK", "DKK", "CZK", "ISK")
_SHILLINGS = ("KES", "UGX", "TZS")
LOCAL_CURRENCY_WORDS = {word: _CROWNS for word in ("crown", "crowns", "krona", "kronor", "krone", "kroner", "kr")} | \
                       {word: _SHILLINGS for word in ("shilling", "shillings", "sh")} | {"k": ("ZMW", "MWK", "PGK", "MMK")} | \
                       {word: ("INR", "PKR", "LKR", "NPR") for word in ("rupee", "rupees")} | \
                       {word: ("MXN", "ARS", "PHP", "COP", "CLP", "UYU") for word in ("peso", "pesos")} | \
                       {word: ("AED", "MAD") for word in ("dirham", "dirhams")} | \
                       {word: ("XOF", "XAF") for word in ("cfa francs", "cfa franc")} | \
                       {word: ("CHF", "XOF", "XAF") for word in ("franc", "francs")} | \
                       {word: ("GBP", "EGP", "LBP", "SYP") for word in ("pound", "pounds")}
# Marks of `OTHER_CODES` that several countries' currencies share, by the currency word whose places decide them.
_SHARED_MARKS = {"Dh": "dirhams", "Dhs": "dirhams"}
# In the order `hedge_before` tries them: a negated hedge before the bare one it holds ("no more than
# two cans" is at most two, "not less than" at least); "spread over 64,500 square metres" is the area, no hedge.
HEDGES = (
    ("at_least", r"at least|not? fewer than|not? less than|a minimum of|no (?:smaller|shorter|lower) than"),
    ("at_most", r"(?<!pick )(?<!picked )(?<!went )(?<!goes )(?<!gone )(?<!moved )up to|at most|not? more than|a maximum of|as (?:much|many|high) as|within|"
                r"no (?:larger|bigger|greater|longer|higher) than"),
    ("more_than", r"more than|(?<!spread )(?<!spreads )(?<!sprawls )(?<!stretches )(?<!extends )(?:well |just )?over|above|(?:over|above) the age of|upwards of|in excess of|exceeding|(?:well |just )?above|"
                  r"(?:larger|bigger|greater|longer|higher) than"),
    ("less_than", r"less than|(?:just )?under|below|(?:under|below) the age of|fewer than|(?:smaller|shorter|lower) than"),
    ("approximately", r"about|around|roughly|approximately|approximate|an estimated|estimated at|estimated|some"
                      r"|nearly|near|almost|close to|circa"),
)
HEDGE_BEFORE = [(q, re.compile(rf"\b(?:{words})\s+(?:an?\s+)?(?:US\$|[$€£¥₩₹₽]|Rs\s?)?$", re.IGNORECASE))
                for q, words in HEDGES]
# The signs of comparison written before a number: "<1 μm", ">50%", "≥ 18 years", "~40".
HEDGE_BEFORE += [(q, re.compile(rf"(?<![^\s(\[:;,=]){sign}\s?(?:US\$|[$€£¥₩₹₽])?$"))
                 for q, sign in (("less_than", "<"), ("more_than", ">"), ("at_most", "≤"), ("at_least", "≥"),
                                 ("approximately", "[~≈]"))]
# "minus 5", "(-) 0.71%"; not "plus or minus 3 points", a margin either way
MINUS_BEFORE = re.compile(r"(?:(?<!plus or )(?<!plus-or-)\b(?:minus|negative)\s+|\(\s*[-–−]\s*\)\s*)(?:US\$|[$€£¥])?$", re.IGNORECASE)
_SIGN_BEFORE_CURRENCY = re.compile(r"(?<![\w.%/\-\u2212])[-\u2212]$")  # "-€3.2bn"; not "4.25%-4.5%", "+/-$2"
MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
MONTH_BEFORE = re.compile(rf"\b{MONTHS}\s$", re.IGNORECASE)
# "1 July", "1st of July", and a date glued with dots or dashes ("14.Jul.2024", "14-Jul-2024"); a lower-case
# "may" is the verb unless a year follows ("over the age of 12 may be eligible").
MONTH_AFTER = re.compile(rf"^(?:\s(?:of\s)?|[./-](?=[a-z]{{3}}[a-z]*\.?[./-]\d))(?!(?-i:may)\b(?![.,]?\s?\d)){MONTHS}\b",
                         re.IGNORECASE)
_DATE_GLUE = re.compile(r"(?:\d/|\d{4}-['’]?|\d{4}-\d\d-|FY\s?['’]?\d\d-['’]?|\b(?:in|of|since|from|by|until|and|the)\s['’])$")  # "2023-’24", "FY23-24", "Q1FY22-23", "in ’58"
_FULL_DATE_BEFORE = re.compile(rf"(?:\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTHS}|\b{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?)\s$", re.IGNORECASE)
_YEAR_OF_PART = re.compile(r"^\s(?:quarter|period|half)\b", re.IGNORECASE)  # "the April-June 2023 quarter"
# The day of the month in brackets after the day's name, as some outlets write it: "released today (12)", "on Monday (4)".
_DAY_IN_BRACKETS = re.compile(r"\b(?:today|yesterday|tomorrow|tonight|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\s?\($", re.IGNORECASE)
_DATE_GLUE_AFTER = re.compile(r"^(?:/\d|s\b|\.(?:19|20)\d\d\b)")  # "12/2024", "the 1990s", "31.01.2027"
# "killed at least 2000 people", "2000 people": a year-like number that counts is no year, unless a time
# word stands before it ("since at least 2000", "in 2019 people spent more").
_WHEN = r"(?:since|from|until|till|by|before|after|in|during|through|of)"
_COUNT_HEDGE = re.compile(rf"(\b{_WHEN}\s)?\b(?:at least|more than|fewer than|less than|no fewer than|as many as|"
                          r"upwards of|in excess of|an estimated|nearly|almost)\s$", re.IGNORECASE)
# A year a figure just given is compared with: "141 more than 2023", "2% higher than 2019" (not "26 more than 2000 fans")
_FIGURE_THAN_BEFORE = re.compile(r"\d[\d,.]*%?\s+(?:more|fewer|less|higher|lower|up|down)\s+(?:than|on|from)\s$", re.IGNORECASE)
_WHEN_BEFORE = re.compile(rf"\b(?:{_WHEN}|dated|back\s+to)\s$", re.IGNORECASE)  # "a charter dated 1372", "records going back to 1850"
_BETWEEN_BEFORE = re.compile(r"\bbetween\s$", re.IGNORECASE)  # an older year that opens a span: "built between 1843 and 1863"
# A year named as one ("the year 2140", "in year 1000"), or a year after 2100 after a time word and a hedge ("until
# around 2140", "by 2140").
_ERA_AFTER = re.compile(r"\s?(?-i:A\.D\.|AD|B\.C\.(?:E\.)?|BCE?|C\.E\.|CE)(?!\w)")
_ERA_BEFORE = re.compile(r"\b(?-i:AD|A\.D\.)\s$")
_YEAR_WORD_BEFORE = re.compile(r"\byear\s$", re.IGNORECASE)
_FUTURE_WHEN_BEFORE = re.compile(r"\b(?:until|till|by|before|after|in|around|beyond|through)\s(?:(?:around|about|circa|roughly|"
                                 r"approximately|the\s+end\s+of)\s)?$", re.IGNORECASE)
# An older year that starts a span ending in a later one: "the 1850-1900 average".
_TO_A_LATER_YEAR = re.compile(r"^\s?[-–]\s?(?:1[89]|20)\d\d\b")
_PLURAL_NEXT = re.compile(r"^\s[a-z]{3,}s\b(?!')")  # "at least 2000 visitors": a hedge's count, whatever came before the hedge
_NOUN_NEXT = re.compile(r"^\s(?!(?:and|or|to|when|with|was|were|is|the|in|on|at|until|through|after|before|by|for|as|but|during|"
                       r"under|amid|while|from)\b)[a-z]")
_PEOPLE_AFTER = re.compile(r"^\s(?:people|persons|residents|soldiers|troops|workers|employees|children|patients|migrants|"
                           r"refugees|victims|deaths|families|households|homes|houses|buildings)\b(?!')", re.IGNORECASE)
# Days listed before their month: "(8-9, 15-16, 22-23 and 29-30 June)", "on 3, 10 and 17 May".
_DAY_LIST_AFTER = re.compile(rf"^(?=\s?[-–,&]|\s+and\b)(?:\s?[-–]\s?\d{{1,2}})?(?:\s*(?:,|and|&)\s*\d{{1,2}}(?:\s?[-–]\s?\d{{1,2}})?)*"
                             rf"\s+{MONTHS}\b",
                             re.IGNORECASE)
# The second of two years or days written as a pair: "from 1820 to 1845", "on August 23 or 24".
_YEAR_PAIR_BEFORE = re.compile(r"(?<![\d,.])1\d{3}\s?(?:to|and|or|-|–)\s?$")
_YEAR_PAIR_AFTER = re.compile(r"^\s?and\s?1\d{3}\b(?!\d|[,.]\d)")  # "between 1843 and 1863": the pair's first year
_THE_BEFORE = re.compile(r"\b[Tt]he\s$")
# "the stone cabin of 1895", "the great flood of 1887": a thing of an older year (not "the total of 1895", an amount)
_THING_OF_BEFORE = re.compile(r"\b[Tt]he\s+(?:[a-z-]+\s+){0,2}(?!(?:total|sum|tally|average|figure|number|count|price|cost|value|score|"
                              r"level|height|depth|length|weight|population|crowd|attendance|budget|rate|amount|majority)\b)"
                              r"[a-z]{3,}\s+of\s$")
_NAME_NEXT = re.compile(r"^\s(?:Summer\s|Winter\s|Great\s)?(?:Games|Olympics?|Olympiad|Revolution|Exhibition|Exposition|Act|Treaty|"
                        r"Constitution|Census|Convention|Rising|Uprising|Rebellion|War|Election|Famine|Earthquake|Fire|Flood|"
                        r"Cup|Championships?|Derby|Expedition|Fair)\b")  # "the 1500 Londoners" stays a count
_TO_NUMBER = re.compile(r"^\s?(?:to|and|-|–)\s?\d{3,4}\b")  # "from 1200 to 1500 rupees", "between 1200 and 1500 people": the
# pair's noun after its second number
_MONTH_DAYS = rf"\b{MONTHS}\s\d{{1,2}}(?:\s*,\s*\d{{1,2}})*"  # "July 11", "July 11, 12, 16"
_DAY_PAIR_BEFORE = re.compile(rf"{_MONTH_DAYS}\s?(?:to|and|or|-|–)\s?$", re.IGNORECASE)
# ... and the middle days of a longer list, which ends with "and" and a last bare day: "on July 11, 12, 16, 19 and 20"
# (not "On May 3, 25 people died")
_DAY_LIST_BEFORE = re.compile(rf"{_MONTH_DAYS}\s*,\s?$", re.IGNORECASE)
_DAY_LIST_REST = re.compile(r"^(?:\s*,\s*\d{1,2})*\s*,?\s*(?:and|&|or)\s+\d{1,2}\b(?![.,]\d)(?!\s+[a-z])")
# "the 12 months to June", "the three months to 30 September" (not "by three weeks to 21 weeks", a change and its level)
_PERIOD_TO = re.compile(rf"^\s(?:months?|weeks?|days?|quarters?|years?)\s(?:to|ended|ending)\s(?:in\s)?(?:the\send\sof\s)?"
                        rf"(?:(?:{MONTHS})\b|\d(?![\d,.]*\s*(?:months?|weeks?|days?|quarters?|years?)\b))", re.IGNORECASE)  # not "days to decide"


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
ORIGIN = "from:"  # marks the cue of a place things or people come from (`story_cues`)


def story_cues(text: str) -> tuple[str, ...]:
    """The currencies a text's own words point at ("Shanghai" -> CNY), in the order the text first names them. A place
    things or people come from ("flown in from Yunnan", "imports from China") is marked `ORIGIN`: it may say whose
    "kroner" a story means, but it is not where the story is, whose "¥" or "cents" they are (`story_currency`)."""
    return tuple(dict.fromkeys(
        (ORIGIN if _FROM_BEFORE.search(text, max(0, match.start() - 10), match.start()) else "") + str(match.lastgroup)
        for match in _STORY_CUES.finditer(text)))


# The other currencies a symbol or "cents" may mean, by the currency it means when the story cues none.
_SHARED_WITH = {"JPY": ("CNY",), "USD": ("EUR", "CAD", "AUD", "NZD")}


def first_cued(candidates: tuple[str, ...], cues: tuple[str, ...], origins: bool = True) -> str | None:
    """The first of the story's cued currencies (`story_cues`, in the order it names them) among `candidates`; with
    `origins` False, none cued only by where things come from."""
    return next((code.removeprefix(ORIGIN) for code in cues
                 if code.removeprefix(ORIGIN) in candidates and (origins or not code.startswith(ORIGIN))), None)


def local_currency(word: str, cues: tuple[str, ...]) -> str | None:
    """The code of a currency word several countries share ("crowns", "kr", "shillings", "pesos") in
    this story: the first its place names point at ("Stockholm" -> SEK), else None."""
    return first_cued(LOCAL_CURRENCY_WORDS.get(word, ()), cues)


# Shared currency words whose usual meaning stands whatever places a text names (`mention_units.CURRENCY_WORDS`).
_USUAL_MEANING = frozenset({"dollar", "dollars", "pound", "pounds", "won", "wons"})
_PLACE_ENDING = re.compile(r"(?:istan|stan|ia|a|i)$")  # "Uzbekistan" is also "Uzbek", "Malawi" also "Malawian"


@lru_cache(maxsize=256)
def _places(names: tuple[str, ...]) -> re.Pattern[str]:
    """The places' names and the words made from them ("Uzbek", "Azerbaijani", "Malawian")."""
    stems = [stem if " " not in name and len(stem := _PLACE_ENDING.sub("", name)) >= 4 else name for name in names]
    return re.compile(r"\b(?:" + "|".join(re.escape(stem) for stem in stems) + r")\w*")


# The capitals and largest cities of the places whose currency word others share, which stories name
# without their country ("1,240 manat a year" in Baku): facts of geography, by currency code.
CITIES = {
    "AZN": ("Baku",), "TMT": ("Ashgabat",), "KGS": ("Bishkek", "Osh", "Naryn", "Talas", "Karakol", "Jalal-Abad", "Batken", "Issyk-Kul"),
    "UZS": ("Tashkent", "Samarkand", "Bukhara", "Khiva", "Fergana", "Andijan", "Namangan", "Nukus"),
    "MWK": ("Lilongwe", "Blantyre"), "ZMW": ("Lusaka", "Ndola"), "MDL": ("Chisinau",), "RON": ("Bucharest", "Cluj"),
    "BHD": ("Manama",), "DZD": ("Algiers", "Oran"), "IQD": ("Baghdad", "Basra", "Mosul", "Erbil"), "JOD": ("Amman",),
    "KWD": ("Kuwait City",), "LYD": ("Tripoli", "Benghazi"), "RSD": ("Belgrade",), "TND": ("Tunis", "Sfax", "Sousse", "Zarzis"),
    "AED": ("Dubai", "Abu Dhabi", "Sharjah"), "MAD": ("Rabat", "Casablanca", "Marrakesh", "Marrakech", "Tangier", "Agadir", "Fez", "Meknes", "Oujda"),
    "IRR": ("Tehran",), "OMR": ("Muscat", "Salalah", "Sohar", "Nizwa"), "YER": ("Sanaa", "Aden"), "QAR": ("Doha",), "SAR": ("Riyadh", "Jeddah", "Mecca"),
    "BYN": ("Minsk",), "RUB": ("Moscow", "St Petersburg", "Saint Petersburg"), "LKR": ("Colombo", "Kandy", "Galle", "Jaffna", "Nuwara Eliya", "Trincomalee", "Negombo", "Matara"), "NPR": ("Kathmandu",),
    "MUR": ("Port Louis",), "KES": ("Nairobi", "Mombasa"), "TZS": ("Dodoma", "Dar es Salaam"),
    "UGX": ("Kampala",), "SOS": ("Mogadishu",), "ISK": ("Reykjavik",), "SEK": ("Stockholm", "Gothenburg"),
    "DKK": ("Copenhagen",), "NOK": ("Oslo", "Bergen"), "EGP": ("Cairo", "Alexandria"), "LBP": ("Beirut",),
    "SYP": ("Damascus", "Aleppo"), "SDG": ("Khartoum",), "SSP": ("Juba",), "KRW": ("Seoul", "Busan"), "KPW": ("Pyongyang",),
    "ARS": ("Buenos Aires", "Rosario", "Mendoza"), "CLP": ("Santiago", "Valparaiso", "Valparaíso"),
    "COP": ("Bogota", "Bogotá", "Medellin", "Medellín", "Barranquilla"),
    "CUP": ("Havana",), "DOP": ("Santo Domingo",), "MXN": ("Mexico City", "Guadalajara", "Monterrey", "Tijuana", "Puebla"),
    "PHP": ("Manila", "Cebu", "Davao", "Quezon City"), "UYU": ("Montevideo",), "BIF": ("Bujumbura", "Gitega"), "CDF": ("Kinshasa",),
    "DJF": ("Djibouti",), "GNF": ("Conakry",), "RWF": ("Kigali",), "UAH": ("Kyiv", "Kiev", "Kharkiv", "Odesa", "Lviv"),
}


@lru_cache(maxsize=128)
def _cities(code: str) -> re.Pattern[str]:
    """The `CITIES` of a currency as whole words (no words are made from them, as from places)."""
    return re.compile(r"\b(?:" + "|".join(map(re.escape, CITIES.get(code, ()))) + r")\b" if code in CITIES else r"(?!)")


def currency_by_place(word: str, text: str) -> str | None:
    """The code of a currency word several current currencies share ("som", "manat", "dinars", "kwacha"):
    the one whose place (`schemas.units.shared_currency_names`) or city (`CITIES`) the text names first, else None."""
    candidates = shared_currency_names().get(word) if word not in _USUAL_MEANING else None
    return named_first(tuple(candidates or ()), text)


def named_first(codes: tuple[str, ...], text: str) -> str | None:
    """Of `codes`, the currency whose place or city (`CITIES`) the text names first, else None."""
    named = [(match.start(), code) for code in codes
             if (match := _places(currency_places(code)).search(text) or _cities(code).search(text))]
    return min(named)[1] if named else None


def story_money(cues: tuple[str, ...]) -> str:
    """The currency of a sum that names none ("a six-figure sum", "has invested billions"): the first the story
    cues, else USD."""
    return cues[0] if cues else "USD"


def story_currency(cues: tuple[str, ...], default: str) -> str:
    """The currency a shared symbol or "cents" means in this story: the first cued, else `default`."""
    return first_cued(_SHARED_WITH.get(default, ()), cues, origins=False) or default


def currency_before(before: str, story: tuple[str, ...] = (), scaled: bool = False) -> tuple[str | None, int]:
    """(ISO code, length of the currency text) when `before` ends with a symbol or code; a mark that is also a letter
    of names ("R", "SR", "QR", `SCALED_ONLY`) only glued to the number, or before a `scaled` one ("QR 250 million")."""
    if before.endswith("(dollar)"):
        return SYMBOL_CODES["$"], 8  # "(dollar)182.88": the dollar sign as some pages render it
    match = CURRENCY_BEFORE.search(before[-6:])
    if not match:
        return None, 0
    prefix, us, rupees, symbol, code, other, placed = match.groups()
    glued_only = (other or placed) in (*SCALED_ONLY, *PLACED_MARKS)  # "R42bn", "Sh50bn"; not the "R" of "Grade R 5"
    if glued_only and match.group(0) != (other or placed) and not (scaled and match.group(0).rstrip() == (other or placed)):
        return None, 0
    if other:  # a mark several currencies share is the one the story's places point at ("Dh300 in Erfoud"), else its own
        return local_currency(_SHARED_MARKS.get(other, ""), story) or OTHER_CODES[other], len(match.group(0))
    if placed:
        local = local_currency(placed.lower(), story)
        return (local, len(match.group(0))) if local else (None, 0)
    if prefix or us:
        return PREFIX_CODES[prefix or us], len(match.group(0))
    if rupees:
        return local_currency("rupees", story) or "INR", len(match.group(0))
    if symbol:
        return story_currency(story, SYMBOL_CODES[symbol]) if symbol == "¥" else SYMBOL_CODES[symbol], len(match.group(0))
    code = OTHER_CODES.get(code, code)  # "NIS 21bn"
    return (code, len(match.group(0))) if code in iso_currency_codes() else (None, 0)


def hedge_before(before: str) -> tuple[str, int]:
    """(qualifier, length of the hedge words) for the words right before a number."""
    for qualifier, pattern in HEDGE_BEFORE:
        match = pattern.search(before[-40:])
        if match and not (match.group(0).split()[0].lower() == "over" and _ACROSS.search(before[:-len(match.group(0))])):
            return qualifier, len(match.group(0))
    return "exact", 0


# "over" right after a measure is "across", no hedge: "climbs 840 metres over 7 kilometres", "grew 5% over 12 months"
# (not "113 of over 420 vessels", "from £135 to over £350").
_ACROSS = re.compile(r"\d[\d,.]*\s*(?:(?!(?:of|to|and|or|from|for|with|in|at|by|than|the|up|down)\s)[a-z]+|%)\s+$")


def minus_before(before: str, currency: bool = False) -> int:
    """Length of a written "minus" (and currency) right before a number, or of a minus sign right
    before its currency sign (`currency`: "-€3.2bn"), else 0."""
    match = MINUS_BEFORE.search(before[-22:]) or (_SIGN_BEFORE_CURRENCY.search(before[-14:]) if currency else None)
    return len(match.group(0)) if match else 0


def is_date_part(value: float, digits: bool, before: str, after: str, has_unit: bool) -> bool:
    """A year ("in 2023", "2022-23"), a day of a month ("November 1", "1 July") or a dated period."""
    if _PERIOD_TO.match(after[:30]):
        return True  # "in the 12 months to June" names when, not how long
    if digits and value.is_integer() and 1900 <= value <= 2100 and _YEAR_OF_PART.match(after):
        return True  # "the April-June 2023 quarter" is no count of 2023 quarters
    if has_unit or not digits:
        return False
    if value.is_integer() and 0 < value < 10000 and (_ERA_AFTER.match(after[:8]) or _ERA_BEFORE.search(before[-4:])):
        return True  # "around 400 A.D.", "2500 BC", "AD 70": a year of an era
    if _DATE_GLUE.search(before[-8:]) or _DATE_GLUE_AFTER.match(after[:6]):
        return True
    if value.is_integer() and 1000 <= value <= 2100 and _FULL_DATE_BEFORE.search(before[-20:]) and not _PEOPLE_AFTER.match(after[:20]):
        return True  # "23 September 1897", "September 23, 1897": the year of a full date, whatever follows
    if value.is_integer() and 1900 <= value <= 2100:
        if _FIGURE_THAN_BEFORE.search(before[-30:]) and not _PLURAL_NEXT.match(after[:20]):
            return True
        hedge = _COUNT_HEDGE.search(before[-30:])
        counted = (hedge and (not hedge.group(1) or _PLURAL_NEXT.match(after[:20]))) \
            or (_PEOPLE_AFTER.match(after[:20]) and not _WHEN_BEFORE.search(before))  # "pulled in at least 2000 visitors"
        return not counted
    if value.is_integer() and 1000 <= value < 3000 and (_YEAR_WORD_BEFORE.search(before[-8:]) or value > 2100
                                                         and _FUTURE_WHEN_BEFORE.search(before[-24:]) and not _NOUN_NEXT.match(after[:20])):
        return True  # "around the year 2140", "until around 2140": a year far off
    if value.is_integer() and 1000 <= value < 1900 and _TO_A_LATER_YEAR.match(after):
        return True  # "the 1850-1900 average": the span's first year
    if value.is_integer() and 1000 <= value < 1900 and (_WHEN_BEFORE.search(before[-10:]) or _YEAR_PAIR_BEFORE.search(before[-12:])
                                                         or _BETWEEN_BEFORE.search(before[-10:]) and _YEAR_PAIR_AFTER.match(after)
                                                         or MONTH_BEFORE.search(before[-12:])) \
            and not _NOUN_NEXT.match(after[:20]) and not ((pair := _TO_NUMBER.match(after)) and _NOUN_NEXT.match(after[pair.end():])):
        return True  # "since 1885", "in 1066", "from 1820 to 1845": an older year, before no noun ("in 1850 towns")
    if value.is_integer() and 1000 <= value < 1900 and _THING_OF_BEFORE.search(before[-40:]) and not _PLURAL_NEXT.match(after[:20]):
        return True  # "the stone cabin of 1895 that had stood"
    if value.is_integer() and 1000 <= value < 1900 and _THE_BEFORE.search(before[-5:]) and _NAME_NEXT.match(after[:20]):
        return True  # "since the 1896 Games", "the 1848 Revolution": an older year in an event's name
    day = value.is_integer() and 1 <= value <= 31
    return day and bool(MONTH_BEFORE.search(before[-12:]) or MONTH_AFTER.search(after[:12]) or _DAY_PAIR_BEFORE.search(before[-40:])
                        or _DAY_LIST_BEFORE.search(before[-40:]) and _DAY_LIST_REST.match(after)
                        or _DAY_LIST_AFTER.match(after)
                        or _DAY_IN_BRACKETS.search(before[-20:]) and after[:1] == ")")
