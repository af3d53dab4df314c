def message():
    return "hello, from extra/greetings.py"
