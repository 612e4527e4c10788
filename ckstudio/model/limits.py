"""Size limits of a session.

They exist so that a hostile or broken file cannot exhaust the machine, and are
generous for real workshops (a big one has a few hundred concepts). The same
figures are documented for users in docs/file-format.md.
"""

MAX_FILE_BYTES = 50 * 1024 * 1024
# Objects and arrays in one file (counted before parsing, "{" and "[" inside
# text included): a real session of 100,000 nodes has well under a million.
MAX_JSON_CONTAINERS = 2_000_000
MAX_NODES = 100_000  # concepts and knowledge items together
MAX_LINKS = 200_000
MAX_THEMES = 1_000
MAX_PARTICIPANTS = 10_000
MAX_TAGS_PER_CONCEPT = 1_000
MAX_VOTES_PER_CONCEPT = 10_000
MAX_VOTE_COUNT = 1_000
MAX_ROUNDS = 1_000
MAX_ROUND_BUDGET = 99
MAX_ID = 100
MAX_NAME = 500
MAX_TEXT = 10_000
MAX_NOTES = 100_000
