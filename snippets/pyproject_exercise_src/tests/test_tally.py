from tally import count_words


def test_counts_each_word():
    assert count_words("to be or not to be") == {"to": 2, "be": 2, "or": 1, "not": 1}


def test_ignores_case():
    assert count_words("Spam spam SPAM") == {"spam": 3}


if __name__ == "__main__":
    # pytest finds the test_ functions by itself; run as a module, this calls them in turn.
    for name, test in sorted(globals().items()):
        if name.startswith("test_"):
            test()
            print("passed:", name)
