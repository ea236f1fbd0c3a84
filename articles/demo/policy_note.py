"""
The demo's long-form piece: a policy note with figures, endnotes and its full report as
a PDF document. Its facts and figures are invented for the demo, in the reference
page's style; the Arabic version is in articles/demo/policy_note_ar.py.

In the bodies, `{figure:<key>}` stands for a library image's id and `{document:<key>}`
for a document's address; the loader fills them in once the images and the document
exist.
"""

SLUG = "charting-the-red-seas-lost-traffic"
PUBLICATION_TYPE = "Policy Notes"
PUBLISHED_AT = "2025-06-18 10:00"
AUTHORS = ["omar-farid-nasser", "sophie-lindqvist"]
TOPICS = ["energy-and-economics", "military-and-security"]
REGIONS = ["egypt", "yemen"]

TITLE = (
    "Charting the Red Sea's Lost Traffic: What Two Years of Diverted Shipping Cost Egypt "
    "and the Gulf"
)
SUMMARY = (
    "Houthi attacks pushed most container traffic away from the Suez Canal. The bill has "
    "fallen hardest on Egypt's budget, but Gulf ports, insurers and European consumers have "
    "paid too, and the trade that left will not return on its own."
)

# The figures: key -> (title, chart kind, English alt text, English caption, credit).
FIGURES = {
    "transits": (
        "Suez Canal transits per month, 2022–2025",
        "line",
        "Line chart of monthly Suez Canal transits: about 2,100 a month through 2023, "
        "falling to about 1,150 in early 2024 and staying near 1,200 since.",
        "Monthly transits through the Suez Canal, January 2022 to March 2025.",
        "Demo data compiled by the Institute",
    ),
    "revenue": (
        "Suez Canal revenue by fiscal year",
        "bars",
        "Bar chart of canal revenue by fiscal year: $7.0 billion in 2022–23, $7.2 billion "
        "in 2023–24, $4.0 billion in 2024–25.",
        "Suez Canal Authority revenue by fiscal year, in billions of dollars.",
        "Demo data compiled by the Institute",
    ),
    "routes": (
        "Asia–Europe routes: the Suez Canal and the Cape of Good Hope",
        "routes",
        "Schematic map of two routes from Singapore to Rotterdam: through the Red Sea and "
        "the Suez Canal, about 8,300 nautical miles, or around the Cape of Good Hope, about "
        "11,800 nautical miles.",
        "The two routes between Singapore and Rotterdam, with their distances in nautical "
        "miles and typical sailing days.",
        "Drawing by the Institute",
    ),
}

# The documents attached to both language versions: key -> the document's language.
# Their titles, by the article's language, are in articles/demo/report.py.
DOCUMENTS = {"full-report": "en"}

