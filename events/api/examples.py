"""OpenAPI examples of sources, polities, places, people and events, from the Aigun seed."""

# The en dashes in the strings (in date ranges, "par. 1-3") are the real data's own.
# ruff: noqa: RUF001

API = "https://annales.example/api/v1"


def brief(collection: str, id: int, slug: str, name: str, **more) -> dict:
    """A related record as the API embeds it: id, url, slug, name, and for some kind and date."""
    return {"id": id, "url": f"{API}/{collection}/{slug}/", "slug": slug, "name": name, **more}


def date(edtf: str, label: str, *, julian: str = "", precision: str = "day", **bounds) -> dict:
    """A date as the API reads it; `julian` is the Julian date the source gave, if it gave one.

    `bounds` gives `earliest` and `latest` where they are not the EDTF itself.
    """
    return {
        "edtf": edtf,
        "earliest": bounds.get("earliest", edtf),
        "latest": bounds.get("latest", edtf),
        "precision": precision,
        "approximate": False,
        "uncertain": False,
        "calendar": "julian" if julian else "gregorian",
        "as_recorded": julian or edtf,
        "label": label,
    }


# Records embedded in several examples.
_SEED = brief(
    "sources", 129, "seed-aigun-fr", "Anonymous modern French summary of the Treaty of Aigun"
)
_QING = brief("polities", 14, "qing-china", "Qing China")
_RUSSIA = brief("polities", 13, "russian-empire", "Russian Empire")
_MURAVYOV = brief("people", 93, "nikolay-muravyov", "Nikolay Muravyov-Amursky")
_AIGUN_SIGNED = date("1858-05-28", "28 May 1858 (16 May 1858 O.S.)", julian="1858-05-16")
_AIGUN = brief("treaties", 6, "aigun", "Treaty of Aigun", signed=_AIGUN_SIGNED)
_MAY_1858 = date(
    "1858-05", "May 1858", precision="month", earliest="1858-05-01", latest="1858-05-31"
)
_AIGUN_NEGOTIATION = brief(
    "events",
    47,
    "aigun-negotiation",
    "Negotiation of the Treaty of Aigun",
    kind="negotiation",
    date=_MAY_1858,
)
_AIGUN_SIGNATURE = brief(
    "events",
    48,
    "aigun-signature",
    "Signature of the Treaty of Aigun",
    kind="signature",
    date=_AIGUN_SIGNED,
)

_CORDIER_NAMES = [
    {
        "text": "Histoire générale de la Chine et de ses relations avec les pays étrangers",
        "lang": "fr",
        "kind": "native",
    }
]
_CORDIER_CITATION = (
    "Cordier, Henri. Histoire générale de la Chine et de ses relations avec les pays "
    "étrangers. Vol. 3 (p. 342: Bura and Kiakhta, 1727) and vol. 4 (p. 54: the Russian descent "
    "of the Amur, 1854)."
)
SOURCE = {
    "id": 133,
    "url": f"{API}/sources/cordier-histoire-generale/",
    "slug": "cordier-histoire-generale",
    "name": "Cordier, Histoire générale de la Chine",
    "names": _CORDIER_NAMES,
    "wikidata_id": "",
    "description": "French general history of China and its foreign relations, in four volumes.",
    "note": "",
    "citations": [],
    "kind": "secondary",
    "citation": _CORDIER_CITATION,
    "link": "",
}
SOURCE_WRITE = {
    "slug": "cordier-histoire-generale",
    "name": "Cordier, Histoire générale de la Chine",
    "names": _CORDIER_NAMES,
    "description": "French general history of China and its foreign relations, in four volumes.",
    "kind": "secondary",
    "citation": _CORDIER_CITATION,
}

POLITY = {
    "id": 14,
    "url": f"{API}/polities/qing-china/",
    "slug": "qing-china",
    "name": "Qing China",
    "names": [
        {"text": "Qing China", "lang": "en", "kind": "translation"},
        {"text": "Chine des Qing", "lang": "fr", "kind": "translation"},
        {"text": "Дайцинское государство", "lang": "ru", "kind": "historical"},
        {"text": "大清", "lang": "zh-Hant", "kind": "native"},
    ],
    "wikidata_id": "",
    "description": "The Qing empire, ruled by the Manchu dynasty. In the 1850s it was fighting the "
    "Taiping Rebellion when Russia advanced on the Amur, and ceded the left bank at Aigun in 1858.",
    "note": '"Дайцинское государство" / "Daiqing state" follows the Russian text of Aigun Art. 1 '
    '("суда дайцинского и российского государств")…',
    "citations": [
        {
            "source": brief(
                "sources",
                131,
                "sbornik-dogovorov-1952",
                "Collection of treaties of Russia with other states, 1856–1917 (1952)",
            ),
            "locator": "Aigun, Art. 1",
            "note": "",
        },
        {"source": _SEED, "locator": "par. 1–3", "note": ""},
    ],
    "kind": "empire",
    "existed": date(
        "1636/1912-02",
        "1636–February 1912",
        precision="year",
        earliest="1636-01-01",
        latest="1912-02-29",
    ),
    "treaties": [
        _AIGUN,
        brief(
            "treaties",
            8,
            "peking-1860",
            "Supplementary Treaty of Peking (Russia–China, 1860)",
            signed=date(
                "1860-11-14", "14 November 1860 (2 November 1860 O.S.)", julian="1860-11-02"
            ),
        ),
    ],
    "events": [_AIGUN_NEGOTIATION, _AIGUN_SIGNATURE],
}
POLITY_WRITE = {
    "slug": "qing-china",
    "name": "Qing China",
    "names": [
        {"text": "Qing China", "lang": "en", "kind": "translation"},
        {"text": "Chine des Qing", "lang": "fr", "kind": "translation"},
        {"text": "Дайцинское государство", "lang": "ru", "kind": "historical"},
        {"text": "大清", "lang": "zh-Hant", "kind": "native"},
    ],
    "wikidata_id": "",
    "description": "The Qing empire, ruled by the Manchu dynasty.",
    "note": '"Дайцинское государство" / "Daiqing state" follows the Russian text of Aigun Art. 1.',
    "citations": [
        {"source": "sbornik-dogovorov-1952", "locator": "Aigun, Art. 1"},
        {"source": "seed-aigun-fr", "locator": "par. 1–3"},
    ],
    "kind": "empire",
    "existed": "1636/1912-02",
}

