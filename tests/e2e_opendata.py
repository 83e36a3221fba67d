"""Open data reads as data (issue #10 item 8): every number column of every
exported CSV reads as numbers in pandas (negative numbers included: the
formula guard applies to text cells only), and the municipal row is named as
such, not with the site title."""
import sys, os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__))); from e2e import *  # noqa: E401,E702,F403
import glob
import re

# Columns that hold numbers, per export (the data page describes every column).
NUMERIC = {
    "indicators.csv": ["target", "value", "base", "change"],
    "results.csv": ["grade", "participants", "value"],
}
MUNI = "Все школы (значение по муниципалитету)"


def test_csv_numbers_read_as_numbers():
    try:
        import pandas as pd
    except ImportError:
        check(False, "python3-pandas is installed (make testdeps)")
        return
    out = os.path.join(tmpdir(), "site")
    rc, _, err = build("content", out)
    check(rc == 0, "demo builds: " + err[-500:])
    files = sorted(glob.glob(os.path.join(out, "*", "data", "*.csv")))
    check(any(f.endswith("indicators.csv") for f in files) and any(f.endswith("results.csv") for f in files),
          "the demo exports indicators.csv and results.csv: %s" % files)
    negatives = 0
    for f in files:
        name = os.path.basename(f)
        df = pd.read_csv(f, encoding="utf-8-sig")
        if len(df) == 0:
            continue  # header only (an edition without results): no dtype to check
        for col in NUMERIC.get(name, []):
            check(col in df.columns, "%s has the column %s" % (name, col))
            if col not in df.columns or df[col].isna().all():
                continue
            check(pd.api.types.is_numeric_dtype(df[col]),
                  "%s: column %s reads as numbers, not %s (%s)" % (f, col, df[col].dtype,
                                                                 df[col].dropna().astype(str).head(3).tolist()))
            if pd.api.types.is_numeric_dtype(df[col]):
                negatives += int((df[col] < 0).sum())
        # No cell of any column is a number turned into text by a ' prefix.
        for col in df.columns:
            if df[col].dtype == object:
                bad = [v for v in df[col].dropna() if isinstance(v, str) and re.fullmatch(r"'-?[0-9.]+", v)]
                check(not bad, "%s: column %s has numbers written as text: %s" % (f, col, bad[:3]))
        if name == "indicators.csv":
            muni = df[df["school"] == "municipality"]
            check(len(muni) > 0 and (muni["school_name"] == MUNI).all(),
                  "%s: the municipal row is named «%s»: %s" % (f, MUNI, muni["school_name"].unique()[:3]))
    check(negatives > 0, "the demo has negative numbers (changes) and they read as negative numbers: %d" % negatives)


if __name__ == "__main__":
    main((test_csv_numbers_read_as_numbers,))
    finish("e2e_opendata")
