"""
The rest of the demo catalogue: invented articles from 2023 to 2025, the events of
articles/demo/events.py, and a draft and a scheduled piece readers must never see.

To keep this file short, bodies are assembled from a lede written for each piece
and a few general paragraphs (demo text) that name its regions and topics.
"""

from articles.demo.events import EVENTS
from articles.demo.reference import HOUTHI_SLUG

DRAFT_SLUG = "demo-draft-not-public"
SCHEDULED_SLUG = "demo-scheduled-not-public"

# (slug, type, published_at, authors, topics, regions, title, summary, lede)
# Authors, topics and regions are space-separated slugs.
ROWS = [
    ("russia-wartime-trade-with-the-gulf", "Policy Analysis", "2023-09-14 14:00",
     "anna-borshchevskaya dalia-marwan", "great-power-competition energy-and-economics",
     "russia united-arab-emirates", "Russia's Wartime Trade Finds a Hub in the Gulf",
     "Sanctions have pushed Russian money and goods toward Gulf markets, which gain business "
     "but also risk.",
     "Since 2022, Russian firms have moved trading, shipping and banking operations to the Gulf, "
     "where regulators have so far asked few questions."),
    ("chinas-port-investments-along-the-red-sea", "Policy Analysis", "2023-09-28 14:00",
     "miriam-kessler", "great-power-competition energy-and-economics", "china egypt saudi-arabia",
     "China's Port Investments Along the Red Sea",
     "Chinese companies now hold stakes in ports on both shores of the Red Sea, a commercial "
     "presence with strategic implications.",
     "From Djibouti to the Suez Canal economic zone, Chinese state firms have spent a decade "
     "building and operating the region's ports."),
    ("hezbollah-and-lebanons-empty-presidency", "Brief Analysis", "2023-10-05 13:00",
     "hanin-ghaddar", "proxies-and-militias democracy-and-reform", "lebanon",
     "Hezbollah and Lebanon's Empty Presidency",
     "A year without a president has left Lebanon's institutions hollow, and Hezbollah is in no "
     "hurry to fill the post.",
     "Parliament has met again and again to elect a president, and each session has ended "
     "without a result."),
    ("iraqi-militias-join-the-regional-war-carefully", "PolicyWatch", "2023-10-24 16:00",
     "omar-farid-nasser", "proxies-and-militias terrorism", "iraq syria",
     "Iraqi Militias Join the Regional War, Carefully",
     "Iran-aligned militias in Iraq have attacked U.S. forces since October 7 while taking care "
     "to stay below the threshold of a major response.",
     "Within days of the Hamas attack, groups in Iraq began claiming drone and rocket strikes "
     "on bases hosting U.S. troops."),
    ("turkeys-balancing-act-between-moscow-and-nato", "Op-Ed", "2023-10-30 12:00",
     "thomas-avery", "great-power-competition military-and-security", "turkey russia",
     "Turkey's Balancing Act Between Moscow and NATO Is Getting Harder",
     "Ankara has profited from standing between Russia and the West, but the space for that "
     "position is shrinking.",
     "Turkey sells drones to Ukraine, buys gas from Russia and sits in NATO, and it has found "
     "each of these roles useful."),
    ("what-irans-growing-uranium-stockpile-means", "Policy Analysis", "2023-11-09 15:00",
     "sophie-lindqvist", "irans-nuclear-program", "iran",
     "What Iran's Growing Stockpile of Highly Enriched Uranium Means",
     "Iran's stock of uranium enriched to 60 percent has grown while inspectors' access has "
     "shrunk, shortening the time any breakout would take.",
     "Each quarterly report from the inspectors has shown more enriched material and less "
     "insight into where Iran's centrifuges are made."),
    ("countering-hamass-financial-networks", "Testimony", "2023-11-14 15:00",
     "matthew-levitt", "terrorism", "palestinians turkey qatar",
     "Countering Hamas's Financial Networks",
     "Hamas finances itself through investments, charities and transfers that cross several "
     "jurisdictions; disrupting them requires allies' cooperation.",
     "The group's budget has long rested on a portfolio of companies abroad as well as on "
     "funds raised in Gaza and transfers from Iran."),
    ("deterrence-under-strain-on-israels-northern-front", "Policy Analysis", "2023-11-20 14:00",
     "assaf-orion", "military-and-security proxies-and-militias", "israel lebanon",
     "Deterrence Under Strain on Israel's Northern Front",
     "Daily exchanges of fire across the Israel-Lebanon border have emptied communities on both "
     "sides and tested rules that held for seventeen years.",
     "Since October 8, Hezbollah and the Israeli army have traded fire along the border in a "
     "pattern both sides have tried to keep limited."),
    ("options-for-a-red-sea-naval-coalition", "PolicyWatch", "2023-12-19 16:00",
     "jonathan-pereira noam-raydan", "military-and-security energy-and-economics", "yemen",
     "Options for a Red Sea Naval Coalition",
     "Escorts, patrols and strikes each carry different costs; a coalition will need to choose "
     "what it is trying to achieve.",
     "A multinational naval mission can protect ships in transit, but it cannot by itself stop "
     "the launches from the Yemeni coast."),
    ("tunisias-local-elections-and-low-turnout", "Brief Analysis", "2024-01-09 11:00",
     "karim-benali", "democracy-and-reform", "tunisia",
     "Tunisia's Local Elections and the Politics of Low Turnout",
     "Barely one voter in nine took part in Tunisia's local elections, a verdict on the "
     "president's new institutions.",
     "The new local and regional councils were meant to anchor a system of grassroots "
     "democracy; few Tunisians turned out to elect them."),
    ("is-saudi-israeli-normalization-still-possible", "Policy Analysis", "2024-01-23 15:00",
     "dalia-marwan assaf-orion", "arab-israeli-relations", "saudi-arabia israel",
     "Is Saudi-Israeli Normalization Still Possible After Gaza?",
     "Riyadh has not closed the door on normalization, but the price it asks, on Palestinian "
     "statehood and from Washington, has risen.",
     "Before October 7, officials in three capitals spoke of an agreement within months; the "
     "war froze those talks."),
    ("how-russian-iranian-drone-cooperation-has-evolved", "Brief Analysis", "2024-02-06 14:00",
     "anna-borshchevskaya sophie-lindqvist", "great-power-competition military-and-security",
     "russia iran ukraine", "How Russian-Iranian Drone Cooperation Has Evolved",
     "What began as purchases of Iranian drones has become joint production inside Russia, "
     "with lessons flowing both ways.",
     "The first Iranian-designed drones to strike Ukrainian cities were shipped whole; today "
     "most are assembled in Russia."),
    ("jordan-under-pressure-from-the-gaza-war", "PolicyWatch", "2024-02-27 13:00",
     "hanin-ghaddar", "democracy-and-reform arab-israeli-relations", "jordan",
     "Jordan Under Pressure From the Gaza War",
     "Protests, a strained economy and threats on its borders test a kingdom that its "
     "partners often take for granted.",
     "Jordan's streets have seen the largest demonstrations in years, while its treaty with "
     "Israel remains in force."),
    ("interview-air-defense-lessons-from-ukraine", "Interview", "2024-03-12 14:00",
     "jonathan-pereira", "military-and-security great-power-competition", "ukraine israel",
     "Interview: What Middle East Air Defenses Can Learn From Ukraine",
     "A conversation about interceptor stocks, cheap drones and the economics of defending "
     "against mass attacks.",
     "Ukraine has become the world's largest laboratory for air defense, and militaries in "
     "the Middle East are studying it closely."),
    ("egypts-falling-canal-revenues-and-the-imf", "Brief Analysis", "2024-03-28 12:00",
     "dalia-marwan", "energy-and-economics", "egypt",
     "Egypt's Falling Canal Revenues and Its IMF Program",
     "Diverted shipping has cut one of Egypt's main sources of foreign currency just as its "
     "IMF program was being renegotiated.",
     "Suez Canal receipts, once a reliable source of hard currency, have roughly halved since "
     "shipping began avoiding the Red Sea."),
    ("after-irans-direct-strike-a-new-phase", "Policy Analysis", "2024-04-16 15:00",
     "assaf-orion sophie-lindqvist", "military-and-security proxies-and-militias",
     "iran israel", "After Iran's Direct Strike, a New Phase in the Shadow War",
     "Iran's first direct attack on Israel failed militarily but broke a long-standing taboo, "
     "changing how both sides calculate escalation.",
     "For decades Iran fought Israel through partners and deniable operations; in April it "
     "launched drones and missiles from its own territory."),
    ("signs-of-islamic-state-resurgence-in-syria", "Policy Notes", "2024-05-07 14:00",
     "omar-farid-nasser", "terrorism", "syria iraq",
     "Signs of Islamic State Resurgence in Syria's Desert",
     "Attack data and propaganda suggest the group is rebuilding in the Badia, where no force "
     "has firm control.",
     "The Islamic State no longer holds towns, but its cells in the central Syrian desert have "
     "grown more active."),
    ("what-beijing-wants-from-palestinian-mediation", "Op-Ed", "2024-06-04 12:00",
     "miriam-kessler", "great-power-competition arab-israeli-relations", "china palestinians",
     "What Beijing Wants From Mediating Between Palestinian Factions",
     "China's hosting of Palestinian factions says more about its global ambitions than about "
     "prospects for Palestinian unity.",
     "Beijing has begun to host meetings that once took place in Cairo, Doha or Moscow."),
    ("grain-and-gas-keep-turkey-and-russia-close", "Brief Analysis", "2024-06-25 13:00",
     "thomas-avery", "energy-and-economics great-power-competition", "turkey russia",
     "Grain and Gas Keep Turkey and Russia Close",
     "Trade in energy and food ties Ankara to Moscow more tightly than their political "
     "differences would suggest.",
     "Turkey imports much of its gas from Russia and mills large amounts of Russian wheat."),
    ("russias-new-military-footprint-in-libya", "PolicyWatch", "2024-07-16 14:00",
     "anna-borshchevskaya karim-benali", "great-power-competition military-and-security",
     "libya russia", "Russia's New Military Footprint in Libya",
     "Under new management, Russia's forces in eastern Libya are becoming a base for its "
     "ambitions across Africa.",
     "The mercenaries who arrived in Libya years ago have been folded into a structure run "
     "directly by Russia's defense ministry."),
    ("hezbollahs-finances-under-sanctions-and-war", "Testimony", "2024-09-10 15:00",
     "matthew-levitt hanin-ghaddar", "terrorism proxies-and-militias", "lebanon",
     "Hezbollah's Finances Under Sanctions and War",
     "Years of sanctions and a collapsing Lebanese economy have changed how Hezbollah raises "
     "and moves money.",
     "Hezbollah's budget has always combined Iranian support with its own businesses and a "
     "cash economy in Lebanon."),
    ("the-approaching-deadline-for-snapback", "Policy Analysis", "2024-10-08 14:00",
     "sophie-lindqvist", "irans-nuclear-program", "iran",
     "The Approaching Deadline for Snapback Sanctions on Iran",
     "The mechanism to restore UN sanctions on Iran expires in October 2025; Europe must decide "
     "whether to use it.",
     "The 2015 nuclear deal gave its participants a way to restore earlier UN sanctions, and "
     "that option has an end date."),
    ("after-assad-what-happens-to-russias-bases", "Policy Analysis", "2024-12-12 15:00",
     "anna-borshchevskaya", "great-power-competition military-and-security", "syria russia",
     "After Assad, What Happens to Russia's Bases in Syria?",
     "The fall of the Assad regime leaves Russia's naval and air bases in Syria dependent on "
     "the goodwill of new rulers.",
     "Russia's port at Tartus and its air base at Hmeimim were the foundation of its reach "
     "into the Mediterranean."),
    ("lebanons-new-president-and-the-reform-agenda", "Brief Analysis", "2025-01-14 13:00",
     "hanin-ghaddar", "democracy-and-reform", "lebanon",
     "Lebanon's New President and the Reform Agenda",
     "After more than two years of vacancy, Lebanon has a president; the real test is whether "
     "the state can now reform its banks and its army.",
     "The election of a president ended a long deadlock, and it came after a war that weakened "
     "Hezbollah."),
    ("iraqs-militias-and-the-us-drawdown", "PolicyWatch", "2025-02-04 14:00",
     "omar-farid-nasser", "proxies-and-militias military-and-security", "iraq",
     "Iraq's Militias and the U.S. Drawdown",
     "As the coalition mission winds down, Iraq's armed factions are positioning themselves for "
     "the politics that follow.",
     "The agreement to end the coalition mission has been welcomed by the militias that long "
     "demanded it."),
    ("gulf-sovereign-funds-bet-on-artificial-intelligence", "Policy Notes", "2025-03-25 12:00",
     "dalia-marwan miriam-kessler", "energy-and-economics great-power-competition",
     "united-arab-emirates saudi-arabia china",
     "Gulf Sovereign Funds Bet on Artificial Intelligence",
     "Gulf investors want data centres and chips; Washington wants them to choose between U.S. "
     "and Chinese technology.",
     "Sovereign funds in Abu Dhabi and Riyadh have announced investments in computing that "
     "rival their spending on energy."),
    ("how-the-houthi-missile-arsenal-has-grown", "Brief Analysis", "2025-04-15 14:00",
     "jonathan-pereira", "military-and-security proxies-and-militias", "yemen iran",
     "How the Houthi Missile Arsenal Has Grown",
     "The Houthis now field missiles of longer range and greater accuracy, most of them based "
     "on Iranian designs.",
     "A decade ago the Houthis fired old Scud variants; today they display a range of cruise "
     "and ballistic missiles."),
    ("migration-deals-reshape-tunisias-ties-with-europe", "Op-Ed", "2025-05-06 11:00",
     "karim-benali", "democracy-and-reform", "tunisia libya",
     "Migration Deals Are Reshaping Tunisia's Ties With Europe",
     "Europe's money for border control has given Tunis leverage, and has quieted criticism of "
     "its politics.",
     "Departures from the Tunisian coast fell after the agreement with the European Union."),
    ("the-limits-of-qatars-mediation", "Policy Analysis", "2025-05-20 15:00",
     "matthew-levitt dalia-marwan", "arab-israeli-relations terrorism", "qatar palestinians",
     "The Limits of Qatar's Mediation",
     "Doha's channels to Hamas have made it indispensable in hostage talks, and exposed it to "
     "criticism from several directions.",
     "Qatar has hosted Hamas's political office for more than a decade at Washington's "
     "request."),
    ("russias-middle-east-policy-looks-past-ukraine", "Articles & Testimony", "2025-06-10 14:00",
     "anna-borshchevskaya", "great-power-competition", "russia middle-east",
     "Russia's Middle East Policy Looks Past Ukraine",
     "Moscow is preparing for a region in which it has lost Syria but kept its ties to Iran and "
     "the Gulf.",
     "Whatever happens in Ukraine, the Kremlin will want its Middle East relationships back in "
     "working order."),
    (DRAFT_SLUG, "Policy Analysis", None, "sophie-lindqvist", "irans-nuclear-program", "iran",
     "Demo Draft: Notes on Iran's Centrifuge Production",
     "A draft that exists only in the admin; readers must never see it.",
     "This piece is a draft and must not appear on any public page or list."),
    (SCHEDULED_SLUG, "Policy Analysis", "2099-01-15 09:00", "anna-borshchevskaya",
     "great-power-competition", "russia",
     "Demo Scheduled: A Look Ahead at Russia's Regional Partnerships",
     "A piece scheduled far in the future; readers must not see it before its date.",
     "This piece is scheduled for publication in 2099 and must not appear before then."),
]  # fmt: skip

