"""Ralph's LRS served for the tests (tests/lrs.py), run by the Python of Ralph's venv (`make ralph`).

This is what `ralph runserver -b fs` does, uvicorn serving `ralph.api:app` configured by RALPH_*
variables, less two things in a test's way: the reloader (a second process watching the working
directory for changes) and the file-system LRS refusing every write after its first.

Usage: .venv-ralph/bin/python tests/ralph_server.py HOST PORT
"""

import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

# Ralph 5.1's file-system LRS writes with its data backend's default operation, CREATE: the first
# PUT or POST creates fs_lrs.jsonl, and every later one answers 500 ("already exists and overwrite
# is not allowed with operation_type create or index"). Append instead. Delete this line once
# FSLRSBackend.write appends (ralph/backends/lrs/fs.py; still CREATE in Ralph 4.2 and 5.1).
FSLRSBackend.default_operation_type = BaseOperationType.APPEND

if __name__ == "__main__":
    host, port = sys.argv[1], int(sys.argv[2])
    uvicorn.run("ralph.api:app", host=host, port=port, log_level="info")
