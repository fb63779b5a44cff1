"""
High-precision references for the sBG and BG/BB tests (test/core/models/retentionData.ts), by mpmath at 40 digits:
maximum-likelihood estimates as roots of the exact gradient (mp.findroot from the published estimates), and every
prediction from the published closed forms. Run: python3 test/core/models/retentionReferences.py (about a minute).

sBG: Fader & Hardie (2007), "How to project customer retention", J. Interactive Marketing 21(1), eq. 5 and Table 1;
DEL and DERL from Fader & Hardie (2010), "Customer-base valuation in a contractual setting", Marketing Science 29(1).
BG/BB: Fader, Hardie & Shang (2010), "Customer-base analysis in a discrete-time noncontractual setting", Marketing
Science 29(6), eqs. 5, 8, 9, 13 and Table 6; data/donations.csv.
"""
import csv
import os

import mpmath as mp

mp.mp.dps = 40
B = mp.beta
HERE = os.path.dirname(os.path.abspath(__file__))


def sbg_ll(a, b, survivors):
    n = len(survivors) - 1
    ll = sum((survivors[t - 1] - survivors[t]) * mp.log(B(a + 1, b + t - 1) / B(a, b)) for t in range(1, n + 1))
    return ll + survivors[n] * mp.log(B(a, b + n) / B(a, b))


def sbg_fit(survivors, start):
    gradient = lambda a, b: [mp.diff(lambda u: sbg_ll(u, b, survivors), a), mp.diff(lambda v: sbg_ll(a, v, survivors), b)]
    return mp.findroot(gradient, start)


for name, survivors, start in [
    ("regular", [1000, 631, 468, 382, 326, 289, 262, 241], (0.704, 1.182)),
    ("high end", [1000, 869, 743, 653, 593, 551, 517, 491], (0.668, 3.806)),
]:
    a, b = sbg_fit(survivors, start)
    z = 1 / (1 + mp.mpf("0.1"))
    print(f"sBG {name}: alpha {mp.nstr(a, 12)} beta {mp.nstr(b, 12)} LL {mp.nstr(sbg_ll(a, b, survivors), 14)}")
    print("  S(t) % for t = 8..12:", [mp.nstr(100 * B(a, b + t) / B(a, b), 10) for t in range(8, 13)])
    print("  DEL(d=0.1):", mp.nstr(mp.hyp2f1(1, b, a + b, z), 14))
    print("  DERL(d=0.1, n) for n = 0, 1, 3, 4:",
          [mp.nstr((b + n) / (a + b + n) * mp.hyp2f1(1, b + n + 1, a + b + n + 1, z), 14) for n in (0, 1, 3, 4)])

rows = [tuple(map(int, r)) for r in list(csv.reader(open(os.path.join(HERE, "../../../data/donations.csv"))))[1:]]


def likelihood(a, b, g, d, x, tx, n):
    total = B(a + x, b + n - x) / B(a, b) * B(g, d + n) / B(g, d)
    for i in range(n - tx):
        total += B(a + x, b + tx - x + i) / B(a, b) * B(g + 1, d + tx + i) / B(g, d)
    return total


def bgbb_ll(*p):
    return sum(w * mp.log(likelihood(*p, x, tx, n)) for x, tx, n, w in rows)


p = mp.findroot(lambda *q: [mp.diff(lambda v: bgbb_ll(*q[:k], v, *q[k + 1:]), q[k]) for k in range(4)],
                (1.204, 0.750, 0.657, 2.783))
a, b, g, d = p
print("BG/BB:", [mp.nstr(v, 12) for v in p], "LL", mp.nstr(bgbb_ll(*p), 14))


def p_alive(x, tx, n):
    return B(a + x, b + n - x) / B(a, b) * B(g, d + n + 1) / B(g, d) / likelihood(a, b, g, d, x, tx, n)


def expected(x, tx, n, future):
    bracket = mp.gamma(1 + d + n) / mp.gamma(g + d + n) - mp.gamma(1 + d + n + future) / mp.gamma(g + d + n + future)
    return (B(a + x + 1, b + n - x) / B(a, b) * d / (g - 1) * mp.gamma(g + d) / mp.gamma(1 + d) * bracket
            / likelihood(a, b, g, d, x, tx, n))


def p_purchases(n, x):
    total = mp.binomial(n, x) * B(a + x, b + n - x) / B(a, b) * B(g, d + n) / B(g, d)
    for i in range(x, n):
        total += mp.binomial(i, x) * B(a + x, b + i - x) / B(a, b) * B(g + 1, d + i) / B(g, d)
    return total


print("  P(alive at 7) for (0,0), (2,4), (6,6):", [mp.nstr(p_alive(x, tx, 6), 14) for x, tx in ((0, 0), (2, 4), (6, 6))])
print("  E[X(6, 6+5)] for (0,0), (2,4), (6,6):", [mp.nstr(expected(x, tx, 6, 5), 14) for x, tx in ((0, 0), (2, 4), (6, 6))])
print("  expected donations in the next 5 years, all donors:", mp.nstr(sum(w * expected(x, tx, n, 5) for x, tx, n, w in rows), 14))
print("  donors with x repeat donations in 6 years, x = 0..6:", [mp.nstr(11104 * p_purchases(6, x), 14) for x in range(7)])
print("  P(no donation in the next 5 years) for (0,0), (2,4), (6,6):",
      [mp.nstr(likelihood(a, b, g, d, x, tx, 11) / likelihood(a, b, g, d, x, tx, 6), 14)
       for x, tx in ((0, 0), (2, 4), (6, 6))])