EXTRAS = {
    "turkeys-balancing-act-between-moscow-and-nato": {
        "outlet_name": "Atlantic Ledger",
        "outlet_url": "https://atlantic-ledger.example/2023/10/turkey-balancing-act",
    },
    "what-beijing-wants-from-palestinian-mediation": {
        "outlet_name": "Harbor Review",
        "outlet_url": "https://harbor-review.example/2024/06/beijing-palestinian-mediation",
    },
    "migration-deals-reshape-tunisias-ties-with-europe": {
        "outlet_name": "Atlantic Ledger",
        "outlet_url": "https://atlantic-ledger.example/2025/05/tunisia-europe-migration",
    },
    "russias-middle-east-policy-looks-past-ukraine": {
        "outlet_name": "Harbor Review",
        "outlet_url": "https://harbor-review.example/2025/06/russia-middle-east-after-ukraine",
        "recommends": [
            "after-assad-what-happens-to-russias-bases",
            "how-russian-iranian-drone-cooperation-has-evolved",
            "russias-new-military-footprint-in-libya",
        ],
    },
    "after-assad-what-happens-to-russias-bases": {
        "recommends": ["russias-new-military-footprint-in-libya", "signs-of-islamic-state-"
                       "resurgence-in-syria"],
    },
    "how-the-houthi-missile-arsenal-has-grown": {
        "recommends": [HOUTHI_SLUG, "options-for-a-red-sea-naval-coalition"],
    },
    "lebanons-new-president-and-the-reform-agenda": {
        "recommends": ["hezbollahs-finances-under-sanctions-and-war",
                       "hezbollah-and-lebanons-empty-presidency"],
    },
    DRAFT_SLUG: {"status": "draft"},
}  # fmt: skip

