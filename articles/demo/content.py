"""
The demo's reference tables: publication types, topics, regions, and the features of
the home, topic and region pages. Its people are in articles/demo/people.py.
"""

from articles.demo.reference import MAIN_ARABIC_SLUG, MAIN_SLUG

# (name, is_event); the position is the order here.
PUBLICATION_TYPES = [
    ("Policy Analysis", False),
    ("Brief Analysis", False),
    ("Articles & Testimony", False),
    ("PolicyWatch", False),
    ("Op-Ed", False),
    ("Testimony", False),
    ("Interview", False),
    ("Policy Notes", False),
    ("Event", True),
]

# (slug, name, description)
TOPICS = [
    (
        "great-power-competition",
        "Great Power Competition",
        "How Russia, China and the United States seek influence in the Middle East, and how "
        "the region's governments play them against each other.",
    ),
    (
        "military-and-security",
        "Military & Security",
        "Armed forces, deterrence, arms transfers and the security partnerships that shape the "
        "region's wars.",
    ),
    (
        "energy-and-economics",
        "Energy & Economics",
        "Oil and gas, trade routes, sanctions and the economic pressures on the region's "
        "governments.",
    ),
    (
        "terrorism",
        "Terrorism",
        "Jihadist and state-backed groups, their financing, and the policies used to counter them.",
    ),
    (
        "democracy-and-reform",
        "Democracy & Reform",
        "Elections, protest movements, rights and the slow work of political reform.",
    ),
    (
        "arab-israeli-relations",
        "Arab-Israeli Relations",
        "Peace agreements, normalization, the Palestinian question and the diplomacy around them.",
    ),
    (
        "irans-nuclear-program",
        "Iran's Nuclear Program",
        "Enrichment, inspections, negotiations and the options for keeping Iran from a nuclear "
        "weapon.",
    ),
    (
        "proxies-and-militias",
        "Proxies & Militias",
        "Armed groups that act for, or alongside, states: from Hezbollah and the Houthis to "
        "Iraq's militias.",
    ),
]

# (slug, name, parent slug or None, description); parents come before their parts.
REGIONS = [
    ("middle-east", "Middle East", None, "The region from Egypt to Iran and from Turkey to Yemen."),
    ("levant", "Levant", "middle-east", "The eastern Mediterranean: Israel, the Palestinian "
     "territories, Lebanon, Syria and Jordan."),
    ("israel", "Israel", "levant", "Israel's politics, security and foreign relations."),
    ("palestinians", "Palestinians", "levant", "Palestinian politics, the West Bank and Gaza."),
    ("lebanon", "Lebanon", "levant", "Lebanon's politics, economy and Hezbollah."),
    ("syria", "Syria", "levant", "Syria's war, its aftermath and the powers involved in it."),
    ("jordan", "Jordan", "levant", "Jordan's stability, economy and regional role."),
    ("gulf-states", "Gulf States", "middle-east", "The Arab states of the Gulf and the "
     "Arabian Peninsula."),
    ("saudi-arabia", "Saudi Arabia", "gulf-states", "Saudi Arabia's reforms and foreign policy."),
    ("united-arab-emirates", "United Arab Emirates", "gulf-states", "The UAE's economy and "
     "its growing regional reach."),
    ("qatar", "Qatar", "gulf-states", "Qatar's diplomacy, mediation and gas exports."),
    ("yemen", "Yemen", "gulf-states", "Yemen's war, the Houthis and the Red Sea."),
    ("iran", "Iran", "middle-east", "Iran's politics, society, nuclear program and regional "
     "network."),
    ("iraq", "Iraq", "middle-east", "Iraq's politics, militias and relations with its "
     "neighbours."),
    ("turkey", "Turkey", "middle-east", "Turkey's politics and its place between Europe, "
     "Russia and the Middle East."),
    ("egypt", "Egypt", "middle-east", "Egypt's economy, security and diplomacy."),
    ("north-africa", "North Africa", "middle-east", "Libya, Tunisia, Algeria and Morocco."),
    ("libya", "Libya", "north-africa", "Libya's divided government and the foreign forces "
     "within it."),
    ("tunisia", "Tunisia", "north-africa", "Tunisia's politics since the 2011 revolution."),
    ("europe-and-eurasia", "Europe & Eurasia", None, "The European and Eurasian powers active in "
     "the Middle East."),
    ("russia", "Russia", "europe-and-eurasia", "Russia's policy in and toward the Middle East."),
    ("ukraine", "Ukraine", "europe-and-eurasia", "The war in Ukraine and its effects on the "
     "Middle East."),
    ("asia", "Asia", None, "Asian powers with a stake in the Middle East."),
    ("china", "China", "asia", "China's trade, investment and diplomacy in the Middle East."),
]  # fmt: skip

# The features: on the home page ("home") and on topic and region pages (their
# slugs), in order, as (language, slug): each language's page shows its own features.
FEATURES = {
    "home": [
        ("en", MAIN_SLUG),
        ("en", "irans-nuclear-program-at-a-crossroads"),
        ("en", "russia-and-the-gulf-after-ukraine"),
        ("ar", MAIN_ARABIC_SLUG),
    ],
    "great-power-competition": [
        ("en", MAIN_SLUG),
        ("en", "russia-and-the-gulf-after-ukraine"),
        ("ar", MAIN_ARABIC_SLUG),
    ],
    "israel": [("en", MAIN_SLUG), ("ar", MAIN_ARABIC_SLUG)],
}
