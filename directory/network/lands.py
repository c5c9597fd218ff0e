"""The 16 Länder for the tile map on /statistik/: abbreviation, tile position and population.

Population: Statistisches Bundesamt (Destatis), GENESIS table 12411-0010 "Bevölkerung:
Bundesländer, Stichtag", reference date 31.12.2023, Fortschreibung des Bevölkerungsstandes
(basis: Zensus 2011, as published in June 2024). When Destatis publishes a newer reference date,
replace the numbers and POPULATION_DATE together.

Tile positions: one square per Land in a 5 x 5 grid that keeps the neighbours roughly where
they are (Schleswig-Holstein on top, Bavaria and Baden-Württemberg at the bottom), as the common
16-tile maps of Germany do. Only the order matters, not the area.
"""

import datetime
from dataclasses import dataclass

POPULATION_DATE = datetime.date(2023, 12, 31)


@dataclass(frozen=True)
class Land:
    name: str  # as Region.name spells it
    code: str
    column: int
    row: int
    population: int


LANDS = [
    Land("Schleswig-Holstein", "SH", 2, 0, 2_965_691),
    Land("Bremen", "HB", 1, 1, 684_864),
    Land("Hamburg", "HH", 2, 1, 1_910_160),
    Land("Mecklenburg-Vorpommern", "MV", 3, 1, 1_628_378),
    Land("Nordrhein-Westfalen", "NW", 0, 2, 18_190_422),
    Land("Niedersachsen", "NI", 1, 2, 8_161_981),
    Land("Sachsen-Anhalt", "ST", 2, 2, 2_174_604),
    Land("Berlin", "BE", 3, 2, 3_878_100),
    Land("Brandenburg", "BB", 4, 2, 2_573_135),
    Land("Rheinland-Pfalz", "RP", 0, 3, 4_159_150),
    Land("Hessen", "HE", 1, 3, 6_391_360),
    Land("Thüringen", "TH", 2, 3, 2_126_846),
    Land("Sachsen", "SN", 3, 3, 4_089_467),
    Land("Saarland", "SL", 0, 4, 993_486),
    Land("Baden-Württemberg", "BW", 1, 4, 11_280_257),
    Land("Bayern", "BY", 2, 4, 13_435_062),
]
BY_NAME = {land.name: land for land in LANDS}


def per_100k(count, land):
    """`count` per 100,000 inhabitants of `land`, to one decimal."""
    return round(count * 100_000 / land.population, 1)
