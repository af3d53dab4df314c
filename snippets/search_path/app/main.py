import greetings

print(greetings.hello())
