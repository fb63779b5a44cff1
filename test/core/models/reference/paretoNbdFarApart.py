"""High-precision Pareto/NBD log-likelihoods per customer where α and β are far apart (z = |α−β|/(max(α,β) + tₓ)
near 1, where the 2F1 series is slow and the engine integrates instead), from the definition

  ℓ = ln Γ(r+x) − ln Γ(r) + r ln α + s ln β + ln[(α+T)^−(r+x) (β+T)^−s + s ∫ from tₓ to T (α+τ)^−(r+x) (β+τ)^−(s+1) dτ]

(Fader & Hardie 2005, "A Note on Deriving the Pareto/NBD Model and Related Expressions", eq. 11), the integral in
their closed form (eq. 22): I = [A(tₓ) − A(T)]/(r+s+x), A(t) = 2F1(r+s+x, b′; r+s+x+1; |α−β|/(m+t)) / (m+t)^(r+s+x),
m = max(α, β), b′ = s+1 if α ≥ β else r+x, with mpmath's hyp2f1 (which transforms near z = 1) at 50 digits; mpmath's
numerical quad is not reliable for these sharply peaked integrands. Run:
python3 test/core/models/reference/paretoNbdFarApart.py > test/core/models/reference/paretoNbdFarApart.json
"""
import json
from mpmath import mp, mpf, loggamma, log, hyp2f1

mp.dps = 50
PARAMS = [(0.5, 5.0, 200.0, 5000.0), (0.5, 5.0, 0.6, 200.0), (3.0, 900.0, 0.6, 14.0), (0.7, 12.0, 900.0, 25000.0),
          (1.2, 30.0, 0.3, 40000.0), (2.0, 40000.0, 0.8, 6.0)]
ROWS = [(0, 0.0, 38.86), (2, 30.43, 38.86), (7, 35.5, 38.86), (30, 1.0, 38.86), (1, 3.0, 300.0)]
out = []
for r, alpha, s, beta in PARAMS:
    for x, tx, T in ROWS:
        R, A, S, B, t_x, TT = (mpf(v) for v in (r, alpha, s, beta, tx, T))
        k = R + x
        m = max(A, B)
        b1 = S + 1 if A >= B else k

        def a_of(t):
            return hyp2f1(k + S, b1, k + S + 1, abs(A - B) / (m + t)) / (m + t) ** (k + S)

        integral = (a_of(t_x) - a_of(TT)) / (k + S)
        ll = (loggamma(k) - loggamma(R) + R * log(A) + S * log(B)
              + log((A + TT) ** -k * (B + TT) ** -S + S * integral))
        out.append({"r": r, "alpha": alpha, "s": s, "beta": beta, "frequency": x, "recency": tx, "T": T,
                    "logLikelihood": mp.nstr(ll, 25)})
print(json.dumps(out, indent=1))
