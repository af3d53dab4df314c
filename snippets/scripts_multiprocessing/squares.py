import multiprocessing

# Runs in every process that imports this file: the parent, and each spawned child.
print(f"squares.py runs as {__name__!r}", flush=True)


def square(n):
    return n * n


if __name__ == "__main__":
    # "spawn" starts a fresh Python for each child, as on Windows and macOS.
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        print(pool.map(square, [1, 2, 3]), flush=True)
