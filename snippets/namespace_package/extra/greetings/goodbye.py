def message():
    return "goodbye, from extra/greetings/goodbye.py"
