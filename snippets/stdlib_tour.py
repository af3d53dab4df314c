import json
import statistics
from collections import Counter
from datetime import date
from pathlib import PurePosixPath

print(statistics.mean([2, 4, 9]))  # Output: 5
print(Counter("banana").most_common(2))  # Output: [('a', 3), ('n', 2)]
print(json.dumps({"module": "json", "built_in": True}))  # Output: {"module": "json", "built_in": true}
print(date(2024, 2, 28).replace(day=29).isoformat())  # Output: 2024-02-29
print(PurePosixPath("calculations/trigonometry.py").suffix)  # Output: .py
