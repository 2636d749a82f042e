"""The modules form one stack in notebook order: each imports only from the ones before it, at import time and inside
functions. Core's lazy name table is the only way to reach a later module (by name, at run time)."""
import ast, json
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT/'t2i_align'

def module_order()->list:
    "Module names in notebook order (the `default_exp` of each top-level notebook, sorted by file name)."
    out = []
    for nb in sorted((ROOT/'nbs').glob('*.ipynb')):
        for c in json.loads(nb.read_text())['cells']:
            src = ''.join(c['source'])
            if c['cell_type'] == 'code' and src.startswith('#| default_exp'):
                out.append(src.split()[2]); break
    return out

def imported_modules(path:Path)->list:
    "(line, module) of every t2i_align module that `path` imports, anywhere in the file."
    tree, out = ast.parse(path.read_text()), []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1: base = node.module or ''
            elif node.level == 0 and (node.module or '').startswith('t2i_align'): base = node.module[len('t2i_align'):].lstrip('.')
            else: continue
            # `from t2i_align import shapes` names modules in `names`
            mods = [base] if base else [a.name for a in node.names]
            out += [(node.lineno, m.split('.')[0]) for m in mods]
        elif isinstance(node, ast.Import):
            out += [(node.lineno, a.name.split('.')[1]) for a in node.names if a.name.startswith('t2i_align.')]
    return out

def dynamic_imports(path:Path)->list:
    "Lines that import by a computed name (`importlib.import_module`, `__import__`)."
    tree = ast.parse(path.read_text())
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    name = lambda f: f.attr if isinstance(f, ast.Attribute) else getattr(f, 'id', None)
    return [n.lineno for n in calls if name(n.func) in ('import_module', '__import__')]

ORDER = module_order()

def test_order_covers_the_package():
    modules = {p.stem for p in PKG.glob('*.py') if not p.stem.startswith('_')}
    assert set(ORDER) == modules, f"modules without a notebook or notebooks without a module: {set(ORDER) ^ modules}"
    assert ORDER[0] == 'core' and ORDER[-1] == 'bench', ORDER

@pytest.mark.parametrize('module', ORDER)
def test_imports_point_down(module):
    rank = {m: i for i, m in enumerate(ORDER)}
    bad = [f"line {line}: imports t2i_align.{m}" for line, m in imported_modules(PKG/f'{module}.py') if m in rank and rank[m] >= rank[module]]
    assert not bad, f"t2i_align.{module} (position {rank[module]} in {ORDER}) reaches up or sideways: {bad}; use core's lazy name table"

@pytest.mark.parametrize('module', ORDER)
def test_only_the_name_table_imports_by_name(module):
    lines = dynamic_imports(PKG/f'{module}.py')
    if module == 'core': assert len(lines) == 1, lines # `lazy_get`
    else: assert not lines, f"t2i_align.{module} imports by computed name at lines {lines}; add the name to core's LAZY_NAMES"

def test_name_table_targets_exist():
    from t2i_align.core import LAZY_NAMES
    import importlib
    for key, target in LAZY_NAMES.items():
        module, attr = target.split(':')
        assert hasattr(importlib.import_module(module), attr), f"{key} -> {target} does not exist"

def test_the_check_catches_an_upward_import(tmp_path):
    f = tmp_path/'m.py'
    f.write_text("from .core import x\ndef g():\n    from t2i_align.bench import y\n    import t2i_align.reno\n    from t2i_align import shapes\n")
    assert imported_modules(f) == [(1, 'core'), (3, 'bench'), (4, 'reno'), (5, 'shapes')]
    f.write_text("import importlib\ndef g(): return importlib.import_module('t2i_align.bench')\n")
    assert dynamic_imports(f) == [2]