PLACE = {
    "id": 29,
    "url": f"{API}/places/amur/",
    "slug": "amur",
    "name": "Amur",
    "names": [
        {"text": "Amur", "lang": "en", "kind": "transliteration"},
        {"text": "Amour", "lang": "fr", "kind": "transliteration"},
        {"text": "Амур", "lang": "ru", "kind": "native"},
        {"text": "黑龍江", "lang": "zh-Hant", "kind": "native"},
    ],
    "wikidata_id": "",
    "description": "River formed by the confluence of the Shilka and the Argun, flowing to the sea "
    "near Nikolayevsk-on-Amur. The Treaty of Aigun made it the Russian–Qing border from the "
    "Argun to its sea mouth…",
    "note": "The Amur enters the Strait of Tartary / Sea of Okhotsk system; the treaty itself "
    'speaks of the "sea mouth of the Amur".',
    "citations": [
        {
            "source": brief("sources", 155, "en-wikipedia", "English Wikipedia"),
            "locator": "article Amur, infobox (mouth)",
            "note": "",
        },
        {"source": _SEED, "locator": "par. 2–3", "note": ""},
    ],
    "kind": "river",
    "latitude": 52.947,
    "longitude": 141.084,
    "part_of": None,
    "treaties_signed_here": [],
    "clauses": [
        {"id": 1, "url": f"{API}/clauses/1/", "treaty": _AIGUN, "number": 1, "label": "Article 1"},
        {"id": 2, "url": f"{API}/clauses/2/", "treaty": _AIGUN, "number": 2, "label": "Article 2"},
    ],
    "events": [
        brief(
            "events",
            40,
            "amur-military-settlements",
            "Russian military settlements on the north bank of the Amur",
            kind="settlement",
            date=date(
                "1850/1858",
                "1850–1858",
                precision="year",
                earliest="1850-01-01",
                latest="1858-12-31",
            ),
        ),
        brief(
            "events",
            41,
            "nevelskoy-amur-mouth-post",
            "Nevelskoy's post at the mouth of the Amur",
            kind="settlement",
            date=date("1850-08-18", "18 August 1850 (6 August 1850 O.S.)", julian="1850-08-06"),
        ),
    ],
}
PLACE_WRITE = {
    "slug": "amur",
    "name": "Amur",
    "names": [
        {"text": "Amur", "lang": "en", "kind": "transliteration"},
        {"text": "Amour", "lang": "fr", "kind": "transliteration"},
        {"text": "Амур", "lang": "ru", "kind": "native"},
        {"text": "黑龍江", "lang": "zh-Hant", "kind": "native"},
    ],
    "wikidata_id": "",
    "description": "River formed by the confluence of the Shilka and the Argun, flowing to the sea "
    "near Nikolayevsk-on-Amur. The coordinates are those of the mouth.",
    "note": "The Amur enters the Strait of Tartary / Sea of Okhotsk system.",
    "citations": [
        {"source": "en-wikipedia", "locator": "article Amur, infobox (mouth)"},
        {"source": "seed-aigun-fr", "locator": "par. 2–3"},
    ],
    "kind": "river",
    "latitude": 52.947,
    "longitude": 141.084,
    "part_of": None,
}

