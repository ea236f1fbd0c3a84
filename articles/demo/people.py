"""
The demo's people: its programs and experts, with the profiles of those who have one.

The four experts and two guests named on the reference page keep their names and
roles; their bios here are short demo text. The other people are invented.
"""

GPC = "great-power-competition-and-the-middle-east"
MILITARY = "military-and-security-studies"
COUNTERTERRORISM = "counterterrorism-and-intelligence"
ARAB_POLITICS = "arab-politics"

PROGRAMS = [
    {
        "slug": GPC,
        "name": "Diane and Guilford Glazer Foundation Program on Great Power Competition "
        "and the Middle East",
        "description": "Studies how Russia, China and the United States compete for influence "
        "in the Middle East, and what that competition means for the region.",
    },
    {
        "slug": MILITARY,
        "name": "Military and Security Studies Program",
        "description": "Examines the armed forces, deterrence and security partnerships that "
        "shape the region's conflicts.",
    },
    {
        "slug": COUNTERTERRORISM,
        "name": "Program on Counterterrorism and Intelligence",
        "description": "Follows terrorist groups, the networks that finance them and the tools "
        "governments use against them.",
    },
    {
        "slug": ARAB_POLITICS,
        "name": "Program on Arab Politics",
        "description": "Looks at governance, reform and political movements across the Arab world.",
    },
]


def bio(first, second):
    return f"<p>{first}</p><p>{second}</p>"


