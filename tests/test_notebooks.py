"""Run every notebook in `nbs/` as one test, skipping cells flagged with the `tst_flags` of pyproject.toml.

Set T2I_ALIGN_TEST_FLAGS="slow gpu" to run flagged cells too. Cells slower than 30 s are named in the output, and the
run ends with each notebook's time (conftest.py)."""
import os, io, contextlib
from pathlib import Path
import pytest
from nbdev.config import get_config
from nbdev.test import test_nb as run_notebook

ROOT = Path(__file__).resolve().parents[1]
NBS = ROOT/'nbs'
NOTEBOOKS = sorted(p for p in NBS.rglob('*.ipynb')
                   if not any(part.startswith(('_', '.')) for part in p.relative_to(NBS).parts))
TIMES = {} # notebook -> seconds, printed at the end of the run
SLOW_CELLS = [] # 'notebook:cell id: seconds' of cells over 30 s

def _flags():
    skip = get_config(ROOT).tst_flags
    skip = skip.split() if isinstance(skip, str) else list(skip or [])
    force = os.environ.get('T2I_ALIGN_TEST_FLAGS', '').split()
    return skip, force

@pytest.mark.parametrize('notebook', NOTEBOOKS, ids=[str(p.relative_to(NBS)) for p in NOTEBOOKS])
def test_notebook(notebook):
    skip, force = _flags()
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf): # nbdev prints the cells slower than cell_timing_min
        ok, secs = run_notebook(notebook, skip_flags=skip, force_flags=force, basepath=ROOT, showerr=True, cell_timing_min=30)
    SLOW_CELLS.extend(l for l in buf.getvalue().splitlines() if l.startswith(notebook.name + ':'))
    TIMES[str(notebook.relative_to(NBS))] = secs
    assert ok, f"{notebook.relative_to(ROOT)} failed (traceback above)"