PERSON = {
    "id": 93,
    "url": f"{API}/people/nikolay-muravyov/",
    "slug": "nikolay-muravyov",
    "name": "Nikolay Muravyov-Amursky",
    "names": [
        {"text": "Nikolay Nikolayevich Muravyov-Amursky", "lang": "en", "kind": "transliteration"},
        {"text": "Nikolaï Mouraviev", "lang": "fr", "kind": "transliteration"},
        {"text": "Николай Николаевич Муравьёв-Амурский", "lang": "ru", "kind": "native"},
        {"text": "穆拉维约夫", "lang": "zh-Hans", "kind": "transliteration"},
    ],
    "wikidata_id": "",
    "description": "Governor-General of Eastern Siberia (1847–1861). He led the Russian "
    "expeditions down the Amur in 1854–1855, negotiated and signed the Treaty of Aigun in 1858, "
    'and was made Count "Amursky" the same year…',
    "note": "Born 11 August 1809 O.S. (= 23 August N.S.); some sources give 12 (24) August…",
    "citations": [
        {
            "source": brief(
                "sources",
                137,
                "sie-muravyov",
                "Soviet Historical Encyclopedia, article on Muravyov-Amursky",
            ),
            "locator": "article Муравьёв-Амурский",
            "note": "",
        },
        {"source": _SEED, "locator": "par. 1–3", "note": ""},
    ],
    "born": date("1809-08-23", "23 August 1809 (11 August 1809 O.S.)", julian="1809-08-11"),
    "died": date("1881-11-30", "30 November 1881 (18 November 1881 O.S.)", julian="1881-11-18"),
    "negotiations": [
        {
            "id": 24,
            "url": f"{API}/negotiators/24/",
            "person": _MURAVYOV,
            "polity": _RUSSIA,
            "role": "plenipotentiary",
            "signed": True,
            "title": "Adjutant general, lieutenant general, Governor-General of Eastern Siberia",
            "citations": [
                {
                    "source": brief(
                        "sources",
                        132,
                        "barsukov-1891",
                        "Barsukov, Count Nikolay Nikolayevich Muravyov-Amursky (1891)",
                    ),
                    "locator": "p. 91",
                    "note": "",
                },
            ],
        },
    ],
    "events": [_AIGUN_NEGOTIATION, _AIGUN_SIGNATURE],
}
PERSON_WRITE = {
    "slug": "nikolay-muravyov",
    "name": "Nikolay Muravyov-Amursky",
    "names": [
        {"text": "Nikolay Nikolayevich Muravyov-Amursky", "lang": "en", "kind": "transliteration"},
        {"text": "Nikolaï Mouraviev", "lang": "fr", "kind": "transliteration"},
        {"text": "Николай Николаевич Муравьёв-Амурский", "lang": "ru", "kind": "native"},
        {"text": "穆拉维约夫", "lang": "zh-Hans", "kind": "transliteration"},
    ],
    "wikidata_id": "",
    "description": "Governor-General of Eastern Siberia (1847–1861).",
    "note": "Born 11 August 1809 O.S. (= 23 August N.S.); some sources give 12 (24) August.",
    "citations": [
        {"source": "sie-muravyov", "locator": "article Муравьёв-Амурский"},
        {"source": "seed-aigun-fr", "locator": "par. 1–3"},
    ],
    "born": {"edtf": "1809-08-11", "calendar": "julian"},
    "died": {"edtf": "1881-11-18", "calendar": "julian"},
}

EVENT = {
    "id": 47,
    "url": f"{API}/events/aigun-negotiation/",
    "slug": "aigun-negotiation",
    "name": "Negotiation of the Treaty of Aigun",
    "names": [
        {"text": "Aigun negotiation", "lang": "en", "kind": "translation"},
        {"text": "négociation d'Aïgoun", "lang": "fr", "kind": "translation"},
    ],
    "wikidata_id": "",
    "description": "Talks at Aigun in May 1858 between Muravyov and Yishan. According to the "
    "seed, Muravyov had threatened war, and the Qing, who overestimated Russian strength, had no "
    "choice but to negotiate.",
    "note": "The sources date only the signature (16/28 May 1858); the talks are given the month…",
    "citations": [
        {
            "source": brief("sources", 136, "bse", "Great Soviet Encyclopedia"),
            "locator": "article Aigun treaty",
            "note": "",
        },
        {"source": _SEED, "locator": "par. 2", "note": ""},
    ],
    "kind": "negotiation",
    "date": _MAY_1858,
    "part_of": None,
    "places": [brief("places", 36, "aigun", "Aigun")],
    "polities": [_QING, _RUSSIA],
    "people": [_MURAVYOV, brief("people", 95, "yishan", "Yishan")],
    "related_treaties": [_AIGUN],
}
EVENT_WRITE = {
    "slug": "aigun-negotiation",
    "name": "Negotiation of the Treaty of Aigun",
    "names": [
        {"text": "Aigun negotiation", "lang": "en", "kind": "translation"},
        {"text": "négociation d'Aïgoun", "lang": "fr", "kind": "translation"},
    ],
    "wikidata_id": "",
    "description": "Talks at Aigun in May 1858 between Muravyov and Yishan.",
    "note": "The sources date only the signature (16/28 May 1858); the talks are given the month.",
    "citations": [
        {"source": "bse", "locator": "article Aigun treaty"},
        {"source": "seed-aigun-fr", "locator": "par. 2"},
    ],
    "kind": "negotiation",
    "date": "1858-05",
    "part_of": None,
    "places": ["aigun"],
    "polities": ["qing-china", "russian-empire"],
    "people": [
        "aizhindai",
        "jiraminga",
        "nikolay-muravyov",
        "pyotr-perovsky",
        "yakov-shishmarev",
        "yishan",
    ],
}
