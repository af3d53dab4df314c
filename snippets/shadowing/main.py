import statistics

print(statistics.mean([2, 4, 9]))
