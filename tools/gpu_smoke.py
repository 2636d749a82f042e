#!/usr/bin/env python
"""Smoke checks of t2i_align on a GPU (or the CPU if there is none), in each device's default dtypes.

ReNO on tiny random models of every family (fp32 and the default), ReNO / best-of-N / re-rendering on `shapes-flow`,
an on-policy log-prob recompute (ratio exactly 1), and short `train_grpo` runs under bf16, fp16 and no autocast.
Prints OK/FAIL per check and writes smoke.json to $OUT (or the current folder). SKIP_GRPO=1 skips the training runs.

    python tools/gpu_smoke.py"""
import os, sys, time, traceback, json
import torch
os.environ['T2I_ALIGN_NO_PROGRESS'] = '1'
from t2i_align.models import tiny_model, load_model, FAMILIES
from t2i_align.rewards import RewardEnsemble, load_reward
from t2i_align.reno import optimize, best_of_n, rerender
from t2i_align.samplers import sample_trajectory, recompute_log_prob
results = {}
def check(name, f):
    t = time.time()
    try: out = f(); results[name] = ['ok', round(time.time() - t, 2), out]; print('OK  ', name, out, f'{time.time() - t:.1f}s', flush=True)
    except Exception as e: results[name] = ['FAIL', repr(e)[:500]]; print('FAIL', name); traceback.print_exc()

DEV = 'cuda' if torch.cuda.is_available() else 'cpu'
print(torch.__version__, DEV, torch.cuda.get_device_name(0) if DEV == 'cuda' else '')
def reno_family(fam, dtype):
    m = tiny_model(fam, device=DEV, dtype=dtype)
    ens = RewardEnsemble({'clip': 1.0, 'pickscore': 1.0}, tiny=True)
    r = optimize(m, 'a red apple on a table', ens, n_iters=6, lr=5.0, steps=m.steps if fam in ('sd3', 'lcm') else 1, progress_bar=False)
    h = r.history['total'][:, 0]
    assert r.best_scores['total'][0] >= r.initial_scores['total'][0] and torch.isfinite(h).all()
    return [round(float(h[0]), 4), round(float(r.best_scores['total'][0]), 4), str(m.dtype)]
for fam in FAMILIES:
    for dt in (None, 'fp32'): check(f'reno tiny-{fam} dtype={dt}', lambda: reno_family(fam, dt))

def toy_reno():
    toy = load_model('shapes-flow'); sclip = load_reward('shapes-clip')
    r = optimize(toy, ['a photo of two red circles', 'a photo of a blue square'], sclip, n_iters=5, optim='adam', lr=0.05, steps=4, guidance=3.0, progress_bar=False)
    b = best_of_n(toy, ['a photo of two red circles'], sclip, n=4, steps=4, guidance=3.0, progress_bar=False)
    x = rerender(toy, r.latents, r.prompts, steps=20, guidance=3.0)
    return [str(toy.dtype), str(toy.device), r.history['total'][:, 0].tolist(), float(b.best_scores['total'][0]), list(x.shape)]
check('reno shapes-flow default dtype', toy_reno)

def ratio_one(dtype):
    toy = load_model('shapes-flow', dtype=dtype)
    tr = sample_trajectory(toy, ['a photo of two red circles', 'a photo of a blue square'], n=2, steps=6, guidance=3.0, seed=0)
    o = recompute_log_prob(toy, tr, 0)
    d = (o.log_prob - tr.log_probs[:, 0]).abs().max().item()
    assert d == 0, d
    return [str(toy.dtype), d, list(tr.log_probs.shape)]
check('on-policy ratio fp32', lambda: ratio_one('fp32'))
check('on-policy ratio default', lambda: ratio_one(None))

def grpo(mp):
    from t2i_align.train import train_grpo
    toy = dict(model='shapes-flow', prompts='shapes:colors', eval_prompts='shapes-benchmark:colors', reward='shapes-clip', num_steps=6, eval_num_steps=6,
               group_size=4, sample_batch_size=16, num_batches_per_epoch=1, learning_rate=1e-3, lora_rank=8, lora_alpha=16, beta=0.01,
               clip_range=1e-3, ema=True, eval_images_per_prompt=1, eval_every=2, save_every=2, timestep_fraction=0.5, mixed_precision=mp)
    run = train_grpo(output_dir=f'/tmp/grpo_{mp}', epochs=4, seed=0, **toy)
    return [round(h['reward_mean'], 3) for h in run.history if 'reward_mean' in h]
if not os.environ.get('SKIP_GRPO'):
    for mp in ('bf16', 'fp16', 'no'): check(f'train_grpo {mp}', lambda: grpo(mp))
json.dump(results, open(os.environ.get('OUT', '.') + '/smoke.json', 'w'), indent=1)
failed = [k for k, v in results.items() if v[0] == 'FAIL']
print(f"{len(results) - len(failed)} passed, {len(failed)} failed" + (f": {', '.join(failed)}" if failed else ''))
sys.exit(1 if failed else 0)