BODY = """
<p>When the first commercial ships were struck in the southern Red Sea, most shipping lines
expected a disruption of weeks. Two years later, the detour around Africa has become the
default route for container traffic between Asia and Europe, and the Suez Canal, a source of
national pride and of hard currency for Egypt, handles barely half the ships it did.<span
data-note="">Transit counts in this note are the Institute's compilation of published daily
figures; they cover all vessel types and differ slightly from the Suez Canal Authority's
monthly totals.</span> This note measures what the diversion has cost, who has paid, and
why the traffic will not come back simply because the attacks slow down.</p>
<p>Its conclusion is uncomfortable for every government involved: the security problem
created the diversion, but commercial habits now sustain it. Restoring the route will take
a policy aimed at shippers and insurers as much as at the Houthis.</p>
<h2>A route emptied in three months</h2>
<p>Through 2023 the canal carried a steady flow of about 2,100 transits a month. By March
2024 the number had fallen to roughly 1,150, and it has hovered near 1,200 since. Container
ships, the most valuable traffic, left first and in the largest numbers; tankers and bulk
carriers, whose owners are more tolerant of risk and whose cargoes are less time-sensitive,
stayed in greater proportion.<span data-note="">Container lines run fixed weekly services
that cannot absorb the uncertainty of an attack; a single diverted service moves six to
eight ships at once. See <a href="https://www.example.org/shipping-services">the
Institute's service tracker</a>.</span></p>
{figure:transits}
<p>The fall was not gradual. Within six weeks of the first strikes, four of the five
largest container lines had announced that their Asia–Europe services would sail around
the Cape of Good Hope until further notice. Once those schedules were published, shippers
booked accordingly, and the decision stopped being reviewed voyage by voyage.</p>
<p>The longer route adds about 3,500 nautical miles between Singapore and Rotterdam, or ten
to fourteen days of sailing at normal speeds. Lines absorbed the difference by adding ships
to each service, which the new vessels ordered during the pandemic allowed them to do without
a shortage of capacity.<span data-note="">The global container fleet grew by about 10
percent in 2024, its largest annual increase in fifteen years; most of the new ships had
been ordered in 2021 and 2022, when freight rates were at their peak.</span></p>
{figure:routes}
<h2>Egypt's bill</h2>
<p>For Egypt, the canal is not a transport asset among others: it is one of the country's
three main sources of foreign currency, with tourism and remittances. Revenue rose to a
record $7.2 billion in the fiscal year that ended in June 2024, because the first months of
the year were still strong, then fell to about $4.0 billion in the following year.</p>
{figure:revenue}
<p>The shortfall of roughly $3 billion a year arrived while Cairo was already negotiating
with the International Monetary Fund over an expanded loan, and it widened the external
financing gap that the programme was meant to close.<span data-note="">The figure compares
fiscal year 2024–25 with the average of the two previous years; it does not count the
discounts of up to 15 percent the Authority offered to some vessel classes from late 2024.
</span> The Suez Canal Authority responded with discounts, longer payment terms and offers
of free services for returning lines, none of which changed the calculation that matters to
a shipper: the premium charged to insure a ship and its cargo through the Red Sea.</p>
<p>The indirect costs are larger and harder to reverse. The economic zone along the canal
was designed to draw manufacturers and logistics firms by its position on the main route
between Asia and Europe. Firms that were considering it have postponed decisions, and two
announced investments have been suspended pending "clarity on regional shipping".<span
data-note="">Public statements by the companies concerned, reviewed by the Institute; the
investors have not given a date for a decision.</span></p>
<h2>Who else paid</h2>
<p>The Gulf's ports have had a mixed experience. Jeddah, on the Red Sea, lost much of its
transshipment business, while ports on the Gulf and the Arabian Sea gained traffic as lines
rearranged their networks. Overland links across the Arabian Peninsula, discussed for years,
found customers for the first time, though at volumes that remain small.<span
data-note="">Trucking corridors from the Gulf to Jordan and Israel carried an estimated 350
to 400 containers a day at their peak, against the several thousand a single large container
ship carries.</span></p>
<p>Insurers priced the risk quickly. War-risk premiums for a Red Sea transit rose from
about 0.05 percent of a ship's value to between 0.7 and 1 percent, and higher still for
vessels with links to the United States, Britain or Israel. For a large modern container
ship, a single passage could cost more in insurance than the fuel saved by not going around
Africa.<span data-note="">Premiums are quoted per voyage as a share of the hull's insured
value; a container ship worth $150 million at 0.7 percent pays about $1 million for one
transit, before any premium on the cargo.</span></p>
<p>European consumers paid in smaller amounts spread across many goods. Freight rates on
the Asia–Europe lanes tripled in the first half of 2024 before easing; the added cost
reached shelves months later, when it was no longer attributed to the Red Sea.</p>
<h2>Why the traffic will not simply return</h2>
<p>A pause in attacks does not bring ships back at once, and a ceasefire that holds for
weeks may not either. Three habits now work against a return.</p>
<ul>
<li><em>Schedules.</em> Services have been rebuilt around the longer route, with more ships,
new port calls and contracts priced accordingly. Changing them again costs money and
reliability, and lines will not do it twice.</li>
<li><em>Insurance.</em> Underwriters will lower premiums only after a long period without
incidents, and the first attack after a return would raise them again at once.</li>
<li><em>Reputation.</em> A line that returns early and has a ship struck bears the blame
alone; a line that waits loses little, since its competitors are waiting too.</li>
</ul>
<p>Each of these points argues for waiting, and together they mean that the last carrier
to return sets the pace for the others.<span data-note="">The same pattern followed the
piracy crisis off Somalia: attacks fell sharply in 2012, but insurers kept the area listed
as high-risk until 2022.</span></p>
<h2>What governments can do</h2>
<p>Naval escorts have reduced the damage but not the diversion: a convoy is a statement
that the route is dangerous, and shippers read it that way. A policy that aims to bring
traffic back has to change the commercial calculation directly. Three steps would help.</p>
<ol>
<li>A public, shared record of incidents and near misses in the southern Red Sea, kept by
the navies present and open to insurers, so that premiums follow the evidence rather than
the headlines.</li>
<li>A temporary reinsurance facility, backed by the governments that depend on the route,
that caps war-risk premiums for ships returning on regular services.</li>
<li>A coordinated return: an agreement among the largest lines, blessed by competition
authorities, to restore their services within the same month, so that no carrier is
first alone.<span data-note="">Competition law in the European Union and the United States
restricts agreements among carriers on capacity; a temporary exemption tied to security
conditions would need both to agree.</span></li>
</ol>
<p>Egypt has the strongest interest in such an arrangement and the least leverage to bring
it about alone. Its partners in the Gulf and in Europe, who have paid smaller but real
costs, are better placed to lead it. The details of the data behind this note are in
<a href="{document:full-report}">the full report (PDF)</a>.<span data-note="">The full
report includes monthly transits by vessel type, revenue by quarter and the Institute's
estimates of the added freight cost by trade lane.</span></p>
"""
