"""What the docs site needs from the notebooks, checked without Quarto: every notebook is valid nbformat that nbdev's
doc processors read, every relative link and image in a markdown cell points to a file of the repository, and every
top-level notebook opens with a title."""
import json, re
from pathlib import Path
import nbformat, pytest

ROOT = Path(__file__).resolve().parents[1]
NBS = ROOT/'nbs'
NOTEBOOKS = sorted(p for p in NBS.rglob('*.ipynb') if not any(part.startswith(('_', '.')) for part in p.relative_to(NBS).parts))
LINK = re.compile(r'!?\[[^\]]*\]\(([^)\s]+)\)') # [text](target) and ![alt](target)

def markdown_cells(nb:Path)->list:
    return [''.join(c['source']) for c in json.loads(nb.read_text())['cells'] if c['cell_type'] == 'markdown']

def local_targets(text:str)->list:
    "Relative link targets of a markdown text (web addresses, anchors and mail links left out)."
    out = []
    for t in LINK.findall(re.sub(r'`[^`]*`', '', text)): # code spans are not links
        t = t.split('#')[0]
        if t and not re.match(r'^[a-z][a-z0-9+.-]*:', t): out.append(t)
    return out

def test_local_targets():
    text = "See [the tutorial](tutorials/grpo.ipynb#the-run), ![a plot](images/x.png), [web](https://a.b), [top](#top), `[not](a link)`"
    assert local_targets(text) == ['tutorials/grpo.ipynb', 'images/x.png']

@pytest.mark.parametrize('notebook', NOTEBOOKS, ids=[str(p.relative_to(NBS)) for p in NOTEBOOKS])
def test_notebook_docs(notebook):
    nbformat.validate(nbformat.read(notebook, as_version=4))
    md = markdown_cells(notebook)
    assert md and md[0].lstrip().startswith('# '), f"{notebook.relative_to(ROOT)}: the first markdown cell must be the page's '# title'"
    broken = [t for text in md for t in local_targets(text) if not (notebook.parent/t).exists()]
    assert not broken, f"{notebook.relative_to(ROOT)} links to files that do not exist: {broken}"

def docs_executed_mixed_cells(notebook:Path)->list:
    "Cells that the docs build runs (nbdev executes exported cells and every cell with an import, to render `show_doc`) and that hold more than imports: those fail there, without the test cells before them."
    import ast, warnings
    from nbdev.process import NBProcessor
    from nbdev.processors import _do_eval
    with warnings.catch_warnings():
        warnings.simplefilter('ignore') # nbdev warns about the very cells this test reports
        cells = [c for c in NBProcessor(notebook).nb.cells if c.cell_type == 'code']
        if not any('export' in c.directives_ for c in cells): return [] # the docs run no cell of a notebook that exports nothing
        return [c.get('id') for c in cells if _do_eval(c) and not c.directives_.keys() & {'export', 'exports', 'exporti', 'exec_doc'}
                and not all(isinstance(t, (ast.Import, ast.ImportFrom)) for t in c.parsed_())]

@pytest.mark.parametrize('notebook', NOTEBOOKS, ids=[str(p.relative_to(NBS)) for p in NOTEBOOKS])
def test_docs_build_runs(notebook):
    bad = docs_executed_mixed_cells(notebook)
    assert not bad, f"{notebook.relative_to(ROOT)}: cells {bad} mix imports with other code; the docs build runs them alone and fails. Put the imports in a cell of their own"

def test_sidebar_lists_every_notebook():
    import yaml
    def pages(items):
        for it in items: yield from (pages(it['contents']) if isinstance(it, dict) else [it])
    listed = list(pages(yaml.safe_load((NBS/'sidebar.yml').read_text())['website']['sidebar']['contents']))
    have = [str(p.relative_to(NBS)) for p in NOTEBOOKS]
    assert sorted(listed) == sorted(have), f"nbs/sidebar.yml lists {sorted(set(listed) - set(have))} that do not exist and misses {sorted(set(have) - set(listed))}"
