"""Reference numbers from lifetimes itself, for the tests of fit details, PNPURCHASES and CALHOLDOUT.

Provenance: lifetimes 0.11.3 (github.com/CamDavidsonPilon/lifetimes, commit 4f2833f), run unmodified with Debian 12's
python3-pandas 1.5.3, python3-scipy 1.10.1, numpy 1.24.2, autograd 1.9.1 and dill 0.4.1 on PYTHONPATH. Run:
  PYTHONPATH=<lifetimes checkout>:<autograd, dill> /usr/bin/python3 test/core/models/reference/lifetimesReferences.py \
    > test/core/models/reference/lifetimes.json
Only the numbers are kept in the repository, not lifetimes' code.
"""
import json
import sys

import numpy as np
import pandas as pd
from lifetimes import BetaGeoFitter, ModifiedBetaGeoFitter
from lifetimes.utils import calibration_and_holdout_data

DATA = sys.path[0] + "/../../../../data/"
out = {"provenance": "lifetimes 0.11.3 (commit 4f2833f); see lifetimesReferences.py"}

# BetaGeoFitter().fit on the 2,357-customer CDNOW summary: coefficients and standard errors (summary["se(coef)"]).
summary = pd.read_csv(DATA + "cdnow_customers_summary.csv")
bg = BetaGeoFitter().fit(summary["frequency"], summary["recency"], summary["T"])
out["bgnbdFit"] = {
    "call": "BetaGeoFitter().fit(frequency, recency, T) on cdnow_customers_summary.csv",
    "params": {k: float(v) for k, v in bg.params_.items()},
    "standardErrors": {k: float(v) for k, v in bg.summary["se(coef)"].items()},
}

# probability_of_n_purchases_up_to_time(t, n) with the published 7-digit BG/NBD parameters set by hand.
PUBLISHED = {"r": 0.2425945, "alpha": 4.4136019, "a": 0.7929199, "b": 2.4258881}
out["pnPurchases"] = {"t": 39, "params": PUBLISHED, "BG/NBD": [], "MBG/NBD": []}
for name, fitter in [("BG/NBD", BetaGeoFitter()), ("MBG/NBD", ModifiedBetaGeoFitter())]:
    fitter.params_ = pd.Series(PUBLISHED)
    out["pnPurchases"][name] = [float(fitter.probability_of_n_purchases_up_to_time(39, n)) for n in range(0, 11)]

# calibration_and_holdout_data on CDNOW_master: calibration end 1997-09-30, observation end 1998-06-30, days.
master = pd.read_csv(DATA + "CDNOW_master.txt", sep=r"\s+", dtype={"customer_id": str})
master["date"] = pd.to_datetime(master["date"].astype(str), format="%Y%m%d")
table = calibration_and_holdout_data(
    master, "customer_id", "date", calibration_period_end="1997-09-30",
    observation_period_end="1998-06-30", freq="D", monetary_value_col="dollar_value",
)
columns = ["frequency_cal", "recency_cal", "T_cal", "monetary_value_cal", "frequency_holdout",
           "monetary_value_holdout", "duration_holdout"]
sample_ids = list(table.index[::250]) + ["00003", "00010", "01000", "23569"]
out["calHoldout"] = {
    "call": "calibration_and_holdout_data(master, 'customer_id', 'date', calibration_period_end='1997-09-30', "
    "observation_period_end='1998-06-30', freq='D', monetary_value_col='dollar_value')",
    "customers": int(len(table)),
    "columnSums": {c: float(table[c].sum()) for c in columns},
    "rows": {cid: [float(table.loc[cid, c]) for c in columns] for cid in sample_ids if cid in table.index},
}
print(json.dumps(out, indent=1))
