"""OpenAPI examples of sources, polities, places, people and events, from the Aigun seed."""

# Records embedded in several examples, as the API shows them in brief.
_SEED = {
    "id": 129,
    "url": "https://annales.example/api/v1/sources/seed-aigun-fr/",
    "slug": "seed-aigun-fr",
    "name": "French seed text on the Treaty of Aigun",
}
_QING = {
    "id": 14,
    "url": "https://annales.example/api/v1/polities/qing-china/",
    "slug": "qing-china",
    "name": "Qing China",
}
_RUSSIA = {
    "id": 13,
    "url": "https://annales.example/api/v1/polities/russian-empire/",
    "slug": "russian-empire",
    "name": "Russian Empire",
}
_MURAVYOV = {
    "id": 93,
    "url": "https://annales.example/api/v1/people/nikolay-muravyov/",
    "slug": "nikolay-muravyov",
    "name": "Nikolay Muravyov-Amursky",
}
_AIGUN_SIGNED = {
    "edtf": "1858-05-28",
    "earliest": "1858-05-28",
    "latest": "1858-05-28",
    "precision": "day",
    "approximate": False,
    "uncertain": False,
    "calendar": "julian",
    "as_recorded": "1858-05-16",
    "label": "28 May 1858 (16 May 1858 O.S.)",
}
_AIGUN = {
    "id": 6,
    "url": "https://annales.example/api/v1/treaties/aigun/",
    "slug": "aigun",
    "name": "Treaty of Aigun",
    "signed": _AIGUN_SIGNED,
}
_AIGUN_NEGOTIATION = {
    "id": 47,
    "url": "https://annales.example/api/v1/events/aigun-negotiation/",
    "slug": "aigun-negotiation",
    "name": "Negotiation of the Treaty of Aigun",
    "kind": "negotiation",
    "date": {
        "edtf": "1858-05",
        "earliest": "1858-05-01",
        "latest": "1858-05-31",
        "precision": "month",
        "approximate": False,
        "uncertain": False,
        "calendar": "gregorian",
        "as_recorded": "1858-05",
        "label": "May 1858",
    },
}
_AIGUN_SIGNATURE = {
    "id": 48,
    "url": "https://annales.example/api/v1/events/aigun-signature/",
    "slug": "aigun-signature",
    "name": "Signature of the Treaty of Aigun",
    "kind": "signature",
    "date": _AIGUN_SIGNED,
}

SOURCE = {
    "id": 129,
    "url": "https://annales.example/api/v1/sources/seed-aigun-fr/",
    "slug": "seed-aigun-fr",
    "name": "French seed text on the Treaty of Aigun",
    "names": [],
    "wikidata_id": "",
    "description": "The French text from which this data set was built. It summarises the Russian "
    "advance on the Amur in the 1850s and the Treaty of Aigun.",
    "note": "Known errors, recorded on the records concerned: the border is said to run to the "
    "Sea of Okhotsk (the treaty says to the sea mouth of the Amur)…",
    "citations": [{"source": _SEED, "locator": "whole text (3 paragraphs)", "note": ""}],
    "kind": "seed",
    "citation": "Seed text of this project: \"Le traité d'Aigun (28 mai 1858) accorda à l'Empire "
    'russe…", three paragraphs in French (file shared/seeds/aigun-fr.txt)…',
    "link": "",
}
SOURCE_WRITE = {
    "slug": "seed-aigun-fr",
    "name": "French seed text on the Treaty of Aigun",
    "names": [],
    "wikidata_id": "",
    "description": "The French text from which this data set was built. It summarises the Russian "
    "advance on the Amur in the 1850s and the Treaty of Aigun.",
    "note": "Known errors, recorded on the records concerned: the border is said to run to the "
    "Sea of Okhotsk (the treaty says to the sea mouth of the Amur).",
    "citations": [{"source": "seed-aigun-fr", "locator": "whole text (3 paragraphs)"}],
    "kind": "seed",
    "citation": "Seed text of this project: three paragraphs in French. Not a historical source: "
    "every claim in it is checked against the other sources, and corrected in notes.",
    "link": "",
}

