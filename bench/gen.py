#!/usr/bin/env python3
"""Writes a generation log of ROWS entries as `credits export` writes it (CSV, oldest first).

    python3 bench/gen.py ROWS OUT.csv

Deterministic: the same ROWS always gives the same bytes (a fixed linear congruential
generator, no `random`). Realistic for one busy studio: a year of work from 2025-12-01 in
time order, in the user's offset (+01:00 in winter, +02:00 from April to October), across
the models of the shipped pricing tables with their real credits and money:

- runway gen-4-turbo / gen-4 / aleph (5 / 12 / 15 credits per second, 5 or 10 s), priced
  with an account on Runway Pro ($35 for 2,250 credits, rounded once to the micro-dollar);
- makeclipai kling-ai (70 / 140 credits) and pika-basic (40), videodraft luma-ray-2 (90):
  tables without plan prices, so the money is unknown (empty);
- openai sora-2 ($0.10/s, 4/8/12 s) and google veo-3.0-fast ($0.15/s): billed in money.

About 90 % of entries are ok, 6 % refunded and 4 % still failed; a quarter are discarded
reruns; most carry a client tag; a few have a note or a count above 1. Twelve projects run
a few months each. Every row has a `log:` dedup key like the ones `credits log` makes.
"""

import csv
import sys
from datetime import datetime, timedelta, timezone
from decimal import ROUND_HALF_EVEN, Decimal

COLUMNS = [
    "at", "platform", "model", "duration", "resolution", "audio", "refs", "mode", "chars",
    "count", "credits", "cost", "currency", "pricing", "project", "tags", "note", "status",
    "kept", "dedup_key",
]

RUNWAY_PRO = Decimal(35) / Decimal(2250)
MICRO = Decimal("0.000001")

# (weight, platform, model, durations, credits per clip of a duration, money per clip)
MODELS = [
    (30, "runway", "gen-4-turbo", [5, 10], lambda s: 5 * s, None),
    (20, "runway", "gen-4", [5, 10], lambda s: 12 * s, None),
    (5, "runway", "aleph", [5, 10], lambda s: 15 * s, None),
    (15, "makeclipai", "kling-ai", [5, 10], lambda s: 14 * s, None),
    (5, "makeclipai", "pika-basic", [None], lambda s: 40, None),
    (5, "videodraft", "luma-ray-2", [5], lambda s: 90, None),
    (10, "openai", "sora-2", [4, 8, 12], lambda s: 0, Decimal("0.10")),
    (10, "google", "veo-3.0-fast-generate-001", [4, 6, 8], lambda s: 0, Decimal("0.15")),
]
WEIGHTS = sum(m[0] for m in MODELS)

PROJECTS = [
    "spring-ad", "teaser", "acme-launch", "bolt-explainer", "music-video", "product-shots",
    "summer-campaign", "doc-trailer", "brand-refresh", "holiday-spot", "pitch-deck", "shorts",
]
CLIENTS = ["acme", "bolt", "cobalt", "dune", "ember"]
NOTES = ["take 2", "closer framing", "client asked for a wider shot", "b-roll", "rerun, artefacts"]


class Lcg:
    """Knuth's MMIX LCG: the same numbers on every machine and Python version."""

    def __init__(self, seed):
        self.x = seed

    def below(self, n):
        self.x = (self.x * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (self.x >> 33) % n


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: gen.py ROWS OUT.csv")
    rows, out = int(sys.argv[1]), sys.argv[2]
    rng = Lcg(2026)
    start = datetime(2025, 12, 1, tzinfo=timezone.utc)
    span = 365 * 24 * 3600
    step = span / rows
    winter, summer = timezone(timedelta(hours=1)), timezone(timedelta(hours=2))
    with open(out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        for i in range(rows):
            # In time order: one slot per row, jittered inside the slot.
            utc = start + timedelta(seconds=int(i * step + rng.below(max(1, int(step)))))
            offset = summer if 4 <= utc.month <= 10 else winter
            at = utc.astimezone(offset).isoformat()
            pick = rng.below(WEIGHTS)
            for weight, platform, model, durations, credits_of, per_second in MODELS:
                if pick < weight:
                    break
                pick -= weight
            duration = durations[rng.below(len(durations))]
            count = 1 if rng.below(10) else 2 + rng.below(3)
            credits = credits_of(duration) * count
            if per_second is not None:
                cost, pricing = per_second * duration * count, "money-billed"
            elif platform == "runway":
                cost = (credits * RUNWAY_PRO).quantize(MICRO, rounding=ROUND_HALF_EVEN)
                pricing = "account plan Pro, monthly"
            else:
                cost, pricing = None, f"unpriced: no known {platform} plan price"
            # Each project runs for about three months of the year.
            month = (utc.year - 2025) * 12 + utc.month - 12
            project = PROJECTS[(month + rng.below(3) * 4) % len(PROJECTS)]
            roll = rng.below(100)
            status = "ok" if roll < 90 else "refunded" if roll < 96 else "failed"
            tags = f"client={CLIENTS[rng.below(len(CLIENTS))]}" if rng.below(10) < 7 else ""
            note = NOTES[rng.below(len(NOTES))] if rng.below(10) == 0 else ""
            key = f"log:{int(utc.timestamp()) * 1_000_000_000 + i % 997:x}-{1000 + i % 30011:x}-0"
            w.writerow([
                at, platform, model, "" if duration is None else duration, "", "false", 0, "",
                "", count, credits, "" if cost is None else format(cost.normalize(), "f"),
                "" if cost is None else "USD", pricing, project, tags, note, status,
                "false" if rng.below(4) == 0 else "true", key,
            ])


if __name__ == "__main__":
    main()
