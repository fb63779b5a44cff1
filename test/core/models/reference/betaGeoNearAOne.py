"""High-precision references for BG/NBD and MBG/NBD at and near a = 1 (the removable singularity of the
conditional expectation), for MBG/NBD with a tiny b, and for lifetimes' customer_lifetime_value there.

Run: python3 test/core/models/reference/betaGeoNearAOne.py > test/core/models/reference/betaGeoNearAOne.json
(mpmath 1.3.0, 60 significant digits). Formulas: Fader, Hardie & Lee (2005) eqs. 10 and 13 (BG/NBD, shift 0) and
Batislam, Denizel & Filiztekin (2007) eqs. 6 and 8 (MBG/NBD, shift 1), evaluated literally with mpmath's hyp2f1.
At a = 1 exactly the formula is 0/0; its value there is the limit, taken as the mean of the values at
a = 1 ± 1e-40 (the function is smooth in a, so the error is O(1e-80)).
"""
import json
from mpmath import mp, hyp2f1
from mpmath import mpf as exact

mp.dps = 60


def mpf(value):
    """Every input as the double the tests pass (e.g. a = 1 + 1e-15 rounded to binary), taken exactly."""
    return exact(float(value))


def expected_if_alive(shift, r, alpha, a, b, t, x, T):
    if a == 1:
        h = exact("1e-40")
        return (expected_if_alive(shift, r, alpha, 1 + h, b, t, x, T)
                + expected_if_alive(shift, r, alpha, 1 - h, b, t, x, T)) / 2
    c = a + b + x - 1 + shift
    z = t / (alpha + T + t)
    power = ((alpha + T) / (alpha + T + t)) ** (r + x)
    return c / (a - 1) * (1 - power * hyp2f1(r + x, b + x + shift, c, z))


def p_alive(shift, r, alpha, a, b, x, tx, T):
    if shift == 0 and x == 0:
        return mpf(1)
    return 1 / (1 + a / (b + (x - 1 + shift)) * ((alpha + T) / (alpha + tx)) ** (r + x))


def expected(shift, params, t, x, tx, T):
    r, alpha, a, b = params
    return p_alive(shift, r, alpha, a, b, x, tx, T) * expected_if_alive(shift, r, alpha, a, b, t, x, T)


def clv(shift, params, gg, x, tx, T, m, months, rate, per_month):
    """lifetimes' customer_lifetime_value: monthly increments of the conditional expectation, discounted."""
    p, q, v = gg
    spend = p * (v + x * m) / (p * x + q - 1) if x > 0 else p * v / (q - 1)
    total = mpf(0)
    previous = mpf(0)
    for k in range(1, months + 1):
        cumulative = expected(shift, params, k * per_month, x, tx, T)
        total += spend * (cumulative - previous) / (1 + rate) ** k
        previous = cumulative
    return total


def s(value):
    return mp.nstr(value, 20)


ROWS = [(2, "30.43", "38.86"), (0, "0", "38.86"), (7, "35.5", "38.86"), (250, "38", "38.86")]
OFFSETS = ["0", "1e-15", "-1e-15", "1e-13", "-1e-13", "1e-10", "-1e-10", "1e-8", "-1e-8", "1e-6", "-1e-6"]

out = {"expectedPurchases": [], "predictedClv": [], "tinyB": []}
for shift, name in [(0, "BG/NBD"), (1, "MBG/NBD")]:
    for offset in OFFSETS:
        a = 1 + float(offset)
        params = (mpf("0.2426"), mpf("4.4135"), mpf(a), mpf("2.4258"))
        for x, tx, T in ROWS:
            for t in [39, 52]:
                out["expectedPurchases"].append({
                    "model": name, "r": 0.2426, "alpha": 4.4135, "a": a, "b": 2.4258,
                    "t": t, "frequency": x, "recency": float(tx), "T": float(T),
                    "value": s(expected(shift, params, t, x, mpf(tx), mpf(T))),
                })
    for offset in ["0", "1e-13", "-1e-7"]:
        a = 1 + float(offset)
        params = (mpf("0.2426"), mpf("4.4135"), mpf(a), mpf("2.4258"))
        gg = (mpf("6.25"), mpf("3.74"), mpf("15.44"))
        for x, tx, T, m in [(2, "30.43", "38.86", "22.35"), (0, "0", "38.86", "0"), (7, "35.5", "38.86", "30.5")]:
            out["predictedClv"].append({
                "model": name, "r": 0.2426, "alpha": 4.4135, "a": a, "b": 2.4258,
                "p": 6.25, "q": 3.74, "v": 15.44, "frequency": x, "recency": float(tx), "T": float(T),
                "monetary": float(m), "months": 12, "monthlyDiscountRate": 0.01, "dataUnit": "W",
                "value": s(clv(shift, params, gg, x, mpf(tx), mpf(T), mpf(m), 12, mpf("0.01"), mpf("4.345"))),
            })

for b in ["1e-17", "1e-20", "1e-300"]:
    params = (mpf("0.5"), mpf("6"), mpf("0.9"), mpf(b))
    for x, tx, T in [(0, "0", "38.86"), (2, "30.43", "38.86")]:
        out["tinyB"].append({
            "model": "MBG/NBD", "r": 0.5, "alpha": 6, "a": 0.9, "b": float(b), "t": 39,
            "frequency": x, "recency": float(tx), "T": float(T),
            "pAlive": s(p_alive(1, *params, x, mpf(tx), mpf(T))),
            "expectedPurchases": s(expected(1, params, 39, x, mpf(tx), mpf(T))),
        })

print(json.dumps(out, indent=1))
