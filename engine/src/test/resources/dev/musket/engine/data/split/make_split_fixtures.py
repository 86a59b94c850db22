#!/usr/bin/python3
"""Writes the split fixtures the engine's splitter is compared against, index for index:

- sklearn-splits.json: scikit-learn's own KFold, StratifiedKFold and train_test_split
  (SklearnSplitsFixtureTest);
- musket-splits.json: Python's own random module (seed, getrandbits, shuffle; PythonRandomFixtureTest)
  and the splits of Python Musket's code paths, its lines copied below with the musket_core file
  and function they come from (MusketSplitsFixtureTest).

Run it again (from any folder) only to add cases or to check another Python / scikit-learn version:
    apt-get install -y python3-sklearn      # Debian 12: Python 3.11, scikit-learn 1.2.1, numpy 1.24.2
    /usr/bin/python3 engine/src/test/resources/dev/musket/engine/data/split/make_split_fixtures.py
The tests read the committed JSON; they never need Python.
"""
import json
import os
import random
import sys

import numpy as np
import sklearn
from sklearn import model_selection as ms
from sklearn.model_selection import KFold, StratifiedKFold, train_test_split
from sklearn.utils import _approximate_mode

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "sklearn-splits.json")
MUSKET_OUT = os.path.join(HERE, "musket-splits.json")


def ints(a):
    return [int(v) for v in a]


def kfold(n, k, seed):
    folds = KFold(k, shuffle=True, random_state=seed).split(np.arange(n))
    return {"n": n, "k": k, "seed": seed,
            "folds": [{"train": ints(tr), "test": ints(te)} for tr, te in folds]}


def stratified(name, classes, k, seed):
    y = np.asarray(classes)
    folds = StratifiedKFold(k, shuffle=True, random_state=seed).split(np.zeros(len(y)), y)
    return {"name": name, "classes": ints(y), "k": k, "seed": seed,
            "folds": [{"train": ints(tr), "test": ints(te)} for tr, te in folds]}


def holdout(n, test_size, seed):
    # as Musket's folds_count: 1 calls it: train_test_split(list(indexes), shuffle=True, ...)
    train, test = train_test_split(list(range(n)), shuffle=True, random_state=seed,
                                   test_size=test_size)
    return {"n": n, "test_size": test_size, "seed": seed, "train": ints(train), "test": ints(test)}


def shuffled_labels(counts, seed):
    """counts[c] items of class c, in an order drawn from seed (so classes interleave)."""
    labels = np.concatenate([np.full(m, c) for c, m in enumerate(counts)])
    np.random.RandomState(seed).shuffle(labels)
    return labels


def write_sklearn():
    kfolds = [kfold(n, k, seed) for n, k, seed in [
        (10, 5, 33), (23, 5, 33), (7, 3, 0), (2, 2, 1), (57, 4, 123), (100, 10, 42),
        (31, 7, 4294967295), (500, 5, 33)]]

    stratifieds = [
        stratified("balanced, 4 classes", [i % 4 for i in range(100)], 5, 33),
        stratified("imbalanced 50/10/3, a class smaller than k", shuffled_labels([50, 10, 3], 1), 5, 33),
        stratified("first label is not the smallest", [2, 2, 0, 1, 2, 0, 1, 1, 2, 0, 2, 2], 3, 7),
        stratified("a label -1 (no class set)", shuffled_labels([12, 9, 2], 5) - 1, 3, 0),
        stratified("binary, 20 items", [1 if i % 3 == 0 else 0 for i in range(20)], 3, 123),
        stratified("one member in a class", shuffled_labels([20, 15, 1], 3), 4, 33),
        stratified("10 classes, 1000 items", np.random.RandomState(9).randint(0, 10, 1000), 5, 33),
        stratified("sorted labels, k 2", [0] * 6 + [1] * 5, 2, 4294967295),
    ]

    holdouts = [holdout(n, f, seed) for n, f, seed in [
        (25, 0.2, 123), (101, 0.2, 123), (10, 0.7, 5), (30, 0.2, 123), (1000, 0.1, 0),
        (33, 0.33, 4294967295), (7, 0.5, 33)]]

    doc = {
        "generator": "make_split_fixtures.py",
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "kfold": kfolds,
        "stratified_kfold": stratifieds,
        "train_test_split": holdouts,
    }
    write(OUT, doc)


