"""`ckstudio stats` as a table a facilitator reads in a terminal."""

from __future__ import annotations

from typing import Any

WIDTH = 34


def _row(label: str, value: object) -> str:
    return f"  {label:<{WIDTH}} {value}"


def _percent(share: float | None) -> str:
    return "-" if share is None else f"{share:.0%}"


def format_stats(metrics: dict[str, Any]) -> str:
    """Readable text of compute_metrics() output, one section per measure."""
    lines = [metrics["title"], ""]
    lines += _section("Counts", metrics["counts"].items())
    lines += _section("Concept tree (C0 at depth 0)", metrics["concept_tree"].items())
    partitions = dict(metrics["partitions"])
    partitions["expansive_share"] = _percent(partitions["expansive_share"])
    lines += _section("Partitions", partitions.items())
    lines += _section("Reach", metrics["reach"].items())
    lines += _section("Outcomes", metrics["outcomes"].items())
    themes = metrics["themes"]
    rows = [(f"{t['name']} ({t['id']})", t["concepts"]) for t in themes["per_theme"]]
    rows += [("untagged concepts", themes["untagged_concepts"])]
    rows += [("themes per tagged concept", themes["themes_per_tagged_concept"] or "-")]
    lines += _section("Concepts per theme", rows)
    lines += _section("Knowledge by status", metrics["knowledge_status"].items())
    lines += _listing(
        "Knowledge gaps (concepts linked to missing knowledge)",
        [
            f"{g['text']} <- " + "; ".join(k["text"] for k in g["missing"])
            for g in metrics["knowledge_gaps"]
        ],
    )
    lines += _listing("Orphan knowledge (linked to nothing)", _texts(metrics["orphan_knowledge"]))
    lines += _listing(
        "Votes ranking", [f"{r['votes']:>3}  {r['text']}" for r in metrics["votes_ranking"]]
    )
    lines += _listing(
        "Retained concepts (unmet knowledge)",
        [
            r["text"] + (" <- " + "; ".join(_texts(r["unmet"])) if r["unmet"] else "")
            for r in metrics["retained"]
        ],
    )
    lines += _rounds(metrics["rounds"])
    return "\n".join(lines).rstrip() + "\n"


def _rounds(rounds: list[dict[str, Any]]) -> list[str]:
    """Each round on a line (kind, times, duration, how many took part, on how many
    concepts), its result under it."""
    lines = [f"Rounds: {len(rounds)}"]
    for measured in rounds:
        ended = measured["ended"] or "running"
        minutes = measured["duration_minutes"]
        lasted = "" if minutes is None else f", {minutes} min"
        lines.append(
            f"  - {measured['id']} {measured['kind']}: {measured['started']} to {ended}{lasted}, "
            f"{len(measured['participants'])} participants, {len(measured['concepts'])} concepts"
        )
        if measured["kind"] == "voting":
            hidden = ", results hidden" if measured["hidden"] else ""
            lines.append(f"      {measured['budget']} dots each{hidden}")
            lines += [f"      {r['dots']:>3}  {r['text']}" for r in measured["ranking"]]
        else:
            lines.append("      concepts  tags  theme")
            lines += [f"      {t['concepts']:>8}  {t['tags']:>4}  {t['name']}"
                      for t in measured["themes"]]  # fmt: skip
    return [*lines, ""]


def _texts(records: list[dict[str, Any]]) -> list[str]:
    return [record["text"] for record in records]


def _section(title: str, rows: Any) -> list[str]:
    return [title, *(_row(label.replace("_", " "), value) for label, value in rows), ""]


def _listing(title: str, entries: list[str]) -> list[str]:
    return [f"{title}: {len(entries)}", *(f"  - {entry}" for entry in entries), ""]
