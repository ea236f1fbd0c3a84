"""The demo's invented events, past and upcoming, in the shape REFERENCE_ARTICLES uses."""

EVENTS = [
    {
        "slug": "red-sea-shipping-security-one-year-on",
        "title": "Red Sea Shipping Security, One Year On",
        "type": "Event",
        "published_at": "2024-11-05 12:00",
        "authors": ["jonathan-pereira", "noam-raydan", "dalia-marwan"],
        "topics": ["military-and-security", "energy-and-economics"],
        "regions": ["yemen", "egypt"],
        "summary": "A year after the first attacks on merchant ships, a panel in London asks what "
        "naval operations have achieved and what shipping's new routes cost.",
        "body": "<p>Our panel reviews a year of naval operations in the Red Sea, the state of "
        "world shipping routes, and the effect of the crisis on Egypt and the Gulf.</p>"
        "<p>The event takes place in London and will be followed by a reception.</p>",
        "event_start": "2024-11-20 18:00",
        "event_end": "2024-11-20 19:30",
        "event_time_zone": "Europe/London",
        "event_location": "London, United Kingdom",
    },
    {
        "slug": "irans-nuclear-program-at-a-crossroads",
        "title": "Iran's Nuclear Program at a Crossroads",
        "type": "Event",
        "published_at": "2025-02-25 15:00",
        "authors": ["sophie-lindqvist", "assaf-orion", "miriam-kessler"],
        "topics": ["irans-nuclear-program", "great-power-competition"],
        "regions": ["iran"],
        "summary": "With the snapback deadline months away, our experts discuss the choices "
        "facing Iran, Israel, Europe and the great powers.",
        "body": "<p>Three experts discuss the state of Iran's nuclear program, the options "
        "available to Western governments before the snapback deadline, and the positions of "
        "Russia and China.</p><p>Join us in Washington or follow the livestream.</p>",
        "event_start": "2025-03-12 14:00",
        "event_end": "2025-03-12 15:30",
        "event_time_zone": "America/New_York",
        "event_location": "Washington, DC",
        "event_is_online": True,
    },
    # Upcoming events, so the events page and the home page have something ahead.
    {
        "slug": "russia-and-the-gulf-after-ukraine",
        "title": "Russia and the Gulf After Ukraine",
        "type": "Event",
        "published_at": "2026-11-16 14:00",
        "authors": ["anna-borshchevskaya", "miriam-kessler"],
        "topics": ["great-power-competition", "energy-and-economics"],
        "regions": ["russia", "gulf-states"],
        "summary": "Two of our fellows discuss how Moscow's ties with the Gulf monarchies have "
        "changed since 2022, from oil policy to sanctions and arms.",
        "body": "<p>A conversation on Russia's relations with Saudi Arabia, the UAE and Qatar: "
        "coordination on oil output, money moving through Gulf markets, and what Washington "
        "can ask of its partners.</p><p>Online only; questions can be sent in advance.</p>",
        "event_start": "2027-03-10 15:00",
        "event_end": "2027-03-10 16:00",
        "event_time_zone": "America/New_York",
        "event_is_online": True,
    },
    {
        "slug": "lebanon-one-year-into-reform",
        "title": "Lebanon, One Year Into Reform",
        "type": "Event",
        "published_at": "2026-11-24 10:00",
        "authors": ["hanin-ghaddar", "matthew-levitt"],
        "topics": ["democracy-and-reform", "terrorism"],
        "regions": ["lebanon"],
        "summary": "A panel in Washington weighs the new government's first year: the banks, "
        "the army's deployment in the south, and Hezbollah's finances.",
        "body": "<p>Our panel looks at what Lebanon's new leaders have changed and what they "
        "have not, and at how donors and Washington should judge the reforms.</p>",
        "event_start": "2027-01-21 17:30",
        "event_end": "2027-01-21 19:00",
        "event_time_zone": "America/New_York",
        "event_location": "Washington, DC",
    },
]
