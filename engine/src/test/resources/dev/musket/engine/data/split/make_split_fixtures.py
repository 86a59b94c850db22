#!/usr/bin/python3
"""Writes sklearn-splits.json: scikit-learn's own KFold, StratifiedKFold and train_test_split
results, which SklearnSplitsFixtureTest compares the engine's splitter against index for index.

Run it again (from any folder) only to add cases or to check another scikit-learn version:
    apt-get install -y python3-sklearn      # Debian 12: scikit-learn 1.2.1, numpy 1.24.2
    /usr/bin/python3 engine/src/test/resources/dev/musket/engine/data/split/make_split_fixtures.py
The tests read the committed JSON; they never need Python.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.model_selection import KFold, StratifiedKFold, train_test_split

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sklearn-splits.json")


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


def main():
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
    with open(OUT, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