WHY = [
    "Developments in {regions} rarely stay local. Decisions taken there shape the calculations "
    "of neighbouring governments, of armed groups that work across borders, and of outside "
    "powers that treat the region as one arena in a wider contest.",
    "The story is often told as a crisis of the moment, but its roots in {regions} go back "
    "years, and the policies that produced it have changed less than the headlines suggest.",
    "For governments with interests in {regions}, the difficulty is that the tools at hand, "
    "from sanctions to security assistance, were designed for a different set of problems.",
]
WATCH = [
    "For those who follow {topics}, three indicators deserve attention: whether public "
    "commitments are matched by changes on the ground, whether outside partners coordinate or "
    "compete, and whether economic pressure narrows the choices of decision-makers.",
    "The next months will show whether this is a passing episode or a lasting shift. Analysts "
    "of {topics} should watch budgets and deployments more closely than statements.",
    "There is no quick fix. But a policy on {topics} that sets clear priorities, and explains "
    "them to partners in the region, is more likely to hold than one improvised in a crisis.",
]
HEADINGS = [("Why it matters", "What to watch"), ("Background", "Looking ahead"),
            ("The stakes", "Policy options")]  # fmt: skip


def listing(names):
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def body(index, lede, region_names, topic_names):
    first, second = HEADINGS[index % 3]
    regions, topics = listing(region_names), listing(name.lower() for name in topic_names)
    return (
        f"<p>{lede}</p><h2>{first}</h2><p>{WHY[index % 3].format(regions=regions)}</p>"
        f"<h2>{second}</h2><p>{WATCH[(index + 1) % 3].format(topics=topics)}</p>"
    )


def articles(topic_names, region_names):
    """Every catalogue article as a dict, in the shape REFERENCE_ARTICLES uses."""
    found = []
    for index, row in enumerate(ROWS):
        slug, kind, published_at, authors, topics, regions, title, summary, lede = row
        found.append(
            {
                "slug": slug,
                "type": kind,
                "published_at": published_at,
                "authors": authors.split(),
                "topics": topics.split(),
                "regions": regions.split(),
                "title": title,
                "summary": summary,
                "body": body(
                    index,
                    lede,
                    [region_names[item] for item in regions.split()],
                    [topic_names[item] for item in topics.split()],
                ),
                **EXTRAS.get(slug, {}),
            }
        )
    found.extend(EVENTS)
    return found
