"""The one rule for a search text, wherever it is typed: the library, the site search and its
autocomplete, the academy API's `q` and the v3 API's `search`.

Longer than MAX_QUERY_LENGTH characters is refused with a reason. Only the first MAX_QUERY_WORDS
words are searched: each word is a search of its own (a prefix search in autocomplete), so a
hundred one-letter words cost twenty times a normal query, and a few hundred overflow the search
backend's query parser (RecursionError). The site's forms ignore the rest with a note, as search
engines do; the v3 API, whose callers are scripts, refuses them (lms/core/api_guards.py).
"""

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 10
