"""OpenAPI examples of treaties, clauses and negotiators, from the Treaty of Aigun (1858)."""

# The en dashes in the strings (in date ranges, "1856-1917") are the real data's own.
# ruff: noqa: RUF001

from events.api.examples import API, brief, date

_AIGUN_SIGNED = date("1858-05-28", "28 May 1858 (16 May 1858 O.S.)", julian="1858-05-16")
_AIGUN = brief("treaties", 6, "aigun", "Treaty of Aigun", signed=_AIGUN_SIGNED)

_RUSSIA = brief("polities", 13, "russian-empire", "Russian Empire")
_QING = brief("polities", 14, "qing-china", "Qing China")

_AMUR = brief("places", 29, "amur", "Amur")
_ARGUN = brief("places", 31, "argun", "Argun")
_SUNGARI = brief("places", 33, "sungari", "Sungari")

_MURAVYOV = brief("people", 93, "nikolay-muravyov", "Nikolay Muravyov-Amursky")
_PEROVSKY = brief("people", 94, "pyotr-perovsky", "Pyotr Perovsky")
_YISHAN = brief("people", 95, "yishan", "Yishan")
_JIRAMINGA = brief("people", 96, "jiraminga", "Jiraminga")

_SEED = brief(
    "sources", 129, "seed-aigun-fr", "Anonymous modern French summary of the Treaty of Aigun"
)
_SBORNIK = brief(
    "sources",
    131,
    "sbornik-dogovorov-1952",
    "Collection of treaties of Russia with other states, 1856–1917 (1952)",
)
_BARSUKOV = brief(
    "sources", 132, "barsukov-1891", "Barsukov, Count Nikolay Nikolayevich Muravyov-Amursky (1891)"
)
_ZH_WIKISOURCE = brief("sources", 134, "zh-wikisource-aigun", "璦琿條約 (zh.wikisource)")
_VOSTLIT = brief(
    "sources",
    135,
    "vostlit-russia-china",
    "Vostochnaya literatura, documents on Russian–Chinese relations",
)
_KOKOTYUKHA = brief(
    "sources", 141, "kokotyukha-aigun", "Kokotyukha, text of the Treaty of Aigun (homeread.net)"
)
_CNENC = brief(
    "sources", 146, "cnenc-peking-1860", "Chinese text of the Sino-Russian Treaty of Peking (1860)"
)
_DE_WIKIPEDIA = brief("sources", 156, "de-wikipedia", "German Wikipedia")

_NAMES = [
    {"text": "Treaty of Aigun", "lang": "en", "kind": "translation"},
    {"text": "Traité d'Aïgoun", "lang": "fr", "kind": "translation"},
    {"text": "Айгунский договор", "lang": "ru", "kind": "native"},
    {"text": "璦琿條約", "lang": "zh-Hant", "kind": "native"},
]
_GRANTS = [{"polity": _RUSSIA, "effect": "grants"}, {"polity": _QING, "effect": "grants"}]
_PARTIES = [
    {
        "polity": polity,
        "role": "party",
        "citations": [
            {"source": _SEED, "locator": "par. 1", "note": ""},
            {"source": _SBORNIK, "locator": "Aigun, preamble", "note": ""},
        ],
    }
    for polity in (_RUSSIA, _QING)
]

TREATY_LIST_ITEM = {
    **brief("treaties", 6, "aigun", "Treaty of Aigun"),
    "names": _NAMES,
    "wikidata_id": "",
    "description": "Treaty between the Russian Empire and Qing China signed at Aigun on 16 (28) "
    "May 1858 by Muravyov and Perovsky and by Yishan and Jiraminga…",
    "note": "Status contested: Russia ratified it (20 July 1858), but whether the Qing ratified "
    "it is disputed (see the event aigun-ratification-qing)…",
    "citations": [
        {"source": _SBORNIK, "locator": "Treaty of Aigun", "note": ""},
        {"source": _BARSUKOV, "locator": "p. 91", "note": ""},
    ],
    "kind": "treaty",
    "status": "contested",
    "signed": _AIGUN_SIGNED,
    "signed_at": brief("places", 36, "aigun", "Aigun"),
    "authentic_languages": ["ru", "mnc", "mn"],
    "parties": [{"polity": _RUSSIA, "role": "party"}, {"polity": _QING, "role": "party"}],
}

