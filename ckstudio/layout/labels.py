"""Words the map and the report print, in the session's language (French or English).

The Qt interface translates its own strings with Qt's tools; drawings are
also made without Qt (command line, PDF), so their few words live here.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "fr": {
        "c_space": "Espace C (concepts)",
        "k_space": "Espace K (connaissances)",
        "legend": "Légende",
        "reach": "Atteignabilité",
        "unassessed": "non évalué",
        "known": "connu",
        "reachable": "atteignable",
        "breakthrough": "en rupture",
        "partition": "Partition",
        "expansive": "expansive",
        "restrictive": "restrictive",
        "unjudged": "non jugée",
        "status": "Connaissance",
        "acquired": "acquise",
        "acquiring": "en cours d'acquisition",
        "missing": "manquante",
        "links": "Liens",
        "c_to_k": "de C vers K",
        "k_to_c": "de K vers C",
        "themes": "Thèmes",
        "open": "ouvert",
        "retained": "retenu",
        "suspended": "suspendu",
        "dropped": "abandonné",
        "dominant": "conception dominante",
    },
    "en": {
        "c_space": "C-space (concepts)",
        "k_space": "K-space (knowledge)",
        "legend": "Legend",
        "reach": "Reach",
        "unassessed": "unassessed",
        "known": "known",
        "reachable": "reachable",
        "breakthrough": "breakthrough",
        "partition": "Partition",
        "expansive": "expansive",
        "restrictive": "restrictive",
        "unjudged": "not judged",
        "status": "Knowledge",
        "acquired": "acquired",
        "acquiring": "being acquired",
        "missing": "missing",
        "links": "Links",
        "c_to_k": "C to K",
        "k_to_c": "K to C",
        "themes": "Themes",
        "open": "open",
        "retained": "retained",
        "suspended": "suspended",
        "dropped": "dropped",
        "dominant": "dominant design",
    },
}


def labels_for(language: str) -> dict[str, str]:
    """French for a French session, English for any other language."""
    return LABELS["fr" if language.split("-")[0] == "fr" else "en"]