POLITY = {
    "id": 14,
    "url": "https://annales.example/api/v1/polities/qing-china/",
    "slug": "qing-china",
    "name": "Qing China",
    "names": [
        {"text": "Qing China", "lang": "en", "kind": "native"},
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
            "source": {
                "id": 131,
                "url": "https://annales.example/api/v1/sources/sbornik-dogovorov-1952/",
                "slug": "sbornik-dogovorov-1952",
                "name": "Collection of treaties of Russia with other states, 1856–1917 (1952)",
            },
            "locator": "Aigun, Art. 1",
            "note": "",
        },
        {"source": _SEED, "locator": "par. 1–3", "note": ""},
    ],
    "kind": "empire",
    "existed": {
        "edtf": "1636/1912-02",
        "earliest": "1636-01-01",
        "latest": "1912-02-29",
        "precision": "year",
        "approximate": False,
        "uncertain": False,
        "calendar": "gregorian",
        "as_recorded": "1636/1912-02",
        "label": "1636–February 1912",
    },
    "treaties": [
        _AIGUN,
        {
            "id": 8,
            "url": "https://annales.example/api/v1/treaties/peking-1860/",
            "slug": "peking-1860",
            "name": "Supplementary Treaty of Peking (Russia–China, 1860)",
            "signed": {
                "edtf": "1860-11-14",
                "earliest": "1860-11-14",
                "latest": "1860-11-14",
                "precision": "day",
                "approximate": False,
                "uncertain": False,
                "calendar": "julian",
                "as_recorded": "1860-11-02",
                "label": "14 November 1860 (2 November 1860 O.S.)",
            },
        },
    ],
    "events": [_AIGUN_NEGOTIATION, _AIGUN_SIGNATURE],
}
POLITY_WRITE = {
    "slug": "qing-china",
    "name": "Qing China",
    "names": [
        {"text": "Qing China", "lang": "en", "kind": "native"},
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
    "url": "https://annales.example/api/v1/places/amur/",
    "slug": "amur",
    "name": "Amur",
    "names": [
        {"text": "Amur", "lang": "en", "kind": "native"},
        {"text": "Amour", "lang": "fr", "kind": "translation"},
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
            "source": {
                "id": 155,
                "url": "https://annales.example/api/v1/sources/en-wikipedia/",
                "slug": "en-wikipedia",
                "name": "English Wikipedia",
            },
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
        {
            "id": 1,
            "url": "https://annales.example/api/v1/clauses/1/",
            "treaty": _AIGUN,
            "number": 1,
            "label": "Article 1",
        },
        {
            "id": 2,
            "url": "https://annales.example/api/v1/clauses/2/",
            "treaty": _AIGUN,
            "number": 2,
            "label": "Article 2",
        },
    ],
    "events": [
        {
            "id": 40,
            "url": "https://annales.example/api/v1/events/amur-military-settlements/",
            "slug": "amur-military-settlements",
            "name": "Russian military settlements on the north bank of the Amur",
            "kind": "settlement",
            "date": {
                "edtf": "1850/1858",
                "earliest": "1850-01-01",
                "latest": "1858-12-31",
                "precision": "year",
                "approximate": False,
                "uncertain": False,
                "calendar": "gregorian",
                "as_recorded": "1850/1858",
                "label": "1850–1858",
            },
        },
        {
            "id": 41,
            "url": "https://annales.example/api/v1/events/nevelskoy-amur-mouth-post/",
            "slug": "nevelskoy-amur-mouth-post",
            "name": "Nevelskoy's post at the mouth of the Amur",
            "kind": "settlement",
            "date": {
                "edtf": "1850-08-18",
                "earliest": "1850-08-18",
                "latest": "1850-08-18",
                "precision": "day",
                "approximate": False,
                "uncertain": False,
                "calendar": "julian",
                "as_recorded": "1850-08-06",
                "label": "18 August 1850 (6 August 1850 O.S.)",
            },
        },
    ],
}
PLACE_WRITE = {
    "slug": "amur",
    "name": "Amur",
    "names": [
        {"text": "Amur", "lang": "en", "kind": "native"},
        {"text": "Amour", "lang": "fr", "kind": "translation"},
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
    "url": "https://annales.example/api/v1/people/nikolay-muravyov/",
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
            "source": {
                "id": 137,
                "url": "https://annales.example/api/v1/sources/sie-muravyov/",
                "slug": "sie-muravyov",
                "name": "Soviet Historical Encyclopedia, article on Muravyov-Amursky",
            },
            "locator": "article Муравьёв-Амурский",
            "note": "",
        },
        {"source": _SEED, "locator": "par. 1–3", "note": ""},
    ],
    "born": {
        "edtf": "1809-08-23",
        "earliest": "1809-08-23",
        "latest": "1809-08-23",
        "precision": "day",
        "approximate": False,
        "uncertain": False,
        "calendar": "julian",
        "as_recorded": "1809-08-11",
        "label": "23 August 1809 (11 August 1809 O.S.)",
    },
    "died": {
        "edtf": "1881-11-30",
        "earliest": "1881-11-30",
        "latest": "1881-11-30",
        "precision": "day",
        "approximate": False,
        "uncertain": False,
        "calendar": "julian",
        "as_recorded": "1881-11-18",
        "label": "30 November 1881 (18 November 1881 O.S.)",
    },
    "negotiations": [
        {
            "id": 24,
            "url": "https://annales.example/api/v1/negotiators/24/",
            "person": _MURAVYOV,
            "polity": _RUSSIA,
            "role": "plenipotentiary",
            "signed": True,
            "title": "Adjutant general, lieutenant general, Governor-General of Eastern Siberia",
            "citations": [
                {
                    "source": {
                        "id": 132,
                        "url": "https://annales.example/api/v1/sources/barsukov-1891/",
                        "slug": "barsukov-1891",
                        "name": "Barsukov, Count Nikolay Nikolayevich Muravyov-Amursky (1891)",
                    },
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
    "url": "https://annales.example/api/v1/events/aigun-negotiation/",
    "slug": "aigun-negotiation",
    "name": "Negotiation of the Treaty of Aigun",
    "names": [
        {"text": "Aigun negotiation", "lang": "en", "kind": "native"},
        {"text": "négociation d'Aïgoun", "lang": "fr", "kind": "translation"},
    ],
    "wikidata_id": "",
    "description": "Talks at Aigun in May 1858 between Muravyov and Yishan. According to the "
    "seed, Muravyov had threatened war, and the Qing, who overestimated Russian strength, had no "
    "choice but to negotiate.",
    "note": "The research dates only the signature (16/28 May 1858); the talks are given the "
    "month…",
    "citations": [
        {
            "source": {
                "id": 136,
                "url": "https://annales.example/api/v1/sources/bse/",
                "slug": "bse",
                "name": "Great Soviet Encyclopedia",
            },
            "locator": "article Aigun treaty",
            "note": "",
        },
        {"source": _SEED, "locator": "par. 2", "note": ""},
    ],
    "kind": "negotiation",
    "date": _AIGUN_NEGOTIATION["date"],
    "part_of": None,
    "places": [
        {
            "id": 36,
            "url": "https://annales.example/api/v1/places/aigun/",
            "slug": "aigun",
            "name": "Aigun",
        },
    ],
    "polities": [_QING, _RUSSIA],
    "people": [
        _MURAVYOV,
        {
            "id": 95,
            "url": "https://annales.example/api/v1/people/yishan/",
            "slug": "yishan",
            "name": "Yishan",
        },
    ],
    "related_treaties": [_AIGUN],
}
EVENT_WRITE = {
    "slug": "aigun-negotiation",
    "name": "Negotiation of the Treaty of Aigun",
    "names": [
        {"text": "Aigun negotiation", "lang": "en", "kind": "native"},
        {"text": "négociation d'Aïgoun", "lang": "fr", "kind": "translation"},
    ],
    "wikidata_id": "",
    "description": "Talks at Aigun in May 1858 between Muravyov and Yishan.",
    "note": "The research dates only the signature (16/28 May 1858); the talks are given the "
    "month.",
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
