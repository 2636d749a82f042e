"""Run every notebook in `nbs/` as one test, skipping cells flagged with the `tst_flags` of pyproject.toml.

Set T2I_ALIGN_TEST_FLAGS="slow gpu" to run flagged cells too."""
import os
from pathlib import Path
import pytest
from nbdev.config import get_config
from nbdev.test import test_nb as run_notebook

ROOT = Path(__file__).resolve().parents[1]
NBS = ROOT/'nbs'
NOTEBOOKS = sorted(p for p in NBS.rglob('*.ipynb')
                   if not any(part.startswith(('_', '.')) for part in p.relative_to(NBS).parts))

def _flags():
    skip = get_config(ROOT).tst_flags
    skip = skip.split() if isinstance(skip, str) else list(skip or [])
    force = os.environ.get('T2I_ALIGN_TEST_FLAGS', '').split()
    return skip, force

@pytest.mark.parametrize('notebook', NOTEBOOKS, ids=[str(p.relative_to(NBS)) for p in NOTEBOOKS])
def test_notebook(notebook):
    skip, force = _flags()
    ok, secs = run_notebook(notebook, skip_flags=skip, force_flags=force, basepath=ROOT, showerr=True)
    assert ok, f"{notebook.relative_to(ROOT)} failed (traceback above)"
