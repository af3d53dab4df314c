print("sys.py is running")