CLAUSE = {
    "id": 1,
    "url": f"{API}/clauses/1/",
    "treaty": _AIGUN,
    "number": 1,
    "label": "Article 1",
    "text": "The left bank of the Amur river, from the Argun river to the sea mouth of the Amur, "
    "shall be the possession of the Russian state…",
    "text_lang": "en",
    "summary": "Fixes the border on the Amur: the left bank from the Argun to the Amur's sea "
    "mouth is Russian, the right bank down to the Ussuri is Qing…",
    "summaries": [{"lang": "fr", "text": "Fixe la frontière sur l'Amour : la rive gauche…"}],
    "topics": ["boundary", "condominium", "navigation", "jurisdiction"],
    "third_parties": "excluded",
    "places": [_AMUR, _ARGUN],
    "polities": _GRANTS,
    "citations": [
        {"source": _ZH_WIKISOURCE, "locator": "Art. 1", "note": ""},
        {"source": _SBORNIK, "locator": "Art. 1", "note": ""},
    ],
}

NEGOTIATOR = {
    "id": 24,
    "url": f"{API}/negotiators/24/",
    "treaty": _AIGUN,
    "person": _MURAVYOV,
    "polity": _RUSSIA,
    "role": "plenipotentiary",
    "signed": True,
    "title": "Adjutant general, lieutenant general, Governor-General of Eastern Siberia",
    "citations": [
        {"source": _BARSUKOV, "locator": "p. 91", "note": ""},
        {"source": _KOKOTYUKHA, "locator": "signatures", "note": ""},
    ],
}

TREATY = {
    **TREATY_LIST_ITEM,
    "parties": _PARTIES,
    "clauses": [
        {key: value for key, value in CLAUSE.items() if key != "treaty"},
        {
            "id": 2,
            "url": f"{API}/clauses/2/",
            "number": 2,
            "label": "Article 2",
            "text": "The subjects of both states living along the Ussuri, Amur and Sungari rivers "
            "are permitted to trade with one another, and the officials on both banks shall "
            "mutually protect the traders of both states.",
            "text_lang": "en",
            "summary": "Allows trade between the subjects of both states living along the Ussuri, "
            "Amur and Sungari, under the protection of the officials on both banks.",
            "summaries": [{"lang": "fr", "text": "Autorise le commerce entre les sujets…"}],
            "topics": ["trade"],
            "third_parties": "not_addressed",
            "places": [_AMUR, _SUNGARI],
            "polities": _GRANTS,
            "citations": [{"source": _ZH_WIKISOURCE, "locator": "Art. 2", "note": ""}],
        },
        {
            "id": 3,
            "url": f"{API}/clauses/3/",
            "number": 3,
            "label": "Article 3",
            "text": "What has here been agreed shall be observed exactly and inviolably in "
            "perpetuity…",
            "text_lang": "en",
            "summary": "Execution: the treaty is to be observed exactly and inviolably in "
            "perpetuity…",
            "summaries": [{"lang": "fr", "text": "Exécution : le traité doit être observé…"}],
            "topics": ["execution"],
            "third_parties": "not_addressed",
            "places": [],
            "polities": [
                {"polity": _RUSSIA, "effect": "obliges"},
                {"polity": _QING, "effect": "obliges"},
            ],
            "citations": [{"source": _BARSUKOV, "locator": "Art. 3", "note": ""}],
        },
    ],
    "negotiators": [
        {
            "id": 26,
            "url": f"{API}/negotiators/26/",
            "person": _YISHAN,
            "polity": _QING,
            "role": "plenipotentiary",
            "signed": True,
            "title": "Amur commander-in-chief (Military Governor of Heilongjiang), "
            "imperial clansman",
            "citations": [{"source": _BARSUKOV, "locator": "p. 91", "note": ""}],
        },
        {
            "id": 27,
            "url": f"{API}/negotiators/27/",
            "person": _JIRAMINGA,
            "polity": _QING,
            "role": "signatory",
            "signed": True,
            "title": "Assistant divisional chief",
            "citations": [{"source": _KOKOTYUKHA, "locator": "signatures", "note": ""}],
        },
        {key: value for key, value in NEGOTIATOR.items() if key != "treaty"},
        {
            "id": 25,
            "url": f"{API}/negotiators/25/",
            "person": _PEROVSKY,
            "polity": _RUSSIA,
            "role": "plenipotentiary",
            "signed": True,
            "title": "State councillor, Ministry of Foreign Affairs",
            "citations": [{"source": _BARSUKOV, "locator": "p. 91", "note": ""}],
        },
    ],
    "milestones": [
        {
            "kind": "signature",
            "event": brief(
                "events",
                48,
                "aigun-signature",
                "Signature of the Treaty of Aigun",
                kind="signature",
                date=_AIGUN_SIGNED,
            ),
            "party": None,
            "contested": False,
            "citations": [
                {"source": _SBORNIK, "locator": "Aigun, date line", "note": ""},
                {"source": _ZH_WIKISOURCE, "locator": "date", "note": ""},
            ],
        },
        {
            "kind": "ratification",
            "event": brief(
                "events",
                49,
                "aigun-ratification-russia",
                "Russian ratification of the Treaty of Aigun",
                kind="ratification",
                date=date("1858-07-20", "20 July 1858"),
            ),
            "party": _RUSSIA,
            "contested": True,
            "citations": [
                {"source": _DE_WIKIPEDIA, "locator": "article Aigun", "note": ""},
                {"source": _ZH_WIKISOURCE, "locator": "notes (ratification)", "note": ""},
            ],
        },
    ],
    "relations": [
        {
            "kind": "amends",
            "treaty": brief(
                "treaties",
                3,
                "nerchinsk",
                "Treaty of Nerchinsk",
                signed=date(
                    "[1689-09-06, 1689-09-07]",
                    "6 September 1689 or 7 September 1689 (27 August 1689 or 28 August 1689 O.S.)",
                    julian="[1689-08-27,1689-08-28]",
                    earliest="1689-09-06",
                    latest="1689-09-07",
                ),
            ),
            "note": "Aigun redraws the Nerchinsk boundary along the Amur, from the Argun to the "
            "sea mouth of the Amur…",
            "citations": [
                {"source": _SBORNIK, "locator": "Aigun, Art. 1", "note": ""},
                {"source": _SEED, "locator": "par. 1, 3", "note": ""},
            ],
        },
        {
            "kind": "supplements",
            "treaty": brief(
                "treaties",
                5,
                "kiakhta",
                "Treaty of Kyakhta (1727)",
                signed=date(
                    "1727-11-01", "1 November 1727 (21 October 1727 O.S.)", julian="1727-10-21"
                ),
            ),
            "note": "By subject, not by reference: the Aigun text does not name the Kyakhta "
            "treaty…",
            "citations": [
                {"source": _SEED, "locator": "par. 1, 3", "note": ""},
                {"source": _SBORNIK, "locator": "Aigun, Art. 2", "note": ""},
            ],
        },
    ],
    "related_by": [
        {
            "kind": "confirms",
            "treaty": brief(
                "treaties",
                8,
                "peking-1860",
                "Supplementary Treaty of Peking (Russia–China, 1860)",
                signed=date(
                    "1860-11-14", "14 November 1860 (2 November 1860 O.S.)", julian="1860-11-02"
                ),
            ),
            "note": "Peking Art. 1 confirms Aigun Art. 1, the Amur border, and replaces the "
            "common possession of the lands between the Ussuri and the sea with a Russian border "
            "on the Ussuri.",
            "citations": [
                {"source": _VOSTLIT, "locator": "doc. 15, Art. 1", "note": ""},
                {"source": _CNENC, "locator": "Art. 1", "note": ""},
            ],
        },
    ],
    "related_events": [
        brief(
            "events",
            39,
            "taiping-rebellion",
            "Taiping Rebellion",
            kind="rebellion",
            date=date(
                "1850-12/1864-07",
                "December 1850–July 1864",
                precision="month",
                earliest="1850-12-01",
                latest="1864-07-31",
            ),
        ),
        brief(
            "events",
            47,
            "aigun-negotiation",
            "Negotiation of the Treaty of Aigun",
            kind="negotiation",
            date=date(
                "1858-05", "May 1858", precision="month", earliest="1858-05-01", latest="1858-05-31"
            ),
        ),
    ],
}

