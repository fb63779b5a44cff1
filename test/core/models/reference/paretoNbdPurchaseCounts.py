"""P(X(t) = n) under Pareto/NBD, lifetimes having no such function for it: from the definition
  P(X(t)=n) = (β/(β+t))^s NB(n; t) + ∫₀ᵗ s βˢ (β+τ)^−(s+1) NB(n; τ) dτ,  NB(n; τ) = Γ(r+n)/(Γ(r) n!) (α/(α+τ))^r (τ/(α+τ))^n
(alive throughout, or dying at τ after exactly n purchases), with mpmath 1.3.0 quad at 40 digits on [0, t] split at
t/8, t/4, t/2. Run: python3 test/core/models/reference/paretoNbdPurchaseCounts.py > …/paretoNbdPurchaseCounts.json
"""
import json
from mpmath import mp, mpf, loggamma, exp, log, quad

mp.dps = 40
out = []
for r, alpha, s, beta in [(0.5534, 10.5802, 0.6061, 11.6685), (0.55, 80.0, 0.6, 5.0), (1.2, 3.0, 2.5, 400.0)]:
    R, A, S, B = (mpf(v) for v in (r, alpha, s, beta))
    for t in [39.0, 300.0]:
        T = mpf(t)
        values = []
        for n in range(0, 11):
            def nb(tau):
                return exp(loggamma(R + n) - loggamma(R) - loggamma(n + 1) + R * log(A / (A + tau))
                           + (n * log(tau / (A + tau)) if n else 0))
            alive = (B / (B + T)) ** S * nb(T)
            dead = quad(lambda tau: S * B ** S * (B + tau) ** (-S - 1) * nb(tau), [0, T / 8, T / 4, T / 2, T])
            values.append(mp.nstr(alive + dead, 20))
        out.append({"r": r, "alpha": alpha, "s": s, "beta": beta, "t": t, "probabilities": values})
print(json.dumps(out, indent=1))
