import os
os.environ.setdefault('T2I_ALIGN_NO_PROGRESS', '1')
os.environ.setdefault('HF_HUB_DISABLE_TELEMETRY', '1')

def pytest_terminal_summary(terminalreporter):
    "Each notebook's time, slowest first, so a notebook that grows past the CI budget shows."
    from test_notebooks import TIMES, SLOW_CELLS
    if not TIMES: return
    terminalreporter.section('notebook times')
    for name, secs in sorted(TIMES.items(), key=lambda kv: -kv[1]): terminalreporter.write_line(f"{secs:8.1f} s  {name}")
    terminalreporter.write_line(f"{sum(TIMES.values()):8.1f} s  all notebooks")
    if SLOW_CELLS:
        terminalreporter.section('cells over 30 s (an unflagged cell must stay under 60 s)')
        for line in SLOW_CELLS: terminalreporter.write_line(line)

def pytest_unconfigure(config):
    "End the run with the plain `N passed, N failed, N skipped` line that CI reads (after pytest's own summary)."
    tr = config.pluginmanager.get_plugin('terminalreporter')
    if tr is None: return
    n = lambda k: len([r for r in tr.stats.get(k, []) if getattr(r, 'when', 'call') in ('call', 'setup')])
    tr.write_line(f"{n('passed')} passed, {n('failed') + n('error')} failed, {n('skipped')} skipped")
