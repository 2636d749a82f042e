#!/usr/bin/env python
"""Build README.md from nbs/index.ipynb (Quarto, which `nbdev-readme` needs, is not required).

Markdown cells are copied; code cells become ```python blocks followed by their saved outputs (stdout and results;
stderr, such as loading bars, is left out); `#|` directives are dropped and cells marked `#| hide` are skipped.
Relative links and images point into `nbs/` from the notebook, so they are rewritten to work from the top level.

`--check` fails if README.md is stale, if a relative link of the README points to a file that does not exist, if a
number in bold in an item of "What works today" is not found in any notebook that item links to (so each claim points
to where it is shown), or if the version differs between pyproject.toml, t2i_align/__init__.py, CITATION.cff and the
top entry of CHANGELOG.md."""
import re, sys, argparse, posixpath
from pathlib import Path
import nbformat

ROOT = Path(__file__).resolve().parents[1]
LINK = re.compile(r'(!?\[[^\]]*\]\()([^)\s]+)(\))')

def _directives(src):
    return [l[3:].strip() for l in src.splitlines() if l.startswith('#|')]

def _relative(target): return not re.match(r'[a-z][a-z0-9+.-]*:|#|/', target)

def rebase_links(md:str, folder='nbs')->str:
    "Relative links of a notebook in `folder`, as seen from the top level (`tutorials/x.ipynb` -> `nbs/tutorials/x.ipynb`)."
    def fix(m):
        t = m[2]
        return m[1] + (posixpath.normpath(posixpath.join(folder, t)) if _relative(t) else t) + m[3]
    return LINK.sub(fix, md)

def _text_outputs(cell):
    for o in cell.get('outputs', []):
        if o.get('output_type') == 'stream' and o.get('name') != 'stdout': continue
        text = o.get('text') or o.get('data', {}).get('text/plain')
        if text: yield ''.join(text) if isinstance(text, list) else text

def render(nb_path=ROOT/'nbs'/'index.ipynb'):
    nb = nbformat.read(nb_path, as_version=4)
    out = []
    for cell in nb.cells:
        src = cell.source.strip('\n')
        ds = _directives(src)
        if any(d.startswith(('hide', 'include: false')) for d in ds): continue
        body = '\n'.join(l for l in src.splitlines() if not l.startswith('#|')).strip('\n')
        if cell.cell_type == 'markdown': out.append(rebase_links(body))
        elif cell.cell_type == 'code':
            if body and not any(d.startswith('echo: false') for d in ds): out.append(f"```python\n{body}\n```")
            for text in _text_outputs(cell): out.append('    ' + '\n    '.join(text.rstrip('\n').splitlines()))
    return '<!-- Generated from nbs/index.ipynb by tools/build_readme.py: edit the notebook, not this file. -->\n\n' + '\n\n'.join(out) + '\n'

def broken_links(md:str, base=ROOT)->list:
    "Relative link targets of `md` (anchors dropped) that do not exist under `base`."
    targets = {m[2].split('#')[0] for m in LINK.finditer(md) if _relative(m[2])}
    return sorted(t for t in targets if t and not (base/t).exists())

NUMBER = re.compile(r'\d+\.\d+')

def claims(md:str, section='## What works today')->list:
    "(item, numbers in bold, relative links) of each list item of `section`."
    body = md.split(section, 1)[1].split('\n## ', 1)[0] if section in md else ''
    items = re.split(r'\n- ', '\n' + body)[1:]
    return [(it.split('\n')[0][:60], [n for b in re.findall(r'\*\*(.+?)\*\*', it, re.S) for n in NUMBER.findall(b)],
             [m[2].split('#')[0] for m in LINK.finditer(it) if _relative(m[2])]) for it in items]

def unsupported_claims(md:str, base=ROOT)->list:
    "Items of 'What works today' with a bold number that none of their linked notebooks holds (or with no link at all)."
    bad = []
    for item, numbers, links in claims(md):
        texts = [(base/l).read_text() for l in links if (base/l).is_file()]
        if not texts: bad.append(f"{item!r}: links to no notebook"); continue
        missing = [n for n in numbers if not any(re.search(rf'(?<![\d.]){re.escape(n)}(?!\d)', t) for t in texts)]
        if missing: bad.append(f"{item!r}: {', '.join(missing)} not in {', '.join(links)}")
    return bad

def versions(root=ROOT)->dict:
    "The version each file declares."
    found = lambda pat, f: (m[1] if (m := re.search(pat, (root/f).read_text(), re.M)) else None) if (root/f).exists() else None
    return {'pyproject.toml': found(r'^version\s*=\s*"([^"]+)"', 'pyproject.toml'),
            't2i_align/__init__.py': found(r'^__version__\s*=\s*"([^"]+)"', 't2i_align/__init__.py'),
            'CITATION.cff': found(r'^version:\s*"?([^"\s]+)"?', 'CITATION.cff'),
            'CHANGELOG.md': found(r'^## \[?([0-9][^\]\s]*)', 'CHANGELOG.md')}

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--check', action='store_true', help='fail if README.md is stale, has a broken link, or the versions differ')
    args = ap.parse_args()
    text, readme = render(), ROOT/'README.md'
    if args.check:
        if not readme.exists() or readme.read_text() != text:
            sys.exit("README.md is out of date with nbs/index.ipynb: run `python tools/build_readme.py`")
        if bad := broken_links(text): sys.exit(f"README.md links to files that do not exist: {', '.join(bad)}; fix the links in nbs/index.ipynb")
        if bad := unsupported_claims(text):
            sys.exit("README.md claims numbers that the notebooks it links to do not show:\n  " + '\n  '.join(bad))
        v = versions()
        if len(set(v.values())) != 1 or None in v.values():
            sys.exit(f"versions differ or are missing: {v}; give every file the same version")
        print(f"README.md is in sync with nbs/index.ipynb, its links resolve and its claims are shown where they point, version {v['pyproject.toml']} everywhere")
    else:
        readme.write_text(text); print(f"wrote {readme}")
