"""What the academy's database search backends share (lms/core/search_sqlite.py and
search_postgres.py): results that take the ranked slice from the query compiler when it can rank
one itself, and the backend's own search otherwise."""


class RankedResultsMixin:
    def _do_search(self):
        compiler = self.query_compiler
        # Autocomplete's compiler has no ranking of its own.
        if hasattr(compiler, "ranked"):
            config = compiler.get_config(self.backend)
            ranked = compiler.ranked(config, self.start, self.stop, self._score_field)
            if ranked is not None:
                return ranked
        return super()._do_search()
