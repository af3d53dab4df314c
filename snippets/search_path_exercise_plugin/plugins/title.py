def run(text):
    return text.title()
