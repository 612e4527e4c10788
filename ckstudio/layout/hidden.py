"""A hidden vote stays hidden off the screen too (pure Python, no Qt).

While a dot-voting round's votes are hidden (`Round.hidden`, until the facilitator
reveals them), the editor draws its concepts without their dots. An image or a
report made meanwhile must not show them either: the renderers draw the session
these helpers return, in which those concepts carry no votes.
"""

from __future__ import annotations

from ckstudio.model.session import Session


def hidden_vote_concepts(session: Session) -> frozenset[str]:
    """The concepts of the voting rounds not revealed yet: their dots are not shown."""
    return frozenset(ref for round_ in session.rounds
                     if round_.kind == "voting" and round_.hidden
                     for ref in round_.concepts)  # fmt: skip


def without_hidden_votes(session: Session) -> Session:
    """The session as it may be shown: the concepts of hidden votes without their votes
    (the session itself when no vote is hidden)."""
    hidden = hidden_vote_concepts(session)
    if not any(concept.votes for concept in session.concepts if concept.id in hidden):
        return session
    concepts = [concept.model_copy(update={"votes": []})
                if concept.id in hidden and concept.votes else concept
                for concept in session.concepts]  # fmt: skip
    return session.model_copy(update={"concepts": concepts})