CLAUSE_WRITE = {
    "treaty": "aigun",
    "number": 1,
    "label": "Article 1",
    "text": "The left bank of the Amur river, from the Argun river to the sea mouth of the Amur, "
    "shall be the possession of the Russian state, and the right bank, downstream as far as the "
    "Ussuri river, the possession of the Daiqing state.",
    "text_lang": "en",
    "summary": "Fixes the border on the Amur: the left bank from the Argun to the Amur's sea "
    "mouth is Russian, the right bank down to the Ussuri is Qing.",
    "summaries": [
        {
            "lang": "fr",
            "text": "Fixe la frontière sur l'Amour : la rive gauche, de l'Argoun jusqu'à "
            "l'embouchure de l'Amour dans la mer, est russe, la rive droite jusqu'à l'Oussouri "
            "est aux Qing.",
        }
    ],
    "topics": ["boundary", "condominium", "navigation", "jurisdiction"],
    "third_parties": "excluded",
    "places": ["amur", "argun", "sungari", "ussuri", "zeya"],
    "polities": [
        {"polity": "russian-empire", "effect": "grants"},
        {"polity": "qing-china", "effect": "grants"},
    ],
    "citations": [
        {"source": "zh-wikisource-aigun", "locator": "Art. 1"},
        {"source": "sbornik-dogovorov-1952", "locator": "Art. 1"},
    ],
}