# Experts with a public profile (fellows and staff), then guests without one.
# Keys: slug, name, sort_name, role, kind, program, short_bio, bio, is_active.
EXPERTS = [
    {
        "slug": "anna-borshchevskaya",
        "name": "Anna Borshchevskaya",
        "sort_name": "Borshchevskaya, Anna",
        "role": "Senior Fellow",
        "kind": "fellow",
        "program": GPC,
        "short_bio": "Anna Borshchevskaya is a senior fellow at the institute, where she studies "
        "Russia's policy toward the Middle East.",
        "bio": bio(
            "Anna Borshchevskaya is a senior fellow in the institute's program on great power "
            "competition. Her research follows how Moscow builds and uses its relationships in "
            "the Middle East, from its military role in Syria to its ties with Iran, Israel and "
            "the Gulf states.",
            "She writes regularly for the institute and for outside publications, and she "
            "briefs officials and journalists on Russian foreign policy. Her current work "
            "traces the links between the war in Ukraine and Russia's choices in the region.",
        ),
    },
    {
        "slug": "assaf-orion",
        "name": "Assaf Orion",
        "sort_name": "Orion, Assaf",
        "role": "International Fellow",
        "kind": "fellow",
        "program": MILITARY,
        "short_bio": "Assaf Orion is an international fellow at the institute who writes on "
        "Israel's strategic and military challenges.",
        "bio": bio(
            "Assaf Orion is an international fellow in the institute's military and security "
            "studies program. A retired brigadier general, he brings long experience of "
            "strategic planning to questions of deterrence and escalation on Israel's borders.",
            "His work for the institute covers Israel's northern front, its security "
            "cooperation with the United States, and the role of outside powers in the "
            "region's conflicts.",
        ),
    },
    {
        "slug": "hanin-ghaddar",
        "name": "Hanin Ghaddar",
        "sort_name": "Ghaddar, Hanin",
        "role": "Senior Fellow",
        "kind": "fellow",
        "program": ARAB_POLITICS,
        "short_bio": "Hanin Ghaddar is a senior fellow at the institute who focuses on Lebanese "
        "politics and Shia movements in the Levant.",
        "bio": bio(
            "Hanin Ghaddar is a senior fellow in the institute's program on Arab politics. She "
            "follows Lebanon's politics and economy, Hezbollah's place in them, and the Shia "
            "communities of the Levant.",
            "Before joining the institute she worked as a journalist and editor in Beirut. She "
            "writes and speaks in English and Arabic.",
        ),
    },
    {
        "slug": "matthew-levitt",
        "name": "Matthew Levitt",
        "sort_name": "Levitt, Matthew",
        "role": "Senior Fellow",
        "kind": "fellow",
        "program": COUNTERTERRORISM,
        "short_bio": "Matthew Levitt is a senior fellow at the institute who leads its work on "
        "counterterrorism and intelligence.",
        "bio": bio(
            "Matthew Levitt is a senior fellow at the institute and leads its program on "
            "counterterrorism and intelligence. His research covers militant groups in the "
            "Levant and the financial networks that sustain them.",
            "He has testified before legislative committees and teaches courses on "
            "counterterrorism policy.",
        ),
    },
    {
        "slug": "dalia-marwan",
        "name": "Dalia Marwan",
        "sort_name": "Marwan, Dalia",
        "role": "Senior Fellow",
        "kind": "fellow",
        "program": ARAB_POLITICS,
        "short_bio": "Dalia Marwan is a senior fellow at the institute who studies energy "
        "markets and economic reform in the Gulf states.",
        "bio": bio(
            "Dalia Marwan is a senior fellow in the institute's program on Arab politics, where "
            "she covers the economies of the Gulf states, energy policy and regional trade.",
            "She previously worked as an economist for a development bank and has written "
            "widely on fiscal reform in oil-producing countries.",
        ),
    },
    {
        "slug": "jonathan-pereira",
        "name": "Jonathan Pereira",
        "sort_name": "Pereira, Jonathan",
        "role": "Military Fellow",
        "kind": "fellow",
        "program": MILITARY,
        "short_bio": "Jonathan Pereira is a military fellow at the institute who studies air "
        "and missile defense and maritime security.",
        "bio": bio(
            "Jonathan Pereira is a military fellow in the institute's military and security "
            "studies program. His work looks at air and missile defense, naval operations and "
            "the protection of shipping lanes.",
            "He served for more than twenty years as a naval officer before joining the institute.",
        ),
    },
    {
        "slug": "miriam-kessler",
        "name": "Miriam Kessler",
        "sort_name": "Kessler, Miriam",
        "role": "Fellow",
        "kind": "fellow",
        "program": GPC,
        "short_bio": "Miriam Kessler is a fellow at the institute who researches China's "
        "growing economic and diplomatic role in the Middle East.",
        "bio": bio(
            "Miriam Kessler is a fellow in the institute's program on great power competition. "
            "She studies China's investments, trade and diplomacy in the Middle East.",
            "She reads Chinese and Arabic and has carried out field research in the Gulf and "
            "in East Asia.",
        ),
    },
    {
        "slug": "omar-farid-nasser",
        "name": "Omar Farid Nasser",
        "sort_name": "Nasser, Omar Farid",
        "role": "Research Fellow",
        "kind": "fellow",
        "program": COUNTERTERRORISM,
        "short_bio": "Omar Farid Nasser is a research fellow at the institute who follows armed "
        "groups in Iraq and Syria.",
        "bio": bio(
            "Omar Farid Nasser is a research fellow in the institute's program on "
            "counterterrorism and intelligence. He tracks militias and jihadist groups in Iraq "
            "and Syria and the states that support them.",
            "His work draws on open sources in Arabic, including the groups' own channels.",
        ),
    },
    {
        "slug": "sophie-lindqvist",
        "name": "Sophie Lindqvist",
        "sort_name": "Lindqvist, Sophie",
        "role": "Research Associate",
        "kind": "staff",
        "program": MILITARY,
        "short_bio": "Sophie Lindqvist is a research associate at the institute who works on "
        "Iran's nuclear program and nonproliferation.",
        "bio": bio(
            "Sophie Lindqvist is a research associate in the institute's military and security "
            "studies program, where she follows Iran's nuclear program and international "
            "inspections.",
            "She holds a degree in physics and previously worked on arms control verification.",
        ),
    },
    {
        "slug": "thomas-avery",
        "name": "Thomas Avery",
        "sort_name": "Avery, Thomas",
        "role": "Fellow",
        "kind": "fellow",
        "program": GPC,
        "is_active": False,
        "short_bio": "Thomas Avery was a fellow at the institute, where he wrote on Turkey's "
        "foreign policy.",
        "bio": bio(
            "Thomas Avery was a fellow in the institute's program on great power competition "
            "from 2021 to 2024, writing on Turkey's relations with Russia, NATO and its "
            "neighbours.",
            "His articles for the institute remain available below.",
        ),
    },
    {
        "slug": "mushtaq-abd-manaf",
        "name": "Mushtaq Abd Manaf",
        "sort_name": "Abd Manaf, Mushtaq",
        "kind": "guest",
        "short_bio": "Mushtaq Abd Manaf is a guest contributor who writes on religion and "
        "society in Iran.",
    },
    {
        "slug": "noam-raydan",
        "name": "Noam Raydan",
        "sort_name": "Raydan, Noam",
        "kind": "guest",
        "short_bio": "Noam Raydan is a guest contributor who writes on shipping and maritime "
        "security in the Middle East.",
    },
    {
        "slug": "karim-benali",
        "name": "Karim Benali",
        "sort_name": "Benali, Karim",
        "kind": "guest",
        "short_bio": "Karim Benali is a journalist in Tunis who writes on North African politics.",
    },
]


