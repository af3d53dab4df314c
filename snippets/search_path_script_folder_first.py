import os
import sys

# sys.path[0] is the folder of the script being run: its neighbours import first.
script_folder = os.path.dirname(os.path.abspath(__file__))
print(sys.path[0] == script_folder)  # Output: True
