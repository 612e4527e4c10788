"""Synthetic but realistic CK Studio sessions of any size, for the benchmarks.

Shared by `generate.py` (writes a file) and `bench_core.py` (times the core).
Everything is drawn from one `random.Random(seed)`, so a seed always gives the
same session, byte for byte.

Shape: one C tree under C0 grown by repeatedly expanding a random leaf into
3-6 children (depth capped at 9, which a 10,000-concept tree reaches), a K
forest of 10-20 pockets grown the same way (shallower), French-ish texts of
20-120 characters, partitions / reach / outcomes / statuses mixed, tags and
votes on a share of the concepts, links unique by (concept, knowledge, kind).
"""

from __future__ import annotations

import random
from typing import Any

from ckstudio.model.session import FORMAT_NAME, FORMAT_VERSION, Session

C_MAX_DEPTH = 9
K_MAX_DEPTH = 5
BRANCHING = (3, 6)

# -- words -------------------------------------------------------------------------------

# fmt: off
_OPENINGS = (
    "Une école", "Un bâtiment", "Un quartier", "Une cour", "Un réseau", "Une façade",
    "Un matériau", "Une cantine", "Un toit", "Un chantier", "Une filière", "Un marché public",
    "Un mobilier", "Une salle", "Un jardin", "Une énergie", "Un usage", "Un service",
)
_VERBS = (
    "qui produit", "qui réemploie", "qui partage", "qui stocke", "qui récupère", "qui répare",
    "qui évolue avec", "qui mutualise", "qui accueille", "qui transforme", "qui régénère",
    "qui démonte", "qui loue", "qui mesure", "qui rafraîchit", "qui sensibilise",
)
_NOUNS = (
    "l'eau de pluie", "les déchets", "la chaleur fatale", "les élèves", "les habitants",
    "le béton concassé", "les matériaux biosourcés", "la lumière naturelle", "le bois local",
    "les entreprises du territoire", "les associations", "l'énergie solaire", "le compost",
    "les espaces vacants", "la biodiversité", "les familles", "les fibres de chanvre",
    "la terre crue", "les équipements", "les surplus", "le mobilier réformé", "les façades",
)
_COMPLEMENTS = (
    "du quartier", "en coût global", "à l'échelle de la ville", "pendant les vacances",
    "le soir et le week-end", "sans émission", "grâce à un contrat de performance",
    "avec la collectivité", "dès la conception", "en fin de vie", "à très long terme",
    "pour l'été caniculaire", "d'une rénovation à l'autre", "avec un suivi numérique",
    "à coût maîtrisé", "selon les saisons", "après démontage", "en circuit court",
)
_K_OPENINGS = (
    "Le code de la commande publique", "La RE2020", "Le retour d'expérience", "L'étude",
    "La filière", "Le diagnostic", "Le prix", "La norme", "Le fournisseur", "Le rapport",
    "La réglementation incendie", "Le bilan carbone", "L'entreprise", "La collectivité",
)
_K_VERBS = (
    "autorise", "impose", "montre", "limite", "chiffre", "décrit", "exige", "prévoit", "garantit",
    "interdit", "estime", "précise",
)
_K_NOUNS = (
    "le réemploi des matériaux", "un critère de coût global", "la variante innovante",
    "les matériaux biosourcés", "la récupération d'eau", "un diagnostic ressources",
    "la déconstruction sélective", "la mutualisation des locaux", "le dialogue compétitif",
    "un seuil de performance", "la traçabilité des déchets", "la géothermie de surface",
)
_NOTES = (
    "À approfondir avec l'équipe technique.", "Idée proposée en plénière, à vérifier.",
    "Voir le compte rendu de l'atelier précédent.", "Lien possible avec le marché de 2026.",
    "Exemple : l'école de Rosny-sous-Bois, à étudier.", "Question posée par la DRIEE.",
    "Coût à chiffrer ; délais à préciser.", "Hypothèse forte, à tester sur un pilote.",
)
_SOURCES = (
    "Guide ADEME 2023", "Entretien avec le fournisseur",
    "Code de la commande publique, art. R2152-7", "Étude CSTB", "Rapport de l'ORÉE",
    "Retour d'expérience de Nantes",
)
_FIRST_NAMES = (
    "Émilie", "Antoine", "Claire", "Hélène", "Jérôme", "Zoé", "François", "Noémie", "Loïc", "Inès",
    "Gaëlle", "Benoît", "Chloé", "Théo", "Maëlys", "Raphaël", "Agnès", "Cédric",
)
_ORGANISATIONS = (
    "ecoCIRC", "Mines ParisTech", "Biofibra 94", "Ville de Choisy-le-Roi",
    "Grand-Orly Seine Bièvre", "Conseil départemental", "DRIEE", "Réemploi & Cie",
    "Bétons de l'Orge", "",
)
_ROLES = (
    "facilitator", "company", "public_body", "research", "other",
)
_THEME_NAMES = (
    "Structure", "Flux", "Usages", "Énergie", "Eau", "Matériaux", "Gouvernance", "Économie",
    "Biodiversité", "Numérique", "Santé", "Mobilité",
)
_COLORS = (
    "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#D55E00", "#F0E442",
)
# fmt: on


