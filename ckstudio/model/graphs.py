"""networkx views of a session: the C tree, the K forest and the C-K graph.

The session stays the source of truth; these graphs are built on demand for
measures and checks, and never edited.
"""

from __future__ import annotations

import networkx as nx

from ckstudio.model.session import Session


def concept_tree(session: Session) -> nx.DiGraph:
    """Edges go from a concept to its partitions; node attribute `record`."""
    tree = nx.DiGraph()
    tree.add_nodes_from((c.id, {"record": c}) for c in session.concepts)
    tree.add_edges_from((c.parent, c.id) for c in session.concepts if c.parent is not None)
    return tree


def knowledge_forest(session: Session) -> nx.DiGraph:
    """Edges go from a pocket or item to the items it holds; node attribute `record`."""
    forest = nx.DiGraph()
    forest.add_nodes_from((k.id, {"record": k}) for k in session.knowledge)
    forest.add_edges_from((k.parent, k.id) for k in session.knowledge if k.parent is not None)
    return forest


def ck_graph(session: Session) -> nx.MultiGraph:
    """Bipartite graph of concepts (space "c") and knowledge (space "k") joined by links."""
    graph = nx.MultiGraph()
    graph.add_nodes_from((c.id, {"space": "c"}) for c in session.concepts)
    graph.add_nodes_from((k.id, {"space": "k"}) for k in session.knowledge)
    graph.add_edges_from(
        (link.concept, link.knowledge, link.id, {"kind": link.kind}) for link in session.links
    )
    return graph