# Profile details of the experts who have a profile: areas of expertise (topic and
# region slugs), languages spoken, public contact and links. Contact details are
# made up, on domains reserved for examples.
PROFILES = {
    "anna-borshchevskaya": {
        "topics": ["great-power-competition", "military-and-security"],
        "regions": ["russia", "syria", "israel"],
        "languages": "English, Russian",
        "email": "press@example.org",
        "links": [("x", "https://x.com/example_anna"), ("website", "https://example.org/anna")],
    },
    "assaf-orion": {
        "topics": ["military-and-security", "arab-israeli-relations"],
        "regions": ["israel", "lebanon"],
        "languages": "English, Hebrew",
        "links": [("linkedin", "https://www.linkedin.com/in/example-assaf")],
    },
    "hanin-ghaddar": {
        "topics": ["democracy-and-reform", "terrorism"],
        "regions": ["lebanon", "syria"],
        "languages": "English, Arabic",
        "email": "press@example.org",
        "links": [("x", "https://x.com/example_hanin")],
    },
    "matthew-levitt": {
        "topics": ["terrorism"],
        "regions": ["lebanon", "iran"],
        "languages": "English, Hebrew",
        "phone": "+1 202 555 0142",
    },
    "dalia-marwan": {
        "topics": ["democracy-and-reform", "energy-and-economics"],
        "regions": ["egypt", "jordan"],
        "languages": "Arabic, English, French",
    },
    "jonathan-pereira": {
        "topics": ["military-and-security"],
        "regions": ["gulf-states", "yemen"],
        "languages": "English, Portuguese",
    },
    "miriam-kessler": {
        "topics": ["great-power-competition", "energy-and-economics"],
        "regions": ["china", "gulf-states"],
        "languages": "English, Mandarin",
        "links": [("scholar", "https://scholar.example.org/miriam-kessler")],
    },
    "omar-farid-nasser": {
        "topics": ["terrorism"],
        "regions": ["iraq", "syria"],
        "languages": "Arabic, English",
    },
    "sophie-lindqvist": {
        "topics": ["irans-nuclear-program"],
        "regions": ["iran"],
        "languages": "English, Swedish, Persian",
        "links": [("orcid", "https://orcid.org/0000-0000-0000-0000")],
    },
    "thomas-avery": {
        "topics": ["energy-and-economics"],
        "regions": ["gulf-states"],
        "languages": "English",
    },
}