NEGOTIATOR_WRITE = {
    "treaty": "aigun",
    "person": "nikolay-muravyov",
    "polity": "russian-empire",
    "role": "plenipotentiary",
    "signed": True,
    "title": "Adjutant general, lieutenant general, Governor-General of Eastern Siberia",
    "citations": [
        {"source": "barsukov-1891", "locator": "p. 91"},
        {"source": "kokotyukha-aigun", "locator": "signatures"},
    ],
}

TREATY_WRITE = {
    "slug": "aigun",
    "name": "Treaty of Aigun",
    "names": _NAMES,
    "wikidata_id": "",
    "description": "Treaty between the Russian Empire and Qing China signed at Aigun on 16 (28) "
    "May 1858 by Muravyov and Perovsky and by Yishan and Jiraminga.",
    "note": "Status contested: Russia ratified it (20 July 1858), but whether the Qing ratified "
    "it is disputed (see the event aigun-ratification-qing).",
    "citations": [
        {"source": "sbornik-dogovorov-1952", "locator": "Treaty of Aigun"},
        {"source": "barsukov-1891", "locator": "p. 91"},
    ],
    "kind": "treaty",
    "status": "contested",
    "signed": {"edtf": "1858-05-16", "calendar": "julian"},
    "signed_at": "aigun",
    "authentic_languages": ["ru", "mnc", "mn"],
    "parties": [
        {"polity": "russian-empire", "role": "party"},
        {"polity": "qing-china", "role": "party"},
    ],
    "clauses": [
        {key: value for key, value in CLAUSE_WRITE.items() if key not in ("treaty", "citations")},
        {
            "number": 2,
            "label": "Article 2",
            "text": "The subjects of both states living along the Ussuri, Amur and Sungari rivers "
            "are permitted to trade with one another, and the officials on both banks shall "
            "mutually protect the traders of both states.",
            "text_lang": "en",
            "summary": "Allows trade between the subjects of both states living along the Ussuri, "
            "Amur and Sungari, under the protection of the officials on both banks.",
            "summaries": [
                {
                    "lang": "fr",
                    "text": "Autorise le commerce entre les sujets des deux États vivant le long "
                    "de l'Oussouri, de l'Amour et de la Soungari, sous la protection des "
                    "autorités des deux rives.",
                }
            ],
            "topics": ["trade"],
            "third_parties": "not_addressed",
            "places": ["amur", "sungari", "ussuri"],
            "polities": CLAUSE_WRITE["polities"],
        },
        {
            "number": 3,
            "label": "Article 3",
            "text": "What has here been agreed shall be observed exactly and inviolably in "
            "perpetuity.",
            "text_lang": "en",
            "summary": "Execution: the treaty is to be observed exactly and inviolably in "
            "perpetuity.",
            "summaries": [
                {
                    "lang": "fr",
                    "text": "Exécution : le traité doit être observé exactement et inviolablement "
                    "à perpétuité.",
                }
            ],
            "topics": ["execution"],
            "third_parties": "not_addressed",
            "places": [],
            "polities": [
                {"polity": "russian-empire", "effect": "obliges"},
                {"polity": "qing-china", "effect": "obliges"},
            ],
        },
    ],
    "negotiators": [
        {
            key: value
            for key, value in NEGOTIATOR_WRITE.items()
            if key not in ("treaty", "citations")
        },
        {
            "person": "pyotr-perovsky",
            "polity": "russian-empire",
            "role": "plenipotentiary",
            "signed": True,
            "title": "State councillor, Ministry of Foreign Affairs",
        },
        {
            "person": "yakov-shishmarev",
            "polity": "russian-empire",
            "role": "interpreter",
            "signed": False,
            "title": "Interpreter",
        },
        {
            "person": "yishan",
            "polity": "qing-china",
            "role": "plenipotentiary",
            "signed": True,
            "title": "Amur commander-in-chief (Military Governor of Heilongjiang), "
            "imperial clansman",
        },
        {
            "person": "jiraminga",
            "polity": "qing-china",
            "role": "signatory",
            "signed": True,
            "title": "Assistant divisional chief",
        },
        {
            "person": "aizhindai",
            "polity": "qing-china",
            "role": "witness",
            "signed": False,
            "title": "Company commander",
        },
    ],
    "related_events": ["taiping-rebellion", "aigun-negotiation"],
}


TIMELINE_ENTRY = {
    "id": 10,
    "url": f"{API}/events/aigun-signature/",
    "slug": "aigun-signature",
    "name": "Signature of the Treaty of Aigun",
    "kind": "signature",
    "date": _AIGUN_SIGNED,
    "milestone": {"kind": "signature", "treaty": _AIGUN, "contested": False},
    "treaties": [],
    "places": [brief("places", 8, "aigun", "Aigun")],
    "polities": [_QING, _RUSSIA],
    "people": [_JIRAMINGA, _MURAVYOV],
}
