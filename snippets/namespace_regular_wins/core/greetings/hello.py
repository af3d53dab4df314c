def message():
    return "hello, from core/greetings/hello.py"
