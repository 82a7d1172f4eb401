"""Times scikit-learn's single-thread Lloyd k-means on the benchmark data (called by bench/kmeans.ts).

usage: python3 bench/sklearn_kmeans.py X.f32 INIT.f32 n d k iterations runs
Prints one JSON object: {"msPerIter": [per run], "inertia": float, "iterations": int, "version": str}.
"""
import json
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import sklearn  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402


def main():
    x_path, init_path = sys.argv[1], sys.argv[2]
    n, d, k, iterations, runs = (int(v) for v in sys.argv[3:8])
    x = np.fromfile(x_path, dtype=np.float32).reshape(n, d)
    init = np.fromfile(init_path, dtype=np.float32).reshape(k, d)
    times = []
    km = None
    with threadpool_limits(limits=1):
        for _ in range(runs):
            km = KMeans(n_clusters=k, init=init, n_init=1, max_iter=iterations, tol=0, algorithm="lloyd")
            t = time.perf_counter()
            km.fit(x)
            times.append((time.perf_counter() - t) * 1000 / km.n_iter_)
    print(json.dumps({"msPerIter": times, "inertia": float(km.inertia_), "iterations": int(km.n_iter_),
                      "version": sklearn.__version__}))


if __name__ == "__main__":
    main()