def _sentence(rng: random.Random, parts: tuple[tuple[str, ...], ...], tail: tuple[str, ...]) -> str:
    """A text of 20-120 characters: the parts in order, then complements to a length."""
    goal = rng.randint(20, 120)
    text = " ".join(rng.choice(words) for words in parts)
    while len(text) < goal:
        complement = rng.choice(tail)
        if len(text) + 1 + len(complement) > 120:
            break
        text += " " + complement
    return text


def concept_text(rng: random.Random) -> str:
    return _sentence(rng, (_OPENINGS, _VERBS, _NOUNS), _COMPLEMENTS)


def knowledge_text(rng: random.Random) -> str:
    return _sentence(rng, (_K_OPENINGS, _K_VERBS, _K_NOUNS), _COMPLEMENTS)


def _weighted(rng: random.Random, choices: dict[Any, int]) -> Any:
    return rng.choices(tuple(choices), weights=tuple(choices.values()))[0]


# -- trees -------------------------------------------------------------------------------


def _grow(
    rng: random.Random, count: int, roots: list[str], prefix: str, max_depth: int, first: int
) -> tuple[dict[str, str | None], dict[str | None, list[str]], dict[str, int]]:
    """Parents, children and depths of `count` nodes under `roots`, ids prefix+number.

    Repeatedly pick a random leaf that may still grow and give it 3-6 children
    (fewer when the count runs out): a random recursive tree with a realistic
    branching factor, whose depth grows with the logarithm of the size.
    """
    parent_of: dict[str, str | None] = {r: None for r in roots}
    children: dict[str | None, list[str]] = {None: list(roots)}
    depth = {r: 0 for r in roots}
    growable = list(roots)
    number = first
    made = len(roots)
    while made < count:
        if not growable:  # every leaf at the maximum depth: widen the shallowest nodes
            growable = sorted(parent_of, key=depth.get)[: max(1, len(parent_of) // 10)]
        at = rng.randrange(len(growable))
        node = growable[at]
        growable[at] = growable[-1]
        growable.pop()
        for _ in range(min(rng.randint(*BRANCHING), count - made)):
            child = f"{prefix}{number}"
            number += 1
            made += 1
            parent_of[child] = node
            children.setdefault(node, []).append(child)
            depth[child] = depth[node] + 1
            if depth[child] < max_depth:
                growable.append(child)
    return parent_of, children, depth


def _tree_order(children: dict[str | None, list[str]]) -> list[str]:
    order: list[str] = []
    stack = list(reversed(children[None]))
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(reversed(children.get(node, ())))
    return order


# -- records -----------------------------------------------------------------------------


def _participants(rng: random.Random, count: int) -> list[dict[str, Any]]:
    people = []
    for number in range(1, count + 1):
        role = "facilitator" if number <= 2 else _weighted(rng, dict.fromkeys(_ROLES[1:], 1))
        name = f"{rng.choice(_FIRST_NAMES)} {chr(ord('A') + rng.randrange(26))}."
        people.append(
            {
                "id": f"p{number}",
                "name": name,
                "organisation": rng.choice(_ORGANISATIONS),
                "role": role,
            }
        )
    return people


def _themes(count: int) -> list[dict[str, Any]]:
    themes = []
    for number in range(1, count + 1):
        name = _THEME_NAMES[(number - 1) % len(_THEME_NAMES)]
        if number > len(_THEME_NAMES):
            name += f" {number // len(_THEME_NAMES) + 1}"
        color = _COLORS[(number - 1) % len(_COLORS)]
        themes.append({"id": f"t{number}", "name": name, "color": color})
    return themes


def _concept(
    rng: random.Random, id_: str, parent: str | None, people: list[str], themes: list[str]
) -> dict[str, Any]:
    if parent is None:
        return {"id": id_, "parent": None, "text": "Une école circulaire (C0)"}
    concept: dict[str, Any] = {
        "id": id_,
        "parent": parent,
        "text": concept_text(rng),
        "partition": _weighted(rng, {"restrictive": 45, "expansive": 45, None: 10}),
        "reach": _weighted(
            rng, {"unassessed": 40, "known": 20, "reachable": 25, "breakthrough": 15}
        ),
        "outcome": _weighted(rng, {"open": 55, "retained": 20, "suspended": 15, "dropped": 10}),
    }
    if rng.random() < 0.15:
        concept["notes"] = rng.choice(_NOTES)
    if people and rng.random() < 0.6:
        concept["author"] = rng.choice(people)
    if themes and rng.random() < 0.3:
        chosen = rng.sample(themes, min(len(themes), rng.randint(1, 2)))
        concept["tags"] = [
            {"theme": t, "by": rng.choice(people) if people and rng.random() < 0.7 else None}
            for t in chosen
        ]
    if rng.random() < 0.2:
        voters: list[str | None] = [*people, None]
        chosen = rng.sample(voters, min(len(voters), rng.randint(1, 4)))
        concept["votes"] = [{"by": by, "count": rng.randint(1, 3)} for by in chosen]
    return concept


def _knowledge(rng: random.Random, id_: str, parent: str | None, people: list[str]) -> dict:
    item: dict[str, Any] = {
        "id": id_,
        "parent": parent,
        "text": knowledge_text(rng),
        "status": _weighted(rng, {"acquired": 50, "acquiring": 25, "missing": 25}),
    }
    if people and rng.random() < 0.4:
        item["holder"] = rng.choice(people)
    if rng.random() < 0.3:
        item["source"] = rng.choice(_SOURCES)
    if rng.random() < 0.1:
        item["notes"] = rng.choice(_NOTES)
    if rng.random() < 0.1:
        item["dominant"] = True
    return item


def _links(
    rng: random.Random, count: int, concepts: list[str], knowledge: list[str]
) -> list[dict[str, Any]]:
    if count > 2 * len(concepts) * len(knowledge):
        raise ValueError(f"{count} unique links need more concepts or knowledge items")
    seen: set[tuple[str, str, str]] = set()
    links = []
    while len(links) < count:
        key = (
            rng.choice(concepts),
            rng.choice(knowledge),
            "c_to_k" if rng.random() < 0.7 else "k_to_c",
        )
        if key in seen:
            continue
        seen.add(key)
        link = {"id": f"l{len(links) + 1}", "concept": key[0], "knowledge": key[1], "kind": key[2]}
        if rng.random() < 0.1:
            link["note"] = rng.choice(_NOTES)
        links.append(link)
    return links


# -- the session -------------------------------------------------------------------------


def make_data(
    concepts: int = 10_000,
    knowledge: int = 5_000,
    links: int = 10_000,
    participants: int = 30,
    themes: int = 6,
    seed: int = 1,
) -> dict[str, Any]:
    """The session as plain JSON-like dicts, nodes in tree order."""
    if concepts < 1:
        raise ValueError("a session has at least one concept, C0")
    rng = random.Random(seed)
    people_records = _participants(rng, participants)
    theme_records = _themes(themes)
    people = [p["id"] for p in people_records]
    theme_ids = [t["id"] for t in theme_records]

    c_parent, c_children, _ = _grow(rng, concepts, ["c0"], "c", C_MAX_DEPTH, first=1)
    concept_records = [
        _concept(rng, i, c_parent[i], people, theme_ids) for i in _tree_order(c_children)
    ]

    knowledge_records: list[dict[str, Any]] = []
    if knowledge:
        pockets = min(knowledge, rng.randint(10, 20))
        roots = [f"k{n}" for n in range(1, pockets + 1)]
        k_parent, k_children, _ = _grow(rng, knowledge, roots, "k", K_MAX_DEPTH, pockets + 1)
        knowledge_records = [
            _knowledge(rng, i, k_parent[i], people) for i in _tree_order(k_children)
        ]

    link_records = _links(
        rng,
        links,
        [c["id"] for c in concept_records],
        [k["id"] for k in knowledge_records],
    )
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "meta": {
            "title": f"Atelier synthétique ({concepts} concepts, graine {seed})",
            "brief": "Session générée pour les mesures de performance de CK Studio.",
            "date": "2024-03-14",
            "place": "Choisy-le-Roi",
            "language": "fr",
            "facilitators": people[:2],
            "created": "2024-03-14T09:30:00+01:00",
            "modified": "2024-03-14T12:30:00+01:00",
        },
        "themes": theme_records,
        "participants": people_records,
        "concepts": concept_records,
        "knowledge": knowledge_records,
        "links": link_records,
    }


def make_session(**sizes: int) -> Session:
    """A validated synthetic session; `sizes` are the arguments of `make_data`."""
    return Session.model_validate(make_data(**sizes), strict=True)