def write(path, doc):
    with open(path, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    print("wrote", path)


# --- Python's random module --------------------------------------------------------------------

RANDOM_SEEDS = [0, 1, 33, 123, 23232, 2**31 - 1, 2**32 - 1, 2**32, 2**63 - 1, 2**64 + 12345,
                -1, -123, -(2**63)]
SHUFFLE_LENGTHS = [1, 2, 3, 5, 10, 31, 100]
# these seeds also get the full shuffle of 1000 items and a checksum of every length 1..1000
DEEP_SEEDS = [0, 123, -123, 2**64 + 12345]


def checksum(a):
    """sum((i + 1) * a[i]): one number per shuffle, to cover every length 1..1000 compactly."""
    return sum((i + 1) * v for i, v in enumerate(a))


def python_random(seed):
    r = random.Random(seed)
    bits = [r.getrandbits(k) for k in list(range(1, 33)) * 2]
    below = [random.Random(seed)._randbelow(n) for n in [1, 2, 3, 5, 7, 100, 1000, 2**31 - 1]]
    shuffles = {}
    for n in SHUFFLE_LENGTHS + ([1000] if seed in DEEP_SEEDS else []):
        a = list(range(n))
        random.Random(seed).shuffle(a)
        shuffles[str(n)] = a
    sums = []
    for n in range(1, 1001) if seed in DEEP_SEEDS else []:
        a = list(range(n))
        random.seed(seed)  # the module-level generator, as Musket uses it
        random.shuffle(a)
        sums.append(checksum(a))
    # a seed beyond Java's long is passed as a decimal string
    return {"seed": str(seed), "getrandbits": bits, "randbelow": below,
            "shuffles": shuffles, "checksums": sums}


# --- Python Musket's splits --------------------------------------------------------------------

def musket_holdout(n, testSplit, testSplitSeed, data_classes=None):
    """musket_core/splits.py, split(ds, testSplit, testSplitSeed, stratified, groupFunc), with
    len(ds) = n and data_classes = dataset_classes(ds, groupFunc): the lines below are Musket's.
    Its StratifiedShuffleSplit(4, testSplit, random_state=...) passes test_size positionally,
    which scikit-learn 1.0 and later reject; the keyword form is the same split."""
    rn = list(range(0, n))
    if data_classes is not None:
        vals = ms.StratifiedShuffleSplit(4, test_size=testSplit, random_state=testSplitSeed).split(
            rn, data_classes)
        for v in vals:
            return ints(v[0]), ints(v[1])

    random.seed(testSplitSeed)
    random.shuffle(rn)
    dm = round(n - n * testSplit)
    return rn[:dm], rn[dm:]


def musket_folds(m, folds, rs, validationSplit, classes=None):
    """musket_core/datasets.py, DefaultKFoldedDataSet.__init__ over indexes = range(len(ds)) (what
    GenericTaskConfig.kfold passes): Musket's lines. Positions of the dataset it is given, which
    after a holdout is SubDataSet(ds, train.indexes), the holdout's training part in its order."""
    indexes = range(m)
    stratified = classes is not None
    if folds == 1:
        if stratified:
            r = ms.train_test_split(list(indexes), classes, shuffle=True, stratify=classes,
                                    random_state=rs, test_size=validationSplit)
        else:
            r = ms.train_test_split(list(indexes), shuffle=True, random_state=rs,
                                    test_size=validationSplit)
        return [(r[0], r[1])]
    if stratified:
        kf = ms.StratifiedKFold(folds, shuffle=True, random_state=rs)
        return [v for v in kf.split(indexes, classes)]
    kf = ms.KFold(folds, shuffle=True, random_state=rs)
    return [v for v in kf.split(indexes)]


def holdout_case(n, testSplit, seed, classes=None, name=None):
    train, test = musket_holdout(n, testSplit, seed,
                                 None if classes is None else np.asarray(classes))
    case = {"n": n, "testSplit": testSplit, "seed": seed, "train": train, "test": test}
    if classes is not None:
        case = {"name": name, "classes": ints(classes), **case}
    return case


def experiment_case(name, n, testSplit, testSplitSeed, folds_count, random_state, validationSplit,
                    classes=None):
    """A whole GenericTaskConfig.kfold: the holdout, then the folds over its training part.
    Stratified with a holdout, Musket itself fails: dataset_classes(ds) climbs to ds.root(), the
    whole dataset, so scikit-learn gets n classes for len(train) positions ("inconsistent numbers
    of samples"). Those cases hold the engine's reading instead: the classes of the training part,
    in its order (classes_of_training_part), with the same scikit-learn calls."""
    y = None if classes is None else np.asarray(classes)
    if testSplit > 0:
        train, holdout = musket_holdout(n, testSplit, testSplitSeed, y)
    else:
        train, holdout = list(range(n)), []
    sub_classes = None if y is None else y[train]
    folds = musket_folds(len(train), folds_count, random_state, validationSplit, sub_classes)
    case = {"name": name, "n": n, "testSplit": testSplit, "testSplitSeed": testSplitSeed,
            "folds_count": folds_count, "random_state": random_state,
            "validationSplit": validationSplit, "stratified": classes is not None,
            "holdout_train": ints(train), "holdout": ints(holdout),
            # what Musket's config.yaml.folds_split holds: positions in holdout_train
            "fold_positions": [{"train": ints(tr), "test": ints(te)} for tr, te in folds],
            # the same folds as dataset indices, each part sorted, as the engine reports them
            "folds": [{"train": sorted(train[p] for p in tr), "test": sorted(train[p] for p in te)}
                      for tr, te in folds]}
    if classes is not None:
        case["classes"] = ints(classes)
        case["classes_of_training_part"] = testSplit > 0
    return case


def write_musket():
    approximate = []
    for counts, draws, seed in [([4, 2], 3, 0), ([5, 2], 4, 0), ([2, 2, 2, 1], 2, 0),
                                ([2, 2, 2, 1], 2, 42), ([7, 7, 7], 10, 123),
                                ([7, 7, 7, 7, 7], 24, 5), ([50, 10, 3], 13, 33), ([1, 1, 1, 1], 3, 9)]:
        approximate.append({"counts": counts, "draws": draws, "seed": seed,
                            "mode": ints(_approximate_mode(np.array(counts), draws,
                                                           np.random.RandomState(seed)))})
    holdouts = [holdout_case(n, f, seed) for n, f, seed in [
        (25, 0.2, 123), (101, 0.2, 123), (10, 0.7, 5), (5, 0.5, 123), (7, 0.5, 123),
        (25, 0.1, 33), (31, 0.2, 123), (1000, 0.1, 0), (33, 0.33, -123), (40, 0.2, 2147483647),
        (16, 0.25, 123), (3, 0.2, 1), (1, 0.2, 123), (300, 0.15, 7)]]
    stratified_holdouts = [
        holdout_case(40, 0.2, 123, [i % 2 for i in range(40)], "balanced, 2 classes"),
        holdout_case(63, 0.2, 123, shuffled_labels([50, 10, 3], 1), "imbalanced 50/10/3"),
        holdout_case(21, 0.5, 123, [i % 3 for i in range(21)], "7/7/7 at 0.5: tied remainders"),
        holdout_case(35, 0.3, 4, shuffled_labels([7, 7, 7, 7, 7], 2), "5 tied classes"),
        holdout_case(12, 0.34, 7, [2, 2, 0, 1, 2, 0, 1, 1, 2, 0, 2, 2],
                     "first label is not the smallest"),
        holdout_case(25, 0.3, 0, shuffled_labels([12, 9, 4], 5) - 1, "a label -1 (no class set)"),
        holdout_case(31, 0.2, 123, [i % 3 for i in range(31)], "31 items of 3 classes"),
        holdout_case(1000, 0.1, 33, np.random.RandomState(9).randint(0, 10, 1000),
                     "10 classes, 1000 items"),
    ]
    experiments = [
        experiment_case("holdout, then 5 folds", 100, 0.2, 123, 5, 33, 0.2),
        experiment_case("holdout, then 3 folds", 31, 0.2, 123, 3, 33, 0.2),
        experiment_case("holdout 0.25 of 16, then 2 folds", 16, 0.25, 123, 2, 33, 0.2),
        experiment_case("holdout, then folds_count 1", 50, 0.2, 123, 1, 33, 0.2),
        experiment_case("holdout, seeds at the ends", 77, 0.3, -5, 4, 4294967295, 0.2),
        experiment_case("no holdout, stratified folds_count 1", 40, 0, 123, 1, 33, 0.25,
                        [i % 2 for i in range(40)]),
        experiment_case("no holdout, stratified folds_count 1, imbalanced", 63, 0, 123, 1, 7, 0.2,
                        shuffled_labels([50, 10, 3], 1)),
        experiment_case("no holdout, stratified folds", 60, 0, 123, 4, 33, 0.2,
                        shuffled_labels([30, 20, 10], 4)),
        experiment_case("stratified holdout, then stratified folds", 40, 0.2, 123, 3, 33, 0.2,
                        [i % 2 for i in range(40)]),
        experiment_case("stratified holdout, then stratified folds_count 1", 63, 0.2, 123, 1, 33,
                        0.2, shuffled_labels([50, 10, 3], 1)),
    ]
    doc = {
        "generator": "make_split_fixtures.py",
        "python": "%d.%d.%d" % sys.version_info[:3],
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "python_random": [python_random(seed) for seed in RANDOM_SEEDS],
        "approximate_mode": approximate,
        "holdout": holdouts,
        "stratified_holdout": stratified_holdouts,
        "experiments": experiments,
    }
    write(MUSKET_OUT, doc)


def main():
    write_sklearn()
    write_musket()


if __name__ == "__main__":
    main()
