def hello():
    return "hello from shared/greetings.py"
