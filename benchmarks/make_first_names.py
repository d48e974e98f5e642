"""Write data/first_names.csv: common US first names and the gender they are usually given to.

Development only (needs ``pip install faker==40.40.0``, which the kit does not depend on):

    python benchmarks/make_first_names.py

Source: the en_US person provider of Faker 40.40.0 (MIT licence), whose first-name lists are "the top 200
names of the decade from the 60's-90's" of the US Social Security Administration's baby-name statistics
(a US government work, public domain; https://www.ssa.gov/OACT/babynames/). A name on both lists (given to
boys and girls alike) is left out. The quote spotter uses the list only as weak evidence for "he" and "she",
below what the text itself says (a title, the person's own pronouns); see widgets/quotes/mentions.py.
"""
from __future__ import annotations

import csv
from pathlib import Path

from faker import VERSION
from faker.providers.person.en_US import Provider

OUT = Path(__file__).resolve().parent.parent / "data" / "first_names.csv"


def main() -> None:
    male, female = set(Provider.first_names_male), set(Provider.first_names_female)
    both = male & female
    source = (f"Faker {VERSION} (MIT), en_US first_names_{{}}: top 200 US baby names per decade 1960s-1990s, "
              "US Social Security Administration (public domain)")
    rows = [(name, "male", source.format("male")) for name in sorted(male - both)]
    rows += [(name, "female", source.format("female")) for name in sorted(female - both)]
    with open(OUT, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["name", "gender", "provenance"])
        writer.writerows(sorted(rows))
    print(f"{OUT}: {len(rows)} names ({len(both)} given to both left out: {', '.join(sorted(both))})")


if __name__ == "__main__":
    main()
