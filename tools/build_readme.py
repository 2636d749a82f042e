#!/usr/bin/env python
"""Build README.md from nbs/index.ipynb (Quarto, which `nbdev-readme` needs, is not required).

Markdown cells are copied; code cells become ```python blocks followed by their saved text outputs;
`#|` directives are dropped and cells marked `#| hide` are skipped. `--check` fails if README.md is stale."""
import sys, argparse
from pathlib import Path
import nbformat

ROOT = Path(__file__).resolve().parents[1]

def _directives(src):
    return [l[3:].strip() for l in src.splitlines() if l.startswith('#|')]

def render(nb_path=ROOT/'nbs'/'index.ipynb'):
    nb = nbformat.read(nb_path, as_version=4)
    out = []
    for cell in nb.cells:
        src = cell.source.strip('\n')
        ds = _directives(src)
        if any(d.startswith(('hide', 'include: false')) for d in ds): continue
        body = '\n'.join(l for l in src.splitlines() if not l.startswith('#|')).strip('\n')
        # README.md sits at the top level, the notebook in nbs/
        if cell.cell_type == 'markdown': out.append(body.replace('](images/', '](nbs/images/'))
        elif cell.cell_type == 'code':
            if body and not any(d.startswith('echo: false') for d in ds): out.append(f"```python\n{body}\n```")
            for o in cell.get('outputs', []):
                text = o.get('text') or o.get('data', {}).get('text/plain')
                if text:
                    text = ''.join(text) if isinstance(text, list) else text
                    out.append('    ' + '\n    '.join(text.rstrip('\n').splitlines()))
    return '<!-- Generated from nbs/index.ipynb by tools/build_readme.py: edit the notebook, not this file. -->\n\n' + '\n\n'.join(out) + '\n'

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--check', action='store_true', help='fail if README.md differs from the notebook')
    args = ap.parse_args()
    text, readme = render(), ROOT/'README.md'
    if args.check:
        if not readme.exists() or readme.read_text() != text:
            sys.exit("README.md is out of date with nbs/index.ipynb: run `python tools/build_readme.py`")
        print("README.md is in sync with nbs/index.ipynb")
    else:
        readme.write_text(text); print(f"wrote {readme}")
